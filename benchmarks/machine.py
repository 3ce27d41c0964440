"""What the figures were measured on: CPUs, memory, Python, database."""

import os
import platform
from pathlib import Path

from django.db import connection


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_total():
    """Total memory in bytes, from /proc/meminfo."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def database_version():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def database_size():
    """Size of the database in bytes: pg_database_size on PostgreSQL, the file on SQLite."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            return pages * cursor.fetchone()[0]
    return 0


def load_average():
    try:
        return " / ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def describe(load_at_start=None):
    """One line per fact, for the report."""
    return {
        "Load average (1/5/15 min) at start": load_at_start or load_average(),
        "Load average at end": load_average(),
        "CPUs (nproc)": str(os.cpu_count()),
        "CPU": cpu_model(),
        "Memory": f"{memory_total() / 2**30:.1f} GiB",
        "Python": platform.python_version(),
        "Database": database_version(),
        "Database size": f"{database_size() / 1e6:.0f} MB",
    }
