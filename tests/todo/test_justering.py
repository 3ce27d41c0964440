"""Justering on Att göra and in reminders: awaiting an answer, returned, late, sealing failed."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from protocols.models import Approval, ProtocolVersion
from protocols.services import protocol_send, version_answer
from todo.models import Notification, Reminder, ReminderKind
from todo.reminders import reminders_send

from .conftest import days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def sent(make_meeting, chair, adjuster, coordinator, secretary, member):
    """A meeting held three days ago whose protocol is out for justering with the chair and one adjuster."""
    meeting = make_meeting(day=days(-3), title="Höstmötet", chair=chair, secretary=secretary,
                           called=[chair, adjuster, coordinator, member])
    meeting.adjusters.set([adjuster])
    version = protocol_send(meeting=meeting, user=coordinator.user)
    mail.outbox.clear()
    return version


def start(client):
    response = client.get(reverse("todo:start"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_adjuster_sees_the_protocol_awaiting_her_answer_with_its_deadline(adjuster_client, sent):
    body = start(adjuster_client)
    assert "Att justera" in body and "Höstmötet" in body
    assert sent.get_absolute_url() in body and sent.due_date.isoformat() in body


def test_the_chair_sees_it_too_until_he_has_answered(chair_client, chair, sent):
    assert sent.get_absolute_url() in start(chair_client)
    version_answer(version=sent, user=chair.user, decision=Approval.Decision.APPROVED)
    assert sent.get_absolute_url() not in start(chair_client)


def test_a_member_who_is_not_an_approver_sees_no_justering(member_client, sent):
    assert "Att justera" not in start(member_client)


def test_the_coordinator_sees_a_returned_protocol(coordinator_client, adjuster, sent):
    version_answer(version=sent, user=adjuster.user, decision=Approval.Decision.RETURNED, comment="§ 2 saknas")
    body = start(coordinator_client)
    assert "Skickades tillbaka" in body and "§ 2 saknas" in body
    assert reverse("protocols:protocol_meeting", args=[sent.meeting_id]) in body


def test_the_coordinator_sees_a_justering_deadline_that_has_passed(coordinator_client, sent):
    ProtocolVersion.objects.filter(pk=sent.pk).update(due_date=days(-1))
    body = start(coordinator_client)
    assert "Justeringen är försenad" in body and days(-1).isoformat() in body


def test_a_sent_protocol_is_no_longer_asked_to_be_sent(coordinator_client, sent):
    assert "Skicka protokollet från Höstmötet" not in start(coordinator_client)


def test_the_coordinator_sees_a_sealing_failure(coordinator_client, sent):
    ProtocolVersion.objects.filter(pk=sent.pk).update(status=ProtocolVersion.Status.FINAL,
                                                      finalised_at=timezone.now(), seal_error="Certifikatet saknas")
    assert "Förseglingen misslyckades" in start(coordinator_client)


def test_justering_requested_is_a_notification_without_a_second_email(sent, chair, adjuster):
    reminders_send()
    assert not mail.outbox  # the protocol services mailed it when sending
    assert set(Notification.objects.values_list("user", flat=True)) == {chair.user_id, adjuster.user_id}
    assert set(Reminder.objects.values_list("kind", flat=True)) == {ReminderKind.JUSTERING_REQUESTED}


def test_a_week_after_sending_the_approvers_are_reminded(sent, chair, adjuster):
    week_later = sent.created_at.date() + datetime.timedelta(days=7)
    reminders_send(today=week_later)
    assert {m.to[0] for m in mail.outbox} == {chair.email, adjuster.email}
    assert Reminder.objects.filter(kind=ReminderKind.JUSTERING_REMINDER).count() == 2


def test_an_approver_who_answered_is_not_reminded(sent, chair, adjuster):
    version_answer(version=sent, user=chair.user, decision=Approval.Decision.APPROVED)
    reminders_send(today=sent.due_date - datetime.timedelta(days=2))
    assert mail.outbox and {m.to[0] for m in mail.outbox} == {adjuster.email}
    assert Reminder.objects.get(kind=ReminderKind.JUSTERING_DUE_SOON).recipient == adjuster


def test_an_overdue_justering_reminds_the_coordinator_and_secretary(sent, coordinator, secretary):
    reminders_send(today=sent.due_date + datetime.timedelta(days=1))
    overdue = Reminder.objects.filter(kind=ReminderKind.JUSTERING_OVERDUE)
    assert set(overdue.values_list("recipient", flat=True)) == {coordinator.pk, secretary.pk}
    assert any("försenad" in m.subject for m in mail.outbox)


def test_the_second_run_sends_no_justering_reminder_again(sent):
    day = sent.due_date - datetime.timedelta(days=2)
    reminders_send(today=day)
    sent_first = len(mail.outbox)
    assert reminders_send(today=day).sent == 0 and len(mail.outbox) == sent_first


def test_the_deadline_follows_the_council_setting(make_meeting, council, chair, coordinator):
    council.justering_days = 21
    council.save()
    meeting = make_meeting(day=days(-1), chair=chair)
    version = protocol_send(meeting=meeting, user=coordinator.user)
    assert version.due_date == days(20)
