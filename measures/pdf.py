"""The action plan as a PDF, one table per measure like the signed plan, through the shared WeasyPrint setup."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from councils import pdf as shared

# Larger plans must be filtered first: one measure is about a third of a page, ~75 ms per page.
MAX_MEASURES = 300

STYLESHEET = Path(settings.BASE_DIR) / "static" / "measures" / "plan_pdf.css"


def plan_pdf(*, agreement, blocks, generated_on):
    """Render the plan (area blocks with their measures) to PDF bytes."""
    html = render_to_string(
        "measures/plan_pdf.html",
        {"agreement": agreement, "blocks": blocks, "generated_on": generated_on,
         "title": _("Åtgärdsplan")},
    )
    return shared.render(html, stylesheets=[shared.stylesheet(STYLESHEET)])
