from django.contrib import admin

from .models import Deviation, Statement


class DeviationInline(admin.StackedInline):
    model = Deviation
    extra = 0


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    inlines = [DeviationInline]
    list_display = ["service_name", "organisation", "compliance", "assessed_on", "updated_at"]

    def has_add_permission(self, request):
        # There is one statement; a second would be refused by the database.
        return not Statement.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
