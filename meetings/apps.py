from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"

    def ready(self):
        from councils.panels import Panel, register

        from .selectors import council_panel, next_meeting_start

        register(Panel("meetings/_council_panel.html", council_panel, order=10, changes_with=next_meeting_start))
