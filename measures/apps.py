from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "measures"

    def ready(self):
        from councils.panels import Panel, register

        from .selectors import council_panel

        register(Panel("measures/_council_panel.html", council_panel, order=20))
