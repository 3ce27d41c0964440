"""Benchmark hook for `make bench`: Lobra's whole protocol path against WeasyPrint alone on the same HTML."""

import datetime
import io
import statistics
import time

from django.db import transaction
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader

from councils.models import Council, Membership, Organisation, Person

from . import justering, pdf, signing
from .models import AgendaItem, Attendance, Decision, Meeting

MINUTES = (
    "<p>Polisen redogjorde för lägesbilden i Örnberg och vid Liljeholmstorget: färre anmälda skadegörelser, "
    "men fler ordningsstörningar sena kvällar. Fältassistenterna har haft närvaro på platsen fredag och lördag.</p>"
    "<ul><li>Belysningen vid trappan mot tunnelbanan är lagad.</li>"
    "<li>Fastighetsägaren har röjt sly längs gångvägen.</li></ul>"
)


def _fixture(items):
    """A council meeting with `items` agenda items, a decision each, 15 attendees, chair and adjuster."""
    organisation = Organisation.objects.create(name=f"Bänkstadens förvaltning {time.time_ns()}", kind="kommun")
    council = Council.objects.create(name="Bänkstadens lokala brå", organisation=organisation)
    people = [
        Person.objects.create(first_name=f"Person{n}", last_name="Åkesson", title="Handläggare",
                              organisation=organisation)
        for n in range(15)
    ]
    for person in people:
        Membership.objects.create(person=person, council=council, role=Membership.Role.MEMBER)
    starts = timezone.make_aware(datetime.datetime(2026, 11, 20, 9, 0))
    meeting = Meeting.objects.create(council=council, title="Lokala brå", starts_at=starts,
                                     ends_at=starts + datetime.timedelta(hours=2), place="Telefonvägen 30",
                                     chair=people[0], secretary=people[1])
    meeting.adjusters.set([people[2]])
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=p, status=Attendance.Status.PRESENT, position=n) for n, p in enumerate(people)
    )
    for n in range(items):
        item = AgendaItem.objects.create(meeting=meeting, position=n, number=n + 1, title=f"Punkt {n + 1}: uppföljning",
                                         minutes=MINUTES, confidential=(n == 1), confidentiality_ground="OSL 26 kap. 1 §")
        Decision.objects.create(agenda_item=item, text="Informationen läggs till handlingarna.")
    version = justering.protocol_send(meeting=meeting, user=None)
    for person in (people[0], people[2]):
        justering.version_answer(version=version, user=None, person=person, decision="justerat")
    version.refresh_from_db()
    return version


def _median_ms(func, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(*, items, runs=7):
    """Median warm timings in ms for one protocol size; nothing is left in the database."""
    with transaction.atomic():
        version = _fixture(items)
        identity = signing.get_signing_identity()
        html, _content = justering._document_html(version, public=False, final=True, identity=identity)
        justering.render_signed_protocol(version, identity=identity)  # warm-up
        pages = int(PdfFileReader(io.BytesIO(pdf.render_html(html))).root["/Pages"]["/Count"])
        weasy = _median_ms(lambda: pdf.render_html(html), runs)
        whole = _median_ms(lambda: justering.render_signed_protocol(
            type(version).objects.get(pk=version.pk), identity=identity), runs)
        transaction.set_rollback(True)
    return {"items": items, "pages": pages, "weasyprint_ms": round(weasy, 1), "lobra_ms": round(whole, 1),
            "ratio": round(whole / weasy, 2)}


def run(stdout=None):
    """The figures `make bench` reports: a ~3-page protocol and a 60-item one."""
    results = [measure(items=6, runs=15), measure(items=60, runs=5)]
    if stdout:
        for r in results:
            stdout.write(f"Protokoll {r['items']} punkter, {r['pages']} sidor: WeasyPrint {r['weasyprint_ms']} ms, "
                         f"Lobra (frågor+mall+PDF+sigill) {r['lobra_ms']} ms, kvot {r['ratio']}")
    return results
