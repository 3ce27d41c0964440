"""Meeting rules that span models or do I/O: creating from the standard agenda, saving minutes, kallelse."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.models import Membership, log_action

from .ics import calendar_bytes
from .models import AgendaItem, AgendaTemplate, AgendaTemplateItem, Attendance, Meeting
from .sanitize import clean_minutes

OPENING_TEXT = (
    "<p>Sammanträdet öppnades av mötesordförande, deltagarna presenterade sig, föregående protokoll lades "
    "till handlingarna och dagordningen godkändes.</p>"
)
# (title, numbered, prefilled minutes): the agenda the seed minutes follow.
DEFAULT_AGENDA = [
    ("Mötets öppnande", True, OPENING_TEXT),
    ("Information från parterna", True, "<h3>Polis</h3><p><br></p><h3>Räddningstjänst</h3><p><br></p>"
                                        "<h3>Skola</h3><p><br></p><h3>Social omsorg</h3><p><br></p>"),
    ("Återrapportering från arbetsgrupper och uppföljning av prioriteringar", True, ""),
    ("Övriga frågor", True, ""),
    ("Kommande möten", True, ""),
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
                AgendaTemplateItem(template=template, position=n, title=title, numbered=numbered, minutes=text)
                for n, (title, numbered, text) in enumerate(DEFAULT_AGENDA)
            )
    return template


def agenda_template_replace(*, meeting, user):
    """Make this meeting's agenda (titles and prefilled opening text) the council's standard agenda."""
    template = agenda_template_for(meeting.council)
    with transaction.atomic():
        template.items.all().delete()
        AgendaTemplateItem.objects.bulk_create(
            AgendaTemplateItem(template=template, position=n, title=item.title, numbered=item.number is not None,
                               minutes=item.minutes if n == 0 else "")
            for n, item in enumerate(meeting.items.order_by("position", "pk"))
        )
        log_action(council=meeting.council, user=user, action="Standarddagordning ändrad", obj=template)
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
                                    title=row.title, minutes=clean_minutes(row.minutes)))
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
        log_action(council=council, user=user, action="Möte skapat", obj=meeting)
    return meeting


def agenda_renumber(*, meeting):
    """Give the numbered items 1, 2, 3 … in agenda order (unnumbered items stay unnumbered)."""
    items = list(meeting.items.order_by("position", "pk"))
    numbered = [item for item in items if item.number is not None]
    with transaction.atomic():
        AgendaItem.objects.filter(pk__in=[i.pk for i in numbered]).update(number=None)
        for n, item in enumerate(numbered, start=1):
            item.number = n
        for n, item in enumerate(items):
            item.position = n
        AgendaItem.objects.bulk_update(items, ["number", "position"])


def agenda_move(*, item, user, direction):
    """Move an item one step up (-1) or down (+1) on the agenda and renumber."""
    items = list(item.meeting.items.order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + direction
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
        with transaction.atomic():
            for n, other in enumerate(items):
                other.position = n
            AgendaItem.objects.bulk_update(items, ["position"])
            agenda_renumber(meeting=item.meeting)
            log_action(council=item.meeting.council, user=user, action="Dagordning ändrad", obj=item.meeting)


class ItemNotRemovable(Exception):
    """The agenda item stays; the message says why."""


class ItemHasText(Exception):
    """The agenda item has text (often the standard agenda's template text): remove it only when confirmed."""


def agenda_item_delete(*, item, user, text_confirmed=False):
    """Remove an agenda item and renumber. Its text goes with it only when confirmed; its decisions never do."""
    with transaction.atomic():
        # Lock the meeting so a concurrent save of the item's minutes cannot slip in between check and delete.
        meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
        item = AgendaItem.objects.get(pk=item.pk)
        if item.decisions.exists():
            raise ItemNotRemovable(_("Punkten har beslut och kan inte tas bort. Ta bort besluten först."))
        if item.minutes.strip() and not text_confirmed:
            raise ItemHasText(item)
        item.delete()
        agenda_renumber(meeting=meeting)
        log_action(council=meeting.council, user=user, action="Dagordningspunkt borttagen", obj=item)


def agenda_item_add(*, meeting, user, title, numbered=True):
    last = meeting.items.order_by("-position").first()
    with transaction.atomic():
        item = AgendaItem.objects.create(
            meeting=meeting, title=title, position=(last.position + 1) if last else 0,
            number=(max([i.number or 0 for i in meeting.items.all()], default=0) + 1) if numbered else None,
        )
        log_action(council=meeting.council, user=user, action="Dagordningspunkt tillagd", obj=item)
    return item


@dataclass
class MinutesSave:
    """The outcome of an autosave: saved, or refused because the item changed since `base_version`."""

    saved: bool
    item: AgendaItem


def minutes_save(*, item, user, minutes, base_version):
    """Save an item's minutes if nobody saved since base_version; never overwrite a newer text."""
    clean = clean_minutes(minutes)
    now = timezone.now()
    with transaction.atomic():
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
            log_action(council=item.meeting.council, user=user, action="Anteckningar sparade", obj=item)
    item.minutes, item.version, item.minutes_updated_at, item.minutes_updated_by = clean, base_version + 1, now, user
    return MinutesSave(saved=True, item=item)


def attendance_set(*, meeting, user, statuses):
    """Set attendance statuses from {attendance pk: status}."""
    rows = list(meeting.attendances.filter(pk__in=statuses))
    changed = [row for row in rows if row.status != statuses[row.pk]]
    for row in changed:
        row.status = statuses[row.pk]
    with transaction.atomic():
        Attendance.objects.bulk_update(changed, ["status"])
        if changed:
            log_action(council=meeting.council, user=user, action="Närvaro ändrad", obj=meeting)
    return changed


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
    messages = []
    for person in recipients:
        body = render_to_string("meetings/email/notice.txt", {"meeting": meeting, "person": person, "url": url})
        message = mail.EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
        message.attach("kallelse.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
        messages.append(message)
    with transaction.atomic():
        meeting.notice_sent_at = timezone.now()
        if meeting.status == Meeting.Status.PLANNED:
            meeting.status = Meeting.Status.NOTIFIED
        meeting.save(update_fields=["notice_sent_at", "status", "ics_sequence", "updated_at"])
        log_action(council=meeting.council, user=user, action="Kallelse skickad", obj=meeting)
    with mail.get_connection() as connection:
        connection.send_messages(messages)
    return len(messages)
