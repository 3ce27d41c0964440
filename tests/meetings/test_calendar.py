"""Kallelse by e-mail with .ics, the .ics download and the secret per-user calendar feed."""

import datetime
import logging

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from councils.models import Membership
from meetings.models import CalendarFeed, Meeting


def parse(data):
    calendar = Calendar.from_ical(data)
    return calendar, [c for c in calendar.walk("VEVENT")]


def test_ics_parses_and_has_stockholm_times(member_client, meeting):
    response = member_client.get(reverse("meetings:meeting_ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar, events = parse(response.content)
    assert len(events) == 1
    start = events[0].decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert (start.hour, start.minute) == (9, 0)
    assert events[0].decoded("dtend").hour == 11
    assert "Telefonvägen 30" in str(events[0]["location"])
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert "Mötets öppnande" in str(events[0]["description"])


def test_kallelse_mails_everyone_called_with_agenda_and_ics(coordinator_client, meeting,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(reverse("meetings:meeting_notice", args=[meeting.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 4
    message = mail.outbox[0]
    assert message.subject.startswith("Kallelse: Lokala brå")
    assert "Mötets öppnande" in message.body and "kl. 09.00–11.00" in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "kallelse.ics" and mimetype.startswith("text/calendar")
    _, events = parse(content)
    assert str(events[0].decoded("dtstart").tzinfo) == "Europe/Stockholm"
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NOTIFIED and meeting.notice_sent_at is not None


def test_a_second_kallelse_is_marked_as_changed_with_a_new_sequence(coordinator_client, meeting,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(reverse("meetings:meeting_notice", args=[meeting.pk]))
        coordinator_client.post(reverse("meetings:meeting_notice", args=[meeting.pk]))
    assert mail.outbox[-1].subject.startswith("Ändrad kallelse")
    _, events = parse(mail.outbox[-1].attachments[0][1])
    assert events[0]["sequence"] == 1


def test_a_failing_mail_server_still_records_the_kallelse_and_logs_the_failure(
        coordinator_client, meeting, monkeypatch, caplog, django_capture_on_commit_callbacks):
    def down(*args, **kwargs):
        raise ConnectionRefusedError("SMTP nere")

    monkeypatch.setattr(mail.EmailMessage, "send", down)
    with caplog.at_level(logging.ERROR, logger="councils.tasks"), django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(reverse("meetings:meeting_notice", args=[meeting.pk]))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.notice_sent_at is not None
    assert "gick inte att skicka" in caplog.text


def test_member_cannot_send_kallelse(member_client, outsider_client, meeting):
    assert member_client.post(reverse("meetings:meeting_notice", args=[meeting.pk])).status_code == 403
    assert outsider_client.post(reverse("meetings:meeting_notice", args=[meeting.pk])).status_code == 404
    assert not mail.outbox


@pytest.fixture
def feed(member_client, member, council):
    member_client.post(reverse("meetings:calendar_feed", args=[council.pk]))
    return CalendarFeed.objects.get(user=member.user, council=council)


def test_the_feed_lists_the_councils_meetings_without_login(client, feed, meeting):
    response = client.get(reverse("meetings:calendar_feed_ics", args=[feed.token]))
    assert response.status_code == 200
    _, events = parse(response.content)
    assert [str(e["uid"]) for e in events] == [f"{meeting.uid}@lobra"]


def test_a_wrong_feed_token_is_not_found(client, feed):
    assert client.get(reverse("meetings:calendar_feed_ics", args=["fel" + feed.token])).status_code == 404


def test_a_new_feed_address_makes_the_old_one_stop_working(client, member_client, feed, council):
    old = feed.token
    member_client.post(reverse("meetings:calendar_feed", args=[council.pk]))
    assert client.get(reverse("meetings:calendar_feed_ics", args=[old])).status_code == 404
    new = CalendarFeed.objects.get(council=council).token
    assert new != old and client.get(reverse("meetings:calendar_feed_ics", args=[new])).status_code == 200


def test_the_feed_stops_when_the_membership_ends(client, feed, member, council):
    Membership.objects.filter(person=member).update(valid_to=datetime.date(2024, 6, 30))
    assert client.get(reverse("meetings:calendar_feed_ics", args=[feed.token])).status_code == 404


def test_outsider_cannot_make_a_feed_for_another_council(outsider_client, council):
    assert outsider_client.post(reverse("meetings:calendar_feed", args=[council.pk])).status_code == 404
    assert not CalendarFeed.objects.exists()


def test_the_calendar_page_shows_the_secret_address(member_client, feed, council):
    page = member_client.get(reverse("meetings:calendar_feed", args=[council.pk])).content.decode()
    assert feed.token in page


def test_a_summer_meeting_keeps_its_local_time_in_the_calendar(member_client, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=datetime.datetime(2027, 6, 11, 7, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2027, 6, 11, 9, tzinfo=datetime.UTC),
    )
    _, events = parse(member_client.get(reverse("meetings:meeting_ics", args=[meeting.pk])).content)
    start = events[0].decoded("dtstart")
    assert (start.hour, start.utcoffset()) == (9, datetime.timedelta(hours=2))
