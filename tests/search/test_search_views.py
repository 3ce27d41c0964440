"""The search page on any database: login, bad input gives a clear page, filters only over one's own councils,
and on SQLite a plain icontains fallback that says its ranking is basic."""

import pytest
from django.urls import reverse

from .conftest import requires_sqlite

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL, {"q": "ungdomar"})

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_search_box_is_in_the_top_menu(member_client, council):
    page = member_client.get(council.get_absolute_url()).content.decode()

    assert 'role="search"' in page and f'action="{URL}"' in page


def test_an_empty_search_shows_the_form_only(member_client, minutes):
    response = member_client.get(URL)

    assert response.status_code == 200
    assert response.context["results"] is None


@pytest.mark.parametrize("q, message", [
    ("x" * 10_000, "Skriv högst 200 tecken; sökningen hade 10000."),
    ('"', "Skriv minst ett ord att söka efter"),
    (":*", "Skriv minst ett ord att söka efter"),
    ("&|!", "Skriv minst ett ord att söka efter"),
    ("-polis", "Skriv minst ett ord att söka efter"),
    ("nul\x00byte", "Null-tecken är inte tillåtna."),
])
def test_bad_input_gets_a_clear_page(member_client, minutes, q, message):
    response = member_client.get(URL, {"q": q})

    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("q", [
    '"rån mot barn', "rån & | ! barn", "rån:* <-> barn", "'; DROP TABLE meetings_agendaitem; --",
    "1' OR '1'='1", "%_\\", "((((", "or or or", "ungdomar " * 20,
])
def test_odd_or_sql_looking_input_never_errs(member_client, minutes, q):
    response = member_client.get(URL, {"q": q})

    assert response.status_code == 200


def test_another_councils_id_in_the_filter_gets_a_clear_message(member_client, minutes, other_council):
    response = member_client.get(URL, {"q": "ungdomar", "council": other_council.pk})

    assert response.status_code == 200
    assert "Välj ett av dina råd." in response.content.decode()
    assert response.context["results"] is None


@pytest.mark.parametrize("params, message", [
    ({"kind": "lösenord"}, "Välj en av typerna i listan."),
    ({"year": "1066"}, "Välj ett av åren i listan."),
    ({"year": "tjugo"}, "Välj ett av åren i listan."),
    ({"page": "0"}, "Sidnumret måste vara minst 1."),
])
def test_a_bad_filter_gets_a_clear_message(member_client, minutes, params, message):
    response = member_client.get(URL, {"q": "ungdomar", **params})

    assert response.status_code == 200
    assert message in response.content.decode()


@requires_sqlite
def test_sqlite_falls_back_to_icontains_and_says_ranking_is_basic(member_client, minutes, neighbour_minutes):
    response = member_client.get(URL, {"q": "fritidsgården"})
    content = response.content.decode()

    assert "rangordningen är enkel" in content
    assert [hit.pk for group in response.context["results"].groups for hit in group.hits] == [minutes["youth"].pk]
    assert "<mark>Fritidsgården</mark>" in content


@requires_sqlite
def test_sqlite_fallback_keeps_exclusions_and_other_councils_out(member_client, minutes, neighbour_minutes):
    response = member_client.get(URL, {"q": '"rån mot barn" -polisen'})
    elsewhere = member_client.get(URL, {"q": "grannstaden"})

    assert [hit.pk for hit in response.context["results"].groups[1].hits] == [minutes["social"].pk]
    assert elsewhere.context["results"].total == 0


def test_a_measure_belongs_to_the_years_its_action_plan_is_in_force(member_client, council):
    import datetime

    from measures.models import Agreement, Measure, PriorityArea

    agreement = Agreement.objects.create(council=council, title="Plan", valid_from=datetime.date(2024, 1, 1),
                                         valid_to=datetime.date(2025, 12, 31))
    area = PriorityArea.objects.create(agreement=agreement, name="Centrum")
    Measure.objects.create(council=council, priority_area=area, title="Klottersanering vid busstorget")

    def found(year):
        response = member_client.get(URL, {"q": "klottersanering", "kind": "measure", "year": year})
        return response.context["results"].total

    assert (found(2024), found(2025), found(2026)) == (1, 1, 0)


@requires_sqlite
def test_sqlite_fallback_finds_problems_and_activities_of_the_own_council_only(member_client, problem_and_activity):
    ours, theirs, activity = problem_and_activity
    page = member_client.get(reverse("search:results"), {"q": "busstorget"}).content.decode()
    assert "Narkotikaförsäljning vid <mark>busstorget</mark>" in page and "grannkommunen" not in page
    assert "kring pendeltågsstationen varje fredag" in member_client.get(
        reverse("search:results"), {"q": "nattvandringar"}).content.decode()
