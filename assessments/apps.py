from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = _("Lägesbild och orsaksanalys")

    def ready(self):
        from measures.sections import MeasureSection, register

        from .selectors import measure_reasons_section

        register(MeasureSection("assessments/_measure_reasons.html", measure_reasons_section, order=10))
