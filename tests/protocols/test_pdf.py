"""The PDF renderer: PDF/A-3b markers, embedded fonts, page numbers, no network."""

import io
import json

import pikepdf
import pypdf
import pytest

from protocols import pdf

HTML = """<!doctype html><html lang="sv"><head><title>Protokoll för Älvsjö</title>
<meta name="author" content="Hägersten-Älvsjö stadsdelsförvaltning">
<meta name="dcterms.created" content="2026-11-20T09:00:00+01:00">
<meta name="dcterms.modified" content="2026-11-20T09:00:00+01:00"></head>
<body><h1>Protokoll</h1>{body}</body></html>"""


def three_pages():
    return HTML.format(body="<p>Trygghetsvandring i Örnberg, åäö ÅÄÖ.</p>" * 150)


@pytest.fixture(scope="module")
def rendered():
    return pdf.render_content_pdf(three_pages(), {"meeting": "Älvsjö", "items": [1, 2]})


def test_pdf_identifies_itself_as_pdf_a_3b(rendered):
    with pikepdf.open(io.BytesIO(rendered)) as doc:
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "3"
        assert meta["pdfaid:conformance"] == "B"
        assert doc.Root.Lang == "sv"
        assert "/Encrypt" not in doc.trailer
        assert len(doc.trailer.ID) == 2
        assert str(doc.docinfo.Title) == "Protokoll för Älvsjö"
        assert str(doc.docinfo.Author) == "Hägersten-Älvsjö stadsdelsförvaltning"


def test_pdf_has_srgb_output_intent_with_icc_profile(rendered):
    with pikepdf.open(io.BytesIO(rendered)) as doc:
        intents = doc.Root.OutputIntents
        assert any(i.S == "/GTS_PDFA1" and i.DestOutputProfile.read_bytes()[36:40] == b"acsp" for i in intents)


def test_every_font_is_embedded(rendered):
    with pikepdf.open(io.BytesIO(rendered)) as doc:
        fonts = [font for page in doc.pages for font in page.Resources.Font.values()]
        assert fonts
        for font in fonts:
            descendants = font.get("/DescendantFonts", [font])
            for f in descendants:
                descriptor = f.FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f.BaseFont


def test_text_has_page_numbers_and_swedish_letters(rendered):
    reader = pypdf.PdfReader(io.BytesIO(rendered))
    pages = len(reader.pages)
    assert pages >= 3
    first = reader.pages[0].extract_text()
    assert f"Sida 1 ({pages})" in first
    assert "åäö ÅÄÖ" in first
    assert f"Sida {pages} ({pages})" in reader.pages[-1].extract_text()


def test_content_is_embedded_as_json_source_attachment(rendered):
    with pikepdf.open(io.BytesIO(rendered)) as doc:
        spec = doc.Root.Names.EmbeddedFiles.Names[1]
        assert spec.AFRelationship == "/Source"
        assert spec.EF.F.Subtype == "/application/json"
        assert doc.Root.AF[0].objgen == spec.objgen
    assert pdf.embedded_content(rendered) == {"meeting": "Älvsjö", "items": [1, 2]}
    assert json.loads(pdf.canonical_json({"b": 1, "a": "å"})) == {"a": "å", "b": 1}


def test_images_are_not_interpolated():
    html = HTML.format(body='<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==">')
    data = pdf.render_html(html)
    with pikepdf.open(io.BytesIO(data)) as doc:
        images = [obj for obj in doc.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
        assert images
        assert all(obj.get("/Interpolate", False) is not True for obj in images)


def test_fetcher_refuses_network_and_files_outside_static(tmp_path):
    fetcher = pdf.LocalFileFetcher()
    with pytest.raises(ValueError, match="externa"):
        fetcher.fetch("https://example.com/logo.png")
    with pytest.raises(ValueError, match="utanför"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError, match="utanför"):
        fetcher.fetch(pdf.base_url() + "../manage.py")


def test_fetcher_serves_the_projects_static_files():
    response = pdf.LocalFileFetcher().fetch(pdf.base_url() + "lobra/lobra.css")
    assert response.read()


def test_remote_image_is_left_out_without_a_request(monkeypatch):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("WeasyPrint tried the network")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    data = pdf.render_html(HTML.format(body='<p>Bild:</p><img src="https://example.com/x.png">'))
    assert data.startswith(b"%PDF-")
