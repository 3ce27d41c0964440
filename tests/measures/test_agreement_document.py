"""The agreement's signed document: checked like every upload, served only to members, as a download."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from measures.models import Agreement

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def edit(client, agreement, upload):
    return client.post(reverse("measures:agreement_edit", args=[agreement.pk]), {
        "title": agreement.title, "parties": [p.pk for p in agreement.parties.all()],
        "valid_from": "2024-01-01", "valid_to": "2025-12-31", "document": upload,
    })


def test_a_signed_pdf_is_accepted_and_stored_under_an_unguessable_name(coordinator_client, agreement):
    response = edit(coordinator_client, agreement, SimpleUploadedFile("Överenskommelse 2024.pdf", PDF))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.document.name.endswith(".pdf") and "verenskommelse" not in agreement.document.name


def test_a_renamed_program_is_refused_and_nothing_is_stored(coordinator_client, agreement):
    response = edit(coordinator_client, agreement, SimpleUploadedFile("avtal.pdf", b"MZ\x90\x00" + b"\0" * 100))
    assert "Filtypen är inte tillåten" in response.content.decode()
    agreement.refresh_from_db()
    assert not agreement.document


def test_a_zip_bomb_as_the_agreement_document_is_refused(coordinator_client, agreement):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    response = edit(coordinator_client, agreement, SimpleUploadedFile("avtal.docx", buffer.getvalue()))
    assert "packat arkiv som inte kan godtas" in response.content.decode()
    agreement.refresh_from_db()
    assert not agreement.document


@pytest.fixture
def stored(agreement):
    agreement.document.save("avtal.pdf", ContentFile(PDF))
    return agreement


def test_member_downloads_the_document_as_an_inert_attachment(member_client, stored):
    response = member_client.get(reverse("measures:agreement_document", args=[stored.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


def test_outsider_gets_404_and_anonymous_the_login(outsider_client, client, stored):
    url = reverse("measures:agreement_document", args=[stored.pk])
    assert outsider_client.get(url).status_code == 404
    assert client.get(url).status_code == 302


def test_the_plan_links_to_the_checked_download_not_the_media_file(member_client, stored):
    page = member_client.get(stored.get_absolute_url()).content.decode()
    assert reverse("measures:agreement_document", args=[stored.pk]) in page
    assert Agreement.objects.get().document.url not in page
