from django.contrib import admin

from .models import Assessment, Cause, CitizenPromise, Indicator, Problem, Source


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "council", "status", "period_end", "next_revision_due"]
    list_filter = ["status"]
    list_select_related = ["council"]
    search_fields = ["title", "council__name"]
    inlines = [SourceInline]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class CauseInline(admin.TabularInline):
    model = Cause
    extra = 0
    fields = ["side", "description", "parent"]


@admin.register(Problem)
class ProblemAdmin(admin.ModelAdmin):
    list_display = ["title", "assessment", "priority"]
    list_select_related = ["assessment"]
    search_fields = ["title"]
    inlines = [IndicatorInline, CauseInline]
    raw_id_fields = ["measures", "agreements", "places"]


@admin.register(CitizenPromise)
class CitizenPromiseAdmin(admin.ModelAdmin):
    list_display = ["promise", "council", "valid_from", "valid_to"]
    list_select_related = ["council"]
    raw_id_fields = ["problem"]
