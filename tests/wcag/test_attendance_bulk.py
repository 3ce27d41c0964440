"""Attendance in a live meeting: everyone, or everyone from one organisation, marked present in one click."""

import pytest
from django.urls import reverse

from meetings.models import Attendance

# django_db: pytest-django sets up the test database only for marked tests; each test is rolled back.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def radios(page, value):
    return page.locator(f'main table input[type=radio][value="{value}"]')


def test_one_organisation_then_everyone_is_marked_present_and_saved(demo_site, pages_as):
    page = pages_as("samordnare")
    meeting = demo_site.objects.meeting
    page.goto(demo_site.url + reverse("meetings:meeting_attendance", args=[meeting.pk]))
    organisation = page.locator("main tr[data-organisation]").first.get_attribute("data-organisation")
    rows = page.locator(f'main tr[data-organisation="{organisation}"]')
    others = page.locator(f'main tr[data-organisation]:not([data-organisation="{organisation}"])')

    page.get_by_role("button", name=f"Alla från {organisation} närvarande").click()
    assert all(row.locator('input[value="narvarande"]').is_checked() for row in rows.all())
    assert not all(row.locator('input[value="narvarande"]').is_checked() for row in others.all())
    assert "markerade som närvarande" in page.get_by_role("status").filter(has_text="markerade").inner_text()

    page.get_by_role("button", name="Markera alla som närvarande").click()
    assert all(radio.is_checked() for radio in radios(page, "narvarande").all())
    page.get_by_role("button", name="Spara närvaro").click()
    page.wait_for_load_state()
    assert set(meeting.attendances.values_list("status", flat=True)) == {Attendance.Status.PRESENT}
