"""Throughput under load: gunicorn serving Lobra, wrk hammering one URL, /proc watching the workers."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path


@dataclass
class WrkResult:
    requests_per_second: float
    requests: int
    errors: int  # socket errors plus non-2xx/3xx responses
    latency_p50_ms: float | None
    latency_p99_ms: float | None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _duration_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(output):
    """The figures of `wrk --latency` output."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if not rps or not total:
        raise ValueError(f"wrk-utdata utan resultat:\n{output}")
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_ok.group(1)) if non_ok else 0
    percentiles = dict(re.findall(r"^\s*(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    return WrkResult(
        requests_per_second=float(rps.group(1)),
        requests=int(total.group(1)),
        errors=errors,
        latency_p50_ms=_duration_ms(percentiles["50"]) if "50" in percentiles else None,
        latency_p99_ms=_duration_ms(percentiles["99"]) if "99" in percentiles else None,
    )


def children_of(pid):
    """Pids whose parent is pid (gunicorn's workers), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Fields after the command name, which is in parentheses and may hold spaces.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def memory_kib(pid, field="VmHWM"):
    """A memory figure of a process from /proc/<pid>/status in KiB (VmHWM: peak resident set)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class RssWatcher(threading.Thread):
    """Samples the workers' resident memory while load runs; keeps the peak (and VmHWM at the end)."""

    def __init__(self, master_pid, interval=0.2):
        super().__init__(daemon=True)
        self.master_pid, self.interval = master_pid, interval
        self.peak_kib = 0
        self._stop_event = threading.Event()

    def sample(self):
        for pid in children_of(self.master_pid):
            self.peak_kib = max(self.peak_kib, memory_kib(pid, "VmRSS"), memory_kib(pid, "VmHWM"))

    def run(self):
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def stop(self):
        self._stop_event.set()
        self.join()
        self.sample()
        return self.peak_kib


class Gunicorn:
    """gunicorn serving lobra.wsgi with the bench settings, as a context manager."""

    def __init__(self, *, workers=2, settings="benchmarks.settings", base_dir=None):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.workers, self.settings, self.base_dir = workers, settings, base_dir
        self.process = None

    def __enter__(self):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": self.settings}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "lobra.wsgi:application", "--workers", str(self.workers),
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning", "--timeout", "60"],
            cwd=self.base_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn avslutades: {self.process.stderr.read()}")
            try:
                urllib.request.urlopen(self.base_url + "/bench/bare/", timeout=10).read()
                break
            except OSError:  # refused while booting, or a worker still importing Django
                time.sleep(0.2)
        else:
            self.__exit__()
            raise RuntimeError("gunicorn svarade inte inom 60 s")
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def get(self, path, cookie=""):
        """Status code of one GET, without following redirects."""

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        request = urllib.request.Request(self.base_url + path, headers={"Cookie": cookie} if cookie else {})
        try:
            with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def wrk_path():
    path = shutil.which("wrk")
    if not path:
        raise RuntimeError("wrk saknas: kör `make system-deps` (Debian-paketet wrk).")
    return path


def run_wrk(url, *, cookie="", connections=16, duration=20, threads=2):
    command = [wrk_path(), f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True, timeout=duration + 60).stdout
    return parse_wrk(output)
