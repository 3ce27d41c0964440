"""Swedish full-text search on PostgreSQL: stemming, compound tails, websearch syntax, access, links,
passages, "Menade du …" and an index that is current in the same transaction as the change."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.urls import reverse

from meetings.models import AgendaItem
from meetings.services import minutes_save
from search import selectors
from search.access import readable_councils
from search.query import parse
from tests.conftest import logged_in

from .conftest import requires_postgres

pytestmark = [requires_postgres, pytest.mark.django_db]


def search(client, q, **params):
    response = client.get(reverse("search:results"), {"q": q, **params})
    assert response.status_code == 200
    return response


def hits(response, kind):
    groups = {group.kind: group for group in response.context["results"].groups}
    return groups[kind].hits if kind in groups else []


def item_pks(response):
    return {hit.pk for hit in hits(response, "item")}


def test_a_compound_tail_finds_the_compound(member_client, minutes):
    response = search(member_client, "störningar")

    assert minutes["disorder"].pk in item_pks(response)
    assert "<mark>Ordningsstörningar</mark>" in response.content.decode()


def test_an_inflected_word_finds_the_other_forms(member_client, minutes):
    response = search(member_client, "ungdomar")

    assert item_pks(response) == {minutes["youth"].pk}
    assert "<mark>Ungdomarna</mark>" in response.content.decode()


def test_a_phrase_with_an_exclusion_leaves_out_the_police_item(member_client, minutes):
    response = search(member_client, '"rån mot barn" -polis')

    assert item_pks(response) == {minutes["social"].pk}


def test_or_finds_either(member_client, minutes):
    response = search(member_client, "fältassistenterna or fritidsgården")

    assert item_pks(response) == {minutes["disorder"].pk, minutes["youth"].pk}


def test_another_councils_minutes_never_appear(member_client, outsider_client, minutes, neighbour_minutes):
    mine = search(member_client, "ordningsstörningar")
    theirs = search(outsider_client, "ordningsstörningar")
    only_theirs = search(member_client, "grannstadsvandringen")

    assert item_pks(mine) == {minutes["disorder"].pk}
    assert item_pks(theirs) == {neighbour_minutes["disorder"].pk}
    assert only_theirs.context["results"].total == 0
    assert "grannstad" not in only_theirs.content.decode().lower().replace("grannstadsvandringen", "")


def test_confidential_items_are_found_by_those_who_may_read_the_meeting_page(member_client, minutes):
    """The meeting page shows confidential items to every member; search follows it and marks them."""
    response = search(member_client, "Zlatanovic")

    assert item_pks(response) == {minutes["secret"].pk}
    assert [d.agenda_item_id for d in hits(response, "decision")] == [minutes["secret"].pk]
    assert "Sekretess" in response.content.decode()
    page = member_client.get(minutes["secret"].meeting.get_absolute_url())
    assert "Zlatanovic" in page.content.decode()


def test_confidential_items_of_another_council_never_appear(outsider_client, minutes, neighbour_minutes):
    response = search(outsider_client, "Zlatanovic")

    assert item_pks(response) == {neighbour_minutes["secret"].pk}
    assert hits(response, "decision") == []


def test_confidential_items_follow_the_confidentiality_rule(member, minutes, monkeypatch):
    """When the rule for reading confidential items narrows, search leaves them out (and only them)."""
    monkeypatch.setattr(selectors, "confidential_council_ids", lambda user, councils: set())
    councils = list(readable_councils(member.user))

    results = selectors.search(user=member.user, text=parse("Zlatanovic or fritidsgården"), councils=councils)

    found = {hit.pk for group in results.groups if group.kind == "item" for hit in group.hits}
    assert found == {minutes["youth"].pk}
    assert not [hit for group in results.groups if group.kind == "decision" for hit in group.hits]


def test_nobody_outside_a_council_finds_anything(minutes):
    results = selectors.search(user=AnonymousUser(), text=parse("ungdomar"),
                               councils=readable_councils(AnonymousUser()))

    assert results.total == 0


def test_results_link_to_the_right_paragraph(member_client, minutes, measure_with_follow_up):
    measure, follow_up, comment = measure_with_follow_up

    item_hit = hits(search(member_client, "fritidsgården"), "item")[0]
    decision_hit = hits(search(member_client, "kartlägga"), "decision")[0]
    follow_up_hit = hits(search(member_client, "saneringen"), "follow_up")[0]
    comment_hit = hits(search(member_client, "nattvandrarna"), "comment")[0]

    meeting_url = minutes["youth"].meeting.get_absolute_url()
    assert item_hit.search_url == f"{meeting_url}#item-{minutes['youth'].pk}"
    assert decision_hit.search_url == f"{meeting_url}#item-{minutes['disorder'].pk}"
    assert follow_up_hit.search_url == f"{measure.get_absolute_url()}#follow-up-{follow_up.pk}"
    assert comment_hit.search_url == f"{measure.get_absolute_url()}#comment-{comment.pk}"
    assert f'id="item-{minutes["youth"].pk}"' in member_client.get(meeting_url).content.decode()
    measure_page = member_client.get(measure.get_absolute_url()).content.decode()
    assert f'id="follow-up-{follow_up.pk}"' in measure_page and f'id="comment-{comment.pk}"' in measure_page


def test_passages_are_escaped_before_they_are_marked(member_client, minutes):
    response = search(member_client, "klotterplanket")
    content = response.content.decode()

    assert "<script>alert(1)" not in content  # the page's own scripts are external files, never passage text
    assert "<mark>klotterplanket</mark> &amp; staketet" in content


def test_the_title_weighs_more_than_the_body(member_client, minutes):
    """"lägesbild" is in two titles; "polisen" in one title's body as well: the title match ranks first."""
    make = AgendaItem.objects.create
    extra = make(meeting=minutes["police"].meeting, position=9, number=9, title="Övrigt",
                 minutes="<p>Lägesbild kommer senare.</p>")

    ranked = [hit.pk for hit in hits(search(member_client, "lägesbild"), "item")]

    assert ranked[-1] == extra.pk and set(ranked[:2]) == {minutes["police"].pk, minutes["social"].pk}


