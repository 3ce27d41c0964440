import datetime

import pytest
from django.urls import reverse

from councils.models import Forum, today
from measures.models import Activity, FollowUp, Measure


@pytest.fixture
def plan_url(agreement):
    return reverse("measures:agreement_plan", args=[agreement.pk])


def titles(response):
    return [m.title for m in response.context["plan"].measures]


def test_unfiltered_plan_shows_every_area_and_measure(member_client, plan_url, police_measure, municipal_measure):
    response = member_client.get(plan_url)
    assert response.status_code == 200
    assert titles(response) == [police_measure.title, municipal_measure.title]
    assert "Centrum ska vara tryggt." in response.content.decode()


def test_status_filter_uses_the_latest_follow_up(member_client, plan_url, police_measure, municipal_measure):
    FollowUp.objects.create(measure=police_measure, date=datetime.date(2025, 1, 1), status="rod", note="först")
    FollowUp.objects.create(measure=police_measure, date=datetime.date(2025, 2, 1), status="gron", note="sedan")
    FollowUp.objects.create(measure=municipal_measure, date=datetime.date(2025, 1, 1), status="rod", note="röd")
    assert titles(member_client.get(plan_url, {"status": "rod"})) == [municipal_measure.title]
    assert titles(member_client.get(plan_url, {"status": "gron"})) == [police_measure.title]


def test_status_filter_finds_measures_without_follow_up(member_client, plan_url, police_measure, municipal_measure,
                                                        follow_up):
    assert titles(member_client.get(plan_url, {"status": "ingen"})) == [municipal_measure.title]


def test_forum_filter(member_client, plan_url, police_measure, municipal_measure, forum):
    assert titles(member_client.get(plan_url, {"forum": forum.pk})) == [police_measure.title]


def test_forum_of_another_council_is_not_a_choice(member_client, plan_url, other_council, police_measure):
    foreign = Forum.objects.create(council=other_council, name="Främmande forum")
    response = member_client.get(plan_url, {"forum": foreign.pk})
    assert "Främmande forum" not in response.content.decode()
    assert titles(response) == [police_measure.title]  # an invalid choice does not filter


def test_responsible_organisation_filter(member_client, plan_url, police_measure, municipal_measure, municipality):
    assert titles(member_client.get(plan_url, {"organisation": municipality.pk})) == [municipal_measure.title]


def test_place_filter(member_client, plan_url, police_measure, municipal_measure, place):
    assert titles(member_client.get(plan_url, {"place": place.pk})) == [police_measure.title]


def test_overdue_filter(member_client, plan_url, police_measure, municipal_measure):
    Measure.objects.filter(pk=police_measure.pk).update(follow_up_due=today() - datetime.timedelta(days=1))
    Measure.objects.filter(pk=municipal_measure.pk).update(follow_up_due=today() + datetime.timedelta(days=30))
    assert titles(member_client.get(plan_url, {"overdue": "on"})) == [police_measure.title]


def test_free_text_searches_fields_and_activities(member_client, plan_url, police_measure, municipal_measure):
    Activity.objects.create(measure=municipal_measure, text="Folköl- och tobakstillsyn", position=0)
    Activity.objects.create(measure=municipal_measure, text="Tobak i skolan", position=1)
    assert titles(member_client.get(plan_url, {"q": "tobak"})) == [municipal_measure.title]
    assert titles(member_client.get(plan_url, {"q": "kommunpolis"})) == [police_measure.title]


def test_filters_combine_and_hide_empty_areas(member_client, plan_url, police_measure, municipal_measure, forum):
    response = member_client.get(plan_url, {"forum": forum.pk, "q": "nothing matches this"})
    assert titles(response) == []
    assert response.context["plan"].blocks == []
    assert "Inga åtgärder matchar filtret." in response.content.decode()


def test_filter_state_stays_in_the_url(member_client, plan_url, police_measure, forum):
    response = member_client.get(plan_url, {"q": "tiggeri", "forum": forum.pk})
    page = response.content.decode()
    assert 'value="tiggeri"' in page
    assert f'<option value="{forum.pk}" selected>' in page
    assert f"plan.pdf?q=tiggeri&amp;forum={forum.pk}" in page
    assert f"plan.csv?q=tiggeri&amp;forum={forum.pk}" in page


def test_exports_follow_the_filter(member_client, agreement, police_measure, municipal_measure, forum):
    response = member_client.get(reverse("measures:agreement_plan_csv", args=[agreement.pk]), {"forum": forum.pk})
    text = response.content.decode("utf-8-sig")
    assert police_measure.title in text
    assert municipal_measure.title not in text


def test_plan_is_paged_and_keeps_area_order_and_filter(member_client, plan_url, council, agreement, area,
                                                       other_area, forum):
    from measures.models import PriorityArea
    from measures.selectors import PLAN_PAGE_SIZE

    empty = PriorityArea.objects.create(agreement=agreement, name="Tomt område", position=3)
    for i in range(PLAN_PAGE_SIZE + 5):
        measure = Measure.objects.create(council=council, priority_area=area, title=f"Åtgärd {i:02}", position=i)
        measure.forums.add(forum)
    Measure.objects.create(council=council, priority_area=other_area, title="Sist", position=0)

    first = member_client.get(plan_url).context["plan"]
    assert [b.area for b in first.blocks] == [area]
    assert len(first.measures) == PLAN_PAGE_SIZE
    assert first.total == PLAN_PAGE_SIZE + 6

    second = member_client.get(plan_url, {"page": 2}).context["plan"]
    assert [(b.area, b.continued) for b in second.blocks] == [(area, True), (other_area, False), (empty, False)]
    assert [m.title for m in second.measures][-1] == "Sist"
    assert [(a.name, count, page) for a, count, page in second.nav] == [
        ("Centrum", PLAN_PAGE_SIZE + 5, 1), ("Ungdomar", 1, 2), ("Tomt område", 0, 2)]

    page = member_client.get(plan_url, {"forum": forum.pk}).content.decode()
    assert f"?forum={forum.pk}&amp;page=2" in page


def test_responsible_person_filter(member_client, plan_url, police_measure, municipal_measure, member, coordinator):
    police_measure.responsible_people.set([member])
    municipal_measure.responsible_people.set([coordinator])
    assert titles(member_client.get(plan_url, {"person": member.pk})) == [police_measure.title]


def test_person_filter_offers_only_people_responsible_in_the_council(member_client, plan_url, police_measure,
                                                                       member, coordinator):
    police_measure.responsible_people.set([member])
    choices = list(member_client.get(plan_url).context["filter"].form.fields["person"].queryset)
    assert choices == [member]
