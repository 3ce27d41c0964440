from django.contrib import admin

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


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person"]


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "number", "title", "presenter", "presenter_text", "confidential", "confidentiality_ground"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "forum", "starts_at", "status", "kind"]
    list_filter = ["status", "kind", "council"]
    search_fields = ["title", "place"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["chair", "secretary", "adjusters", "contact_person"]
    inlines = [AttendanceInline, AgendaItemInline]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "confidential", "version"]
    search_fields = ["title", "minutes"]
    inlines = [DecisionInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "content_type", "size"]


class AgendaTemplateItemInline(admin.TabularInline):
    model = AgendaTemplateItem
    extra = 0


@admin.register(AgendaTemplate)
class AgendaTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "council", "is_default"]
    inlines = [AgendaTemplateItemInline]


admin.site.register(CalendarFeed)
