"""The council page is cached per council revision: a new member shows at once, and a meeting that has
started moves from "Kommande" to the past meetings even though nothing was changed."""

import datetime

from django.urls import reverse
from django.utils import timezone

from councils import services
from councils.models import Membership
from meetings.models import Meeting


def upcoming(html):
    start = html.index(">Kommande<")
    return html[start:html.index(">Senaste<", start)]


def get(client, council):
    response = client.get(reverse("councils:council_detail", args=[council.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_member_shows_at_once(member_client, council, coordinator, make_person):
    assert "Ny Ledamot" not in get(member_client, council)
    person = make_person(first_name="Ny", last_name="Ledamot")
    services.membership_create(council=council, user=coordinator.user, fields={
        "person": person, "role": Membership.Role.MEMBER, "valid_from": datetime.date(2026, 1, 1)})
    assert "Ny Ledamot" in get(member_client, council)


def test_a_meeting_that_has_started_leaves_the_upcoming_list(member_client, council):
    starts = timezone.now() + datetime.timedelta(days=3)
    meeting = Meeting.objects.create(council=council, title="Höstmöte", starts_at=starts,
                                     ends_at=starts + datetime.timedelta(hours=2))
    assert "Höstmöte" in upcoming(get(member_client, council))
    # Time passes (the row is moved the way the clock would move it: no change is logged).
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=1),
                                                 ends_at=timezone.now() + datetime.timedelta(hours=1))
    html = get(member_client, council)
    assert "Höstmöte" not in upcoming(html) and "Höstmöte" in html
