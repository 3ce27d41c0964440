import io
import os
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from benchmarks import load
from benchmarks.management.commands.bench import coordinator_of, offered_pages
from benchmarks.pages import PAGES, logged_in_client, time_page
from benchmarks.report import FIGURES_MARKER
from benchmarks.scale import Page
from councils.models import Council

WRK_OUTPUT = """\
Running 20s test @ http://127.0.0.1:8000/bench/bare/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.38ms    1.02ms  20.12ms   85.00%
    Req/Sec     1.26k    80.00     1.40k    70.00%
  Latency Distribution
     50%    6.20ms
     75%    6.80ms
     90%    7.50ms
     99%    1.10s{pad}
  50110 requests in 20.00s, 9.56MB read
  Socket errors: connect 0, read 1, write 0, timeout 3
  Non-2xx or 3xx responses: 2
Requests/sec:   2505.40
Transfer/sec:    489.33KB
""".format(pad=" ")  # wrk pads some figures with a trailing space


@pytest.fixture
def scale_data(db, media, scale_snapshots):
    scale_snapshots(2, 1).load_into(media)


def run_bench(tmp_path, **options):
    out = io.StringIO()
    call_command("bench", no_load=True, no_pdf=True, requests=2, warmup=1, output=str(tmp_path / "benchmarks.md"),
                 stdout=out,
                 **options)
    return out.getvalue()


def test_bench_prints_a_row_for_every_page_and_the_load_and_pdf_figures(scale_data, tmp_path):
    output = run_bench(tmp_path)

    for label in PAGES.values():
        assert label in output
    assert "Throughput under load" in output
    assert "Peak RSS of a gunicorn worker" in output
    assert "Protocol PDF" in output
    assert "Att göra, person in 5 councils" in output
    assert "Daily reminder run over all councils" in output and "0 sent" in output
    council_row = next(line for line in output.splitlines() if line.startswith("Council page"))
    assert "queries constant" in council_row and "n/a" not in council_row


def test_bench_marks_pages_no_app_has_built_as_not_built(scale_data, tmp_path):
    offered = {page.key for page in offered_pages(Council.objects.order_by("pk").first())}

    output = run_bench(tmp_path)

    assert {"overview", "council"} <= offered
    offered.add("bare")
    for key, label in PAGES.items():
        row = next(line for line in output.splitlines() if line.startswith(label))
        if key in offered:
            assert "n/a" not in row
        else:
            assert "n/a (not built)" in row


def test_a_page_whose_url_name_does_not_resolve_is_not_built(scale_data):
    client = logged_in_client(coordinator_of(Council.objects.order_by("pk").first()))

    result = time_page(Page("meeting", "meetings:no-such-page", (1,)), client, requests=2, warmup=1)

    assert result.status == "n/a (not built)"
    assert result.p95_ms is None


def test_bench_writes_the_table_below_the_marker_and_keeps_the_text_above(scale_data, tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(f"# Benchmarks\n\nHow to re-run.\n\n{FIGURES_MARKER}\n\nold figures\n")

    run_bench(tmp_path)

    text = docs.read_text()
    assert text.startswith("# Benchmarks\n\nHow to re-run.\n")
    assert "old figures" not in text
    assert "| Measure | p50 ms | p95 ms |" in text
    assert "CPUs (nproc)" in text
    assert "| Council page |" in text


def test_bench_without_write_leaves_the_docs_alone(scale_data, tmp_path):
    run_bench(tmp_path, no_write=True)

    assert not (tmp_path / "benchmarks.md").exists()


@pytest.mark.django_db
def test_bench_without_scale_data_says_to_generate_it(tmp_path):
    with pytest.raises(CommandError, match="generate_scale_data"):
        run_bench(tmp_path)


def test_wrk_output_is_parsed():
    result = load.parse_wrk(WRK_OUTPUT)

    assert result.requests_per_second == 2505.40
    assert result.requests == 50110
    assert result.errors == 6
    assert result.latency_p50_ms == 6.2
    assert result.latency_p99_ms == 1100


def test_wrk_output_without_results_is_an_error():
    with pytest.raises(ValueError):
        load.parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")


def test_peak_memory_of_a_process_is_read_from_proc():
    assert load.memory_kib(os.getpid()) > 0
    assert os.getpid() in load.children_of(os.getppid())


@pytest.mark.django_db
def test_the_bare_view_answers_in_the_bench_urlconf():
    response = Client().get("/bench/bare/")

    assert response.status_code == 200
    assert response.content == b"Lobra bench\n"


@pytest.mark.django_db
def test_the_logged_in_bare_view_reads_the_session_and_the_user(client, member, django_assert_num_queries):
    assert client.get("/bench/bare-login/").status_code == 302  # to the login page
    client.force_login(member.user)
    with django_assert_num_queries(2):  # the session and the user, nothing else
        response = client.get("/bench/bare-login/")
    assert response.status_code == 200 and str(member.user.pk).encode() in response.content


@pytest.mark.django_db
def test_the_bare_view_is_not_in_lobras_urls(settings):
    settings.ROOT_URLCONF = "lobra.urls"

    assert Client().get("/bench/bare/").status_code == 404


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed (make system-deps installs it)")
def test_gunicorn_serves_the_bare_view_under_wrk_and_its_worker_memory_is_watched():
    with load.Gunicorn(workers=1) as server:
        assert server.get("/bench/bare/") == 200
        watcher = load.RssWatcher(server.process.pid)
        watcher.start()
        result = load.run_wrk(server.base_url + "/bench/bare/", connections=2, duration=1, threads=1)
        peak_kib = watcher.stop()

    assert result.requests > 0
    assert result.errors == 0
    assert peak_kib > 10_000
