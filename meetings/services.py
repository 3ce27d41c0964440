"""Meeting rules that span models or do I/O: creating from the standard agenda, saving minutes, kallelse."""

import datetime
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.history import apply_changes
from councils.models import Membership, log_action
from councils.tasks import send_email

from .ics import calendar_bytes
from .locking import MeetingLocked, meeting_locked
from .models import AgendaItem, AgendaTemplate, AgendaTemplateItem, Attendance, Decision, Meeting
from .sanitize import check_minutes_length, clean_minutes

__all__ = ["MeetingLocked", "clean_minutes"]

def default_agenda():
    """(title, numbered, prefilled minutes, reports follow-ups): the agenda the seed minutes follow, in the
    language of whoever creates the council's first meeting."""
    opening = "<p>%s</p>" % _("Sammanträdet öppnades av mötesordförande, deltagarna presenterade sig, föregående "
                              "protokoll lades till handlingarna och dagordningen godkändes.")
    parties = "".join(f"<h3>{party}</h3><p><br></p>"
                      for party in (_("Polis"), _("Räddningstjänst"), _("Skola"), _("Social omsorg")))
    return [
        (_("Mötets öppnande"), True, opening, False),
        (_("Information från parterna"), True, parties, False),
        (_("Återrapportering från arbetsgrupper och uppföljning av prioriteringar"), True, "", True),
        (_("Övriga frågor"), True, "", False),
        (_("Kommande möten"), True, "", False),
    ]
# A log entry per autosave would drown the audit log; one per writer and quarter of an hour says who wrote.
AUDIT_QUIET_PERIOD = datetime.timedelta(minutes=15)


def agenda_template_for(council):
    """The council's standard agenda, created from the default agenda the first time it is needed."""
    template = AgendaTemplate.objects.filter(council=council, is_default=True).first()
    if template is None:
        with transaction.atomic():
            template = AgendaTemplate.objects.create(council=council, name=_("Standarddagordning"))
            AgendaTemplateItem.objects.bulk_create(
                AgendaTemplateItem(template=template, position=n, title=title, numbered=numbered, minutes=text,
                                   reports_follow_ups=reports)
                for n, (title, numbered, text, reports) in enumerate(default_agenda())
            )
    return template


def agenda_template_replace(*, meeting, user):
    """Make this meeting's agenda (titles and prefilled opening text) the council's standard agenda."""
    template = agenda_template_for(meeting.council)
    with transaction.atomic():
        template.items.all().delete()
        AgendaTemplateItem.objects.bulk_create(
            AgendaTemplateItem(template=template, position=n, title=item.title, numbered=item.number is not None,
                               minutes=item.minutes if n == 0 else "", reports_follow_ups=item.reports_follow_ups)
            for n, item in enumerate(meeting.items.order_by("position", "pk"))
        )
        log_action(council=meeting.council, user=user, action="meetings.agenda.made_standard", obj=meeting)
    return template


def meeting_create(*, council, user, data, template=None, adjusters=()):
    """A new meeting with the standard agenda and everyone in the council (or forum) called."""
    template = template or agenda_template_for(council)
    with transaction.atomic():
        meeting = Meeting.objects.create(council=council, created_by=user, **data)
        meeting.adjusters.set(adjusters)
        number = 0
        items = []
        for n, row in enumerate(template.items.all()):
            if row.numbered:
                number += 1
            items.append(AgendaItem(meeting=meeting, position=n, number=number if row.numbered else None,
                                    title=row.title, minutes=clean_minutes(row.minutes),
                                    reports_follow_ups=row.reports_follow_ups))
        AgendaItem.objects.bulk_create(items)
        memberships = Membership.objects.current().filter(council=council)
        memberships = memberships.filter(forum=meeting.forum) if meeting.forum_id else memberships.filter(
            forum__isnull=True)
        people = []
        for m in memberships.select_related("person").order_by("person__last_name", "person__first_name"):
            if m.person_id not in {p.pk for p in people}:
                people.append(m.person)
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, person=person, position=n) for n, person in enumerate(people)
        )
        log_action(council=council, user=user, action="meetings.meeting.created", obj=meeting)
    return meeting


def _renumber(meeting_id, items=None):
    """Give the numbered items 1, 2, 3 … in agenda order (unnumbered items stay unnumbered); call it under
    the meeting's lock."""
    items = items if items is not None else list(AgendaItem.objects.filter(meeting_id=meeting_id)
                                                  .order_by("position", "pk"))
    numbered = [item for item in items if item.number is not None]
    AgendaItem.objects.filter(pk__in=[i.pk for i in numbered]).update(number=None)
    for n, item in enumerate(numbered, start=1):
        item.number = n
    for n, item in enumerate(items):
        item.position = n
    AgendaItem.objects.bulk_update(items, ["number", "position"])


def agenda_renumber(*, meeting):
    """Renumber the meeting's agenda in its own locked transaction."""
    with meeting_locked(meeting.pk):
        _renumber(meeting.pk)


