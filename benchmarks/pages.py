"""Server time and query count of Lobra's pages, in-process through Django's test Client."""

import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

# The pages the issue names, in table order: key -> label. A key no app provides is "not built".
PAGES = {
    "bare": "Bare Django view (the floor)",
    "overview": "Overview (my councils)",
    "council": "Council page",
    "meeting_list": "Meeting list",
    "meeting": "Meeting page, draft protocol",
    "meeting_final": "Meeting page, final protocol",
    "meeting_changed": "Meeting page right after a change (body rendered anew)",
    "autosave": "Autosave request (POST)",
    "ics": ".ics feed",
    "plan": "Action plan, unfiltered",
    "plan_filtered": "Action plan, filtered",
    "measure": "Measure page",
    "search_common": "Search: common word (ungdomar)",
    "search_compound": "Search: compound tail (störningar)",
    "search_common_icontains": "Search: common word, plain icontains",
    "search_compound_icontains": "Search: compound tail, plain icontains",
    "compliance": "Lagkrav och uppföljning (compliance)",
    "problem": "Problem page (causes, measures, follow-ups)",
}
# p95 targets in ms at full scale; every page's query count must not grow with the data.
P95_TARGETS = {"meeting": 50, "meeting_final": 50, "plan": 150, "plan_filtered": 150, "search_common": 80,
               "search_compound": 80, "compliance": 80, "problem": 80}
# CPU targets in ms (p50, p95; None: no target) of the Django process per request at full scale.
CPU_TARGETS = {"meeting": (8, 20), "meeting_final": (8, 20), "measure": (8, 20), "council": (8, 20),
               "plan": (15, None), "ics_500": (10, None)}


@dataclass
class PageResult:
    key: str
    label: str
    status: str = "ok"  # "ok", "n/a (not built)" or an error such as "HTTP 403"
    p50_ms: float | None = None
    p95_ms: float | None = None
    cpu_p50_ms: float | None = None
    cpu_p95_ms: float | None = None
    queries: int | None = None
    queries_young: int | None = None
    target_ms: int | None = None
    cpu_target_ms: tuple | None = None  # (p50, p95 or None)

    @property
    def p95_met(self):
        return None if self.target_ms is None or self.p95_ms is None else self.p95_ms < self.target_ms

    @property
    def cpu_met(self):
        if self.cpu_target_ms is None or self.cpu_p50_ms is None:
            return None
        p50, p95 = self.cpu_target_ms
        return self.cpu_p50_ms <= p50 and (p95 is None or self.cpu_p95_ms <= p95)

    @property
    def queries_constant(self):
        return None if self.queries is None or self.queries_young is None else self.queries == self.queries_young


def logged_in_client(user):
    client = Client()
    client.force_login(user)
    return client


class Requester:
    """Sends a page's requests; callable data is computed before the clock starts."""

    def __init__(self, client, page, url):
        self.client, self.page, self.url = client, page, url
        self.last = None

    def data(self):
        data = self.page.data
        return (data(self.last) if callable(data) else data) or {}

    def send(self, data):
        send = self.client.post if self.page.method == "post" else self.client.get
        self.last = send(self.url, data, headers=self.page.headers or {})
        return self.last

    def __call__(self):
        return self.send(self.data())

    def timed(self):
        """Wall and CPU time of one request in ms (CPU: this process only, so without PostgreSQL's share)."""
        data = self.data()
        started, cpu = time.perf_counter(), time.process_time()
        response = self.send(data)
        return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000, response


def _ok(response):
    """Only a page served counts: a redirect (to the login page, to HTTPS) would time the wrong thing."""
    return response.status_code == 200


def resolve(page):
    """The page's URL, or None when the app has not built it (yet)."""
    try:
        return reverse(page.url_name, args=page.args)
    except NoReverseMatch:
        return None


def query_count(client, page, url):
    """Queries of one request after a warm-up one (which fills per-user caches, as in real use)."""
    requester = Requester(client, page, url)
    requester()
    data = requester.data()
    with CaptureQueriesContext(connection) as captured:
        response = requester.send(data)
    return len(captured), response


def time_page(page, client, *, requests=50, warmup=5):
    """p50/p95 of the server time and the query count of one page."""
    result = PageResult(page.key, PAGES.get(page.key, page.key), target_ms=P95_TARGETS.get(page.key),
                        cpu_target_ms=CPU_TARGETS.get(page.key))
    url = resolve(page)
    if url is None:
        result.status = "n/a (not built)"
        return result
    requester = Requester(client, page, url)
    for _ in range(max(warmup, 1)):
        response = requester()
        if not _ok(response):
            result.status = f"HTTP {response.status_code}"
            return result
    data = requester.data()
    with CaptureQueriesContext(connection) as captured:
        requester.send(data)
    result.queries = len(captured)
    timings, cpu = [], []
    for _ in range(requests):
        elapsed, cpu_ms, response = requester.timed()
        if not _ok(response):
            result.status = f"HTTP {response.status_code}"
            return result
        timings.append(elapsed)
        cpu.append(cpu_ms)
    result.p50_ms = statistics.median(timings)
    result.cpu_p50_ms = statistics.median(cpu)
    result.p95_ms = _p95(timings)
    result.cpu_p95_ms = _p95(cpu)
    return result


def _p95(values):
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def time_pages(pages, client, young_pages=(), young_client=None, *, requests=50, warmup=5):
    """One PageResult per key in PAGES (n/a where no app offers it), plus any extra keys offered."""
    offered = {page.key: page for page in pages}
    young = {page.key: page for page in young_pages}
    results = []
    for key in [*PAGES, *(k for k in offered if k not in PAGES)]:
        if key not in offered:
            results.append(PageResult(key, PAGES[key], status="n/a (not built)", target_ms=P95_TARGETS.get(key),
                                      cpu_target_ms=CPU_TARGETS.get(key)))
            continue
        result = time_page(offered[key], client, requests=requests, warmup=warmup)
        if result.status == "ok" and key in young and young_client is not None:
            url = resolve(young[key])
            if url:
                count, response = query_count(young_client, young[key], url)
                result.queries_young = count if _ok(response) else None
        results.append(result)
    return results


def profile_page(page, client, *, requests=50):
    """pyinstrument's call tree of `requests` requests to the page, as text."""
    from pyinstrument import Profiler

    url = resolve(page)
    if url is None:
        return f"{page.key}: n/a (not built)"
    requester = Requester(client, page, url)
    requester()
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(requests):
            requester()
    return profiler.output_text(unicode=True, color=False)
