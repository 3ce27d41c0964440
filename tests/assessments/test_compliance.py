"""Lagkrav och uppföljning: each line's colour follows the council's data, in a constant number of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.compliance import GREEN, RED, YELLOW, compliance_for
from assessments.models import Assessment, Cause, Indicator, Problem
from councils.models import today
from measures.models import FollowUp, Measure


def lines(council):
    _facts, sections = compliance_for(council)
    return {line.label: line for section in sections for line in section.lines}


def test_a_council_without_anything_is_red_where_the_law_requires(council):
    found = lines(council)

    assert found["Lägesbild finns och är aktuell"].status == RED
    assert found["Åtgärdsplan antagen med beslutsreferens"].status == RED
    assert found["Samordningsfunktion utsedd"].status == RED
    assert found["Lägesbild finns och är aktuell"].fix_url == reverse("assessments:assessment_create",
                                                                     args=[council.pk])


def test_a_draft_is_yellow_and_an_overdue_revision_red(council, assessment):
    Assessment.objects.filter(pk=assessment.pk).update(next_revision_due=datetime.date(2020, 1, 1))
    assert lines(council)["Lägesbild finns och är aktuell"].status == RED

    Assessment.objects.filter(pk=assessment.pk).update(status="utkast")
    assert lines(council)["Lägesbild finns och är aktuell"].status == YELLOW


def test_an_adopted_current_lagesbild_and_a_named_coordinator_are_green(council, assessment, coordinator, agreement):
    found = lines(council)

    assert found["Lägesbild finns och är aktuell"].status == GREEN
    assert found["Lägesbilden har lagens tre delar (4 §)"].status == GREEN
    assert found["Åtgärdsplan antagen med beslutsreferens"].status == GREEN
    assert found["Samordningsfunktion utsedd"].status == GREEN
    assert coordinator.full_name in found["Samordningsfunktion utsedd"].detail


def test_the_problem_line_turns_green_when_the_chain_is_complete(council, problem, root_cause, measure, indicator):
    assert lines(council)[problem.title].status == RED

    problem.measures.add(measure)
    root_cause.measures.add(measure)
    assert lines(council)[problem.title].status == YELLOW  # no follow-up yet

    FollowUp.objects.create(measure=measure, date=today(), status="gron", note="Gjort.")
    assert lines(council)[problem.title].status == GREEN


def test_an_unlinked_measure_is_listed_with_a_link_to_fix_it(council, problem, root_cause, linked_measure, agreement):
    loose = Measure.objects.create(council=council, priority_area=linked_measure.priority_area, title="Lös åtgärd")

    line = lines(council)["Varje åtgärd verkar på ett problem och en orsak"]

    assert line.status == YELLOW
    assert line.items == [("Lös åtgärd", reverse("assessments:measure_links", args=[council.pk, loose.pk]))]


def test_the_page_lists_the_lines_with_their_colour_in_words(member_client, council, problem, coordinator):
    page = member_client.get(reverse("assessments:compliance_detail", args=[council.pk])).content.decode()

    assert "Lagkrav och uppföljning" in page
    assert 'data-status="red"' in page and "Saknas" in page
    assert problem.title in page


def grow(council, assessment, n):
    """Add n problems, each with causes, an indicator, a linked measure and follow-ups."""
    area = Measure.objects.filter(council=council).first().priority_area
    for k in range(n):
        problem = Problem.objects.create(assessment=assessment, title=f"Problem {k}", where="x", who="y", when="z")
        cause = Cause.objects.create(problem=problem, side="offer", description=f"Orsak {k}")
        Cause.objects.create(problem=problem, parent=cause, side="plats", description=f"Underorsak {k}")
        Indicator.objects.create(problem=problem, name="n", unit="st", baseline_value=1,
                                 baseline_date=datetime.date(2025, 1, 1))
        measure = Measure.objects.create(council=council, priority_area=area, title=f"Åtgärd {k}")
        problem.measures.add(measure)
        cause.measures.add(measure)
        for month in (1, 2, 3):
            FollowUp.objects.create(measure=measure, date=datetime.date(2026, month, 1), status="gul", note="…")


def count_queries(client, url):
    """Queries of a second request (the first fills per-user caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_compliance_and_problem_pages_use_a_constant_number_of_queries(
        member_client, council, assessment, problem, root_cause, linked_measure, recent_follow_up, indicator,
        coordinator, django_assert_max_num_queries):
    compliance = reverse("assessments:compliance_detail", args=[council.pk])
    small = (count_queries(member_client, compliance),
             count_queries(member_client, problem.get_absolute_url()))

    grow(council, assessment, 6)
    for k in range(5):
        cause = Cause.objects.create(problem=problem, side="plats", description=f"Fler orsaker {k}")
        measure = Measure.objects.create(council=council, title=f"Fler åtgärder {k}", responsible_text="Polis")
        problem.measures.add(measure)
        cause.measures.add(measure)
        FollowUp.objects.create(measure=measure, date=today(), status="gron", note="…")

    with django_assert_max_num_queries(small[0]):
        member_client.get(compliance)
    with django_assert_max_num_queries(small[1]):
        member_client.get(problem.get_absolute_url())
    assert small[0] <= 20 and small[1] <= 25


def test_members_see_no_links_to_pages_only_coordinators_may_open(member_client, council, problem, coordinator):
    page = member_client.get(reverse("assessments:compliance_detail", args=[council.pk])).content.decode()

    assert reverse("assessments:assessment_edit", args=[council.pk, problem.assessment_id]) not in page
    assert problem.get_absolute_url() in page
