"""The demo lägesbild: built from the 2018 seed, tied to the 2017 plan, a realistic mix on the compliance page."""

import datetime
import importlib

import pytest
from django.core.management import call_command
from django.utils import timezone

from assessments.compliance import GREEN, RED, YELLOW, compliance_for
from assessments.models import Assessment, Cause, Problem
from councils.models import Council


def test_the_demo_lagesbild_shows_green_yellow_and_red_and_loading_twice_changes_nothing(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = (Assessment.objects.count(), Problem.objects.count(), Cause.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert (Assessment.objects.count(), Problem.objects.count(), Cause.objects.count()) == first
    council = Council.objects.get(name="Hägersten-Älvsjös lokala brottsförebyggande råd")
    assessment = Assessment.objects.get(council=council)
    assert "29 brott" in assessment.survey and "30 000 resenärer" in assessment.other_information
    robbery = Problem.objects.get(title="Rån mot barn och unga under 18 år")
    assert {m.title for m in robbery.measures.all()} >= {"Öka den kollektiva förmågan hos allmänheten"}
    _facts, sections = compliance_for(council)
    colours = {line.status for section in sections for line in section.lines}
    assert colours == {GREEN, YELLOW, RED}
    problem_lines = {line.label: line.status for line in sections[1].lines}
    assert problem_lines[robbery.title] == GREEN


@pytest.fixture
def half_a_year_later(monkeypatch):
    """Today is 191 days on (past the demo's fixed follow-up dates had they not moved); the demo modules'
    dates are computed anew for it, and again for the real today afterwards."""
    import demo.assessments
    import demo.measures

    later = timezone.now() + datetime.timedelta(days=191)
    monkeypatch.setattr(timezone, "now", lambda: later)
    for module in (demo.measures, demo.assessments):
        importlib.reload(module)
    yield later
    monkeypatch.undo()
    for module in (demo.measures, demo.assessments):
        importlib.reload(module)


def test_the_demo_loaded_half_a_year_later_still_shows_green_yellow_and_red(db, half_a_year_later):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    council = Council.objects.get(name="Hägersten-Älvsjös lokala brottsförebyggande råd")
    _facts, sections = compliance_for(council)
    assert {line.status for section in sections for line in section.lines} == {GREEN, YELLOW, RED}
    robbery = Problem.objects.get(title="Rån mot barn och unga under 18 år")
    assert {line.label: line.status for line in sections[1].lines}[robbery.title] == GREEN
