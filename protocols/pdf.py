"""HTML to PDF/A-3b with WeasyPrint: one font configuration, parsed CSS reused, no network."""

import datetime
import functools
import io
import json
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_VARIANT = "pdf/a-3b"
CONTENT_ATTACHMENT_NAME = "protokoll.json"
STYLESHEET = Path(settings.BASE_DIR) / "templates" / "protocols" / "protocol.css"

# Reused across renders: building them costs ~13 ms per render (PDF-NOTES.md).
FONT_CONFIG = FontConfiguration()
# WeasyPrint's layout is not thread-safe around a shared FontConfiguration.
_render_lock = threading.Lock()


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
            raise ValueError(f"Lobra hämtar inga externa resurser till PDF: {url}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise ValueError(f"Filen ligger utanför Lobras statiska filer: {url}")
        return URLFetcherResponse(path.as_uri(), path.read_bytes())


@functools.cache
def base_stylesheet():
    """The protocol stylesheet, parsed once per process."""
    return CSS(filename=str(STYLESHEET), font_config=FONT_CONFIG, url_fetcher=LocalFileFetcher())


def base_url():
    """Relative URLs in the HTML resolve inside the project's static directory."""
    return (Path(settings.BASE_DIR) / "static").resolve().as_uri() + "/"


def canonical_json(content):
    """The one serialisation used for hashing and embedding: sorted keys, no spaces, UTF-8."""
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def content_attachment(content, *, when):
    """The frozen protocol content as an embedded JSON file (PDF/A-3 associated file, /Source)."""
    return Attachment(
        string=canonical_json(content),
        name=CONTENT_ATTACHMENT_NAME,
        description="Protokollets frysta innehåll (JSON)",
        created=when,
        modified=when,
        relationship="Source",
    )


def render_html(html, *, attachments=(), stylesheets=None, identifier=None):
    """Render an HTML string to PDF/A-3b bytes with Lobra's stylesheet and fonts."""
    if stylesheets is None:
        stylesheets = [base_stylesheet()]
    document = HTML(string=html, base_url=base_url(), url_fetcher=LocalFileFetcher())
    with _render_lock:
        return document.write_pdf(
            stylesheets=stylesheets,
            font_config=FONT_CONFIG,
            pdf_variant=PDF_VARIANT,
            attachments=list(attachments),
            pdf_identifier=identifier,
        )


def render_content_pdf(html, content, *, when=None):
    """Render a protocol page with its frozen content embedded as JSON."""
    when = when or datetime.datetime.now(datetime.UTC)
    return render_html(html, attachments=[content_attachment(content, when=when)])


def embedded_content(pdf_bytes):
    """The JSON content Lobra embedded in a PDF, or None when there is none or it cannot be read."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        for index in range(0, len(names) - 1, 2):
            if str(names[index]) == CONTENT_ATTACHMENT_NAME:
                return json.loads(names[index + 1]["/EF"]["/F"].data)
    except (PdfError, KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None
    return None
