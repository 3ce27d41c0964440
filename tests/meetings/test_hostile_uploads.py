"""Hostile uploads: zip bombs, nested archives and archives of thousands of members are refused fast,
without unpacking, and the worker's memory stays near its baseline; user files are served as inert downloads."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings import files
from meetings.files import check_upload
from meetings.models import Attachment

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
MB = 1024 * 1024
# The limit for the worker while it checks a hostile upload.
MEMORY_HEADROOM = 50 * MB


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def zip_bytes(files, compression=zipfile.ZIP_STORED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def odt_bomb():
    """The issue's attack: an ODT of ~400 KB whose `mimetype` member inflates to 400 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("mimetype", "w") as member:
            member.write(ODT_MIMETYPE.encode())
            chunk = b"\0" * MB
            for _ in range(400):
                member.write(chunk)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def peak_memory_while(check, data, name):
    """Peak bytes allocated above the baseline while `check` looks at an upload, and the error it raised."""
    uploaded = SimpleUploadedFile(name, data)
    tracemalloc.start()
    try:
        baseline, _peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        error = None
        try:
            check(uploaded)
        except ValidationError as exc:
            error = exc
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - baseline, error


def test_the_odt_bomb_is_refused_without_unpacking_it(odt_bomb):
    assert len(odt_bomb) < 500 * 1024
    peak, error = peak_memory_while(check_upload, odt_bomb, "anteckning.odt")
    print(f"zip bomb (400 MB mimetype): peak {peak / MB:.2f} MB above baseline")
    assert error is not None and "packat arkiv som inte kan godtas" in error.messages[0]
    assert peak < MEMORY_HEADROOM


def test_the_type_check_reads_only_a_few_bytes_even_when_the_directory_check_lets_a_bomb_through(
        odt_bomb, monkeypatch):
    # Defence in depth: with the ratio and size limits off, the bounded read of `mimetype` still holds.
    monkeypatch.setattr(files, "MAX_RATIO", 10**9)
    monkeypatch.setattr(files, "MAX_UNPACKED_SIZE", 10**12)
    peak, error = peak_memory_while(check_upload, odt_bomb, "anteckning.odt")
    print(f"zip bomb, directory checks off: peak {peak / MB:.2f} MB above baseline")
    assert error is not None and "Filtypen är inte tillåten" in error.messages[0]
    assert peak < MEMORY_HEADROOM


def test_an_archive_of_thousands_of_members_is_refused_before_its_directory_is_parsed(monkeypatch):
    data = zip_bytes({f"word/part{n}.xml": "" for n in range(5000)} | {"[Content_Types].xml": "<Types/>",
                                                                     "word/document.xml": "<w:document/>"})

    def parse(*args, **kwargs):
        raise AssertionError("the member count alone must refuse the archive")

    monkeypatch.setattr(files.zipfile, "ZipFile", parse)
    with pytest.raises(ValidationError, match="packat arkiv"):
        check_upload(SimpleUploadedFile("plan.docx", data))


WORKBOOK = {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "<x/>"}


def report_with(inner, data):
    return zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", inner: data})


@pytest.mark.parametrize("inner, data", [
    ("word/embeddings/bilaga.zip", zip_bytes({"a.txt": "x"})),  # not an Office document
    ("Pictures/bild.odt", zip_bytes({"a.txt": "x"})),  # not where Office keeps embedded objects
    ("word/embeddings/Makro.xlsm", zip_bytes(WORKBOOK)),  # macros
    # An embedded workbook that embeds an archive of its own: one level only.
    ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", zip_bytes({**WORKBOOK, "xl/embeddings/x.docx": zip_bytes({})})),
    ("word/embeddings/Microsoft_Excel_Worksheet.xlsx", b"PK\x03\x04 not a zip at all"),
])
def test_a_document_with_an_archive_inside_is_refused(inner, data):
    with pytest.raises(ValidationError, match="packat arkiv"):
        check_upload(SimpleUploadedFile("plan.docx", report_with(inner, data)))


def test_a_report_with_an_embedded_chart_workbook_is_accepted():
    """Word keeps a chart's data as a workbook under word/embeddings/; lägesbilder are full of them."""
    data = report_with("word/embeddings/Microsoft_Excel_Worksheet.xlsx", zip_bytes(WORKBOOK, zipfile.ZIP_DEFLATED))
    assert check_upload(SimpleUploadedFile("lagesbild.docx", data)) == files.KINDS["docx"][0]


def test_an_embedded_workbook_that_is_a_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(files, "RATIO_FLOOR", 1000)
    bomb = zip_bytes({**WORKBOOK, "xl/sharedStrings.xml": "0" * 1_000_000}, zipfile.ZIP_DEFLATED)
    with pytest.raises(ValidationError, match="packat arkiv"):
        check_upload(SimpleUploadedFile("plan.docx", report_with("word/embeddings/Blad.xlsx", bomb)))


def test_archives_that_unpack_beyond_the_total_limit_are_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_UNPACKED_SIZE", 1000)
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "x" * 2000})
    with pytest.raises(ValidationError, match="packat arkiv"):
        check_upload(SimpleUploadedFile("plan.docx", data))


def test_a_truncated_archive_is_refused_as_a_wrong_type():
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    with pytest.raises(ValidationError, match="Filtypen är inte tillåten"):
        check_upload(SimpleUploadedFile("plan.docx", data[: len(data) // 2]))


def test_an_ordinary_compressed_document_is_still_accepted():
    text = "<w:document>" + "<w:p>Trygghetsvandring i centrum</w:p>" * 20_000 + "</w:document>"
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": text}, zipfile.ZIP_DEFLATED)
    assert check_upload(SimpleUploadedFile("plan.docx", data)) == files.KINDS["docx"][0]


def test_the_bomb_uploaded_as_an_attachment_gets_a_swedish_message_and_saves_nothing(
        coordinator_client, meeting, odt_bomb):
    response = coordinator_client.post(reverse("meetings:attachment_upload", args=[meeting.pk]),
                                       {"file": SimpleUploadedFile("anteckning.odt", odt_bomb), "title": ""})
    assert response.status_code == 200
    assert "Filen är ett packat arkiv som inte kan godtas" in response.content.decode()
    assert not Attachment.objects.exists()


def test_attachments_are_served_as_inert_downloads(coordinator_client, member_client, meeting):
    coordinator_client.post(reverse("meetings:attachment_upload", args=[meeting.pk]),
                            {"file": SimpleUploadedFile("karta.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "title": ""})
    response = member_client.get(reverse("meetings:attachment_download", args=[Attachment.objects.get().pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
