"""Scale data for `make bench`: four council meetings a year with minutes, attendance, decisions, attachments."""

import contextlib
import datetime
import io
import secrets
import shutil
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from benchmarks import swedish
from councils.models import Membership
from councils.revision import renew
from meetings.models import (
    AgendaItem,
    AgendaTemplate,
    AgendaTemplateItem,
    Attachment,
    Attendance,
    CalendarFeed,
    Decision,
    Meeting,
    ProtocolState,
)

from . import Page, bulk
from .councils import SEATS

VERSION = 1
# (month, day) of the four council meetings of a year, 09:00–11:00.
MEETING_DAYS = [(2, 10), (5, 12), (9, 15), (11, 17)]
ITEMS_PER_MEETING = len(swedish.AGENDA)
ATTACHMENTS_PER_MEETING = 2
ATTACHMENT_DIR = "meetings/skala"
FEED_MEETINGS = 500  # the calendar feed the .ics target is set for
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Seats (index in councils.SEATS) that present items, in agenda order; None: nobody in particular.
PRESENTERS = [1, 1, 3, 0, 4, 6, 0, 0, 0, 0, 1, 0]
CO_OPTED = {n for n, seat in enumerate(SEATS) if seat[0] == Membership.Role.CO_OPTED}
SEAT = {seat[0]: n for n, seat in reversed(list(enumerate(SEATS)))}


def clear():
    """Remove the attachment files of earlier scale data (the rows go with the database flush)."""
    shutil.rmtree(Path(settings.MEDIA_ROOT) / ATTACHMENT_DIR, ignore_errors=True)


def _attachment_files():
    """The two small files every scale meeting carries: a one-page PDF and a CSV of figures."""
    from weasyprint import HTML

    pdf = HTML(string="<h1>Lägesbild</h1><p>Anmälda brott per område och kvartal.</p>").write_pdf()
    csv = "område;kvartal;anmälda brott\ncentrum;1;42\nstationen;1;17\n".encode()
    return [
        ("Lägesbild från polisen", "lagesbild.pdf", "application/pdf", "pdf", pdf),
        ("Statistik per område", "statistik.csv", "text/csv", "csv", csv),
    ]


def _meeting_dates(ctx, data):
    for year in range(data.start.year, ctx.today.year + 1):
        for month, day in MEETING_DAYS:
            starts = datetime.datetime(year, month, day, 9, 0, tzinfo=STOCKHOLM)
            yield starts, starts + datetime.timedelta(hours=2)


