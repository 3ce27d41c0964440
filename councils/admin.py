from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .history import LoggedAdmin, label
from .models import Council, Forum, LogEntry, Membership, Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class ForumInline(admin.TabularInline):
    model = Forum
    extra = 0
    fields = ["name", "kind", "parent", "position"]


@admin.register(Council)
class CouncilAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["name", "organisation", "valid_from", "valid_to", "successor", "justering_days"]
    search_fields = ["name"]
    inlines = [ForumInline]


@admin.register(Forum)
class ForumAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["name", "council", "kind", "parent"]
    list_filter = ["kind", "council"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["council", "forum"]


@admin.register(Person)
class PersonAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["last_name", "first_name", "title", "organisation", "email", "user"]
    list_filter = ["organisation__kind"]
    search_fields = ["first_name", "last_name", "email", "title"]
    list_select_related = ["organisation", "user"]
    autocomplete_fields = ["organisation", "user"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(LoggedAdmin, admin.ModelAdmin):
    list_display = ["person", "role", "council", "forum", "valid_from", "valid_to"]
    list_filter = ["role", "council"]
    search_fields = ["person__first_name", "person__last_name"]
    list_select_related = ["person", "council", "forum"]
    autocomplete_fields = ["person", "council", "forum"]


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """The history is read, never written, in the admin."""

    list_display = ["created_at", "council", "user", "action_label", "object_repr"]
    list_filter = ["council", "action"]
    search_fields = ["object_repr", "action"]
    list_select_related = ["council", "user"]
    date_hierarchy = "created_at"

    @admin.display(description=_("händelse"), ordering="action")
    def action_label(self, entry):
        return label(entry.action)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# A site admin lifts a login lockout by deleting the attempt; that goes into the history like every admin edit.
admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LoggedAccessAttemptAdmin(LoggedAdmin, AccessAttemptAdmin):
    def history_data(self, attempt):
        return {"username": attempt.username, "ip_address": attempt.ip_address,
                "failures": attempt.failures_since_start}
