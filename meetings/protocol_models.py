"""Justering: frozen protocol versions, approvals, and the lock a final protocol puts on its meeting."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.db.models.signals import pre_delete, pre_save
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import Person

from .models import AgendaItem, Attachment, Attendance, Decision, Meeting

JUSTERING_DAYS = 14


class ProtocolLocked(PermissionDenied):
    """A change to a meeting whose protocol is being adjusted or is final; views answer 403."""


class ProtocolVersionQuerySet(models.QuerySet):
    def for_meeting_page(self):
        return self.select_related("created_by").prefetch_related(
            models.Prefetch("approvals", queryset=Approval.objects.select_related("person__organisation"))
        )

    def final(self):
        return self.filter(status=ProtocolVersion.Status.FINAL)


class ProtocolVersion(models.Model):
    """A frozen, hashed snapshot of a meeting's protocol sent for justering (a rättelse is a later version)."""

    class Status(models.TextChoices):
        SENT = "skickad", _("Skickad för justering")
        RETURNED = "aterforvisad", _("Återförvisad")
        WITHDRAWN = "aterkallad", _("Återkallad")
        FINAL = "justerad", _("Justerad")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="protocol_versions", verbose_name=_("möte")
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("fryst innehåll"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("skickad av"),
    )
    created_at = models.DateTimeField(_("skickad"), default=timezone.now)
    due_date = models.DateField(_("justeras senast"))
    is_correction = models.BooleanField(_("rättelse"), default=False)
    correction_reason = models.TextField(_("skäl till rättelse"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SENT)
    finalised_at = models.DateTimeField(_("justerad"), null=True, blank=True)
    signed_pdf = models.FileField(_("signerad PDF"), upload_to="protocols/", blank=True, max_length=300)
    signed_pdf_sha256 = models.CharField(_("SHA-256 för signerad PDF"), max_length=64, blank=True)
    public_pdf = models.FileField(_("offentlig signerad PDF"), upload_to="protocols/", blank=True, max_length=300)
    public_pdf_sha256 = models.CharField(_("SHA-256 för offentlig PDF"), max_length=64, blank=True)
    signed_with_test_certificate = models.BooleanField(_("signerad med testcertifikat"), default=False)
    correction_started_at = models.DateTimeField(_("rättelse påbörjad"), null=True, blank=True)
    correction_started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("rättelse påbörjad av"),
    )
    pending_correction_reason = models.TextField(_("skäl till påbörjad rättelse"), blank=True)

    objects = ProtocolVersionQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "-number"]
        verbose_name = _("protokollversion")
        verbose_name_plural = _("protokollversioner")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="protocolversion_unique_number_per_meeting",
                violation_error_message=_("Versionsnumret finns redan för mötet."),
            ),
            models.CheckConstraint(
                condition=Q(is_correction=False) | ~Q(correction_reason=""),
                name="protocolversion_correction_needs_reason",
                violation_error_message=_("En rättelse måste ha ett skäl."),
            ),
            models.CheckConstraint(
                condition=~Q(status="justerad") | (~Q(signed_pdf_sha256="") & Q(finalised_at__isnull=False)),
                name="protocolversion_final_is_signed",
                violation_error_message=_("Ett justerat protokoll måste ha en signerad PDF."),
            ),
        ]

    def __str__(self):
        label = _("rättelse") if self.is_correction else _("version")
        return f"{self.meeting} – {label} {self.number}"

    def get_absolute_url(self):
        return reverse("meetings:protocol_version", args=[self.pk])

    @property
    def is_overdue(self):
        return self.status == self.Status.SENT and timezone.localdate() > self.due_date

    @property
    def approvers(self):
        """Who must approve this version, as frozen: dicts with person_id, name, role."""
        return self.content.get("justering", {}).get("approvers", [])

    def approver_for(self, user):
        """The frozen approver entry of this user's person, or None."""
        person = getattr(user, "person", None) if user.is_authenticated else None
        if person is None:
            return None
        return next((a for a in self.approvers if a["person_id"] == person.pk), None)


