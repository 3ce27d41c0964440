"""The start page's entries: what each selector returns, turned into links with a date and a reason."""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from councils.permissions import roles_with
from measures.selectors import measures_due_for
from meetings.models import ProtocolState
from meetings.selectors import (
    held_meetings_with_open_protocol,
    next_meetings_to_prepare,
    open_tasks_for,
    upcoming_meetings_for,
)
from protocols.selectors import seal_failures, versions_awaiting, versions_out_for_justering, versions_returned

MINUTES_ROLES = roles_with("meetings.write")
SOON_DAYS = 7


@dataclass
class Entry:
    """One thing that awaits the person: a direct link, the council, a date and why it is listed."""

    title: str
    url: str
    council: object
    when: datetime.date | None = None
    note: str = ""
    overdue: bool = False
    soon: bool = False
    ics_url: str = ""


@dataclass
class Section:
    key: str
    heading: str
    entries: list = field(default_factory=list)
    actionable: bool = True


def _flags(when, today):
    if when is None:
        return {"overdue": False, "soon": False}
    return {"overdue": when < today, "soon": today <= when <= today + datetime.timedelta(days=SOON_DAYS)}


def meeting_day(meeting):
    return timezone.localdate(meeting.starts_at)


def prepare_entries(council_ids, *, now):
    """Coordinator and secretary: the next meeting of each council whose kallelse or presenters are missing."""
    entries = []
    for meeting in next_meetings_to_prepare(council_ids, now=now):
        reasons = []
        if meeting.notice_sent_at is None:
            reasons.append(_("kallelsen är inte skickad"))
        if meeting.unassigned_items:
            reasons.append(ngettext("%(n)d punkt saknar föredragande", "%(n)d punkter saknar föredragande",
                                    meeting.unassigned_items) % {"n": meeting.unassigned_items})
        url = reverse("meetings:meeting_notice" if meeting.notice_sent_at is None else "meetings:meeting_agenda", args=[meeting.pk])
        day = meeting_day(meeting)
        entries.append(Entry(
            title=_("Förbered %(meeting)s") % {"meeting": meeting}, url=url, council=meeting.council, when=day,
            note=", ".join(reasons).capitalize(), **_flags(day, timezone.localdate(now)),
        ))
    return entries


def awaiting_entries(person, council_ids, *, today):
    """Chair and adjusters: protocols out for justering that wait for their answer."""
    return [
        Entry(
            title=(_("Justera rättelsen av protokollet från %(meeting)s") if version.is_correction
                   else _("Justera protokollet från %(meeting)s")) % {"meeting": version.meeting},
            url=version.get_absolute_url(), council=version.meeting.council, when=version.due_date,
            note=_("Senast"), **_flags(version.due_date, today),
        )
        for version in versions_awaiting(person, council_ids)
    ]


def protocol_entries(council_ids, *, now, today):
    """Coordinator and secretary: protocols returned, late or near their deadline, failed to seal, or not sent."""
    entries = []
    returned_meetings = set()
    for version in versions_returned(council_ids):
        returned_meetings.add(version.meeting_id)
        comments = "; ".join(a.comment for a in version.approvals.all() if a.comment)
        who = ", ".join(str(a.person) for a in version.approvals.all() if not a.is_approved)
        entries.append(Entry(
            title=_("Skickades tillbaka: protokollet från %(meeting)s") % {"meeting": version.meeting},
            url=reverse("protocols:protocol_meeting", args=[version.meeting_id]), council=version.meeting.council,
            note=_("Av %(who)s: %(comments)s") % {"who": who, "comments": comments or _("se kommentarerna per punkt")},
        ))
    soon = today + datetime.timedelta(days=SOON_DAYS)
    for version in versions_out_for_justering(council_ids, with_content=False):
        if version.due_date > soon:
            continue
        late = version.due_date < today
        entries.append(Entry(
            title=(_("Justeringen är försenad: %(meeting)s") if late
                   else _("Justeringen ska vara klar snart: %(meeting)s")) % {"meeting": version.meeting},
            url=reverse("protocols:protocol_meeting", args=[version.meeting_id]), council=version.meeting.council,
            when=version.due_date, note=_("Justeras senast"), **_flags(version.due_date, today),
        ))
    for version in seal_failures(council_ids):
        entries.append(Entry(
            title=_("Förseglingen misslyckades: %(meeting)s") % {"meeting": version.meeting},
            url=version.get_absolute_url(), council=version.meeting.council, overdue=True,
            note=_("Försök igen från protokollsidan."),
        ))
    for meeting in held_meetings_with_open_protocol(council_ids, now=now):
        if meeting.pk in returned_meetings:
            continue
        correction = meeting.protocol_state == ProtocolState.IN_CORRECTION
        due = meeting_day(meeting) + datetime.timedelta(days=meeting.council.justering_days)
        entries.append(Entry(
            title=(_("Skicka rättelsen av protokollet från %(meeting)s för justering") if correction
                   else _("Skicka protokollet från %(meeting)s för justering")) % {"meeting": meeting},
            url=reverse("meetings:meeting_detail", args=[meeting.pk]), council=meeting.council,
            when=None if correction else due, note="" if correction else _("Justeras senast"),
            **({} if correction else _flags(due, today)),
        ))
    return entries


