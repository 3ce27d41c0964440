"""What awaits people: reminders sent (one row per kind, object, deadline and recipient), opt-outs, notifications."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from councils.models import Council, Person


class ReminderKind(models.TextChoices):
    """The events Lobra reminds people of; each can be turned off per person (e-mail only)."""

    JUSTERING_REQUESTED = "justering_requested", _("Ett protokoll väntar på din justering")
    JUSTERING_REMINDER = "justering_reminder", _("Påminnelse om justering en vecka efter utskicket")
    JUSTERING_DUE_SOON = "justering_due_soon", _("Justeringen ska vara klar om två dagar")
    JUSTERING_OVERDUE = "justering_overdue", _("Justeringen är försenad (till samordnare och sekreterare)")
    FOLLOW_UP_DUE = "follow_up_due", _("En åtgärd ska följas upp inom en vecka")
    FOLLOW_UP_OVERDUE = "follow_up_overdue", _("Uppföljningen av en åtgärd är försenad")
    TASK_DUE = "task_due", _("Ett uppdrag ska vara klart inom en vecka")


class Reminder(models.Model):
    """One reminder of one kind about one object and deadline to one person: the row makes a run idempotent."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar")
        SENT = "sent", _("Skickad")
        SKIPPED = "skipped", _("Hoppades över")

    kind = models.CharField(_("typ"), max_length=30, choices=ReminderKind.choices)
    # PROTECT: content types are never deleted while rows point at them; the object itself may be,
    # and a reminder for a deleted object is skipped (the row stays as history).
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("objekttyp"))
    object_id = models.PositiveBigIntegerField(_("objekt-id"))
    # The deadline is part of the key: a follow-up date that is moved is a new thing to remind of.
    deadline = models.DateField(_("senast"))
    recipient = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("mottagare")
    )
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("råd"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    emailed = models.BooleanField(_("e-post skickad"), default=False)
    note = models.CharField(_("anteckning"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("påminnelse")
        verbose_name_plural = _("påminnelser")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "deadline", "recipient"],
                name="reminder_once_per_kind_object_deadline_recipient",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="reminder_status_idx",
                                condition=models.Q(status="pending"))]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.recipient} ({self.deadline:%Y-%m-%d})"


class ReminderOptOut(models.Model):
    """A person who does not want e-mail for one kind of reminder (the notification in Lobra stays)."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="reminder_opt_outs", verbose_name=_("person")
    )
    kind = models.CharField(_("typ"), max_length=30, choices=ReminderKind.choices)

    class Meta:
        verbose_name = _("avstängd påminnelse")
        verbose_name_plural = _("avstängda påminnelser")
        constraints = [models.UniqueConstraint(fields=["person", "kind"], name="reminderoptout_once_per_kind")]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An event shown in Lobra's menu until the user opens it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
        verbose_name=_("användare"),
    )
    # SET_NULL: the notification outlives a reminder row removed by hand in the admin.
    reminder = models.OneToOneField(
        Reminder, on_delete=models.SET_NULL, null=True, blank=True, related_name="notification",
        verbose_name=_("påminnelse"),
    )
    kind = models.CharField(_("typ"), max_length=30, choices=ReminderKind.choices)
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("råd")
    )
    text = models.CharField(_("text"), max_length=300)
    url = models.CharField(_("länk"), max_length=500)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    read_at = models.DateTimeField(_("läst"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notis")
        verbose_name_plural = _("notiser")
        indexes = [models.Index(fields=["user", "-created_at"], name="notification_user_created_idx")]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return reverse("todo:notification_open", args=[self.pk])

    @property
    def is_read(self):
        return self.read_at is not None