def generate(ctx):
    """Meetings of every council since it started, with minutes, attendance, decisions and attachments."""
    rng = ctx.rng
    now = datetime.datetime.now(tz=STOCKHOLM)
    files = _attachment_files()
    media = Path(settings.MEDIA_ROOT)
    counts = dict.fromkeys(["meetings", "agenda items", "attendances", "decisions", "attachments"], 0)

    templates = bulk(AgendaTemplate, [AgendaTemplate(council_id=data.pk) for data in ctx.data])
    bulk(AgendaTemplateItem, [
        AgendaTemplateItem(template=template, position=n, title=title.format(
            forum0="Samverkan runt barn och unga", forum1="Trygg hela veckan", forum3="Tryggare centrum"))
        for template in templates for n, title in enumerate(swedish.AGENDA)
    ])
    bulk(CalendarFeed, [CalendarFeed(user_id=data.users[Membership.Role.COORDINATOR], council_id=data.pk)
                        for data in ctx.data])

    # One council at a time keeps memory flat; each step is a handful of bulk inserts.
    for data in ctx.data:
        people = data.people
        meetings = []
        for starts, ends in _meeting_dates(ctx, data):
            held = ends < now
            meetings.append(Meeting(
                council_id=data.pk, kind=Meeting.Kind.PROTOCOL,
                title=f"Sammanträde med lokala brottsförebyggande rådet i {data.town}",
                starts_at=starts, ends_at=ends, place=f"Kommunhuset i {data.town}, sammanträdesrum Tryggheten",
                chair_id=people[SEAT[Membership.Role.CHAIR]], secretary_id=people[SEAT[Membership.Role.SECRETARY]],
                contact_person_id=people[0], contact_text=f"Preventionssamordnare, 010-{data.pk:03d} 00 00",
                department="Kommunledningskontoret",
                status=Meeting.Status.HELD if held else Meeting.Status.NOTIFIED,
                notice_sent_at=starts - datetime.timedelta(days=14),
                created_by_id=data.users[Membership.Role.COORDINATOR],
            ))
        bulk(Meeting, meetings)
        adjuster = people[10]
        bulk(Meeting.adjusters.through, [Meeting.adjusters.through(meeting_id=m.pk, person_id=adjuster)
                                         for m in meetings])
        forums = {"forum0": "Samverkan runt barn och unga", "forum1": "Trygg hela veckan",
                  "forum3": "Tryggare centrum"}
        items, attendances, attachments = [], [], []
        for meeting in meetings:
            held = meeting.status == Meeting.Status.HELD
            for n, title in enumerate(swedish.AGENDA):
                presenter = PRESENTERS[n]
                items.append(AgendaItem(
                    meeting=meeting, position=n, number=n + 1, title=title.format(**forums),
                    presenter_id=people[presenter] if presenter is not None else None,
                    minutes=_minutes(rng, data.town, n) if held else "",
                    minutes_updated_at=meeting.ends_at if held else None,
                ))
            members = [(pk, n) for n, pk in enumerate(people)]
            members += [(pk, None) for pk, left in data.former if meeting.starts_at.date() <= left]
            for position, (person_pk, seat) in enumerate(members):
                attendances.append(Attendance(
                    meeting=meeting, person_id=person_pk, position=position,
                    status=_attendance(rng, held, seat in CO_OPTED),
                ))
        bulk(AgendaItem, items)
        bulk(Attendance, attendances)

        decisions = []
        for item in items:
            if not item.minutes or item.position < 3:
                continue
            decisions.append(Decision(agenda_item=item, kind=Decision.Kind.DECISION, position=0,
                                      text=swedish.decision(rng, data.town)))
            if item.position % 3 == 0:
                due = item.meeting.starts_at.date() + datetime.timedelta(days=60)
                decisions.append(Decision(
                    agenda_item=item, kind=Decision.Kind.TASK, position=1, responsible_id=people[0],
                    text="Samordnaren får i uppdrag att återkomma med en sammanställning till nästa möte.",
                    due_date=due,
                ))
        bulk(Decision, decisions)

        for m, meeting in enumerate(meetings):
            police_item = items[m * ITEMS_PER_MEETING + 4]  # the police's report carries their lägesbild
            for number, (title, name, content_type, suffix, content) in enumerate(files, start=1):
                relative = f"{ATTACHMENT_DIR}/{meeting.pk}/{secrets.token_hex(8)}.{suffix}"
                path = media / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
                attachments.append(Attachment(
                    meeting=meeting, agenda_item=police_item if number == 1 else None, file=relative, title=title, original_name=name,
                    content_type=content_type, size=len(content), number=number,
                    uploaded_by_id=data.users[Membership.Role.COORDINATOR],
                ))
        bulk(Attachment, attachments)

        for label, rows in (("meetings", meetings), ("agenda items", items), ("attendances", attendances),
                            ("decisions", decisions), ("attachments", attachments)):
            counts[label] += len(rows)
    ctx.counts.update(counts)


def _minutes(rng, town, position):
    """Minutes HTML of an agenda item: a line for the formal items, a few paragraphs for the rest."""
    if position < 3:
        return "<p>" + ["Ordföranden öppnade mötet och hälsade alla välkomna. Dagordningen godkändes.",
                        "Till justerare valdes en av rådets ledamöter.",
                        "Föregående protokoll gicks igenom och lades till handlingarna."][position] + "</p>"
    return "".join(f"<p>{swedish.paragraph(rng, town, rng.randint(3, 5))}</p>" for _ in range(rng.randint(2, 4)))


def _attendance(rng, held, co_opted):
    if not held:
        return Attendance.Status.CALLED
    if co_opted:
        return Attendance.Status.CO_OPTED
    roll = rng.random()
    if roll < 0.80:
        return Attendance.Status.PRESENT
    return Attendance.Status.APOLOGIES if roll < 0.95 else Attendance.Status.ABSENT


