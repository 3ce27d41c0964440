"""Person pickers offer the council's current members, and keep someone already chosen who has left since."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import Membership
from meetings.models import AgendaItem, Meeting


@pytest.fixture
def former_member(make_person, council):
    person = make_person("tidigare", first_name="Före", last_name="Detta")
    Membership.objects.create(person=person, council=council, role=Membership.Role.MEMBER,
                              valid_from=datetime.date(2020, 1, 1), valid_to=datetime.date(2023, 12, 31))
    return person


def choices(response, field):
    return set(response.context["form"].fields[field].queryset)


def test_a_new_meeting_offers_only_current_members(coordinator_client, council, member, chair, former_member):
    response = coordinator_client.get(reverse("meetings:meeting_create", args=[council.pk]))
    for field in ("chair", "secretary", "adjusters", "contact_person"):
        assert member in choices(response, field) and chair in choices(response, field)
        assert former_member not in choices(response, field)


def test_a_chair_who_has_left_stays_chosen_on_an_existing_meeting(coordinator_client, council, member, former_member):
    starts = timezone.make_aware(datetime.datetime(2023, 11, 10, 9))
    meeting = Meeting.objects.create(council=council, title="Lokala brå", starts_at=starts,
                                     ends_at=starts + datetime.timedelta(hours=2), place="Rummet", chair=former_member)
    response = coordinator_client.get(reverse("meetings:meeting_edit", args=[meeting.pk]))
    assert former_member in choices(response, "chair")
    item = AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Information")
    response = coordinator_client.get(reverse("meetings:item_edit", args=[item.pk]))
    assert former_member not in choices(response, "presenter")
