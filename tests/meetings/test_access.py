"""Who may see and change a meeting: coordinator and secretary edit, members read, outsiders get 404."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from meetings.access import get_meeting_for

READ_PAGES = ["meetings:meeting_detail", "meetings:meeting_ics"]
WRITE_PAGES = ["meetings:meeting_minutes", "meetings:meeting_agenda", "meetings:meeting_attendance", "meetings:meeting_edit",
               "meetings:attachment_upload"]


def test_get_meeting_for_lets_members_read_and_writers_write(meeting, coordinator, secretary, member, outsider):
    assert get_meeting_for(member.user, meeting.pk) == meeting
    assert get_meeting_for(coordinator.user, meeting.pk, write=True) == meeting
    assert get_meeting_for(secretary.user, meeting.pk, write=True) == meeting
    with pytest.raises(PermissionDenied):
        get_meeting_for(member.user, meeting.pk, write=True)
    with pytest.raises(Http404):
        get_meeting_for(outsider.user, meeting.pk)


@pytest.mark.parametrize("name", READ_PAGES + WRITE_PAGES)
def test_outsider_cannot_see_meeting_pages(outsider_client, meeting, name):
    assert outsider_client.get(reverse(name, args=[meeting.pk])).status_code == 404


@pytest.mark.parametrize("name", READ_PAGES)
def test_member_can_read_the_meeting(member_client, meeting, name):
    assert member_client.get(reverse(name, args=[meeting.pk])).status_code == 200


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_member_cannot_open_editing_pages(member_client, meeting, name):
    assert member_client.get(reverse(name, args=[meeting.pk])).status_code == 403


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_coordinator_and_secretary_can_open_editing_pages(coordinator_client, secretary_client, meeting, name):
    assert coordinator_client.get(reverse(name, args=[meeting.pk])).status_code == 200
    assert secretary_client.get(reverse(name, args=[meeting.pk])).status_code == 200


def test_member_sees_no_editing_links(member_client, meeting):
    page = member_client.get(reverse("meetings:meeting_detail", args=[meeting.pk])).content.decode()
    assert reverse("meetings:meeting_minutes", args=[meeting.pk]) not in page
    assert "Skicka kallelse" not in page


def test_anonymous_visitor_is_sent_to_login(client, meeting):
    response = client.get(reverse("meetings:meeting_detail", args=[meeting.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_meeting_list_is_for_members_only(member_client, outsider_client, council):
    assert member_client.get(reverse("meetings:meeting_list", args=[council.pk])).status_code == 200
    assert outsider_client.get(reverse("meetings:meeting_list", args=[council.pk])).status_code == 404


def test_only_writers_may_create_meetings(member_client, outsider_client, secretary_client, council):
    url = reverse("meetings:meeting_create", args=[council.pk])
    assert outsider_client.get(url).status_code == 404
    assert member_client.get(url).status_code == 403
    assert secretary_client.get(url).status_code == 200