def _autosave_data(item):
    state = {}

    def data(last):
        if last is not None and last.status_code == 200:
            state["version"] = last.json()["version"]
        elif "version" not in state:
            state["version"] = AgendaItem.objects.values_list("version", flat=True).get(pk=item.pk)
        return {"minutes": item.minutes, "version": state["version"]}

    return data


def _after_a_change(council):
    """Data for a request made right after a change in the council: renews its revision (as every change
    does), so the request renders the page body anew instead of reading it from the cache."""

    def data(last):
        renew(council)
        return {}

    return data


def bench_pages(council):
    """Meeting list, the latest held meeting whose protocol is still open (a draft), the same page right after
    a change, an autosave of one of its items and the calendar feed."""
    meeting = (Meeting.objects.filter(council=council, status=Meeting.Status.HELD, protocol_state=ProtocolState.OPEN)
               .order_by("-starts_at").first())
    if meeting is None:
        return []
    item = meeting.items.filter(number=5).first() or meeting.items.first()
    pages = [
        Page("meeting_list", "meetings:meeting_list", (council.pk,)),
        Page("meeting", "meetings:meeting_detail", (meeting.pk,)),
        Page("meeting_changed", "meetings:meeting_detail", (meeting.pk,), data=_after_a_change(council)),
        Page("autosave", "meetings:item_minutes_save", (item.pk,), method="post", data=_autosave_data(item),
             headers={"Accept": "application/json"}),
    ]
    feed = CalendarFeed.objects.filter(council=council).first()
    if feed:
        pages.append(Page("ics", "meetings:calendar_feed_ics", (feed.token,)))
    return pages


@contextlib.contextmanager
def bench_feed(council):
    """The council's calendar feed with FEED_MEETINGS meetings: its own, and copies of them a week apart (a
    council with ten years of meetings of its own and its forums), in a transaction rolled back after timing.
    Yields the feed's Page, or None when the council has no feed."""
    feed = CalendarFeed.objects.filter(council=council).first()
    if feed is None:
        yield None
        return
    with transaction.atomic():
        own = list(Meeting.objects.filter(council=council).order_by("starts_at"))
        missing = FEED_MEETINGS - len(own)
        copies = []
        for n in range(max(missing, 0)):
            source = own[n % len(own)]
            shift = datetime.timedelta(weeks=1 + n // len(own))
            copies.append(Meeting(
                council_id=council.pk, kind=source.kind, title=source.title, starts_at=source.starts_at + shift,
                ends_at=source.ends_at + shift, place=source.place, status=source.status,
            ))
        bulk(Meeting, copies)
        titles = [title.format(forum0="Samverkan runt barn och unga", forum1="Trygg hela veckan",
                               forum3="Tryggare centrum") for title in swedish.AGENDA]
        bulk(AgendaItem, [AgendaItem(meeting=meeting, position=n, number=n + 1, title=title)
                          for meeting in copies for n, title in enumerate(titles)])
        renew(council)  # a cached feed of the council's own meetings must not answer for this one
        yield Page("ics_500", "meetings:calendar_feed_ics", (feed.token,))
        transaction.set_rollback(True)


def copy_meeting(source, items):
    """A new meeting like source with copies of the given items (numbered in order) and their decisions."""
    meeting = Meeting.objects.get(pk=source.pk)
    adjusters = list(source.adjusters.all())
    meeting.pk, meeting.uid, meeting.status = None, uuid.uuid4(), Meeting.Status.HELD
    meeting.save()
    meeting.adjusters.set(adjusters)
    bulk(Attendance, [Attendance(meeting=meeting, person_id=a.person_id, status=a.status, position=a.position)
                      for a in source.attendances.all()])
    copies = bulk(AgendaItem, [
        AgendaItem(meeting=meeting, position=n, number=n + 1, title=item.title, presenter_id=item.presenter_id,
                   minutes=item.minutes)
        for n, item in enumerate(items)
    ])
    bulk(Decision, [
        Decision(agenda_item=copy, kind=d.kind, text=d.text, responsible_id=d.responsible_id, due_date=d.due_date,
                 position=d.position)
        for copy, item in zip(copies, items, strict=True) for d in item.decisions.all()
    ])
    return meeting


def page_count(pdf_bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(io.BytesIO(pdf_bytes), strict=False).root["/Pages"]["/Count"])
