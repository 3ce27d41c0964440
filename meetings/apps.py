from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"

    def ready(self):
        from councils.panels import Panel, register

        from .selectors import council_panel

        register(Panel("meetings/_council_panel.html", council_panel, order=10))
