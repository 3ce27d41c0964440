"""Changes the todo app makes: notifications marked read, reminder settings saved."""

from django.db import transaction
from django.utils import timezone

from .models import Notification, ReminderKind, ReminderOptOut


def notification_mark_read(*, notification):
    """Mark the notification read (once; opening it again keeps the first time)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)
    return notification


def notifications_mark_all_read(*, user):
    return Notification.objects.filter(user=user).unread().update(read_at=timezone.now())


def reminder_settings_save(*, person, email_kinds):
    """Keep e-mail on for `email_kinds` and off for every other kind.

    A personal preference, not council data: no audit entry (the audit log is per council)."""
    unknown = set(email_kinds) - set(ReminderKind.values)
    if unknown:
        raise ValueError(f"Okända påminnelsetyper: {sorted(unknown)}")
    with transaction.atomic():
        ReminderOptOut.objects.filter(person=person).delete()
        ReminderOptOut.objects.bulk_create(
            ReminderOptOut(person=person, kind=kind) for kind in ReminderKind.values if kind not in email_kinds
        )


def email_kinds_of(person):
    """The kinds the person gets by e-mail."""
    off = set(ReminderOptOut.objects.filter(person=person).values_list("kind", flat=True))
    return [kind for kind in ReminderKind.values if kind not in off]
