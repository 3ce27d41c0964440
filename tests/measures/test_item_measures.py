"""Linking measures from the agenda item: a search among the council's open measures, link and unlink, a
foreign or unknown measure refused with nothing changed, and the link on the meeting page for plan writers."""

import datetime

import pytest
from django.urls import reverse

from councils.models import LogEntry, today
from measures.models import Agreement, Measure, PriorityArea
from meetings.models import AgendaItem, Meeting


@pytest.fixture
def item(council):
    starts = datetime.datetime(2026, 12, 4, 9, tzinfo=datetime.UTC)
    meeting = Meeting.objects.create(council=council, title="Lokala brå", starts_at=starts,
                                     ends_at=starts + datetime.timedelta(hours=2))
    return AgendaItem.objects.create(meeting=meeting, number=1, position=0, title="Trygghet i centrum")


@pytest.fixture
def current_area(council):
    agreement = Agreement.objects.create(council=council, title="Åtgärdsplan i kraft",
                                         valid_from=today() - datetime.timedelta(days=365),
                                         valid_to=today() + datetime.timedelta(days=365))
    return PriorityArea.objects.create(agreement=agreement, name="Centrum", position=1)


@pytest.fixture
def measures(council, other_council, current_area):
    ended = Agreement.objects.create(council=council, title="Gammal plan", valid_from=datetime.date(2017, 1, 1),
                                     valid_to=datetime.date(2019, 9, 30))
    old_area = PriorityArea.objects.create(agreement=ended, name="Gammalt område", position=1)
    return {
        "open": Measure.objects.create(council=council, priority_area=current_area, title="Kameraövervakning torget"),
        "place": Measure.objects.create(council=council, title="Belysning i gångtunneln"),
        "ended": Measure.objects.create(council=council, priority_area=old_area, title="Kameror vid stationen 2018"),
        "foreign": Measure.objects.create(council=other_council, title="Kameror i grannkommunen"),
    }


def url(item):
    return reverse("measures:item_measures", args=[item.pk])


def test_the_search_offers_only_the_councils_open_measures(coordinator_client, item, measures):
    page = coordinator_client.get(url(item), {"q": "kamer"}).content.decode()
    assert measures["open"].title in page
    assert measures["ended"].title not in page and measures["foreign"].title not in page
    everything = coordinator_client.get(url(item)).content.decode()
    assert measures["place"].title in everything  # a place's measure has no plan that ends


def test_linking_and_unlinking_shows_on_the_meeting_page_and_in_the_history(coordinator_client, item, measures):
    meeting_url = reverse("meetings:meeting_detail", args=[item.meeting_id])
    assert "Koppla åtgärder" in coordinator_client.get(meeting_url).content.decode()
    response = coordinator_client.post(url(item), {"action": "add", "measure": measures["open"].pk})
    assert response.status_code == 302
    assert list(item.measures.all()) == [measures["open"]]
    page = coordinator_client.get(meeting_url).content.decode()
    assert "Åtgärder som punkten tar upp:" in page and measures["open"].title in page
    assert LogEntry.objects.filter(action="measures.measure.item_linked", object_id=measures["open"].pk).exists()

    coordinator_client.post(url(item), {"action": "remove", "measure": measures["open"].pk})
    assert not item.measures.exists()
    assert measures["open"].title not in coordinator_client.get(meeting_url).content.decode()


@pytest.mark.parametrize("data, message", [
    ({"action": "add", "measure": "foreign"}, "Åtgärden finns inte i rådets plan."),
    ({"action": "add", "measure": "999999"}, "Åtgärden finns inte i rådets plan."),
    ({"action": "add"}, "Välj en åtgärd."),
    ({"action": "explode", "measure": "open"}, "Välj ett giltigt alternativ"),
])
def test_a_foreign_unknown_or_missing_measure_is_refused_and_nothing_changes(coordinator_client, item, measures,
                                                                            data, message):
    data = {key: str(measures[value].pk) if value in measures else value for key, value in data.items()}
    response = coordinator_client.post(url(item), data, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not item.measures.exists()
    assert not LogEntry.objects.filter(action__startswith="measures.measure.item_").exists()


def test_readers_see_no_link_and_may_not_open_the_picker(member_client, item, measures):
    assert "Koppla åtgärder" not in member_client.get(reverse("meetings:meeting_detail", args=[item.meeting_id])).content.decode()
    assert member_client.get(url(item)).status_code == 403
    assert member_client.post(url(item), {"action": "add", "measure": measures["open"].pk}).status_code == 403
    assert not item.measures.exists()