def measure_entries(person, council_ids, *, today):
    """Every member: measures they (or their organisation) answer for whose follow-up is due or overdue."""
    entries = []
    for measure in measures_due_for(person, council_ids, today=today):
        activities = list(measure.activities.all())
        note = _("Uppföljning senast")
        if activities:
            note = ngettext("%(n)d aktivitet · uppföljning senast", "%(n)d aktiviteter · uppföljning senast",
                            len(activities)) % {"n": len(activities)}
        entries.append(Entry(
            title=str(measure), url=reverse("measures:follow_up_add", args=[measure.pk]), council=measure.council,
            when=measure.follow_up_due, note=note, **_flags(measure.follow_up_due, today),
        ))
    return entries


def task_entries(person, council_ids, *, today):
    """Every member: uppdrag given to them at meetings."""
    entries = []
    for decision in open_tasks_for(person, council_ids, today=today):
        meeting = decision.agenda_item.meeting
        entries.append(Entry(
            title=decision.text, url=f"{meeting.get_absolute_url()}#item-{decision.agenda_item_id}",
            council=meeting.council, when=decision.due_date,
            note=_("Uppdrag från %(meeting)s · klart senast") % {"meeting": meeting} if decision.due_date
            else _("Uppdrag från %(meeting)s") % {"meeting": meeting},
            **_flags(decision.due_date, today),
        ))
    return entries


def upcoming_entries(person, council_ids, *, now):
    """Every member: the meetings they are called to, each with its .ics."""
    return [
        Entry(
            title=str(meeting.title), url=meeting.get_absolute_url(), council=meeting.council,
            when=meeting_day(meeting),
            note=" · ".join(filter(None, [timezone.localtime(meeting.starts_at).strftime("%H.%M"),
                                          str(meeting.forum or ""), meeting.location])),
            ics_url=reverse("meetings:meeting_ics", args=[meeting.pk]),
        )
        for meeting in upcoming_meetings_for(person, council_ids, now=now)
    ]


def start_page(user, mine, *, now=None):
    """The sections of the start page for a user in the councils `mine` (councils.selectors.MyCouncil)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    person = getattr(user, "person", None)
    writers = [m.council.pk for m in mine if m.has_any(MINUTES_ROLES)]
    every = [m.council.pk for m in mine]
    sections = []
    if person is not None:
        sections.append(Section("justering", _("Att justera"), awaiting_entries(person, every, today=today)))
    if writers:
        sections.append(Section("protocols", _("Protokoll"), protocol_entries(writers, now=now, today=today)))
        sections.append(Section("prepare", _("Möten att förbereda"), prepare_entries(writers, now=now)))
    if person is not None:
        sections.append(Section("measures", _("Åtgärder att följa upp"), measure_entries(person, every, today=today)))
        sections.append(Section("tasks", _("Uppdrag till dig"), task_entries(person, every, today=today)))
        sections.append(Section("upcoming", _("Kommande möten"), upcoming_entries(person, every, now=now),
                                actionable=False))
    return sections
