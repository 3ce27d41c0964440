"""The meeting page's Historik: agenda, minutes, attendance, attachments and admin edits, for members only."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from councils.models import LogEntry
from meetings import services
from meetings.models import Attachment


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_meeting_page_shows_what_was_done_to_its_parts(coordinator_client, member_client, meeting, coordinator):
    services.agenda_item_add(meeting=meeting, user=coordinator.user, title="Trygghetsvandring i centrum")
    page = member_client.get(meeting.get_absolute_url()).content.decode()
    assert "Historik" in page and "Dagordningspunkt tillagd" in page
    assert "Punkt: § 3 Trygghetsvandring i centrum" in page
    assert LogEntry.objects.get().object_id == meeting.pk


def test_an_edit_of_the_meeting_records_what_changed(coordinator, meeting):
    services.meeting_update(meeting=meeting, user=coordinator.user, data={"place": "Stadshuset, sal 2"},
                            adjusters=[])
    entry = LogEntry.objects.get(action="meetings.meeting.changed")
    assert entry.data == {"changed": {"place": ["Telefonvägen 30, plan 9", "Stadshuset, sal 2"]}}


def test_outsider_sees_no_history_because_she_sees_no_meeting(outsider_client, meeting):
    assert outsider_client.get(meeting.get_absolute_url()).status_code == 404


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.se", "x"))
    return client


def test_an_attachment_uploaded_in_the_admin_is_checked_like_any_other(admin_client, meeting):
    response = admin_client.post(reverse("admin:meetings_attachment_add"), {
        "meeting": meeting.pk, "file": SimpleUploadedFile("protokoll.pdf", b"MZ\x90\x00" + b"\0" * 100),
        "title": "Bilaga", "original_name": "", "number": ""})
    assert response.status_code == 200
    assert "Filtypen är inte tillåten" in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_admin_upload_joins_the_meetings_history(admin_client, meeting, member_client):
    response = admin_client.post(reverse("admin:meetings_attachment_add"), {
        "meeting": meeting.pk, "file": SimpleUploadedFile("karta.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        "title": "Karta", "original_name": "", "number": "1"})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/png" and attachment.size == 72
    entry = LogEntry.objects.get(action="admin.added")
    assert entry.object_id == meeting.pk and entry.council == meeting.council
    assert "Tillagd i administrationen" in member_client.get(meeting.get_absolute_url()).content.decode()
