"""Fixtures for Att göra: meetings and measures dated relative to today, so the entries are due."""

import datetime
import os

import pytest
from django.utils import timezone

from measures.models import Agreement, Measure, PriorityArea
from meetings.models import AgendaItem, Attendance, Decision, Meeting

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def make_meeting(council):
    def make(*, day, title="Lokala brå", called=(), notice_sent=True, status=Meeting.Status.PLANNED, **fields):
        meeting = Meeting.objects.create(
            council=fields.pop("council", council), title=title, starts_at=at(day), ends_at=at(day, 11),
            status=status, notice_sent_at=timezone.now() if notice_sent else None, **fields,
        )
        for n, person in enumerate(called):
            Attendance.objects.create(meeting=meeting, person=person, position=n)
        return meeting
    return make


@pytest.fixture
def plan_area(council):
    agreement = Agreement.objects.create(council=council, title="Samverkansöverenskommelse",
                                         valid_from=days(-365), valid_to=days(365))
    return PriorityArea.objects.create(agreement=agreement, name="Trygg miljö")


@pytest.fixture
def make_measure(council, plan_area):
    def make(title, *, due, people=(), organisations=(), **fields):
        measure = Measure.objects.create(council=fields.pop("council", council), priority_area=plan_area,
                                         title=title, follow_up_due=due, **fields)
        measure.responsible_people.set(people)
        measure.responsible_organisations.set(organisations)
        return measure
    return make


@pytest.fixture
def make_task(make_meeting):
    def make(text, *, responsible, due, meeting_day=None, **fields):
        meeting = make_meeting(day=meeting_day or days(-20), title="Möte med uppdrag", status=Meeting.Status.HELD,
                               **fields)
        item = AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Övriga frågor")
        return Decision.objects.create(agenda_item=item, kind=Decision.Kind.TASK, text=text,
                                       responsible=responsible, due_date=due)
    return make
