from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "measures"

    def ready(self):
        from councils.panels import Panel, register
        from meetings.sections import ItemSection
        from meetings.sections import register as register_section

        from .selectors import council_panel, meeting_item_sections

        register(Panel("measures/_council_panel.html", council_panel, order=20))
        register_section(ItemSection("measures/_meeting_item_section.html", meeting_item_sections))
