"""The kallelse is previewed with its recipients before it goes out; a meeting in the past needs a confirmation."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting


def url(meeting):
    return reverse("meetings:meeting_notice", args=[meeting.pk])


def test_preview_shows_recipients_the_text_and_who_gets_nothing_and_sends_nothing(coordinator_client, meeting,
                                                                                   member, mailoutbox):
    member.email = ""
    member.save()
    response = coordinator_client.get(url(meeting))
    body = response.content.decode()
    assert response.status_code == 200
    preview = response.context["preview"]
    assert member not in preview.recipients and preview.without_email == [member]
    assert len(preview.recipients) == 3 and all(p.email in body for p in preview.recipients)
    assert "Kallelse: " in body and "1. Mötets öppnande" in body and "09.00–11.00" in body
    assert "Skicka kallelsen till 3 personer" in body
    assert "har redan varit" not in body
    assert mailoutbox == []
    meeting.refresh_from_db()
    assert meeting.notice_sent_at is None


def test_sending_from_the_preview_reaches_the_recipients(coordinator_client, meeting, mailoutbox,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves as a task after the commit
        response = coordinator_client.post(url(meeting))
    assert response.status_code == 302
    assert len(mailoutbox) == 4


@pytest.fixture
def past_meeting(meeting):
    starts = timezone.now() - datetime.timedelta(days=3)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    return meeting


def test_a_meeting_in_the_past_gets_a_warning_and_is_not_sent_without_confirmation(
        coordinator_client, past_meeting, mailoutbox, django_capture_on_commit_callbacks):
    body = coordinator_client.get(url(past_meeting)).content.decode()
    assert "har redan varit" in body and 'name="past_confirmed"' in body
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url(past_meeting), follow=True)
    assert "Mötet har redan varit. Bekräfta att kallelsen ska skickas ändå." in response.content.decode()
    assert mailoutbox == []
    past_meeting.refresh_from_db()
    assert past_meeting.notice_sent_at is None


def test_a_meeting_in_the_past_is_sent_when_confirmed(coordinator_client, past_meeting, mailoutbox,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(url(past_meeting), {"past_confirmed": "1"})
    assert len(mailoutbox) == 4


def test_only_a_writer_sees_the_preview(member_client, outsider_client, meeting):
    assert member_client.get(url(meeting)).status_code == 403
    assert outsider_client.get(url(meeting)).status_code == 404