def agenda_move(*, item, user, direction):
    """Move an item one step up (-1) or down (+1) on the agenda and renumber."""
    with meeting_locked(item.meeting_id) as meeting:
        items = list(AgendaItem.objects.filter(meeting_id=meeting.pk).order_by("position", "pk"))
        index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
        target = index + direction if index is not None else -1
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
            _renumber(meeting.pk, items)
            log_action(council=meeting.council, user=user, action="meetings.agenda.moved", obj=meeting)


def agenda_item_add(*, meeting, user, title, numbered=True):
    """A new item last on the agenda, numbered after the highest §."""
    with meeting_locked(meeting.pk) as meeting:
        items = AgendaItem.objects.filter(meeting_id=meeting.pk)
        item = AgendaItem.objects.create(
            meeting=meeting, title=title, position=items.next_position(),
            number=items.next_number() if numbered else None,
        )
        log_action(council=meeting.council, user=user, action="meetings.item.added", obj=meeting, data={"item": str(item)})
    return item


def agenda_item_update(*, item, user, numbered):
    """Save an item's edited title, presenter and confidentiality (an unsaved instance) and renumber."""
    with meeting_locked(item.meeting_id) as meeting:
        if numbered and item.number is None:
            item.number = AgendaItem.objects.filter(meeting_id=meeting.pk).exclude(pk=item.pk).next_number()
        elif not numbered:
            item.number = None
        item.save(update_fields=["title", "presenter", "presenter_text", "reports_follow_ups", "confidential",
                                 "confidentiality_ground", "number"])
        _renumber(meeting.pk)
        log_action(council=meeting.council, user=user, action="meetings.item.changed", obj=meeting,
                   data={"item": str(item)})
    return item


class ItemNotEmpty(MeetingLocked):
    """An item with minutes or decisions cannot be deleted."""


class ItemHasText(Exception):
    """The agenda item has text (often the standard agenda's template text): remove it only when confirmed."""


def agenda_item_delete(*, item, user, text_confirmed=False):
    """Remove an agenda item and renumber. Its text goes with it only when confirmed; its decisions never do."""
    with meeting_locked(item.meeting_id) as meeting:
        item = AgendaItem.objects.get(pk=item.pk)
        if item.decisions.exists():
            raise ItemNotEmpty(_("Punkten har beslut och kan inte tas bort. Ta bort besluten först."))
        if item.minutes.strip() and not text_confirmed:
            raise ItemHasText(item)
        item.delete()
        _renumber(meeting.pk)
        log_action(council=meeting.council, user=user, action="meetings.item.deleted", obj=meeting,
                   data={"item": str(item)})


@dataclass
class MinutesSave:
    """The outcome of an autosave: saved, or refused because the item changed since `base_version`."""

    saved: bool
    item: AgendaItem


def minutes_save(*, item, user, minutes, base_version):
    """Save an item's minutes if nobody saved since base_version; never overwrite a newer text.

    Raises MeetingLocked when the protocol went out for justering (or final) before the save got the lock, and
    ValidationError (code "too_long") for minutes longer than MINUTES_MAX_LENGTH; nothing is saved then.
    """
    clean = clean_minutes(minutes)
    check_minutes_length(clean)
    now = timezone.now()
    with meeting_locked(item.meeting_id):
        updated = AgendaItem.objects.filter(pk=item.pk, version=base_version).update(
            minutes=clean, version=F("version") + 1, minutes_updated_at=now, minutes_updated_by=user
        )
        if not updated:
            current = AgendaItem.objects.select_related("minutes_updated_by__person").get(pk=item.pk)
            return MinutesSave(saved=False, item=current)
        quiet = (
            item.minutes_updated_by_id == user.pk
            and item.minutes_updated_at is not None
            and now - item.minutes_updated_at < AUDIT_QUIET_PERIOD
        )
        if not quiet:
            log_action(council=item.meeting.council, user=user, action="meetings.minutes.saved", obj=item.meeting,
                       data={"item": str(item)})
    item.minutes, item.version, item.minutes_updated_at, item.minutes_updated_by = clean, base_version + 1, now, user
    return MinutesSave(saved=True, item=item)


def attendance_set(*, meeting, user, statuses):
    """Set attendance statuses from {attendance pk: status}."""
    with meeting_locked(meeting.pk) as meeting:
        rows = list(Attendance.objects.filter(meeting_id=meeting.pk, pk__in=statuses))
        changed = [row for row in rows if row.status != statuses[row.pk]]
        for row in changed:
            row.status = statuses[row.pk]
        Attendance.objects.bulk_update(changed, ["status"])
        if changed:
            log_action(council=meeting.council, user=user, action="meetings.attendance.changed", obj=meeting)
    return changed


def attendance_add(*, meeting, user, row):
    """Add a person or a guest (an unsaved Attendance) last on the meeting's list."""
    with meeting_locked(meeting.pk) as meeting:
        row.meeting = meeting
        row.position = Attendance.objects.filter(meeting_id=meeting.pk).count()
        row.save()
        log_action(council=meeting.council, user=user, action="meetings.attendance.added", obj=meeting,
                   data={"name": row.name})
    return row


def attendance_delete(*, row, user):
    with meeting_locked(row.meeting_id) as meeting:
        row.delete()
        log_action(council=meeting.council, user=user, action="meetings.attendance.deleted", obj=meeting,
                   data={"name": row.name})


