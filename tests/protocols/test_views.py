"""Justering pages and PDF addresses: outsider 404, wrong role 403, the happy paths."""

import datetime
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from protocols import services as justering
from protocols.models import Approval, ProtocolVersion


@pytest.fixture
def sent(held_meeting, secretary):
    return justering.protocol_send(meeting=held_meeting, user=secretary.user)


def test_outsider_cannot_see_the_justering_page(outsider_client, held_meeting):
    assert outsider_client.get(reverse("protocols:protocol_meeting", args=[held_meeting.pk])).status_code == 404


def test_member_sees_the_justering_page_with_due_date(member_client, sent, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        response = member_client.get(reverse("protocols:protocol_meeting", args=[sent.meeting_id]))
    assert response.status_code == 200
    assert "2026-11-27" in response.content.decode()


def test_overdue_justering_is_flagged(member_client, sent):
    url = reverse("protocols:protocol_meeting", args=[sent.meeting_id])
    today = timezone.localdate()
    ProtocolVersion.objects.filter(pk=sent.pk).update(due_date=today)
    assert "Försenad" not in member_client.get(url).content.decode()
    ProtocolVersion.objects.filter(pk=sent.pk).update(due_date=today - datetime.timedelta(days=1))
    assert "Försenad" in member_client.get(url).content.decode()


def test_member_cannot_send_for_justering(member_client, held_meeting):
    response = member_client.post(reverse("protocols:protocol_send", args=[held_meeting.pk]))
    assert response.status_code == 403
    assert not ProtocolVersion.objects.exists()


def test_outsider_cannot_send_for_justering(outsider_client, held_meeting):
    assert outsider_client.post(reverse("protocols:protocol_send", args=[held_meeting.pk])).status_code == 404


def test_secretary_sends_for_justering(secretary_client, held_meeting, mailoutbox,
                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretary_client.post(reverse("protocols:protocol_send", args=[held_meeting.pk]), follow=True)
    assert "Version 1 är skickad för justering." in response.content.decode()
    assert ProtocolVersion.objects.get().status == ProtocolVersion.Status.SENT
    assert len(mailoutbox) == 1


def test_sending_needs_post(secretary_client, held_meeting):
    assert secretary_client.get(reverse("protocols:protocol_send", args=[held_meeting.pk])).status_code == 405


def test_sending_twice_is_refused_with_a_message(secretary_client, sent):
    response = secretary_client.post(reverse("protocols:protocol_send", args=[sent.meeting_id]), follow=True)
    assert "skickat för justering" in response.content.decode()
    assert ProtocolVersion.objects.count() == 1


def test_adjuster_reads_the_version_with_the_answer_form(adjuster_client, sent):
    response = adjuster_client.get(sent.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ditt svar" in html and "Lägesbild från polisen" in html and "2026-11-27" in html


def test_outsider_cannot_read_a_version(outsider_client, sent):
    assert outsider_client.get(sent.get_absolute_url()).status_code == 404


def test_member_who_is_not_an_approver_cannot_answer(member_client, sent):
    url = reverse("protocols:protocol_answer", args=[sent.pk])
    assert member_client.post(url, {"decision": "justerat"}).status_code == 403
    assert not Approval.objects.exists()


def test_returning_without_comments_shows_a_message_and_saves_nothing(chair_client, sent):
    response = chair_client.post(reverse("protocols:protocol_answer", args=[sent.pk]), {"decision": "aterforvisat"})
    assert response.status_code == 400
    assert "Skriv vad som ska ändras" in response.content.decode()
    assert not Approval.objects.exists()


def test_chair_returns_with_a_comment_per_item(chair_client, sent):
    item = sent.content["items"][1]
    response = chair_client.post(reverse("protocols:protocol_answer", args=[sent.pk]),
                                 {"decision": "aterforvisat", f"item_{item['id']}": "Vilket centrum?"})
    assert response.status_code == 302
    approval = Approval.objects.get()
    assert approval.item_comments == {str(item["id"]): "Vilket centrum?"}
    sent.refresh_from_db()
    assert sent.status == ProtocolVersion.Status.RETURNED


def test_approving_an_old_version_through_the_view_is_refused(chair_client, sent, secretary):
    justering.protocol_withdraw(meeting=sent.meeting, user=secretary.user)
    justering.protocol_send(meeting=sent.meeting, user=secretary.user)
    response = chair_client.post(reverse("protocols:protocol_answer", args=[sent.pk]), {"decision": "justerat"},
                                 follow=True)
    assert "inte längre den som ska justeras" in response.content.decode()
    assert not Approval.objects.filter(version=sent).exists()


def test_both_approvals_through_the_views_make_it_final(chair_client, adjuster_client, sent):
    url = reverse("protocols:protocol_answer", args=[sent.pk])
    chair_client.post(url, {"decision": "justerat"})
    response = adjuster_client.post(url, {"decision": "justerat"}, follow=True)
    assert "protokollet är nu slutgiltigt" in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == ProtocolVersion.Status.FINAL


def test_preview_pdf_for_members_only(member_client, outsider_client, sent):
    url = reverse("protocols:protocol_preview", args=[sent.pk])
    assert outsider_client.get(url).status_code == 404
    response = member_client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_final_pdf_is_served_byte_for_byte(sealed, final):
    member_client = sealed.client("member")
    response = member_client.get(reverse("protocols:protocol_pdf", args=[final.meeting_id]))
    body = response.content
    assert hashlib.sha256(body).hexdigest() == final.signed_pdf_sha256
    again = member_client.get(reverse("protocols:protocol_pdf", args=[final.meeting_id]))
    assert again.content == body
    assert again["ETag"] == response["ETag"] == f'"{final.signed_pdf_sha256}"'


def test_outsider_and_anonymous_cannot_get_the_full_pdf(outsider_client, final):
    url = reverse("protocols:protocol_pdf", args=[final.meeting_id])
    assert outsider_client.get(url).status_code == 404
    assert Client().get(url).status_code == 302


def test_public_pdf_is_readable_without_login_only_when_final(sent, chair, adjuster):
    url = reverse("protocols:protocol_public_pdf", args=[sent.meeting_id])
    assert Client().get(url).status_code == 404
    for person in (chair, adjuster):
        justering.version_answer(version=sent, user=person.user, decision=Approval.Decision.APPROVED)
    sent.refresh_from_db()
    body = Client().get(url).content
    assert hashlib.sha256(body).hexdigest() == sent.public_pdf_sha256


def test_member_cannot_start_a_correction(sealed, final):
    member_client = sealed.client("member")
    response = member_client.post(reverse("protocols:protocol_correction", args=[final.meeting_id]), {"reason": "x"})
    assert response.status_code == 403


def test_correction_without_reason_shows_a_message(sealed, final):
    coordinator_client = sealed.client("coordinator")
    response = coordinator_client.post(reverse("protocols:protocol_correction", args=[final.meeting_id]),
                                       {"reason": ""}, follow=True)
    assert "Ange skälet till rättelsen." in response.content.decode()
    final.refresh_from_db()
    assert final.correction_started_at is None


def test_coordinator_starts_a_correction(sealed, final):
    coordinator_client = sealed.client("coordinator")
    coordinator_client.post(reverse("protocols:protocol_correction", args=[final.meeting_id]),
                            {"reason": "Fel namn i § 2."})
    final.refresh_from_db()
    assert final.pending_correction_reason == "Fel namn i § 2."


def test_locked_meeting_answers_403_with_a_swedish_message(final, rf):
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    from meetings.locking import ensure_editable

    final.meeting.refresh_from_db()
    with pytest.raises(PermissionDenied) as caught:
        ensure_editable(final.meeting)
    response = permission_denied(rf.get("/"), caught.value)
    assert response.status_code == 403
    assert "Protokollet är justerat och kan inte ändras" in response.content.decode()


def test_verification_page_reports_a_valid_lobra_protocol(final):
    data = final.signed_pdf.read()
    response = Client().post(reverse("protocols:protocol_verify"),
                             {"file": SimpleUploadedFile("p.pdf", data, "application/pdf")})
    html = response.content.decode()
    assert "Underskriften är giltig och filen är oförändrad." in html
    assert "byte för byte" in html and "version 1" in html
    assert "Lobras testcertifikat" in html


def test_verification_page_reports_a_changed_file(final):
    data = bytearray(final.signed_pdf.read())
    data[len(data) // 3] ^= 1
    response = Client().post(reverse("protocols:protocol_verify"),
                             {"file": SimpleUploadedFile("p.pdf", bytes(data), "application/pdf")})
    assert "Filen går inte att lita på." in response.content.decode()


def test_verification_page_rejects_a_file_that_is_not_a_pdf(db):
    response = Client().post(reverse("protocols:protocol_verify"),
                             {"file": SimpleUploadedFile("p.pdf", b"hej", "application/pdf")})
    assert response.status_code == 400
    assert "Filen är inte en PDF." in response.content.decode()


def test_meeting_edit_views_refuse_a_final_protocol(sealed, final):
    secretary_client = sealed.client("secretary")
    item = final.meeting.items.get(number=2)
    response = secretary_client.post(reverse("meetings:item_minutes_save", args=[item.pk]),
                                     {"minutes": "<p>Ändrat i efterhand</p>", "version": item.version})
    assert response.status_code == 403
    assert "Protokollet är justerat och kan inte ändras" in response.content.decode()
    item.refresh_from_db()
    assert "Ändrat i efterhand" not in item.minutes
    assert secretary_client.post(reverse("meetings:item_delete", args=[item.pk])).status_code == 403
    assert secretary_client.get(reverse("meetings:meeting_edit", args=[final.meeting_id])).status_code == 403
    assert final.meeting.items.filter(pk=item.pk).exists()


def test_meeting_edit_views_open_again_after_a_correction_starts(sealed, final):
    secretary_client, secretary = sealed.client("secretary"), sealed.person("secretary")
    justering.protocol_correction_start(meeting=final.meeting, user=secretary.user, reason="Stavfel.")
    item = final.meeting.items.get(number=2)
    response = secretary_client.post(reverse("meetings:item_minutes_save", args=[item.pk]),
                                     {"minutes": "<p>Rättad text</p>", "version": item.version})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.minutes == "<p>Rättad text</p>"


def test_meeting_page_links_to_its_justering(member_client, held_meeting):
    html = member_client.get(reverse("meetings:meeting_detail", args=[held_meeting.pk])).content.decode()
    assert reverse("protocols:protocol_meeting", args=[held_meeting.pk]) in html