def test_the_index_is_current_inside_the_transaction_that_saves_the_minutes(secretary, minutes):
    item = minutes["youth"]
    councils = list(readable_councils(secretary.user))
    with transaction.atomic():
        minutes_save(item=item, user=secretary.user, minutes="<p>Nattvandrarna i Skärholmen.</p>",
                     base_version=item.version)

        results = selectors.search(user=secretary.user, text=parse("skärholmen"), councils=councils)

        assert [hit.pk for group in results.groups for hit in group.hits] == [item.pk]
        assert selectors.search(user=secretary.user, text=parse("kvällar"), councils=councils).total == 0


def test_a_bulk_update_keeps_the_index_current_too(member, minutes):
    AgendaItem.objects.filter(pk=minutes["police"].pk).update(title="Brandskydd i trapphusen")
    councils = list(readable_councils(member.user))

    results = selectors.search(user=member.user, text=parse("trapphus"), councils=councils)

    assert [hit.pk for group in results.groups for hit in group.hits] == [minutes["police"].pk]


def test_a_misspelling_gets_a_suggestion_from_the_councils_own_words(member_client, minutes, neighbour_minutes):
    response = search(member_client, "ungdommar")
    theirs = search(member_client, "grannstadsvandrigen")

    assert response.context["results"].suggestion == "ungdom"
    assert "Menade du" in response.content.decode()
    assert "grannstad" not in theirs.context["results"].suggestion


def test_filters_narrow_by_council_kind_and_year(make_person, council, other_council, minutes, neighbour_minutes):
    from councils.models import Membership
    both = make_person("bada")
    for c in (council, other_council):
        Membership.objects.create(person=both, council=c, role=Membership.Role.MEMBER, valid_from=council.valid_from)
    client = logged_in(both)

    everywhere = search(client, "ordningsstörningar")
    in_neighbour = search(client, "ordningsstörningar", council=other_council.pk)
    decisions = search(client, "ordningsstörningar", kind="decision")
    next_year = search(client, "ordningsstörningar", year=2026)

    assert item_pks(everywhere) == {minutes["disorder"].pk, neighbour_minutes["disorder"].pk}
    assert item_pks(in_neighbour) == {neighbour_minutes["disorder"].pk}
    assert [g.kind for g in decisions.context["results"].groups] == ["decision"]
    assert next_year.context["results"].total == 0


def test_the_query_count_does_not_grow_with_the_hits(member_client, minutes, django_assert_max_num_queries):
    meeting = minutes["youth"].meeting
    search(member_client, "ungdomar")  # warm the session
    for n in range(10, 30):
        AgendaItem.objects.create(meeting=meeting, position=n, number=n, title=f"Ungdomar {n}")

    with django_assert_max_num_queries(12):
        response = search(member_client, "ungdomar", kind="item")

    assert len(hits(response, "item")) == 20


@pytest.mark.parametrize("table, column", [
    ("meetings_agendaitem", "search_text"), ("meetings_agendaitem", "title"), ("measures_followup", "note"),
])
def test_compound_tails_are_answered_from_a_trigram_index(table, column):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN SELECT id FROM {table} WHERE {column} ILIKE %s", ["%störning%"])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "_trgm" in plan


def test_the_stemmed_match_is_answered_from_the_gin_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT id FROM meetings_agendaitem "
                       "WHERE search_vector @@ websearch_to_tsquery('swedish'::regconfig, %s)", ["ungdomar"])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "search_agendaitem_vector" in plan


def test_lagesbild_problems_and_activities_are_found_and_link_to_their_pages(member_client, problem_and_activity):
    ours, theirs, activity = problem_and_activity

    problem_hits = hits(search(member_client, "narkotika busstorget"), "problem")
    activity_hits = hits(search(member_client, "nattvandring"), "activity")

    assert [hit.pk for hit in problem_hits] == [ours.pk]  # never the neighbour council's problem
    assert problem_hits[0].search_url == ours.get_absolute_url()
    assert [hit.pk for hit in activity_hits] == [activity.pk]
    assert activity_hits[0].search_url == activity.measure.get_absolute_url()
    assert member_client.get(ours.get_absolute_url()).status_code == 200


def test_a_compound_tail_finds_a_problem_and_the_year_is_its_lagesbilds_period(member_client, problem_and_activity):
    ours, _theirs, _activity = problem_and_activity

    assert [hit.pk for hit in hits(search(member_client, "försäljning"), "problem")] == [ours.pk]
    assert hits(search(member_client, "försäljning", year=2025, kind="problem"), "problem")
    assert not hits(search(member_client, "försäljning", year=2024, kind="problem"), "problem")
