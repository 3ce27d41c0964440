"""Fixtures for lägesbilder: an adopted lägesbild with a problem, a cause tree, an indicator and a linked measure."""

import datetime

import pytest

from assessments.models import Assessment, Cause, Indicator, Problem
from measures.models import Agreement, FollowUp, Measure, Place, PriorityArea


@pytest.fixture
def assessment(council):
    return Assessment.objects.create(
        council=council, title="Lägesbild Teststaden", period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2025, 12, 31), status=Assessment.Status.ADOPTED, deciding_body="Nämnden",
        decision_date=datetime.date(2026, 2, 1), decision_reference="SDN 2026-02-01 § 7",
        next_revision_due=datetime.date(2027, 6, 30), survey="<p>Rånen har ökat.</p>",
        other_information="<p>En knutpunkt.</p>", analysis="<p>Många unga på liten yta.</p>",
    )


@pytest.fixture
def place(council):
    return Place.objects.create(council=council, name="Torget")


@pytest.fixture
def problem(assessment, place):
    problem = Problem.objects.create(assessment=assessment, title="Rån mot unga", where="Torget",
                                     who="Unga under 18 år", when="Eftermiddagar", crime_type="Rån")
    problem.places.set([place])
    return problem


@pytest.fixture
def root_cause(problem):
    return Cause.objects.create(problem=problem, side=Cause.Side.PLACE, description="En knutpunkt med 30 000 resenärer.")


@pytest.fixture
def child_cause(root_cause):
    return Cause.objects.create(problem=root_cause.problem, parent=root_cause, side=Cause.Side.PLACE,
                                description="Gallerian håller kvar folk.")


@pytest.fixture
def indicator(problem):
    return Indicator.objects.create(problem=problem, name="Anmälda rån", unit="per år", baseline_value=15,
                                    baseline_date=datetime.date(2024, 12, 31))


@pytest.fixture
def agreement(council):
    return Agreement.objects.create(council=council, title="Plan", valid_from=datetime.date(2024, 1, 1),
                                    valid_to=datetime.date(2028, 12, 31), decision_reference="KS 2024/12")


@pytest.fixture
def measure(council, agreement):
    area = PriorityArea.objects.create(agreement=agreement, name="Centrum")
    return Measure.objects.create(council=council, priority_area=area, title="Vuxennärvaro vid torget",
                                  responsible_text="Polis", effect_horizon="kort", prevention_type="situationell",
                                  follow_up_due=datetime.date(2027, 1, 1))


@pytest.fixture
def linked_measure(measure, problem, root_cause):
    problem.measures.add(measure)
    root_cause.measures.add(measure)
    return measure


@pytest.fixture
def recent_follow_up(linked_measure):
    from councils.models import today

    return FollowUp.objects.create(measure=linked_measure, date=today(), status=FollowUp.Status.GREEN,
                                   note="Genomfört.")


@pytest.fixture
def other_problem(other_council):
    other = Assessment.objects.create(council=other_council, title="Grannens lägesbild",
                                      period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2024, 12, 31))
    return Problem.objects.create(assessment=other, title="Grannens problem")
