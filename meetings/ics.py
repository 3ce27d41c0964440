"""Meetings as iCalendar (.ics), with times in Europe/Stockholm."""

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
PRODID = "-//Lobra//Möten//SV"


def _event(meeting, *, url="", stamp):
    event = Event()
    event.add("uid", f"{meeting.uid}@lobra")
    event.add("summary", f"{meeting.title} – {meeting.body}")
    event.add("dtstart", meeting.starts_at.astimezone(STOCKHOLM))
    event.add("dtend", meeting.ends_at.astimezone(STOCKHOLM))
    event.add("dtstamp", stamp)
    event.add("sequence", meeting.ics_sequence)
    if meeting.location:
        event.add("location", meeting.location)
    # Calendars are synced to outside services: a confidential item is named only as such.
    lines = [f"{item.number}. {item.public_title}" if item.number else item.public_title
             for item in meeting.items.all()]
    if lines:
        event.add("description", _("Dagordning:") + "\n" + "\n".join(lines) + (f"\n\n{url}" if url else ""))
    if url:
        event.add("url", url)
    if meeting.status == meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def calendar_bytes(meetings, *, name, url_for=None):
    """An iCalendar file with one event per meeting (meetings should have their items prefetched)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    dates = []
    stamp = timezone.now()
    for meeting in meetings:
        calendar.add_component(_event(meeting, url=url_for(meeting) if url_for else "", stamp=stamp))
        dates.append(meeting.starts_at.date())
    if dates:
        # Describe the zone only for the years the meetings span, not 1970–2038.
        calendar.add_missing_timezones(first_date=datetime.date(min(dates).year, 1, 1),
                                       last_date=datetime.date(max(dates).year + 1, 1, 1))
    return calendar.to_ical()
