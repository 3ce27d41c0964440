"""The action plan as a PDF through WeasyPrint: one table per measure, like the signed plan."""

import functools

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

# Larger plans must be filtered first: one measure is about a third of a page, ~75 ms per page.
MAX_MEASURES = 300

# One font configuration for the whole process: building it is a third of a small render.
FONT_CONFIG = FontConfiguration()

STYLESHEET = """
@page {
  size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left { content: string(plan-title); font-size: 8pt; color: #555; }
  @top-right { content: "Sida " counter(page) " (" counter(pages) ")"; font-size: 8pt; color: #555; }
  @bottom-left { content: string(area); font-size: 8pt; color: #555; }
}
html { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.35;
       image-rendering: crisp-edges; }
h1 { font-size: 17pt; margin: 0 0 4pt; string-set: plan-title content(); }
h2 { font-size: 13pt; margin: 16pt 0 4pt; break-after: avoid; string-set: area content(); }
h2.section { font-size: 11pt; color: #444; text-transform: uppercase; letter-spacing: .03em; }
p.meta { color: #444; margin: 0 0 8pt; }
dl.area { margin: 0 0 8pt; }
dl.area dt { font-weight: bold; float: left; width: 32mm; }
dl.area dd { margin: 0 0 3pt 34mm; }
table.measure { width: 100%; border-collapse: collapse; margin: 8pt 0 12pt; break-inside: auto; }
table.measure th, table.measure td { border: 0.6pt solid #777; padding: 3pt 5pt; vertical-align: top;
                                     text-align: left; }
table.measure th { width: 34%; background: #eef1f5; font-weight: bold; }
table.measure tr { break-inside: avoid; }
table.measure tr.title { break-after: avoid; }
table.measure tr.title td, table.measure tr.title th { font-weight: bold; background: #dde5ef; }
ul { margin: 0; padding-left: 12pt; }
.status { font-weight: bold; }
.status-gron { color: #146c2e; } .status-gul { color: #8a6100; } .status-rod { color: #b02a37; }
.flag { color: #b02a37; }
.from-task { display: none; }  /* the page notes a task's meeting; the signed plan does not */
"""


@functools.cache
def stylesheet():
    """The parsed stylesheet, parsed once per process."""
    return CSS(string=STYLESHEET, font_config=FONT_CONFIG)


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
