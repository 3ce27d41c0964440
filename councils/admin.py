from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry, Council, Forum, Membership, Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class ForumInline(admin.TabularInline):
    model = Forum
    extra = 0
    fields = ["name", "kind", "parent", "position"]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "valid_from", "valid_to", "successor", "justering_days"]
    search_fields = ["name"]
    inlines = [ForumInline]


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name", "council", "kind", "parent"]
    list_filter = ["kind", "council"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["council", "forum"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "title", "organisation", "email", "user"]
    list_filter = ["organisation__kind"]
    search_fields = ["first_name", "last_name", "email", "title"]
    list_select_related = ["organisation", "user"]
    autocomplete_fields = ["organisation", "user"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "council", "forum", "valid_from", "valid_to"]
    list_filter = ["role", "council"]
    search_fields = ["person__first_name", "person__last_name"]
    list_select_related = ["person", "council", "forum"]
    autocomplete_fields = ["person", "council", "forum"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "council", "user", "action_label", "object_repr"]
    list_filter = ["council"]
    readonly_fields = ["created_at", "council", "user", "action", "object_repr"]

    @admin.display(description=_("händelse"))
    def action_label(self, entry):
        return entry.action_label
