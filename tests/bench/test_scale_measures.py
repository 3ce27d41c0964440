import io

import pytest
from django.core.management import call_command

from benchmarks.pages import PAGES
from benchmarks.scale import measures as scale
from benchmarks.scale import scale_modules
from councils.models import Council, today
from measures.models import Agreement, Comment, FollowUp, Measure, Place, PriorityArea
from meetings.models import AgendaItem, Meeting


@pytest.fixture
def scale_data(db, media, scale_snapshots):
    scale_snapshots(2, 2).load_into(media)
    return list(Council.objects.order_by("pk"))


def test_every_app_has_a_scale_module():
    assert [module.__name__ for module in scale_modules()] == [
        "benchmarks.scale.councils", "benchmarks.scale.meetings", "benchmarks.scale.measures",
        "benchmarks.scale.protocols", "benchmarks.scale.search", "benchmarks.scale.todo", "benchmarks.scale.assessments"]


def test_each_council_has_an_action_plan_of_twenty_measures_with_monthly_follow_ups(scale_data):
    full, young = scale_data

    agreement = Agreement.objects.get(council=full)
    assert agreement.parties.count() == 2
    assert PriorityArea.objects.filter(agreement=agreement).count() == len({a for a, _t in scale.swedish.MEASURES})
    assert Place.objects.filter(council=full).count() == len(scale.PLACES)
    assert Measure.objects.filter(council=full).count() == scale.MEASURES_PER_COUNCIL
    months = len(list(scale._months(full.valid_from, today())))
    for measure in Measure.objects.filter(council=full):
        assert measure.follow_ups.count() == months
        assert measure.activities.count() == 2
        assert measure.responsible_organisations.exists() and measure.forums.exists()
        assert Comment.objects.filter(measure=measure).count() == 2
    assert FollowUp.objects.filter(measure__council=young).count() < FollowUp.objects.filter(
        measure__council=full).count()
    assert Measure.objects.filter(council=full, place__isnull=False).exists()
    assert Measure.objects.filter(council=full, follow_up_due__lt=today()).exists()


def test_bench_times_every_page_once_all_apps_are_in(scale_data):
    out = io.StringIO()
    call_command("bench", no_load=True, no_pdf=True, requests=2, warmup=1, no_write=True, stdout=out)

    lines = out.getvalue().splitlines()
    for label in PAGES.values():
        row = next(line for line in lines if line.startswith(label))
        assert "n/a" not in row and "HTTP" not in row, row


def test_held_meetings_review_five_measures_and_carry_the_months_follow_ups(scale_data):
    full = scale_data[0]
    reviews = AgendaItem.objects.filter(meeting__council=full, meeting__status=Meeting.Status.HELD,
                                        title=scale.REVIEW_ITEM)

    assert reviews.exists()
    for item in reviews:
        assert item.measures.count() == scale.REVIEWED_PER_MEETING
        assert FollowUp.objects.filter(meeting=item.meeting).count() == scale.MEASURES_PER_COUNCIL
    assert not FollowUp.objects.filter(meeting__status=Meeting.Status.NOTIFIED).exists()
