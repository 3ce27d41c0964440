"""The daily reminder run: what is due, one Reminder row per kind, object, deadline and recipient, then e-mail
and a notification for each new row. A second run the same day finds every row already there and sends nothing.

`reminders_send(*, today=None)` is the whole run; `manage.py send_reminders` and the daily task call it.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.models import Membership, log_action
from measures.models import Measure
from measures.selectors import measures_due_between
from meetings.models import Decision
from meetings.selectors import tasks_due_between

from . import justering_due
from .access import settings_token
from .due import Due
from .models import Notification, Reminder, ReminderKind, ReminderOptOut

logger = logging.getLogger("lobra.todo")

K = ReminderKind
SOON_DAYS = 7  # follow-ups and uppdrag: remind a week ahead
# An overdue reminder goes out up to this many days late (a run missed over a holiday still reminds);
# older deadlines are not reminded, so the first run after installing does not mail about years-old dates.
LATE_WINDOW_DAYS = 30
BATCH = 500
EMAILED_BY_PROTOCOLS = {K.JUSTERING_REQUESTED}  # the protocol services mail that one when they send


@dataclass
class RunResult:
    due: int = 0
    created: int = 0
    sent: int = 0
    emailed: int = 0
    skipped: int = 0
    by_kind: dict = field(default_factory=dict)

    def __str__(self):
        return (f"{self.due} aktuella, {self.created} nya, {self.sent} skickade ({self.emailed} e-post), "
                f"{self.skipped} överhoppade")


def measures_due(today):
    soon, late = today + datetime.timedelta(days=SOON_DAYS), today - datetime.timedelta(days=LATE_WINDOW_DAYS)
    for measure in measures_due_between(late, soon):
        kind = K.FOLLOW_UP_OVERDUE if measure.follow_up_due < today else K.FOLLOW_UP_DUE
        for person in measure.responsible_people.all():
            yield Due(kind, Measure, measure.pk, measure.follow_up_due, person.pk, measure.council_id)


def tasks_due(today):
    for decision in tasks_due_between(today, today + datetime.timedelta(days=SOON_DAYS)):
        yield Due(K.TASK_DUE, Decision, decision.pk, decision.due_date, decision.responsible_id,
                  decision.agenda_item.meeting.council_id)


def due_on(today):
    """Every reminder due on this day, whether or not it was sent before."""
    due = [*justering_due.due_on(today, late_window=LATE_WINDOW_DAYS), *measures_due(today), *tasks_due(today)]
    return list(dict.fromkeys(due))


def _subjects():
    return {
        K.JUSTERING_REQUESTED: _("Protokoll att justera: %(object)s"),
        K.JUSTERING_REMINDER: _("Påminnelse: protokoll att justera: %(object)s"),
        K.JUSTERING_DUE_SOON: _("Justeras senast %(deadline)s: %(object)s"),
        K.JUSTERING_OVERDUE: _("Justeringen är försenad: %(object)s"),
        K.FOLLOW_UP_DUE: _("Dags att följa upp åtgärden: %(object)s"),
        K.FOLLOW_UP_OVERDUE: _("Uppföljningen är försenad: %(object)s"),
        K.TASK_DUE: _("Uppdrag att bli klar med: %(object)s"),
    }


def _load_objects(reminders):
    """The objects the reminders are about, per content type, in one query each (missing: deleted)."""
    loaders = {
        Measure: lambda ids: Measure.objects.filter(pk__in=ids),
        Decision: lambda ids: Decision.objects.filter(pk__in=ids).select_related("agenda_item__meeting"),
        **justering_due.loaders(),
    }
    by_type = {}
    for reminder in reminders:
        by_type.setdefault(reminder.content_type_id, set()).add(reminder.object_id)
    objects = {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        objects[type_id] = {obj.pk: obj for obj in loaders[model](ids)}
    return objects


def _link(obj):
    if isinstance(obj, Measure):
        return obj.get_absolute_url()
    if isinstance(obj, Decision):
        return f"{obj.agenda_item.meeting.get_absolute_url()}#item-{obj.agenda_item_id}"
    return obj.get_absolute_url()


def _label(obj):
    if isinstance(obj, Decision):
        return obj.text[:100]
    if isinstance(obj, Measure):
        return obj.title[:100]
    return justering_due.label(obj)


def _create_rows(due):
    """Insert the rows not there yet (the unique constraint drops the others); return how many were new."""
    types = {model: ContentType.objects.get_for_model(model) for model in {d.model for d in due}}
    rows = [Reminder(kind=d.kind, content_type=types[d.model], object_id=d.object_id, deadline=d.deadline,
                     recipient_id=d.recipient_id, council_id=d.council_id) for d in due]
    before = Reminder.objects.count()
    Reminder.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    return Reminder.objects.count() - before


def _deliver_batch(*, result):
    """Claim up to BATCH pending reminders, decide, send and record them in one transaction; False when none."""
    with transaction.atomic():
        batch = list(
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Reminder.Status.PENDING)
            .select_related("recipient__user", "council")
            .order_by("pk")[:BATCH]
        )
        if not batch:
            return False
        objects = _load_objects(batch)
        people = {r.recipient_id for r in batch}
        members = set(
            Membership.objects.current().filter(person_id__in=people)
            .values_list("person_id", "council_id")
        )
        opted_out = set(ReminderOptOut.objects.filter(person_id__in=people).values_list("person_id", "kind"))
        subjects = _subjects()
        now = timezone.now()
        messages, notifications, audit = [], [], []
        for reminder in batch:
            obj = objects[reminder.content_type_id].get(reminder.object_id)
            person = reminder.recipient
            if obj is None:
                why = "object deleted"
            elif (person.pk, reminder.council_id) not in members:
                why = "recipient not in the council"
            else:
                why = ""
            if why:
                reminder.status, reminder.note = Reminder.Status.SKIPPED, why
                logger.warning("todo.reminder.skipped: %s %s#%s to person %s: %s", reminder.kind,
                               reminder.content_type_id, reminder.object_id, person.pk, why)
                audit.append((reminder, "todo.reminder.skipped", f"{reminder} ({why})"))
                result.skipped += 1
                continue
            label, link = _label(obj), settings.SITE_URL + _link(obj)
            subject = subjects[reminder.kind] % {"object": label, "deadline": f"{reminder.deadline:%Y-%m-%d}"}
            reminder.status, reminder.sent_at = Reminder.Status.SENT, now
            if person.user_id:
                notifications.append(Notification(user_id=person.user_id, reminder=reminder, kind=reminder.kind,
                                                  council_id=reminder.council_id, text=subject[:300],
                                                  url=_link(obj)))
            if (person.email and reminder.kind not in EMAILED_BY_PROTOCOLS
                    and (person.pk, reminder.kind) not in opted_out):
                body = render_to_string("todo/email_reminder.txt", {
                    "reminder": reminder, "person": person, "label": label, "link": link,
                    "council": reminder.council, "subject": subject,
                    "settings_link": settings.SITE_URL + reverse("todo:reminder_settings_token",
                                                                 args=[settings_token(person)]),
                })
                messages.append(mail.EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]))
                reminder.emailed = True
                result.emailed += 1
            audit.append((reminder, "todo.reminder.sent", reminder))
            result.sent += 1
            result.by_kind[reminder.kind] = result.by_kind.get(reminder.kind, 0) + 1
        Reminder.objects.bulk_update(batch, ["status", "note", "sent_at", "emailed"], batch_size=BATCH)
        Notification.objects.bulk_create(notifications, batch_size=BATCH)
        for reminder, action, obj in audit:
            log_action(council=reminder.council, user=None, action=action, obj=obj)
        if messages:
            # Sent inside the transaction: if the mail server refuses, nothing is marked sent and the next run
            # tries again (a partial failure may repeat a few e-mails, never lose one).
            with mail.get_connection() as connection:
                connection.send_messages(messages)
    return True


def reminders_send(*, today=None, dry_run=False):
    """Record and send every reminder due today (Europe/Stockholm) that was not sent before."""
    today = today or timezone.localdate()
    due = due_on(today)
    result = RunResult(due=len(due))
    if dry_run:
        existing = _existing_keys(due)
        result.created = sum(1 for d in due if _key(d) not in existing)
        return result
    result.created = _create_rows(due)
    while _deliver_batch(result=result):
        pass
    return result


def _key(d):
    return (d.kind, ContentType.objects.get_for_model(d.model).pk, d.object_id, d.deadline, d.recipient_id)


def _existing_keys(due):
    if not due:
        return set()
    return set(
        Reminder.objects.filter(deadline__in={d.deadline for d in due}, kind__in={d.kind for d in due})
        .values_list("kind", "content_type_id", "object_id", "deadline", "recipient_id")
    )