def justering_due_date(meeting, *, correction=False):
    """Justering is due within 14 days of the meeting (Kommunallagen practice); a rättelse 14 days after sending."""
    start = timezone.localdate() if correction else timezone.localdate(meeting.starts_at)
    return start + datetime.timedelta(days=JUSTERING_DAYS)


class Approval(models.Model):
    """An approver's answer on one protocol version: approved, or returned with comments."""

    class Decision(models.TextChoices):
        APPROVED = "justerat", _("Justerat")
        RETURNED = "aterforvisat", _("Återförvisat")

    version = models.ForeignKey(
        ProtocolVersion, on_delete=models.PROTECT, related_name="approvals", verbose_name=_("protokollversion")
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="approvals", verbose_name=_("person"))
    role = models.CharField(_("roll"), max_length=50)
    decision = models.CharField(_("beslut"), max_length=20, choices=Decision.choices)
    comment = models.TextField(_("kommentar"), blank=True)
    item_comments = models.JSONField(_("kommentarer per punkt"), default=dict, blank=True)
    at = models.DateTimeField(_("tidpunkt"), default=timezone.now)

    class Meta:
        ordering = ["at"]
        verbose_name = _("justering")
        verbose_name_plural = _("justeringar")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "person"],
                name="approval_one_per_person_and_version",
                violation_error_message=_("Personen har redan svarat på den här versionen."),
            ),
            models.CheckConstraint(
                condition=Q(decision__in=["justerat", "aterforvisat"]),
                name="approval_decision_known",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_decision_display()} ({self.version})"


def protocol_lock_reason(meeting_id):
    """Why the meeting may not be edited now (Swedish, for users), or "" when it may."""
    latest = (
        ProtocolVersion.objects.filter(meeting_id=meeting_id)
        .order_by("-number")
        .values("status", "correction_started_at")
        .first()
    )
    if latest is None:
        return ""
    if latest["status"] == ProtocolVersion.Status.SENT:
        return str(_("Protokollet är skickat för justering och kan inte ändras. Återkalla det först."))
    if latest["status"] == ProtocolVersion.Status.FINAL and latest["correction_started_at"] is None:
        return str(_("Protokollet är justerat och kan inte ändras. Påbörja en rättelse för att ändra det."))
    return ""


def is_meeting_locked(meeting):
    """Whether the meeting's protocol is out for justering or final, so the meeting cannot be edited."""
    return bool(protocol_lock_reason(meeting.pk))


def ensure_meeting_editable(meeting_id):
    """Raise ProtocolLocked (403) when the meeting's protocol is out for justering or final."""
    if meeting_id is None:
        return
    reason = protocol_lock_reason(meeting_id)
    if reason:
        raise ProtocolLocked(reason)


# The lock must hold for every writer (meeting views, autosave, admin, shell), and these models
# belong to the meetings app, so the guard hooks their save and delete instead of each caller.
_MEETING_OF = {
    Meeting: lambda obj: obj.pk,
    Attendance: lambda obj: obj.meeting_id,
    AgendaItem: lambda obj: obj.meeting_id,
    Attachment: lambda obj: obj.meeting_id,
    Decision: lambda obj: AgendaItem.objects.filter(pk=obj.agenda_item_id).values_list("meeting_id", flat=True).first(),
}


def _guard(sender, instance, raw=False, **kwargs):
    if raw:
        return
    ensure_meeting_editable(_MEETING_OF[sender](instance))


for _model in _MEETING_OF:
    pre_save.connect(_guard, sender=_model, dispatch_uid=f"protocol_lock_save_{_model.__name__}")
    pre_delete.connect(_guard, sender=_model, dispatch_uid=f"protocol_lock_delete_{_model.__name__}")
