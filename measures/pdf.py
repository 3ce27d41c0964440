"""The action plan as a PDF through WeasyPrint: one table per measure, like the signed plan."""

import functools
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

# Larger plans must be filtered first: one measure is about a third of a page, ~75 ms per page.
MAX_MEASURES = 300

# One font configuration for the whole process: building it is a third of a small render.
FONT_CONFIG = FontConfiguration()

STYLESHEET = Path(settings.BASE_DIR) / "static" / "measures" / "plan_pdf.css"


@functools.cache
def stylesheet():
    """The parsed stylesheet, parsed once per process."""
    return CSS(filename=str(STYLESHEET), font_config=FONT_CONFIG)


class NoNetworkFetcher(URLFetcher):
    """Refuses every URL: the plan needs no outside resource, so any request is an injection."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise FatalURLFetchingError(f"Refused to fetch {url!r} while rendering a PDF.")


def plan_pdf(*, agreement, blocks, generated_on):
    """Render the plan (area blocks with their measures) to PDF bytes."""
    html = render_to_string(
        "measures/plan_pdf.html",
        {"agreement": agreement, "blocks": blocks, "generated_on": generated_on,
         "title": _("Åtgärdsplan")},
    )
    document = HTML(string=html, url_fetcher=NoNetworkFetcher())
    return document.write_pdf(stylesheets=[stylesheet()], font_config=FONT_CONFIG)
