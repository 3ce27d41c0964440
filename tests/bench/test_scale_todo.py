"""Scale data for Att göra: one person in five councils, who answers for their measures and uppdrag."""

import io

import pytest
from django.core.management import call_command

from benchmarks.scale.measures import MEASURES_PER_COUNCIL
from benchmarks.scale.todo import USERNAME
from councils.models import Membership
from measures.models import Measure
from meetings.models import Decision


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_five_council_person_sits_in_five_councils_with_their_measures_and_uppdrag(db, media):
    call_command("generate_scale_data", councils=6, years=1, stdout=io.StringIO())
    memberships = Membership.objects.filter(person__user__username=USERNAME)
    assert memberships.values("council").distinct().count() == 5
    person = memberships.first().person
    assert Measure.objects.filter(responsible_people=person).count() == 5 * MEASURES_PER_COUNCIL
    assert Decision.objects.filter(responsible=person).exists()
