"""A confidential item's title never leaves Lobra: calendar feed, .ics and kallelse say "Sekretessbelagt ärende"."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from meetings.models import AgendaItem, CalendarFeed

SECRET = "Enskilt ärende om ungdomsgrupp"


@pytest.fixture
def secret_item(meeting):
    return AgendaItem.objects.create(meeting=meeting, position=2, number=3, title=SECRET, confidential=True,
                                     confidentiality_ground="OSL 26 kap. 1 §")


def descriptions(data):
    return " ".join(str(event["description"]) for event in Calendar.from_ical(data).walk("VEVENT"))


def test_the_calendar_feed_names_the_item_only_as_confidential(client, member, council, secret_item):
    feed = CalendarFeed.objects.create(user=member.user, council=council)
    text = descriptions(client.get(reverse("meetings:calendar_feed_ics", args=[feed.token])).content)
    assert "3. Sekretessbelagt ärende" in text
    assert SECRET not in text and "ungdomsgrupp" not in text


def test_the_meeting_ics_names_the_item_only_as_confidential(member_client, meeting, secret_item):
    response = member_client.get(reverse("meetings:meeting_ics", args=[meeting.pk]))
    assert SECRET.encode() not in response.content
    assert "3. Sekretessbelagt ärende" in descriptions(response.content)
    assert "Mötets öppnande" in descriptions(response.content)


def test_the_kallelse_names_the_item_only_as_confidential(coordinator_client, meeting, secret_item,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves after the commit
        coordinator_client.post(reverse("meetings:meeting_notice", args=[meeting.pk]))
    assert mail.outbox
    for message in mail.outbox:
        assert "3. Sekretessbelagt ärende" in message.body
        assert SECRET not in message.body
        name, content, _mimetype = message.attachments[0]
        assert SECRET not in (content if isinstance(content, str) else content.decode())


def test_members_still_see_the_title_in_lobra(member_client, meeting, secret_item):
    assert SECRET in member_client.get(meeting.get_absolute_url()).content.decode()
