"""Dates in the demo that must stay recent.

The demo was written on 2026-11-22 with the action plan followed up in time: follow-ups a few weeks old,
the next ones due soon, this year's lägesbild. Written as they stood that day, they are moved forward by
the days since, so the demo loaded later still shows the same mix of green, yellow and red instead of a
plan that fell behind while nobody touched it. Historic dates (the seed documents' meetings) stay as
written.
"""

import datetime

from councils.models import today

WRITTEN_ON = datetime.date(2026, 11, 22)


def recent(day):
    """The day as far from today as it was from WRITTEN_ON."""
    return day + max(today() - WRITTEN_ON, datetime.timedelta(0))
