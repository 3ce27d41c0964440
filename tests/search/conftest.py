"""Fixtures for search: minutes in the test council and its neighbour, a confidential item, a measure with a
follow-up and a comment."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from measures.models import Comment, FollowUp, Measure
from meetings.models import AgendaItem, Decision, Meeting

requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Svensk fulltextsökning (swedish, pg_trgm) finns bara i PostgreSQL; CI kör testerna där "
           "(DATABASE_URL=postgres://…). På SQLite testas reservsökningen med icontains.",
)
requires_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="Reservsökningen gäller bara SQLite.")


def make_meeting(council, day, title="Sammanträde med lokala brå"):
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
    return Meeting.objects.create(council=council, title=title, starts_at=starts,
                                  ends_at=starts + datetime.timedelta(hours=2), place="Kommunhuset")


def make_item(meeting, number, title, minutes="", **kwargs):
    return AgendaItem.objects.create(meeting=meeting, position=number, number=number, title=title,
                                     minutes=minutes, **kwargs)


@pytest.fixture
def minutes(council, coordinator, member):
    """A meeting in 2025 whose items the tests search for, by name."""
    meeting = make_meeting(council, datetime.date(2025, 5, 12))
    items = {
        "disorder": make_item(meeting, 1, "Ordningsstörningar vid stationen",
                              "<p>Fältassistenterna har varit på plats under helgerna.</p>"),
        "youth": make_item(meeting, 2, "Fritidsgården",
                           "<p>Ungdomarna samlas vid fritidsgården sena kvällar &amp; helger.</p>"),
        "police": make_item(meeting, 3, "Polisens lägesbild",
                            "<p>Polisen rapporterade att rån mot barn har ökat i centrum.</p>"),
        "social": make_item(meeting, 4, "Socialtjänstens lägesbild",
                            "<p>Socialtjänsten har kartlagt rån mot barn och unga vid skolorna.</p>"),
        "secret": make_item(meeting, 5, "Enskilt ärende", "<p>Ärendet rör familjen Zlatanovic.</p>",
                            confidential=True, confidentiality_ground="OSL 26 kap. 1 §"),
        "script": make_item(meeting, 6, "Klotter", "<p>Texten &lt;script&gt;alert(1)&lt;/script&gt; "
                                                   "klottrades på klotterplanket &amp; staketet.</p>"),
    }
    Decision.objects.create(agenda_item=items["secret"], text="Rådet beslutade att Zlatanovic får stöd.")
    Decision.objects.create(agenda_item=items["disorder"], kind=Decision.Kind.TASK,
                            text="Samordnaren får i uppdrag att kartlägga ordningsstörningarna.")
    return items


@pytest.fixture
def neighbour_minutes(other_council, outsider):
    """The neighbouring council's minutes: the same words, and one word only they use."""
    meeting = make_meeting(other_council, datetime.date(2025, 6, 2))
    return {
        "disorder": make_item(meeting, 1, "Ordningsstörningar i grannstaden",
                              "<p>Ungdomarna i grannstaden och Grannstadsvandringen.</p>"),
        "secret": make_item(meeting, 2, "Sekretessärende", "<p>Familjen Zlatanovic i grannstaden.</p>",
                            confidential=True, confidentiality_ground="OSL 26 kap. 1 §"),
    }


@pytest.fixture
def measure_with_follow_up(council, coordinator):
    measure = Measure.objects.create(council=council, title="Klottersanering vid busstorget",
                                     problem="Skadegörelse och klotter på hållplatser.")
    follow_up = FollowUp.objects.create(measure=measure, date=datetime.date(2025, 3, 15),
                                        status=FollowUp.Status.GREEN,
                                        note="Saneringen sker nu inom ett dygn efter trygghetsvandringen.")
    comment = Comment.objects.create(measure=measure, author=coordinator,
                                     text="Bra att nattvandrarna rapporterar skadegörelse direkt.")
    return measure, follow_up, comment


@pytest.fixture
def problem_and_activity(council, other_council):
    """A lägesbild problem and an activity in the council, and a neighbour's problem with the same words."""
    from assessments.models import Assessment, Problem
    from measures.models import Activity

    def problem(owner, title):
        assessment = Assessment.objects.create(council=owner, title="Lägesbild 2025",
                                               period_start=datetime.date(2025, 1, 1),
                                               period_end=datetime.date(2025, 12, 31))
        return Problem.objects.create(assessment=assessment, title=title, where="Busstorget kvällstid",
                                      description="Ungdomsgäng samlas och försäljning av narkotika förekommer.")

    ours = problem(council, "Narkotikaförsäljning vid busstorget")
    theirs = problem(other_council, "Narkotikaförsäljning i grannkommunen")
    measure = Measure.objects.create(council=council, title="Trygg kollektivtrafik")
    activity = Activity.objects.create(measure=measure, text="Nattvandringar kring pendeltågsstationen varje fredag.")
    return ours, theirs, activity
