"""Fixtures for the action plan: an agreement with two areas, measures the member does and does not answer for."""

import datetime

import pytest

from councils.models import Organisation
from measures.models import Activity, Agreement, FollowUp, Measure, Place, PriorityArea


@pytest.fixture
def municipality(council):
    return council.organisation


@pytest.fixture
def agreement(council, municipality, police):
    agreement = Agreement.objects.create(
        council=council, title="Åtgärdsplan gemensam Teststaden och polisen",
        valid_from=datetime.date(2024, 1, 1), valid_to=datetime.date(2025, 12, 31),
        extended_to=datetime.date(2026, 9, 30),
    )
    agreement.parties.set([municipality, police])
    return agreement


@pytest.fixture
def area(agreement):
    return PriorityArea.objects.create(
        agreement=agreement, name="Centrum", goal="Centrum ska vara tryggt.", purpose="Öka den kollektiva förmågan.",
        target_primary="Boende och besökare", target_secondary="Ordningsstörare", position=1,
    )


@pytest.fixture
def other_area(agreement):
    return PriorityArea.objects.create(agreement=agreement, name="Ungdomar", goal="Goda uppväxtvillkor.", position=2)


@pytest.fixture
def place(council):
    return Place.objects.create(council=council, name="Torget", description="Centrummiljö.")


@pytest.fixture
def police_measure(council, area, police, forum, place):
    """A measure the police answer for: the member (a police officer) may follow it up."""
    measure = Measure.objects.create(
        council=council, priority_area=area, place=place, title="Motverka påträngande tiggeri",
        responsible_text="Polis", forum_text="Arbetsgruppen för Tryggare centrum", police_contact="Kommunpolis",
        police_commitment="Medverka i arbetsgruppen", admin_contact="Preventionssamordnare",
        admin_commitment="Medverka", other_actors="SL, MTR", funding="Var och en bär sina kostnader",
        communication="Minnesanteckningar", follow_up_plan="Rapport till styrgruppen", position=1,
    )
    measure.responsible_organisations.set([police])
    measure.forums.set([forum])
    Activity.objects.create(measure=measure, text="Översyn av ordningsföreskrifterna", position=0)
    return measure


@pytest.fixture
def municipal_measure(council, other_area, municipality):
    """A measure only the municipality answers for: the police member may not follow it up."""
    measure = Measure.objects.create(
        council=council, priority_area=other_area, title="Trygga uppväxten för barn och unga",
        responsible_text="Stadsdelsförvaltning", position=2,
    )
    measure.responsible_organisations.set([municipality])
    return measure


@pytest.fixture
def follow_up(police_measure, member):
    return FollowUp.objects.create(
        measure=police_measure, date=datetime.date(2025, 3, 1), status=FollowUp.Status.YELLOW,
        kind=FollowUp.Kind.PROCESS, note="Arbetsgruppen har träffats två gånger.", author=member,
    )


@pytest.fixture
def other_agreement(other_council):
    return Agreement.objects.create(
        council=other_council, title="Grannstadens plan", valid_from=datetime.date(2024, 1, 1),
        valid_to=datetime.date(2025, 12, 31),
    )


@pytest.fixture
def fire_service(db):
    return Organisation.objects.create(name="Räddningstjänsten Teststad", kind=Organisation.Kind.FIRE)
