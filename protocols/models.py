"""Justering: frozen protocol versions and the approvals that make one final."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import Person
from meetings.models import Meeting


class ProtocolVersionQuerySet(models.QuerySet):
    def for_meeting_page(self):
        return self.select_related("created_by").prefetch_related(
            models.Prefetch("approvals", queryset=Approval.objects.select_related("person__organisation"))
        )

    def final(self):
        return self.filter(status=ProtocolVersion.Status.FINAL)

    def sealed(self):
        return self.final().exclude(signed_pdf_sha256="")


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
    seal_attempts = models.PositiveIntegerField(_("försök att försegla"), default=0)
    seal_error = models.TextField(_("fel vid försegling"), blank=True)

    objects = ProtocolVersionQuerySet.as_manager()

    class Meta:
        # The table keeps its name from when justering lived in the meetings app: the move changed no data.
        db_table = "meetings_protocolversion"
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
                condition=~Q(status="justerad") | Q(finalised_at__isnull=False),
                name="protocolversion_final_has_date",
                violation_error_message=_("Ett justerat protokoll måste ha ett justeringsdatum."),
            ),
            # The two sealed PDFs are written together by the sealing task, or not at all.
            models.CheckConstraint(
                condition=Q(signed_pdf_sha256="", public_pdf_sha256="")
                | (~Q(signed_pdf_sha256="") & ~Q(public_pdf_sha256="") & Q(status="justerad")),
                name="protocolversion_sealed_only_when_final",
                violation_error_message=_("Bara ett justerat protokoll kan förseglas."),
            ),
        ]

    def __str__(self):
        label = _("rättelse") if self.is_correction else _("version")
        return f"{self.meeting} – {label} {self.number}"

    def get_absolute_url(self):
        return reverse("protocols:protocol_version", args=[self.pk])

    @property
    def is_final(self):
        return self.status == self.Status.FINAL

    @property
    def is_sent(self):
        return self.status == self.Status.SENT

    @property
    def is_sealed(self):
        """Both sealed PDFs exist (the sealing task has run)."""
        return bool(self.signed_pdf_sha256 and self.public_pdf_sha256)

    @property
    def is_sealing(self):
        """Final, waiting for the sealing task, and it has not failed."""
        return self.is_final and not self.is_sealed and not self.seal_error

    @property
    def seal_failed(self):
        return self.is_final and not self.is_sealed and bool(self.seal_error)

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
    """Justering is due the council's number of days after the meeting (14 by default, Kommunallagen practice);
    a rättelse as many days after sending."""
    start = timezone.localdate() if correction else timezone.localdate(meeting.starts_at)
    return start + datetime.timedelta(days=meeting.council.justering_days)


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
        db_table = "meetings_approval"
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

    @property
    def is_approved(self):
        return self.decision == self.Decision.APPROVED
