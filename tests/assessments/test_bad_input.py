"""Bad input is refused with a Swedish message and nothing is saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from assessments import services
from assessments.models import Assessment, Cause, Indicator, Problem
from councils.models import LogEntry


def assessment_post(**overrides):
    data = {"title": "Lägesbild 2026", "period_start": "2026-01-01", "period_end": "2026-12-31", "version": "1",
            "status": "utkast", "survey": "", "other_information": "", "analysis": ""}
    data.update(overrides)
    return data


def test_an_adopted_assessment_without_decision_reference_is_refused(coordinator_client, council):
    url = reverse("assessments:assessment_create", args=[council.pk])

    response = coordinator_client.post(url, assessment_post(status="faststalld"))

    assert response.status_code == 400
    assert "En fastställd lägesbild måste ha en beslutsreferens" in response.content.decode()
    assert not Assessment.objects.exists()
    assert not LogEntry.objects.exists()


def test_the_database_refuses_an_adopted_assessment_without_reference(council):
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(council=council, title="X", period_start=datetime.date(2026, 1, 1),
                                  period_end=datetime.date(2026, 1, 2), status="faststalld")


def test_a_cause_cycle_is_refused_and_the_tree_stays(coordinator_client, council, root_cause, child_cause):
    url = reverse("assessments:cause_edit", args=[council.pk, root_cause.pk])

    response = coordinator_client.post(url, {"side": "plats", "description": root_cause.description,
                                             "parent": child_cause.pk})

    assert response.status_code == 400
    assert "cirkel i orsaksträdet" in response.content.decode()
    root_cause.refresh_from_db()
    assert root_cause.parent_id is None


def test_a_cause_cannot_be_its_own_parent(coordinator, root_cause):
    with pytest.raises(ValidationError, match="cirkel"):
        services.cause_save(problem=root_cause.problem, user=coordinator.user, cause=root_cause, side="plats",
                            description="x", parent=root_cause)


def test_a_parent_cause_of_another_problem_is_refused(coordinator, problem, assessment, root_cause):
    second = Problem.objects.create(assessment=assessment, title="Annat problem")

    with pytest.raises(ValidationError, match="annat problem"):
        services.cause_save(problem=second, user=coordinator.user, side="offer", description="x", parent=root_cause)
    assert not Cause.objects.filter(problem=second).exists()


def test_a_measure_cannot_be_linked_to_another_councils_problem(coordinator, measure, other_problem):
    with pytest.raises(ValidationError) as error:
        services.measure_links_set(measure=measure, user=coordinator.user, problems=[other_problem], causes=[])

    assert "Problemet hör till ett annat råds lägesbild." in error.value.messages
    assert not measure.problems.exists()
    assert not LogEntry.objects.exists()


def test_the_link_page_does_not_offer_another_councils_problem(coordinator_client, council, measure, problem,
                                                                other_problem):
    url = reverse("assessments:measure_links", args=[council.pk, measure.pk])

    response = coordinator_client.post(url, {"problems": [other_problem.pk]})

    assert response.status_code == 400
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not measure.problems.exists()


def test_an_indicator_without_unit_is_refused_with_its_problem(coordinator_client, council, assessment):
    url = reverse("assessments:problem_create", args=[assessment.council_id, assessment.pk])

    response = coordinator_client.post(url, {"title": "Nytt problem", "priority": "1",
                                             "indicator_name": "Anmälda rån", "indicator_baseline": "15",
                                             "indicator_date": "2025-12-31"})

    assert response.status_code == 400
    assert "Ange indikatorns enhet" in response.content.decode()
    assert not Problem.objects.filter(title="Nytt problem").exists()
    assert not Indicator.objects.exists()


def test_an_indicator_without_date_is_refused(coordinator_client, council, problem):
    url = reverse("assessments:problem_create", args=[council.pk, problem.assessment_id])

    response = coordinator_client.post(url, {"title": "Nytt problem", "priority": "1", "indicator_name": "Rån",
                                             "indicator_unit": "per år", "indicator_baseline": "15"})

    assert response.status_code == 400
    assert "Ange när utgångsvärdet mättes." in response.content.decode()
    assert not Indicator.objects.exists()


def test_the_indicator_form_needs_unit_and_date(coordinator_client, council, problem):
    url = reverse("assessments:indicator_create", args=[council.pk, problem.pk])

    response = coordinator_client.post(url, {"name": "Rån", "baseline_value": "15"})

    assert response.status_code == 400
    assert response.content.decode().count("Detta fält måste fyllas i.") >= 2
    assert not Indicator.objects.exists()


def test_the_database_refuses_an_indicator_with_an_empty_unit(problem):
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(problem=problem, name="x", unit="", baseline_value=1,
                                 baseline_date=datetime.date(2025, 1, 1))


def test_a_measurement_needs_a_value_when_an_indicator_is_chosen(coordinator_client, council, linked_measure,
                                                                   indicator):
    url = reverse("assessments:followup_create", args=[council.pk, linked_measure.pk])

    response = coordinator_client.post(url, {"date": "2026-01-15", "status": "gron", "kind": "effekt",
                                             "note": "Mätt.", "indicator": indicator.pk})

    assert response.status_code == 400
    assert "Ange det uppmätta värdet." in response.content.decode()
    assert not linked_measure.follow_ups.exists()


def test_a_problem_cannot_name_another_councils_place_or_agreement(coordinator, assessment, other_council):
    from measures.models import Agreement, Place

    foreign_place = Place.objects.create(council=other_council, name="Grannens torg")
    foreign_plan = Agreement.objects.create(council=other_council, title="Grannens plan",
                                            valid_from=datetime.date(2024, 1, 1), valid_to=datetime.date(2025, 1, 1))

    with pytest.raises(ValidationError, match="annat råd"):
        services.problem_save(assessment=assessment, user=coordinator.user, data={"title": "X"},
                              places=[foreign_place])
    with pytest.raises(ValidationError, match="annat råd"):
        services.problem_save(assessment=assessment, user=coordinator.user, data={"title": "X"},
                              agreements=[foreign_plan])
    assert not Problem.objects.filter(title="X").exists()


def test_a_date_in_another_format_is_refused_with_the_format_named(coordinator_client, council):
    url = reverse("assessments:assessment_create", args=[council.pk])

    response = coordinator_client.post(url, assessment_post(period_start="22/11/2026"))

    assert response.status_code == 400
    assert "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-22." in response.content.decode()
    assert not Assessment.objects.exists()


def test_a_date_written_without_dashes_is_taken(coordinator_client, council):
    url = reverse("assessments:assessment_create", args=[council.pk])
    form = coordinator_client.get(url).content.decode()
    assert "ÅÅÅÅ-MM-DD, till exempel 2026-11-22" in form  # the format stands beside the field

    coordinator_client.post(url, assessment_post(period_start="20260101"))

    assert Assessment.objects.get().period_start == datetime.date(2026, 1, 1)
