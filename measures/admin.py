from django import forms
from django.contrib import admin

from councils.history import LoggedAdmin
from meetings.files import check_new_upload

from . import fields as plan_fields
from .models import Activity, Agreement, Comment, FollowUp, Measure, Place, PriorityArea


class PriorityAreaInline(admin.StackedInline):
    model = PriorityArea
    extra = 0


class AgreementAdminForm(forms.ModelForm):
    """The admin's agreement form: the document gets the same check as every upload."""

    class Meta:
        model = Agreement
        fields = ["council", "title", "parties", "valid_from", "valid_to", "extended_to", "signed_on", "document",
                  "description"]

    def clean_document(self):
        return check_new_upload(self.cleaned_data.get("document"))


@admin.register(Agreement)
class AgreementAdmin(LoggedAdmin, admin.ModelAdmin):
    form = AgreementAdminForm
    list_display = ["title", "council", "valid_from", "valid_to", "extended_to"]
    list_filter = ["council"]
    filter_horizontal = ["parties"]
    inlines = [PriorityAreaInline]


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Measure)
class MeasureAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["title", "council", "kind", "priority_area", "place", "follow_up_due"]
    list_filter = ["council", "kind"]
    search_fields = plan_fields.search_fields()
    fields = ["council", *(field.name for field in plan_fields.form_fields() if field.name != "activities")]
    filter_horizontal = ["responsible_organisations", "forums"]
    raw_id_fields = ["responsible_people"]
    inlines = [ActivityInline, FollowUpInline]


@admin.register(Place)
class PlaceAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["name", "council"]


@admin.register(Comment)
class CommentAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["measure", "author", "created_at"]
