"""Attachments: accepted by content, refused with a Swedish message otherwise, served only to members."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.files import KINDS, MAX_SIZE
from meetings.models import Attachment


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def zip_bytes(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


FILES = {
    "pdf": ("protokoll.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"),
    "png": ("karta.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    "jpeg": ("bild.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64),
    "docx": ("plan.docx", zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})),
    "xlsx": ("statistik.xlsx", zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})),
    "odt": ("anteckning.odt", zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text",
                                         "content.xml": "<office:document-content/>"})),
}


def upload(client, meeting, name, data, **extra):
    return client.post(reverse("meetings:attachment_upload", args=[meeting.pk]),
                       {"file": SimpleUploadedFile(name, data), "title": "", **extra})


@pytest.mark.parametrize("kind", sorted(FILES))
def test_accepted_types_are_stored_with_the_type_found_in_the_content(coordinator_client, meeting, kind):
    name, data = FILES[kind]
    response = upload(coordinator_client, meeting, name, data)
    assert response.status_code == 302
    attachment = Attachment.objects.get(meeting=meeting)
    assert attachment.size == len(data)
    assert attachment.number == 1
    assert attachment.content_type == KINDS[kind][0]


def test_a_renamed_exe_is_refused_with_a_clear_message(coordinator_client, meeting):
    response = upload(coordinator_client, meeting, "protokoll.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    assert response.status_code == 200
    assert "Filtypen är inte tillåten. Ladda upp en fil av typen PDF, DOCX, XLSX, ODT, PNG, JPEG." in \
        response.content.decode()
    assert not Attachment.objects.exists()


def test_content_that_does_not_match_the_name_is_refused(coordinator_client, meeting):
    response = upload(coordinator_client, meeting, "bild.png", FILES["pdf"][1])
    assert "stämmer inte med filnamnet" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_over_20_mb_is_refused(coordinator_client, meeting):
    data = b"%PDF-1.4\n" + b"0" * MAX_SIZE
    response = upload(coordinator_client, meeting, "stor.pdf", data)
    assert "Filen är för stor" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_bilaga_number_is_used_once_per_meeting(coordinator_client, meeting):
    upload(coordinator_client, meeting, *FILES["pdf"])
    response = upload(coordinator_client, meeting, *FILES["png"], number=1)
    assert "Bilaga 1 finns redan." in response.content.decode()
    assert Attachment.objects.count() == 1


@pytest.fixture
def attachment(coordinator_client, meeting):
    upload(coordinator_client, meeting, *FILES["pdf"])
    return Attachment.objects.get()


def test_member_can_download_an_attachment(member_client, attachment):
    response = member_client.get(reverse("meetings:attachment_download", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_outsider_cannot_download_an_attachment(outsider_client, attachment):
    assert outsider_client.get(reverse("meetings:attachment_download", args=[attachment.pk])).status_code == 404


def test_anonymous_visitor_cannot_download_an_attachment(client, attachment):
    assert client.get(reverse("meetings:attachment_download", args=[attachment.pk])).status_code == 302


def test_files_are_stored_under_an_unguessable_name(attachment):
    assert "protokoll" not in attachment.file.name


def test_member_cannot_upload_or_delete(member_client, meeting, attachment):
    assert upload(member_client, meeting, *FILES["png"]).status_code == 403
    assert member_client.post(reverse("meetings:attachment_delete", args=[attachment.pk])).status_code == 403


def test_outsider_cannot_delete(outsider_client, attachment):
    assert outsider_client.post(reverse("meetings:attachment_delete", args=[attachment.pk])).status_code == 404


def test_coordinator_can_delete_an_attachment(coordinator_client, attachment):
    assert coordinator_client.post(reverse("meetings:attachment_delete", args=[attachment.pk])).status_code == 302
    assert not Attachment.objects.exists()
