from django.contrib import admin

from .models import Notification, Reminder, ReminderOptOut


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "recipient", "council", "deadline", "status", "emailed", "sent_at"]
    list_filter = ["kind", "status", "emailed"]
    search_fields = ["recipient__first_name", "recipient__last_name", "council__name"]
    raw_id_fields = ["recipient", "council"]
    readonly_fields = ["created_at", "sent_at"]


@admin.register(ReminderOptOut)
class ReminderOptOutAdmin(admin.ModelAdmin):
    list_display = ["person", "kind"]
    list_filter = ["kind"]
    raw_id_fields = ["person"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["text", "user", "council", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = ["user", "council", "reminder"]
