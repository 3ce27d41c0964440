"""The protocols admin: frozen versions are records to read; the meeting's signed PDFs by link or in bulk."""

import io
import zipfile

from django.contrib import admin, messages
from django.http import FileResponse, HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting

from .models import Approval, ProtocolVersion


# Justering: the signed protocol in the admin (a link on the meeting, an action for many meetings).
def protocol_admin_links(meeting):
    version = ProtocolVersion.objects.sealed().filter(meeting=meeting).order_by("-number").first() if meeting.pk else None
    if version is None:
        return _("Inget justerat protokoll än.")
    return format_html(
        '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
        reverse("protocols:protocol_pdf", args=[meeting.pk]), _("Signerad PDF (version %(n)s)") % {"n": version.number},
        reverse("protocols:protocol_public_pdf", args=[meeting.pk]), _("Offentlig version"),
        reverse("protocols:protocol_meeting", args=[meeting.pk]), _("Justering"),
    )


def protocol_download_response(model_admin, request, queryset):
    """One selected meeting: its signed PDF; several: a zip of them. Meetings without one are named."""
    latest = {}
    for version in ProtocolVersion.objects.sealed().filter(meeting__in=queryset).order_by("number"):
        latest[version.meeting_id] = version
    missing = [str(m) for m in queryset if m.pk not in latest]
    if missing:
        model_admin.message_user(request, _("Inget justerat protokoll för: %(m)s") % {"m": ", ".join(missing)},
                                 messages.WARNING)
    if not latest:
        return None
    names = {v.meeting_id: f"protokoll-{v.meeting_id}-v{v.number}.pdf" for v in latest.values()}
    if len(latest) == 1:
        version = next(iter(latest.values()))
        return FileResponse(version.signed_pdf.open("rb"), as_attachment=True, filename=names[version.meeting_id],
                            content_type="application/pdf")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for version in latest.values():
            with version.signed_pdf.open("rb") as handle:
                archive.writestr(names[version.meeting_id], handle.read())
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="protokoll.zip"'
    return response


class ApprovalInline(admin.TabularInline):
    model = Approval
    extra = 0
    can_delete = False
    readonly_fields = ["person", "role", "decision", "comment", "item_comments", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ProtocolVersion)
class ProtocolVersionAdmin(admin.ModelAdmin):
    """Frozen versions are records: readable in the admin, never edited there."""

    list_display = ["__str__", "status", "created_at", "finalised_at", "signed_with_test_certificate", "seal_error"]
    list_filter = ["status", "is_correction"]
    inlines = [ApprovalInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class SignedProtocolMeeting(Meeting):
    """Meetings seen from the protocols app: links to their signed protocol and a bulk download."""

    class Meta:
        proxy = True
        verbose_name = _("möte med protokoll")
        verbose_name_plural = _("möten med protokoll")


@admin.register(SignedProtocolMeeting)
class SignedProtocolMeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "starts_at", "protocol_state", "protocol_links"]
    list_filter = ["protocol_state", "council"]
    search_fields = ["title"]
    fields = ["title", "council", "starts_at", "protocol_state", "protocol_links"]
    readonly_fields = fields
    actions = ["download_protocols"]

    @admin.display(description=_("Justerat protokoll"))
    def protocol_links(self, meeting):
        return protocol_admin_links(meeting)

    @admin.action(description=_("Ladda ned justerade protokoll (PDF)"))
    def download_protocols(self, request, queryset):
        return protocol_download_response(self, request, queryset)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
