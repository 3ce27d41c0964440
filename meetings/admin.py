"""The meetings admin: every save and delete of a meeting's content takes the meeting's lock and is refused
while its protocol is out for justering or final; minutes are cleaned as the services clean them."""

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile

from councils.history import LoggedAdmin

from .files import check_upload
from .locking import meeting_locked
from .models import (
    AgendaItem,
    AgendaTemplate,
    AgendaTemplateItem,
    Attachment,
    Attendance,
    CalendarFeed,
    Decision,
    Meeting,
)
from .sanitize import clean_minutes


class LockedMeetingAdmin(LoggedAdmin, admin.ModelAdmin):
    """Saves and deletes under the meeting's row lock (MeetingLocked answers 403 with the reason); each is
    written into the meeting's history."""

    def meeting_id_of(self, obj):
        return obj.meeting_id

    def history_object(self, obj):
        return obj.meeting

    def save_model(self, request, obj, form, change):
        if obj.pk is None and getattr(obj, "meeting_id", None) is None:
            return super().save_model(request, obj, form, change)
        with meeting_locked(self.meeting_id_of(obj)):
            super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        with meeting_locked(self.meeting_id_of(obj)):
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person"]


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "number", "title", "presenter", "presenter_text", "confidential", "confidentiality_ground"]


@admin.register(Meeting)
class MeetingAdmin(LockedMeetingAdmin):
    list_display = ["title", "council", "forum", "starts_at", "status", "protocol_state", "kind"]
    list_filter = ["status", "protocol_state", "kind", "council"]
    search_fields = ["title", "place"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["chair", "secretary", "adjusters", "contact_person"]
    inlines = [AttendanceInline, AgendaItemInline]
    # The protocol state is shown, never offered: only the protocol services move it.
    readonly_fields = ["protocol_state"]

    def meeting_id_of(self, obj):
        return obj.pk

    def history_object(self, obj):
        return obj

    def save_model(self, request, obj, form, change):
        if obj.pk is None:
            return admin.ModelAdmin.save_model(self, request, obj, form, change)
        return super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with meeting_locked(form.instance.pk):
            super().save_related(request, form, formsets, change)


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(LockedMeetingAdmin):
    list_display = ["__str__", "meeting", "confidential", "version"]
    search_fields = ["title", "minutes"]
    inlines = [DecisionInline]

    def save_model(self, request, obj, form, change):
        obj.minutes = clean_minutes(obj.minutes)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with meeting_locked(form.instance.meeting_id):
            super().save_related(request, form, formsets, change)


class AttachmentAdminForm(forms.ModelForm):
    """An attachment uploaded in the admin gets the same content check as one uploaded on the meeting page."""

    class Meta:
        model = Attachment
        fields = ["meeting", "agenda_item", "file", "title", "original_name", "number"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            self.instance.content_type = check_upload(upload)
            self.instance.size = upload.size
        return upload


@admin.register(Attachment)
class AttachmentAdmin(LockedMeetingAdmin):
    form = AttachmentAdminForm
    list_display = ["__str__", "meeting", "content_type", "size"]
    readonly_fields = ["content_type", "size"]


class AgendaTemplateItemInline(admin.TabularInline):
    model = AgendaTemplateItem
    extra = 0


@admin.register(AgendaTemplate)
class AgendaTemplateAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["name", "council", "is_default"]
    inlines = [AgendaTemplateItemInline]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["user", "council", "created_at"]