def decision_add(*, item, user, decision):
    """Record a decision or uppdrag (an unsaved Decision) last under the item."""
    with meeting_locked(item.meeting_id) as meeting:
        decision.agenda_item = item
        decision.position = Decision.objects.filter(agenda_item_id=item.pk).count()
        decision.save()
        log_action(council=meeting.council, user=user, action="meetings.decision.added", obj=meeting,
                   data={"item": str(item), "decision": decision.text[:200]})
    return decision


def decision_delete(*, decision, user):
    with meeting_locked(decision.agenda_item.meeting_id) as meeting:
        decision.delete()
        log_action(council=meeting.council, user=user, action="meetings.decision.deleted", obj=meeting,
                   data={"item": str(decision.agenda_item), "decision": decision.text[:200]})


def attachment_add(*, meeting, user, attachment):
    """Store an uploaded file (an unsaved Attachment) with the meeting."""
    with meeting_locked(meeting.pk) as meeting:
        attachment.meeting = meeting
        attachment.uploaded_by = user
        attachment.save()
        log_action(council=meeting.council, user=user, action="meetings.attachment.added", obj=meeting,
                   data={"attachment": str(attachment)})
    return attachment


def attachment_delete(*, attachment, user):
    with meeting_locked(attachment.meeting_id) as meeting:
        attachment.delete()
        transaction.on_commit(lambda: attachment.file.delete(save=False))
        log_action(council=meeting.council, user=user, action="meetings.attachment.deleted", obj=meeting,
                   data={"attachment": str(attachment)})


def meeting_update(*, meeting, user, data, adjusters):
    """Save a meeting's edited details (planning status included, never the protocol state)."""
    with meeting_locked(meeting.pk) as locked:
        changes = apply_changes(locked, data)
        locked.save()
        locked.adjusters.set(adjusters)
        log_action(council=locked.council, user=user, action="meetings.meeting.changed", obj=locked, data=changes)
    return locked


@dataclass
class NoticePreview:
    """What the kallelse will be: who gets it, who is called but has no address, and the text."""

    meeting: Meeting
    recipients: list
    without_email: list
    subject: str
    body: str
    in_the_past: bool


def notice_preview(*, meeting, url):
    """The kallelse as it would be sent now, for the coordinator to read before sending."""
    meeting = Meeting.objects.for_page().get(pk=meeting.pk)
    called = [a.person for a in meeting.attendances.all() if a.person_id]
    recipients = [person for person in called if person.email]
    resend = meeting.notice_sent_at is not None
    subject = (_("Ändrad kallelse: %(meeting)s") if resend else _("Kallelse: %(meeting)s")) % {"meeting": meeting}
    sample = recipients[0] if recipients else None
    body = render_to_string("meetings/email/notice.txt", {"meeting": meeting, "person": sample, "url": url})
    return NoticePreview(meeting=meeting, recipients=recipients, without_email=[p for p in called if not p.email],
                         subject=subject, body=body, in_the_past=meeting.starts_at < timezone.now())


class NoticeRefused(Exception):
    """The kallelse was not sent; the message says why."""


def notice_send(*, meeting, user, url, past_confirmed=False):
    """Send the kallelse: an e-mail with the agenda and an .ics file to everyone called who has an address.

    A meeting that has already started gets a kallelse only when the sender has confirmed it (a mistake otherwise).
    """
    meeting = Meeting.objects.for_page().get(pk=meeting.pk)
    if meeting.starts_at < timezone.now() and not past_confirmed:
        raise NoticeRefused(_("Mötet har redan varit. Bekräfta att kallelsen ska skickas ändå."))
    recipients = [a.person for a in meeting.attendances.all() if a.person_id and a.person.email]
    resend = meeting.notice_sent_at is not None
    if resend:
        meeting.ics_sequence += 1
    ics = calendar_bytes([meeting], name=str(meeting.body), url_for=lambda m: url)
    subject = (_("Ändrad kallelse: %(meeting)s") if resend else _("Kallelse: %(meeting)s")) % {"meeting": meeting}
    ics_text = ics.decode()
    messages = [
        (render_to_string("meetings/email/notice.txt", {"meeting": meeting, "person": person, "url": url}),
         [person.email])
        for person in recipients
    ]
    with meeting_locked(meeting.pk) as locked:
        locked.notice_sent_at = timezone.now()
        locked.ics_sequence = meeting.ics_sequence
        if locked.status == Meeting.Status.PLANNED:
            locked.status = Meeting.Status.NOTIFIED
        locked.save(update_fields=["notice_sent_at", "status", "ics_sequence", "updated_at"])
        log_action(council=meeting.council, user=user, action="meetings.notice.sent", obj=meeting)
        # Mail leaves after the commit as tasks: an SMTP failure is retried and logged, never a 500.
        attachment = ["kallelse.ics", ics_text, "text/calendar; charset=utf-8; method=PUBLISH"]
        for body, to in messages:
            transaction.on_commit(partial(send_email.enqueue, subject, body, to, [attachment]))
    return len(messages)
