"""Fixtures for the meetings tests: a meeting of the shared test council with a few items."""

import datetime
import os

import pytest
from django.utils import timezone

from meetings.models import AgendaItem, Attendance, Meeting

# Playwright's sync API runs an event loop in the test thread; database access from tests is still safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

TZ = timezone.get_fixed_timezone(60)


@pytest.fixture
def meeting(council, coordinator, chair, secretary, member):
    starts = timezone.make_aware(datetime.datetime(2026, 12, 4, 9, 0))
    meeting = Meeting.objects.create(
        council=council,
        title="Lokala brå",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place="Telefonvägen 30, plan 9",
        chair=chair,
        secretary=secretary,
    )
    for n, person in enumerate([chair, coordinator, secretary, member]):
        Attendance.objects.create(meeting=meeting, person=person, position=n)
    AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Mötets öppnande")
    AgendaItem.objects.create(meeting=meeting, position=1, number=2, title="Information")
    return meeting


@pytest.fixture
def item(meeting):
    return meeting.items.get(number=2)
