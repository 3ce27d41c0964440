"""The justering flow: freeze, approve or return, final and locked, corrections, the signed PDFs."""

import datetime
import hashlib
import io

import pypdf
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from councils.models import LogEntry
from meetings import services as meeting_services
from meetings.locking import MeetingLocked
from meetings.models import AgendaItem, Attendance, Decision, Meeting
from protocols import pdf, signing
from protocols import services as justering
from protocols.models import Approval, ProtocolVersion


def is_meeting_locked(meeting):
    meeting.refresh_from_db()
    return not meeting.is_editable


def save_minutes(item, user, text):
    item.refresh_from_db()
    return meeting_services.minutes_save(item=item, user=user, minutes=text, base_version=item.version)

SECRET_WORDS = "Hemlighållen uppgift om Klöverskolans elevärende"


def send(meeting, person):
    return justering.protocol_send(meeting=meeting, user=person.user)


def approve(version, person):
    return justering.version_answer(version=version, user=person.user, decision=Approval.Decision.APPROVED)


@pytest.fixture
def final_version(held_meeting, secretary, chair, adjuster, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        version = send(held_meeting, secretary)
        approve(version, chair)
        approve(version, adjuster)
    version.refresh_from_db()
    return version


def text_of(data):
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_sending_freezes_the_protocol_with_its_hash(held_meeting, secretary, chair, adjuster,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        version = send(held_meeting, secretary)
    assert version.number == 1
    assert version.status == ProtocolVersion.Status.SENT
    assert version.sha256 == hashlib.sha256(pdf.canonical_json(version.content)).hexdigest()
    assert [i["title"] for i in version.content["items"]][:2] == ["Mötets öppnande", "Lägesbild från polisen"]
    assert version.content["attendance"]["apologies"][0]["organisation"].startswith("Polisen")
    assert [a["person_id"] for a in version.approvers] == [chair.pk, adjuster.pk]
    assert version.due_date == datetime.date(2026, 11, 27)
    assert sorted(mail.outbox[0].to) == sorted([chair.email, adjuster.email])
    assert "/meetings/protocol-versions/" in mail.outbox[0].body
    assert LogEntry.objects.filter(action="protocols.version.sent").exists()


def test_frozen_version_does_not_follow_later_edits(held_meeting, secretary):
    version = send(held_meeting, secretary)
    justering.protocol_withdraw(meeting=held_meeting, user=secretary.user)
    AgendaItem.objects.filter(meeting=held_meeting, number=1).update(title="Ändrad rubrik")
    version.refresh_from_db()
    assert version.content["items"][0]["title"] == "Mötets öppnande"


def test_meeting_without_chair_or_adjusters_cannot_be_sent(held_meeting, secretary):
    held_meeting.adjusters.clear()
    Meeting.objects.filter(pk=held_meeting.pk).update(chair=None)
    held_meeting.refresh_from_db()
    with pytest.raises(justering.JusteringError):
        send(held_meeting, secretary)
    assert not held_meeting.protocol_versions.exists()


def test_last_approval_makes_the_protocol_final_and_signed(final_version, held_meeting):
    assert final_version.status == ProtocolVersion.Status.FINAL
    assert final_version.signed_with_test_certificate
    data = final_version.signed_pdf.read()
    assert hashlib.sha256(data).hexdigest() == final_version.signed_pdf_sha256
    assert signing.verify_pdf(data).ok
    public = final_version.public_pdf.read()
    assert hashlib.sha256(public).hexdigest() == final_version.public_pdf_sha256
    assert signing.verify_pdf(public).ok
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.HELD
    assert held_meeting.protocol_state == Meeting.ProtocolState.FINAL
    assert "Protokollet är justerat" in mail.outbox[-1].subject


def test_final_pdf_names_the_approvers_and_marks_the_test_certificate(sealed, final):
    final_version, chair, adjuster = final, sealed.person("chair"), sealed.person("adjuster")
    text = text_of(final_version.signed_pdf.read())
    assert "Sida 1 (" in text
    assert chair.full_name in text and adjuster.full_name in text
    assert "Justerare" in text and "Ordförande" in text
    assert "testcertifikat" in text
    assert SECRET_WORDS in text
    assert "Närvarande" in text and "Anmält förhinder" in text


def test_public_pdf_leaves_out_the_confidential_item(final):
    final_version = final
    data = final_version.public_pdf.read()
    text = text_of(data)
    assert "Sekretess enligt OSL 23 kap. 2 §" in text
    assert "Klöverskolans" not in text
    assert "Ärende om enskild elev" not in text
    assert "Färre skadegörelser" in text
    embedded = pdf.embedded_content(data)
    assert embedded["edition"] == "public"
    assert "Klöverskolans" not in pdf.canonical_json(embedded).decode()


def test_final_protocol_refuses_every_content_service(sealed, final):
    held_meeting, secretary = final.meeting, sealed.person("secretary")
    assert is_meeting_locked(held_meeting)
    user = secretary.user
    item = held_meeting.items.get(number=2)
    with pytest.raises(MeetingLocked, match="justerat"):
        save_minutes(item, user, "<p>Ändrat i efterhand</p>")
    with pytest.raises(MeetingLocked):
        meeting_services.agenda_item_add(meeting=held_meeting, user=user, title="Ny punkt")
    with pytest.raises(MeetingLocked):
        meeting_services.agenda_move(item=item, user=user, direction=-1)
    with pytest.raises(MeetingLocked):
        meeting_services.decision_add(item=item, user=user, decision=Decision(text="Nytt beslut"))
    with pytest.raises(MeetingLocked):
        meeting_services.attendance_delete(row=held_meeting.attendances.first(), user=user)
    with pytest.raises(MeetingLocked):
        meeting_services.attendance_add(meeting=held_meeting, user=user, row=Attendance(guest_name="Gäst"))
    with pytest.raises(MeetingLocked):
        meeting_services.attendance_set(meeting=held_meeting, user=user,
                                        statuses={held_meeting.attendances.first().pk: Attendance.Status.ABSENT})
    with pytest.raises(MeetingLocked):
        meeting_services.meeting_update(meeting=held_meeting, user=user, data={"title": "Nytt namn"}, adjusters=[])
    assert issubclass(MeetingLocked, PermissionDenied)
    item.refresh_from_db()
    assert "Ändrat i efterhand" not in item.minutes
    assert not AgendaItem.objects.filter(title="Ny punkt").exists()
    assert not Decision.objects.filter(text="Nytt beslut").exists()


def test_meeting_is_locked_while_out_for_justering_and_open_after_withdrawal(held_meeting, secretary):
    send(held_meeting, secretary)
    with pytest.raises(MeetingLocked, match="skickat för justering"):
        save_minutes(held_meeting.items.first(), secretary.user, "<p>Nytt</p>")
    justering.protocol_withdraw(meeting=held_meeting, user=secretary.user)
    assert save_minutes(held_meeting.items.first(), secretary.user, "<p>Nytt</p>").saved


def test_returning_needs_a_comment_and_unlocks_the_meeting(held_meeting, secretary, chair,
                                                            django_capture_on_commit_callbacks):
    version = send(held_meeting, secretary)
    with pytest.raises(justering.JusteringError, match="Skriv vad"):
        justering.version_answer(version=version, user=chair.user, decision=Approval.Decision.RETURNED)
    item = held_meeting.items.get(number=2)
    with django_capture_on_commit_callbacks(execute=True):
        justering.version_answer(version=version, user=chair.user, decision=Approval.Decision.RETURNED,
                                 item_comments={str(item.pk): "Skriv ut vilket centrum."})
    version.refresh_from_db()
    assert version.status == ProtocolVersion.Status.RETURNED
    assert "§ 2 Lägesbild från polisen: Skriv ut vilket centrum." in mail.outbox[-1].body
    assert save_minutes(item, secretary.user, "<p>Örnbergs centrum.</p>").saved
    assert send(held_meeting, secretary).number == 2


def test_approving_a_version_that_is_not_current_is_refused(held_meeting, secretary, chair):
    first = send(held_meeting, secretary)
    justering.protocol_withdraw(meeting=held_meeting, user=secretary.user)
    send(held_meeting, secretary)
    with pytest.raises(justering.JusteringError, match="inte längre"):
        approve(first, chair)
    assert not Approval.objects.filter(version=first).exists()


def test_only_the_frozen_approvers_may_answer_and_only_once(held_meeting, secretary, chair, member):
    version = send(held_meeting, secretary)
    with pytest.raises(PermissionDenied):
        approve(version, member)
    approve(version, chair)
    with pytest.raises(justering.JusteringError, match="redan svarat"):
        approve(version, chair)


def test_correction_is_a_new_marked_version_and_the_old_one_stays(sealed, final):
    final_version, held_meeting = final, final.meeting
    secretary, chair, adjuster = (sealed.person(role) for role in ("secretary", "chair", "adjuster"))
    with pytest.raises(justering.JusteringError):
        justering.protocol_correction_start(meeting=held_meeting, user=secretary.user, reason=" ")
    justering.protocol_correction_start(meeting=held_meeting, user=secretary.user, reason="Fel datum i § 2.")
    assert not is_meeting_locked(held_meeting)
    item = held_meeting.items.get(number=2)
    save_minutes(item, secretary.user, "<p>Färre skadegörelser vid Örnbergs centrum i oktober.</p>")
    correction = send(held_meeting, secretary)
    assert correction.is_correction and correction.correction_reason == "Fel datum i § 2."
    assert correction.due_date == timezone.localdate() + datetime.timedelta(days=14)
    approve(correction, chair)
    approve(correction, adjuster)
    correction.refresh_from_db()
    text = text_of(correction.signed_pdf.read())
    assert "Rättelse" in text and "Fel datum i § 2." in text
    final_version.refresh_from_db()
    assert final_version.status == ProtocolVersion.Status.FINAL
    assert signing.verify_pdf(final_version.signed_pdf.read()).ok
    assert is_meeting_locked(held_meeting)


def test_verification_finds_the_version_of_a_pdf(final):
    final_version = final
    full = final_version.signed_pdf.read()
    assert justering.find_version_for_pdf(full) == (final_version, "full", True)
    assert justering.find_version_for_pdf(final_version.public_pdf.read()) == (final_version, "public", True)
    resigned = signing.sign_pdf(full)
    assert justering.find_version_for_pdf(resigned) == (final_version, "full", False)
    assert justering.find_version_for_pdf(b"%PDF-1.7 nonsens") == (None, "", False)


def test_demo_justering_is_idempotent_and_has_a_final_protocol_with_a_confidential_item(demo):
    from django.core.management import call_command

    versions = list(ProtocolVersion.objects.order_by("pk").values_list("pk", "status"))
    call_command("load_demo", stdout=io.StringIO())
    assert list(ProtocolVersion.objects.order_by("pk").values_list("pk", "status")) == versions
    final = ProtocolVersion.objects.final().filter(meeting__items__confidential=True).distinct().get()
    assert signing.verify_pdf(final.public_pdf.read()).ok
    assert ProtocolVersion.objects.filter(status=ProtocolVersion.Status.SENT, is_correction=True).exists()
