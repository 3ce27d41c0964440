"""The signed protocol in the admin: a link on the meeting and a download action."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from protocols import services as justering
from protocols.models import Approval


@pytest.fixture
def admin_client_(db):
    from django.test import Client

    user = get_user_model().objects.create_superuser("admin", "admin@example.se", "x")
    client = Client()
    client.force_login(user)
    return client


def action(client, meetings):
    return client.post(reverse("admin:protocols_signedprotocolmeeting_changelist"),
                       {"action": "download_protocols", "_selected_action": [m.pk for m in meetings]})


def test_meeting_admin_page_links_to_the_signed_protocol(admin_client_, final):
    html = admin_client_.get(reverse("admin:protocols_signedprotocolmeeting_change", args=[final.meeting_id])).content.decode()
    assert reverse("protocols:protocol_pdf", args=[final.meeting_id]) in html
    assert reverse("protocols:protocol_public_pdf", args=[final.meeting_id]) in html


def test_admin_action_downloads_one_protocol_as_pdf(admin_client_, final):
    response = action(admin_client_, [final.meeting])
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == final.signed_pdf.read()


def test_admin_action_zips_several_protocols_and_names_the_missing(admin_client_, sealed, final):
    from meetings.models import Meeting

    council, coordinator = final.meeting.council, sealed.person("coordinator")

    other = Meeting.objects.create(council=council, title="Utan protokoll", starts_at=final.meeting.starts_at,
                                   ends_at=final.meeting.ends_at)
    second = Meeting.objects.create(council=council, title="Andra", starts_at=final.meeting.starts_at,
                                    ends_at=final.meeting.ends_at, chair=final.meeting.chair)
    v2 = justering.protocol_send(meeting=second, user=coordinator.user)
    justering.version_answer(version=v2, user=second.chair.user, decision=Approval.Decision.APPROVED)
    response = action(admin_client_, [final.meeting, second, other])
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert sorted(names) == sorted([f"protokoll-{final.meeting_id}-v1.pdf", f"protokoll-{second.pk}-v1.pdf"])


def test_admin_action_without_protocols_explains(admin_client_, held_meeting):
    response = action(admin_client_, [held_meeting])
    assert response.status_code == 302
    follow = admin_client_.get(response["Location"]).content.decode()
    assert "Inget justerat protokoll för" in follow


def test_protocol_versions_are_read_only_in_the_admin(admin_client_, final):
    url = reverse("admin:protocols_protocolversion_change", args=[final.pk])
    assert admin_client_.get(url).status_code == 200
    assert admin_client_.post(url, {}).status_code == 403
