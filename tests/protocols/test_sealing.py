"""Sealing off the request, the protocol state only the services set, and bad input that must be refused."""

import hashlib
import logging

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from meetings.models import Meeting
from protocols import services as justering
from protocols.models import Approval, ProtocolVersion
from protocols.snapshot import SnapshotMismatch


@pytest.fixture
def sent(held_meeting, secretary):
    return justering.protocol_send(meeting=held_meeting, user=secretary.user)


def approve_all(version, *people):
    for person in people:
        justering.version_answer(version=version, user=person.user, decision=Approval.Decision.APPROVED)
    version.refresh_from_db()
    return version


working_enqueue = justering.enqueue_seal


@pytest.fixture
def unsealed(sent, chair, adjuster, monkeypatch):
    """A final version whose sealing task has not run yet."""
    monkeypatch.setattr(justering, "enqueue_seal", lambda version: None)
    return approve_all(sent, chair, adjuster)


def test_last_approval_makes_the_meeting_final_before_the_pdfs_exist(unsealed, held_meeting):
    held_meeting.refresh_from_db()
    assert unsealed.is_final and not unsealed.is_sealed
    assert held_meeting.protocol_state == Meeting.ProtocolState.FINAL
    assert not held_meeting.is_editable


def test_approver_sees_that_the_protocol_is_being_sealed(adjuster_client, unsealed):
    html = adjuster_client.get(reverse("protocols:protocol_version", args=[unsealed.pk])).content.decode()
    assert "Protokollet förseglas" in html
    status = adjuster_client.get(reverse("protocols:protocol_seal_status", args=[unsealed.pk])).json()
    assert status == {"sealed": False, "failed": False}


def test_signed_pdf_address_says_to_wait_while_sealing(member_client, unsealed):
    response = member_client.get(reverse("protocols:protocol_pdf", args=[unsealed.meeting_id]))
    assert response.status_code == 503
    assert "förseglas just nu" in response.content.decode()


def test_sealing_task_is_idempotent_on_the_versions_hash(unsealed):
    assert justering.protocol_seal(version_id=unsealed.pk, sha256=unsealed.sha256)
    unsealed.refresh_from_db()
    digest = unsealed.signed_pdf_sha256
    assert not justering.protocol_seal(version_id=unsealed.pk, sha256=unsealed.sha256)
    assert not justering.protocol_seal(version_id=unsealed.pk, sha256="0" * 64)
    unsealed.refresh_from_db()
    assert unsealed.signed_pdf_sha256 == digest


def test_task_for_a_vanished_version_ends_quietly_and_logs(db, caplog):
    with caplog.at_level(logging.WARNING, logger="protocols.services"):
        assert justering.protocol_seal(version_id=987654, sha256="0" * 64) is False
    assert "finns inte längre" in caplog.text


def test_failed_sealing_is_shown_to_the_coordinator_with_a_retry_button(unsealed, coordinator_client, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("certifikatet kunde inte läsas")

    working = justering.render_signed_protocol
    monkeypatch.setattr(justering, "render_signed_protocol", broken)
    with pytest.raises(OSError):
        justering.protocol_seal(version_id=unsealed.pk, sha256=unsealed.sha256)
    unsealed.refresh_from_db()
    assert unsealed.seal_failed and unsealed.seal_attempts == 1
    html = coordinator_client.get(reverse("protocols:protocol_meeting", args=[unsealed.meeting_id])).content.decode()
    assert "Förseglingen av protokollet misslyckades" in html and "Försök försegla igen" in html
    monkeypatch.setattr(justering, "render_signed_protocol", working)
    monkeypatch.setattr(justering, "enqueue_seal", working_enqueue)
    response = coordinator_client.post(reverse("protocols:protocol_seal_retry", args=[unsealed.pk]))
    assert response.status_code == 302
    unsealed.refresh_from_db()
    assert unsealed.is_sealed and not unsealed.seal_error


def test_member_cannot_retry_sealing(member_client, unsealed):
    assert member_client.post(reverse("protocols:protocol_seal_retry", args=[unsealed.pk])).status_code == 403


def test_hand_edited_snapshot_is_refused_when_rendered(unsealed, member_client):
    content = dict(unsealed.content, items=[])
    ProtocolVersion.objects.filter(pk=unsealed.pk).update(content=content)
    unsealed.refresh_from_db()
    with pytest.raises(SnapshotMismatch):
        justering.render_protocol_pdf(unsealed)
    response = member_client.get(reverse("protocols:protocol_preview", args=[unsealed.pk]))
    assert response.status_code == 409
    assert "stämmer inte med sin kontrollsumma" in response.content.decode()
    with pytest.raises(SnapshotMismatch):
        justering.protocol_seal(version_id=unsealed.pk, sha256=unsealed.sha256)
    unsealed.refresh_from_db()
    assert not unsealed.is_sealed and "SnapshotMismatch" in unsealed.seal_error


def test_a_changed_pdf_on_disk_is_never_served(sealed, final, caplog):
    held_meeting, member_client = final.meeting, sealed.client("member")
    assert final.is_sealed
    stored = final.public_pdf.name
    final.public_pdf.storage.delete(stored)
    final.public_pdf.storage.save(stored, ContentFile(b"%PDF-1.7 avkortad"))
    with caplog.at_level(logging.ERROR, logger="protocols.views"):
        response = Client().get(reverse("protocols:protocol_public_pdf", args=[held_meeting.pk]))
    assert response.status_code == 409
    assert "stämmer inte med sin kontrollsumma" in response.content.decode()
    assert "stämmer inte med sin SHA-256" in caplog.text
    full = member_client.get(reverse("protocols:protocol_pdf", args=[held_meeting.pk]))
    assert hashlib.sha256(full.content).hexdigest() == final.signed_pdf_sha256


def test_a_failing_mail_server_never_turns_an_answer_into_an_error(sent, chair, monkeypatch, caplog):
    def down(*args, **kwargs):
        raise ConnectionRefusedError("SMTP nere")

    monkeypatch.setattr(mail.EmailMessage, "send", down)
    client = Client()
    client.force_login(chair.user)
    with caplog.at_level(logging.ERROR, logger="councils.tasks"):
        response = client.post(reverse("protocols:protocol_answer", args=[sent.pk]),
                               {"decision": Approval.Decision.RETURNED, "comment": "Rätta § 2."})
    assert response.status_code == 302
    assert Approval.objects.filter(version=sent, person=chair).exists()
    assert "gick inte att skicka" in caplog.text


def test_meeting_form_cannot_set_the_protocol_state(secretary_client, held_meeting):
    url = reverse("meetings:meeting_edit", args=[held_meeting.pk])
    form = secretary_client.get(url).content.decode()
    assert "protocol_state" not in form and "justerat" not in form.lower().split("<form")[-1].split("</form>")[0]
    secretary_client.post(url, {
        "title": "Lokala brå", "kind": "protokoll", "date": "2026-11-13", "start_time": "09:00", "end_time": "11:00",
        "place": "Telefonvägen 30", "status": "justerat", "protocol_state": "final",
    })
    held_meeting.refresh_from_db()
    assert held_meeting.protocol_state == Meeting.ProtocolState.OPEN
    assert held_meeting.status != "justerat"


def test_admin_cannot_set_the_protocol_state(db, held_meeting):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("admin", "admin@example.se", "x")
    client = Client()
    client.force_login(admin)
    url = reverse("admin:meetings_meeting_change", args=[held_meeting.pk])
    html = client.get(url).content.decode()
    assert 'name="protocol_state"' not in html
