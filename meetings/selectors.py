"""Reads of meetings for other pages (the council page, the start page "Att göra")."""

import datetime

from django.db.models import Count, Q, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from councils.pagecache import cached_fragment, digest

from .models import Attendance, Decision, Meeting, ProtocolState, page_prefetches
from .sections import attach_sections

# How far back a held meeting still asks for its protocol, and an uppdrag still shows on the start page.
HELD_WINDOW_DAYS = 90
TASK_LATE_DAYS = 30
TASK_UNDATED_DAYS = 90
UPCOMING_DAYS = 60


def next_meetings_to_prepare(council_ids, *, now=None):
    """Each council's next meeting (not the forums'), if its kallelse is unsent or an item lacks a presenter;
    annotated with `unassigned_items`."""
    now = now or timezone.now()
    meetings = (
        Meeting.objects.filter(council_id__in=council_ids, forum__isnull=True, starts_at__gte=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("council")
        .annotate(unassigned_items=Count(
            "items", filter=Q(items__presenter__isnull=True, items__presenter_text="", items__number__isnull=False)
        ))
        .order_by("starts_at", "pk")
    )
    first = {}
    for meeting in meetings.filter(starts_at__lt=now + datetime.timedelta(days=UPCOMING_DAYS)):
        first.setdefault(meeting.council_id, meeting)
    return [m for m in first.values() if m.notice_sent_at is None or m.unassigned_items]


def held_meetings_with_open_protocol(council_ids, *, now=None):
    """Protocol meetings held in the last HELD_WINDOW_DAYS days whose protocol is open (not out for justering,
    not final), and older ones under a rättelse; newest first."""
    now = now or timezone.now()
    recent = Q(starts_at__gte=now - datetime.timedelta(days=HELD_WINDOW_DAYS), protocol_state=ProtocolState.OPEN)
    return (
        Meeting.objects.filter(council_id__in=council_ids, kind=Meeting.Kind.PROTOCOL, starts_at__lt=now)
        .filter(recent | Q(protocol_state=ProtocolState.IN_CORRECTION))
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("council", "forum")
        .order_by("-starts_at")
    )


def open_tasks_for(person, council_ids, *, today=None):
    """Uppdrag given to the person at meetings of these councils: dated ones not more than TASK_LATE_DAYS past
    their date, undated ones from the last TASK_UNDATED_DAYS days; earliest date first."""
    today = today or timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=TASK_UNDATED_DAYS)
    return (
        Decision.objects.filter(
            kind=Decision.Kind.TASK, responsible=person, agenda_item__meeting__council_id__in=council_ids,
        )
        .filter(Q(due_date__gte=today - datetime.timedelta(days=TASK_LATE_DAYS))
                | Q(due_date__isnull=True, agenda_item__meeting__starts_at__gte=since))
        .select_related("agenda_item__meeting__council")
        .order_by("due_date", "pk")
    )


def upcoming_meetings_for(person, council_ids, *, now=None):
    """Meetings in the next UPCOMING_DAYS days that the person is called to (on the attendance list)."""
    now = now or timezone.now()
    return (
        Meeting.objects.filter(
            council_id__in=council_ids, starts_at__gte=now, starts_at__lt=now + datetime.timedelta(days=UPCOMING_DAYS),
            attendances__person=person,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .exclude(pk__in=Attendance.objects.filter(person=person, status=Attendance.Status.APOLOGIES)
                 .values("meeting_id"))
        .select_related("council", "forum")
        .order_by("starts_at")
    )


def tasks_due_between(first, last):
    """Uppdrag with a responsible person and a date in [first, last] (for reminders)."""
    return (
        Decision.objects.filter(kind=Decision.Kind.TASK, responsible__isnull=False, due_date__range=(first, last))
        .select_related("agenda_item__meeting__council", "responsible")
    )


def next_meeting_start(council):
    """When the council's next meeting (cancelled ones too) starts: then the council page's panel changes."""
    start = (Meeting.objects.filter(council=council, starts_at__gte=timezone.now()).order_by("starts_at")
             .values_list("starts_at", flat=True).first())
    return start.isoformat() if start else "-"


def council_panel(council, user):
    """The council page's meetings panel: the next three and the last three meetings."""
    meetings = Meeting.objects.filter(council=council).select_related("forum")
    return {
        "council": council,
        "upcoming": list(meetings.upcoming()[:3]),
        "recent": list(meetings.past()[:3]),
        "can_write": council.has_perm(user, "meetings.write"),
    }


def attendance_groups(attendances):
    """(label, rows) per attendance status that has rows, in the order of Attendance.Status."""
    attendances = list(attendances)
    groups = [(label, [a for a in attendances if a.status == status]) for status, label in Attendance.Status.choices]
    return [(label, rows) for label, rows in groups if rows]


def meeting_document(meeting, perms):
    """What the meeting page's document shows (templates/meetings/_meeting_body.html), in a fixed number of
    queries: the meeting's rows (page_prefetches) and, under each item, the other apps' sections."""
    # The header's people, unless the meeting row came with them (Meeting.objects.for_page_head()).
    prefetch_related_objects([meeting], "council__organisation", "chair__organisation", "secretary__organisation",
                             "contact_person__organisation", *page_prefetches())
    items = list(meeting.items.all())
    loose_attachments = meeting.split_attachments(items)
    attach_sections(meeting, items, perms)
    for item in items:
        item.document_html = item_document_html(item)
    return {
        "meeting": meeting,
        "items": items,
        "attendance_groups": attendance_groups(meeting.attendances.all()),
        "loose_attachments": loose_attachments,
    }


def item_document_html(item):
    """One agenda item as the meeting page shows it, cached under everything it shows: an autosave (a new
    version) or a new decision renders that item again, and the other items come from the cache."""
    shown = (
        item.number, item.title, item.presenter_name, item.confidential, item.confidentiality_ground, item.version,
        item.minutes_updated_at,
        [(d.pk, d.kind, d.text, d.responsible_name, d.due_date) for d in item.decisions.all()],
        [(a.pk, str(a), a.get_absolute_url()) for a in item.page_attachments],
    )
    return mark_safe(cached_fragment(  # rendered by a template with autoescaping on
        "meeting-item", item.pk, digest(shown),
        render=lambda: render_to_string("meetings/_item_document.html", {"item": item}),
    ))
