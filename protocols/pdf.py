"""The protocol as PDF/A-3b with its frozen content embedded, through the shared WeasyPrint setup (councils/pdf.py)."""

import datetime
import io
import json
from pathlib import Path

from django.conf import settings
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from weasyprint import Attachment

from councils import pdf as shared

PDF_VARIANT = "pdf/a-3b"
CONTENT_ATTACHMENT_NAME = "protokoll.json"
STYLESHEET = Path(settings.BASE_DIR) / "templates" / "protocols" / "protocol.css"

# The shared WeasyPrint setup (fonts, fetcher, lock); the names stay importable from here.
FONT_CONFIG = shared.FONT_CONFIG
LocalFileFetcher = shared.LocalFileFetcher
static_roots = shared.static_roots
base_url = shared.base_url


def base_stylesheet():
    """The protocol stylesheet, parsed once per process."""
    return shared.stylesheet(STYLESHEET)


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
    return shared.render(html, stylesheets=stylesheets, pdf_variant=PDF_VARIANT, attachments=list(attachments),
                         pdf_identifier=identifier)


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
