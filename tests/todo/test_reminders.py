"""The daily reminder run: each kind, the second run sending nothing, opt-outs, skipped reminders."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from councils.models import LogEntry, Membership
from todo.models import Notification, Reminder, ReminderKind, ReminderOptOut
from todo.reminders import reminders_send

from .conftest import days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://lobra.teststad.se"


def test_a_follow_up_due_within_a_week_reminds_the_responsible_person(make_measure, member):
    measure = make_measure("Trygghetsvandring i centrum", due=days(7), people=[member])
    result = reminders_send()
    assert result.sent == 1 and result.emailed == 1
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "Trygghetsvandring i centrum" in message.subject
    assert f"https://lobra.teststad.se{measure.get_absolute_url()}" in message.body
    assert days(7).isoformat() in message.body
    assert "https://lobra.teststad.se/settings/reminders/" in message.body  # every e-mail links the settings
    reminder = Reminder.objects.get()
    assert (reminder.kind, reminder.recipient, reminder.status) == (ReminderKind.FOLLOW_UP_DUE, member, "sent")


def test_a_follow_up_further_ahead_is_not_reminded_yet(make_measure, member):
    make_measure("Långt fram", due=days(8), people=[member])
    assert reminders_send().sent == 0 and not mail.outbox


def test_an_overdue_follow_up_reminds_the_responsible_person(make_measure, member):
    make_measure("Försenad åtgärd", due=days(-1), people=[member])
    reminders_send()
    assert Reminder.objects.get().kind == ReminderKind.FOLLOW_UP_OVERDUE
    assert "försenad" in mail.outbox[0].subject


def test_a_deadline_long_past_is_not_reminded(make_measure, member):
    make_measure("Bortglömd sedan länge", due=days(-31), people=[member])
    assert reminders_send().due == 0


def test_an_uppdrag_due_within_a_week_reminds_the_person_given_it(make_task, member):
    task = make_task("Ta fram en lägesbild för stationen", responsible=member, due=days(3))
    reminders_send()
    (message,) = mail.outbox
    assert "Ta fram en lägesbild" in message.subject and message.to == [member.email]
    assert f"#item-{task.agenda_item_id}" in message.body
    assert Reminder.objects.get().kind == ReminderKind.TASK_DUE


def test_a_second_run_sends_nothing_twice(make_measure, make_task, member):
    make_measure("Trygghetsvandring", due=days(2), people=[member])
    make_task("Boka lokal", responsible=member, due=days(2))
    first = reminders_send()
    second = reminders_send()
    assert (first.sent, second.sent, second.created) == (2, 0, 0)
    assert len(mail.outbox) == 2 and Reminder.objects.count() == 2 and Notification.objects.count() == 2


def test_a_moved_deadline_is_reminded_again(make_measure, member):
    measure = make_measure("Trygghetsvandring", due=days(2), people=[member])
    reminders_send()
    measure.follow_up_due = days(5)
    measure.save()
    assert reminders_send().sent == 1 and len(mail.outbox) == 2


def test_each_reminder_is_a_notification_for_a_person_with_a_login(make_measure, member, make_person):
    no_login = make_person(None)
    Membership.objects.create(person=no_login, council=member.memberships.get().council)
    make_measure("Trygghetsvandring", due=days(2), people=[member, no_login])
    reminders_send()
    notification = Notification.objects.get()
    assert notification.user == member.user and not notification.is_read
    assert len(mail.outbox) == 2  # the person without a login still gets the e-mail


def test_an_opted_out_kind_sends_no_email_but_still_notifies(make_measure, member):
    ReminderOptOut.objects.create(person=member, kind=ReminderKind.FOLLOW_UP_DUE)
    make_measure("Trygghetsvandring", due=days(2), people=[member])
    result = reminders_send()
    assert result.sent == 1 and result.emailed == 0 and not mail.outbox
    assert Notification.objects.filter(user=member.user).count() == 1


def test_a_recipient_who_left_the_council_is_skipped_and_logged(make_measure, member, caplog):
    membership = member.memberships.get()
    membership.valid_from = days(-100)
    membership.end(days(-1))
    make_measure("Trygghetsvandring", due=days(2), people=[member])
    result = reminders_send()
    assert (result.sent, result.skipped) == (0, 1) and not mail.outbox
    assert Reminder.objects.get().status == Reminder.Status.SKIPPED
    assert "todo.reminder.skipped" in caplog.text
    assert LogEntry.objects.filter(action="todo.reminder.skipped").count() == 1
    assert reminders_send().skipped == 0  # skipped once, not every day


def test_a_reminder_for_a_deleted_object_is_skipped_and_logged(make_measure, member, caplog):
    measure = make_measure("Trygghetsvandring", due=days(2), people=[member])
    reminders_send(dry_run=False)
    Reminder.objects.update(status=Reminder.Status.PENDING)  # as if the run stopped before delivering
    measure.delete()
    mail.outbox.clear()
    result = reminders_send()
    assert result.skipped == 1 and not mail.outbox
    assert Reminder.objects.get().note == "object deleted"
    assert "object deleted" in caplog.text


def test_sent_reminders_are_in_the_audit_log(make_measure, member):
    make_measure("Trygghetsvandring", due=days(2), people=[member])
    reminders_send()
    assert LogEntry.objects.filter(action="todo.reminder.sent", user__isnull=True).count() == 1


def test_the_command_dry_run_sends_and_records_nothing(make_measure, member, capsys):
    make_measure("Trygghetsvandring", due=days(2), people=[member])
    call_command("send_reminders", "--dry-run")
    assert "1 nya" in capsys.readouterr().out
    assert not mail.outbox and not Reminder.objects.exists()
    call_command("send_reminders")
    assert len(mail.outbox) == 1


def test_today_is_the_date_in_stockholm_not_in_utc(make_measure, member):
    # 23.30 UTC on 22 November is already 23 November in Stockholm: a follow-up due on 30 November is 7 days
    # away there (remind) but 8 days away in UTC (not yet).
    make_measure("Trygghetsvandring", due=datetime.date(2026, 11, 30), people=[member])
    late_evening_utc = datetime.datetime(2026, 11, 22, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=late_evening_utc):
        assert reminders_send().sent == 1


def test_the_command_can_hand_the_run_to_the_task_worker(make_measure, member, settings, capsys):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    make_measure("Trygghetsvandring", due=days(2), people=[member])
    call_command("send_reminders", "--enqueue")
    assert "kön" in capsys.readouterr().out
    assert len(mail.outbox) == 1  # the immediate backend ran the task at once
