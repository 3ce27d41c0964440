import statistics
import time

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from benchmarks import load, machine
from benchmarks.pages import logged_in_client, profile_page, resolve, time_page, time_pages
from benchmarks.report import Row, figures_markdown, page_rows, text_table, write_docs
from benchmarks.scale import Page, scale_councils, scale_modules
from councils.models import Membership

THROUGHPUT_RATIO_TARGET = 0.20
WORKER_RSS_TARGET_MB = 200
PDF_RATIO_TARGET = 1.5
TODO_P95_TARGET_MS = 60
REMINDER_RUN_TARGET_S = 60


def coordinator_of(council):
    membership = (
        Membership.objects.current()
        .filter(council=council, forum__isnull=True, role=Membership.Role.COORDINATOR, person__user__isnull=False)
        .select_related("person__user")
        .first()
    )
    if membership is None:
        raise CommandError(f"{council} har ingen samordnare med inloggning.")
    return membership.person.user


def offered_pages(council):
    return [page for module in scale_modules() if hasattr(module, "bench_pages")
            for page in module.bench_pages(council)]


APPROVAL_TARGET_MS = 300


class Command(BaseCommand):
    help = (
        "Mäter Lobras sidor (p50/p95, antal frågor), genomströmning under last (gunicorn + wrk), "
        "arbetsprocessens minne och protokoll-PDF; skriver tabellen till docs/benchmarks.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50, help="Mätta anrop per sida (standard 50).")
        parser.add_argument("--warmup", type=int, default=5, help="Uppvärmningsanrop per sida.")
        parser.add_argument("--duration", type=int, default=20, help="Sekunder last per URL (standard 20).")
        parser.add_argument("--connections", type=int, default=16, help="Samtidiga anslutningar (standard 16).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn-arbetsprocesser (standard 2).")
        parser.add_argument("--no-load", action="store_true", help="Hoppa över lastmätningen (gunicorn + wrk).")
        parser.add_argument("--no-pdf", action="store_true", help="Hoppa över protokoll-PDF-mätningen.")
        parser.add_argument("--no-todo", action="store_true",
                            help="Hoppa över startsidan Att göra och påminnelsekörningen.")
        parser.add_argument("--pdf-runs", type=int, default=7, help="Mätta körningar per PDF (standard 7).")
        parser.add_argument("--output", default=str(settings.BASE_DIR / "docs" / "benchmarks.md"),
                            help="Markdown-filen som får siffrorna.")
        parser.add_argument("--no-write", action="store_true", help="Skriv bara ut tabellen.")
        parser.add_argument("--profile", action="append", default=[], metavar="KEY",
                            help="Profilera en sida med pyinstrument (t.ex. meeting, council); kan upprepas.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        load_at_start = machine.load_average()
        councils = list(scale_councils().order_by("pk"))
        if not councils:
            raise CommandError("Ingen skalningsdata: kör `manage.py generate_scale_data` först.")
        full, young = councils[0], councils[-1]
        notes = []
        if settings.DEBUG:
            notes.append("DEBUG was on: timings include Django's debug machinery (use benchmarks.settings).")
        if connection.vendor != "postgresql":
            notes.append(f"Database is {connection.vendor}, not PostgreSQL: figures are not comparable.")

        user = coordinator_of(full)
        client = logged_in_client(user)
        young_client = logged_in_client(coordinator_of(young)) if young.pk != full.pk else None
        pages = [Page("bare", "bench-bare"), *offered_pages(full)]
        self.stdout.write(f"Sidor för {full} (samordnare {user.username}) …")
        young_pages = [Page("bare", "bench-bare"), *offered_pages(young)] if young_client else ()
        results = time_pages(pages, client, young_pages, young_client,
                             requests=options["requests"], warmup=options["warmup"])
        rows = page_rows(results)
        rows += self.measure_feed(full, client, requests=options["requests"], warmup=options["warmup"])
        offered = {page.key: page for page in pages}
        for key in options["profile"]:
            if key not in offered:
                raise CommandError(f"Okänd sida {key!r}; finns: {', '.join(offered)}.")
            self.stdout.write(profile_page(offered[key], client, requests=options["requests"]))
        if young_client:
            notes.append(f"Queries are counted for a council with {full.valid_from:%Y}–today's data (full) "
                         f"and one that started {young.valid_from:%Y-%m-%d} (young); equal means constant.")

        if not options["no_todo"]:
            rows += self.measure_todo(notes, requests=options["requests"], warmup=options["warmup"])
        if options["no_load"]:
            rows.append(Row("Throughput under load", figure="skipped (--no-load)"))
            rows.append(Row("Peak RSS of a gunicorn worker", figure="skipped (--no-load)"))
        else:
            rows += self.measure_load(pages, client, options, notes)
        if options["no_pdf"]:
            rows.append(Row("Protocol PDF: render + sign / WeasyPrint alone", figure="skipped (--no-pdf)"))
        else:
            rows += self.measure_pdf(full, notes, runs=options["pdf_runs"])
            rows += self.measure_approval(full, notes)

        self.stdout.write("")
        self.stdout.write(text_table(rows))
        when = timezone.now().strftime("%Y-%m-%d %H:%M UTC")
        data = {"Scale data": full.description}
        data.update(self.row_counts())
        facts = machine.describe(load_at_start)
        if load_at_start[:1].isdigit() and float(load_at_start.split()[0]) > 0.5:
            notes.append(f"The machine was busy when the run started (load {load_at_start}): other processes "
                         "shared the CPUs, so timings are higher and noisier than on an idle machine.")
        figures = figures_markdown(when=when, machine=facts, data=data, rows=rows, notes=notes)
        if not options["no_write"]:
            write_docs(options["output"], figures)
            self.stdout.write(f"\nSkrivet till {options['output']}.")
        self.stdout.write(f"Klart på {time.perf_counter() - started:.0f} s.")

    def measure_todo(self, notes, *, requests, warmup):
        """The start page of the person in five councils, and the daily reminder run over all the data
        (twice, in a transaction rolled back afterwards, so the scale data stays as generated)."""
        from django.db import transaction
        from django.test.utils import override_settings

        from benchmarks.scale.todo import USERNAME
        from todo.reminders import reminders_send

        rows = []
        user = get_user_model().objects.filter(username=USERNAME).first()
        if user is None:
            rows.append(Row("Att göra, person in 5 councils", figure="n/a (regenerate the scale data)",
                            target=f"p95 ≤ {TODO_P95_TARGET_MS} ms"))
        else:
            self.stdout.write("Att göra …")
            result = time_page(Page("todo", "todo:start"), logged_in_client(user), requests=requests, warmup=warmup)
            result.label, result.target_ms = "Att göra, person in 5 councils", TODO_P95_TARGET_MS
            rows += page_rows([result])
        self.stdout.write("Påminnelser …")
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), transaction.atomic():
            started = time.perf_counter()
            first = reminders_send()
            first_s = time.perf_counter() - started
            started = time.perf_counter()
            second = reminders_send()
            second_s = time.perf_counter() - started
            transaction.set_rollback(True)
        rows.append(Row("Daily reminder run over all councils (first run of the day)", figure=f"{first_s:.1f} s",
                        target=f"≤ {REMINDER_RUN_TARGET_S} s", met=first_s <= REMINDER_RUN_TARGET_S))
        rows.append(Row("Daily reminder run, second run the same day", figure=f"{second_s:.1f} s, {second.sent} sent",
                        met=second.sent == 0))
        notes.append(f"Reminder run: {first}; the second run: {second}. E-mail to Django's in-memory backend; "
                     "both runs are rolled back afterwards.")
        return rows

    def row_counts(self):
        counts = {}
        for label in ("councils", "meetings", "protocols", "measures", "todo", "assessments"):
            try:
                config = apps.get_app_config(label)
            except LookupError:
                continue
            for model in config.get_models():
                counts[f"{model._meta.label}"] = f"{model.objects.count():,} rows".replace(",", " ")
        return counts

    def measure_feed(self, council, client, *, requests, warmup):
        """The calendar feed of a council with 500 meetings (made in a transaction rolled back afterwards)."""
        rows = []
        for module in scale_modules():
            if not hasattr(module, "bench_feed"):
                continue
            with module.bench_feed(council) as page:
                if page is not None:
                    result = time_page(page, client, requests=requests, warmup=warmup)
                    result.label = ".ics feed of 500 meetings"
                    rows += page_rows([result])
        return rows

    def measure_load(self, pages, client, options, notes):
        """Throughput of the meeting page, for a draft and for a final protocol, next to a bare view."""
        offered = {page.key: page for page in pages if page.method == "get" and resolve(page)}
        labels = {"meeting": "meeting page, draft protocol", "meeting_final": "meeting page, final protocol"}
        targets = [(labels[key], resolve(offered[key])) for key in labels if key in offered]
        if not targets:
            targets = [("council page (meeting page not built)", resolve(offered["council"]))]
        cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        self.stdout.write(f"Last: {options['workers']} gunicorn-arbetare, {options['connections']} anslutningar, "
                          f"{options['duration']} s per URL ({', '.join(label for label, _ in targets)}) …")
        run = dict(connections=options["connections"], duration=options["duration"])
        with load.Gunicorn(workers=options["workers"], base_dir=settings.BASE_DIR) as server:
            for _label, path in targets:
                status = server.get(path, cookie)
                if status != 200:
                    raise CommandError(f"{path} gav HTTP {status} under gunicorn, inte 200.")
            watcher = load.RssWatcher(server.process.pid)
            watcher.start()
            bare = load.run_wrk(server.base_url + "/bench/bare/", **run)
            logged_in = load.run_wrk(server.base_url + "/bench/bare-login/", cookie=cookie, **run)
            results = [(label, load.run_wrk(server.base_url + path, cookie=cookie, **run)) for label, path in targets]
            peak_mb = watcher.stop() / 1024
        login_ratio = logged_in.requests_per_second / bare.requests_per_second if bare.requests_per_second else 0
        rows = [
            Row("Throughput: bare Django view, same gunicorn", figure=f"{bare.requests_per_second:.0f} req/s"),
            Row("Throughput: bare view behind a login (session and user read, nothing else)",
                figure=f"{logged_in.requests_per_second:.0f} req/s = {login_ratio:.1%} of the bare view"),
        ]
        for name, result in (("bare view", bare), ("logged-in bare view", logged_in), *results):
            if result.errors:
                notes.append(f"wrk saw {result.errors} errors or non-2xx/3xx responses on the {name}.")
        latencies = "; ".join(f"{result.latency_p50_ms} / {result.latency_p99_ms} ms ({label})"
                              for label, result in results)
        notes.append(f"Load: gunicorn {options['workers']} sync workers, wrk 2 threads, {options['connections']} "
                     f"connections, {options['duration']} s per URL, logged-in session cookie; wrk latency "
                     f"p50/p99 {latencies}; {bare.latency_p50_ms} / {bare.latency_p99_ms} ms (bare view).")
        for label, result in results:
            ratio = result.requests_per_second / bare.requests_per_second if bare.requests_per_second else 0
            rows += [
                Row(f"Throughput: {label}", figure=f"{result.requests_per_second:.0f} req/s"),
                Row(f"Throughput ratio, {label} / bare view", figure=f"{ratio:.1%}",
                    target=f"≥ {THROUGHPUT_RATIO_TARGET:.0%}", met=ratio >= THROUGHPUT_RATIO_TARGET),
            ]
        rows.append(Row("Peak RSS of a gunicorn worker during load", figure=f"{peak_mb:.0f} MB",
                        target=f"< {WORKER_RSS_TARGET_MB} MB", met=peak_mb < WORKER_RSS_TARGET_MB))
        return rows

    def measure_pdf(self, council, notes, *, runs=7):
        """Protocol PDF render + sign next to WeasyPrint alone on the same HTML, median of `runs` runs each."""
        rows = []
        for module in scale_modules():
            if not hasattr(module, "bench_pdf"):
                continue
            # The hook sets up its protocols in a transaction it rolls back when the block ends.
            with module.bench_pdf(council) as cases:
                if cases:
                    self.stdout.write("Protokoll-PDF …")
                for label, signed, plain in cases:
                    (signed_ms, plain_ms), (signed_cpu, plain_cpu) = self.medians_ms(signed, plain, runs=runs)
                    ratio = signed_cpu / plain_cpu
                    rows.append(Row(f"Protocol PDF, {label}: render + sign / WeasyPrint alone",
                                    p50=f"{signed_ms:.0f} / {plain_ms:.0f}", cpu=f"{signed_cpu:.0f} / {plain_cpu:.0f}",
                                    figure=f"{ratio:.2f}×", target=f"≤ {PDF_RATIO_TARGET}×",
                                    met=ratio <= PDF_RATIO_TARGET))
        if not rows:
            return [Row("Protocol PDF: render + sign / WeasyPrint alone", figure="n/a (not built)",
                        target=f"≤ {PDF_RATIO_TARGET}×")]
        notes.append("Protocol PDF rows: the p50 and CPU columns hold the medians of render + sign / WeasyPrint "
                     f"alone ({runs} alternating runs each); the ratio is taken from CPU time, which other "
                     "processes on the machine do not inflate.")
        return rows

    def measure_approval(self, council, notes):
        """The last approval's latency (sealing queued, not run) and the sealing task's time to the PDFs."""
        rows = []
        for module in scale_modules():
            if not hasattr(module, "bench_approval"):
                continue
            with module.bench_approval(council) as cases:
                for label, approve_ms, seal_ms in cases:
                    rows.append(Row(f"Last approval, {label}", figure=f"{approve_ms:.0f} ms",
                                    target=f"< {APPROVAL_TARGET_MS} ms", met=approve_ms < APPROVAL_TARGET_MS))
                    rows.append(Row(f"Time to sealed PDFs (task), {label}", figure=f"{seal_ms:.0f} ms"))
        if rows:
            notes.append("Approval rows: one run each; the approval queues the sealing, which the next row times "
                         "as the worker would run it (both editions rendered and sealed).")
        return rows

    @staticmethod
    def medians_ms(*fns, runs=7):
        """Median wall and CPU time of each function in ms; runs alternate so a busy machine weighs on all alike."""
        for fn in fns:
            fn()  # warm caches (fonts, templates, parsed CSS)
        wall, cpu = [[] for _ in fns], [[] for _ in fns]
        for _ in range(runs):
            for n, fn in enumerate(fns):
                started, started_cpu = time.perf_counter(), time.process_time()
                fn()
                wall[n].append((time.perf_counter() - started) * 1000)
                cpu[n].append((time.process_time() - started_cpu) * 1000)
        return [statistics.median(times) for times in wall], [statistics.median(times) for times in cpu]
