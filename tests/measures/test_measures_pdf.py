import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from councils import pdf as shared_pdf
from measures import pdf


def test_plan_pdf_has_one_table_per_measure_and_page_numbers(member_client, agreement, police_measure,
                                                             municipal_measure, follow_up):
    response = member_client.get(reverse("measures:agreement_plan_pdf", args=[agreement.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    pages = len(reader.pages)
    assert f"Sida 1 ({pages})" in text
    assert "Motverka påträngande tiggeri" in text
    assert "Trygga uppväxten för barn och unga" in text
    assert text.count("Polisens åtagande") == 2
    assert "Gul – risk för avvikelse" in text
    assert "förlängd till 2026-09-30" in text


def test_pdf_fonts_are_embedded_and_cover_swedish(member_client, agreement, police_measure):
    content = member_client.get(reverse("measures:agreement_plan_pdf", args=[agreement.pk])).content
    reader = PdfReader(io.BytesIO(content))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
                else font["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert any("Noto" in name or "DejaVu" in name for name in fonts)


def test_pdf_fetcher_refuses_the_network():
    with pytest.raises(shared_pdf.RefusedURL):
        shared_pdf.LocalFileFetcher().fetch("http://example.com/logo.png")


def test_an_outside_image_is_never_fetched_into_a_pdf(caplog):
    pdf_bytes = shared_pdf.render('<p>Hej</p><img src="https://example.com/track.png">', stylesheets=[])
    assert pdf_bytes.startswith(b"%PDF-")
    assert "Lobra hämtar inga externa resurser" in caplog.text


def test_outsider_cannot_export_pdf(outsider_client, agreement):
    assert outsider_client.get(reverse("measures:agreement_plan_pdf", args=[agreement.pk])).status_code == 404


def test_pdf_of_a_huge_plan_asks_for_a_filter(member_client, agreement, police_measure, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_MEASURES", 0)
    response = member_client.get(reverse("measures:agreement_plan_pdf", args=[agreement.pk]), {"q": "tiggeri"})
    assert response.status_code == 302
    assert response["Location"] == reverse("measures:agreement_plan", args=[agreement.pk]) + "?q=tiggeri"
    page = member_client.get(response["Location"]).content.decode()
    assert "Filtrera fram högst 0 för att skapa en PDF" in page
