"""The plan page's query count does not grow with measures and follow-ups."""

import datetime

import pytest
from django.urls import reverse

from councils.models import Forum
from measures.models import Activity, FollowUp, Measure, PriorityArea


def grow(council, agreement, police, municipality, person, *, areas, measures_per_area, follow_ups):
    forum = Forum.objects.create(council=council, name=f"Forum {areas}-{measures_per_area}")
    for a in range(areas):
        area = PriorityArea.objects.create(agreement=agreement, name=f"Område {areas}-{a}", position=a)
        for m in range(measures_per_area):
            measure = Measure.objects.create(council=council, priority_area=area, title=f"Åtgärd {a}.{m}",
                                             position=m, follow_up_due=datetime.date(2025, 1, 1))
            measure.responsible_organisations.set([police, municipality])
            measure.forums.set([forum])
            measure.responsible_people.set([person])
            Activity.objects.bulk_create(Activity(measure=measure, text=f"Aktivitet {i}", position=i)
                                         for i in range(3))
            FollowUp.objects.bulk_create(
                FollowUp(measure=measure, date=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
                         status=["gron", "gul", "rod"][i % 3], note="x", author=person)
                for i in range(follow_ups)
            )
    return forum


def count_queries(client, url, params, django_assert_max_num_queries, limit):
    # A first request fills the process's caches (content types), as any request after start-up has.
    client.get(url, params)
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("filtered", [False, True])
def test_plan_page_query_count_is_constant(member_client, member, council, agreement, police, municipality,
                                           django_assert_max_num_queries, filtered):
    url = reverse("measures:agreement_plan", args=[agreement.pk])
    forum = grow(council, agreement, police, municipality, member, areas=1, measures_per_area=1, follow_ups=1)
    params = {"forum": forum.pk, "q": "Åtgärd", "status": "gul", "overdue": "on"} if filtered else {}
    few = count_queries(member_client, url, params, django_assert_max_num_queries, 20)
    grow(council, agreement, police, municipality, member, areas=6, measures_per_area=8, follow_ups=12)
    if filtered:
        params["forum"] = Forum.objects.get(name="Forum 6-8").pk
    many = count_queries(member_client, url, params, django_assert_max_num_queries, few)
    assert many == few
    assert Measure.objects.count() == 49


def test_measure_page_query_count_is_constant(member_client, member, council, agreement, police, municipality,
                                              django_assert_max_num_queries):
    grow(council, agreement, police, municipality, member, areas=1, measures_per_area=1, follow_ups=1)
    measure = Measure.objects.get()
    url = reverse("measures:measure_detail", args=[measure.pk])
    few = count_queries(member_client, url, {}, django_assert_max_num_queries, 25)
    FollowUp.objects.bulk_create(FollowUp(measure=measure, date=datetime.date(2023, 1, 1), status="gul", note="y",
                                          author=member) for _ in range(30))
    many = count_queries(member_client, url, {}, django_assert_max_num_queries, few)
    assert many == few
