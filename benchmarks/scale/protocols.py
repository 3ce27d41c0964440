"""Benchmark hooks for the protocols app: protocol PDFs, approval latency and time to a sealed PDF."""

import contextlib
import time

from django.db import transaction

from councils.models import Person
from meetings.models import Meeting, ProtocolState
from protocols import pdf, signing
from protocols import services as justering
from protocols.models import Approval, ProtocolVersion, justering_due_date
from protocols.snapshot import content_sha256, meeting_for_snapshot, protocol_snapshot

from . import Page
from .meetings import copy_meeting, page_count

VERSION = 2  # one final protocol for the bench council; the PDF hooks time what meetings generated
PDF_PAGES = 3  # the short protocol fills this many pages
PDF_MANY_ITEMS = 60  # the long protocol
APPROVAL_CASES = (("3-page", 3), ("28-page", 40))  # (label, items) of the protocols whose approval is timed


def clear():
    """Nothing to clear: the final protocol's rows go with its meeting, its PDFs are stored under media."""


def _final_source(council_id):
    """The bench council's second-latest held meeting (the latest stays a draft), if its chair can log in."""
    return (Meeting.objects.filter(council_id=council_id, status=Meeting.Status.HELD, chair__user__isnull=False)
            .select_related("chair__user").order_by("-starts_at")[1:2].first())


def generate(ctx):
    """One protocol made final the way a council does it, for the first council (the one `bench` times): sent
    for justering, approved and sealed by the services. Historic meetings otherwise stand as held without
    justering (sealing 12 000 protocols would take hours), so the meeting page is timed for both kinds."""
    meeting = _final_source(ctx.data[0].pk) if ctx.data else None
    if meeting is None:
        return
    user = meeting.chair.user
    version = justering.protocol_send(meeting=meeting, user=user)
    # The chair answers for themself; the adjusters (without a login in scale data) answer by other means.
    for approver in version.approvers:
        person = Person.objects.get(pk=approver["person_id"])
        justering.version_answer(version=version, user=user, decision=Approval.Decision.APPROVED,
                                 person=None if person.user_id == user.pk else person)
    justering.protocol_seal(version_id=version.pk, sha256=version.sha256)  # as the worker would; idempotent
    ctx.counts["final protocols"] = 1


def bench_pages(council):
    """The meeting page of the council's final protocol."""
    meeting = (Meeting.objects.filter(council=council, protocol_state=ProtocolState.FINAL)
               .order_by("-starts_at").first())
    return [Page("meeting_final", "meetings:meeting_detail", (meeting.pk,))] if meeting else []


@contextlib.contextmanager
def bench_pdf(council):
    """Protocols of about 3 pages and of 60 items, frozen as versions inside a transaction rolled back after
    timing; yields (label, render + sign, WeasyPrint alone on the same HTML) for each."""
    from weasyprint import HTML

    source = Meeting.objects.filter(council=council, status=Meeting.Status.HELD).order_by("-starts_at").first()
    if source is None:
        yield []
        return
    identity = signing.get_signing_identity()
    with transaction.atomic():
        def version_of(items):
            meeting = copy_meeting(source, items)
            content = protocol_snapshot(meeting_for_snapshot(meeting.pk), number=1)
            return ProtocolVersion.objects.create(
                meeting=meeting, number=1, content=content, sha256=content_sha256(content),
                due_date=justering_due_date(meeting))

        def case(version):
            html, _content = justering._document_html(version, public=False, final=True, identity=identity)

            def signed():
                return justering.render_signed_protocol(version, identity=identity)

            def plain():
                return HTML(string=html, base_url=pdf.base_url()).write_pdf(
                    stylesheets=[pdf.base_stylesheet()], font_config=pdf.FONT_CONFIG)

            return signed, plain, page_count(signed())

        cases = []
        # The fewest of the source's items that fill three pages (its whole agenda if it never does).
        items = list(source.items.order_by("position"))
        for count in range(1, len(items) + 1):
            signed, plain, pages = case(version_of(items[:count]))
            if pages >= PDF_PAGES or count == len(items):
                cases.append((f"{pages}-page protocol ({count} items)", signed, plain))
                break
        many = [items[n % len(items)] for n in range(PDF_MANY_ITEMS)]
        signed, plain, pages = case(version_of(many))
        cases.append((f"{PDF_MANY_ITEMS}-item protocol ({pages} pages)", signed, plain))
        yield cases
        transaction.set_rollback(True)


@contextlib.contextmanager
def bench_approval(council):
    """For a ~3-page and a ~28-page protocol: the last approver's request (without sealing) and the sealing
    task after it, in a transaction rolled back after timing; yields (label, approve ms, seal ms)."""
    source = Meeting.objects.filter(council=council, status=Meeting.Status.HELD, chair__isnull=False).order_by(
        "-starts_at").first()
    if source is None or source.chair.user is None:
        yield []
        return
    items = list(source.items.order_by("position"))
    rows = []
    with transaction.atomic():
        for label, count in APPROVAL_CASES:
            meeting = copy_meeting(source, [items[n % len(items)] for n in range(count)])
            meeting.adjusters.clear()
            user = source.chair.user
            version = justering.protocol_send(meeting=meeting, user=user)
            started = time.perf_counter()
            justering.version_answer(version=version, user=user, decision=Approval.Decision.APPROVED)
            approve_ms = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            justering.protocol_seal(version_id=version.pk, sha256=version.sha256)
            seal_ms = (time.perf_counter() - started) * 1000
            version.refresh_from_db()
            pages = page_count(version.signed_pdf.read())
            rows.append((f"{label} protocol ({pages} pages)", approve_ms, seal_ms))
        yield rows
        transaction.set_rollback(True)
