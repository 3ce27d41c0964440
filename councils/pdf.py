"""The one WeasyPrint setup every Lobra PDF renders through: fonts, the URL fetcher, the render lock.

It lives in councils because every app that renders PDFs (protocols, measures) depends on councils and may
import it without breaking the arrows; what is particular to a document (PDF/A, embedded content, its
stylesheet) stays in that app's pdf module.
"""

import functools
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Reused across renders: building them costs ~13 ms per render (PDF-NOTES.md).
FONT_CONFIG = FontConfiguration()
# WeasyPrint's layout is not thread-safe around a shared FontConfiguration.
render_lock = threading.Lock()


class RefusedURL(ValueError):
    """A URL a PDF may not load: WeasyPrint leaves the resource out and logs the refusal."""


def static_roots():
    """The project's own static directories: the only place WeasyPrint may read files from."""
    roots = []
    for entry in settings.STATICFILES_DIRS:
        path = entry[1] if isinstance(entry, list | tuple) else entry
        roots.append(Path(path).resolve())
    return roots


class LocalFileFetcher(URLFetcher):
    """Serves files under the project's static directories and inline data: URLs; refuses every other URL."""

    def __init__(self, roots=None, **kwargs):
        super().__init__(**kwargs)
        self.roots = [Path(root).resolve() for root in (roots if roots is not None else static_roots())]

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"Lobra hämtar inga externa resurser till PDF: {url}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise RefusedURL(f"Filen ligger utanför Lobras statiska filer: {url}")
        return URLFetcherResponse(path.as_uri(), path.read_bytes())


def base_url():
    """Relative URLs in the HTML resolve inside the project's static directory."""
    return (Path(settings.BASE_DIR) / "static").resolve().as_uri() + "/"


@functools.cache
def stylesheet(path):
    """A CSS file parsed once per process."""
    return CSS(filename=str(path), font_config=FONT_CONFIG, url_fetcher=LocalFileFetcher())


def render(html, *, stylesheets, **options):
    """HTML to PDF bytes with the shared fonts and fetcher, one render at a time; options go to write_pdf."""
    document = HTML(string=html, base_url=base_url(), url_fetcher=LocalFileFetcher())
    with render_lock:
        return document.write_pdf(stylesheets=stylesheets, font_config=FONT_CONFIG, **options)
