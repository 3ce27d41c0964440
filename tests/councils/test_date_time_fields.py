"""Date and time fields name their format beside the field and in the error, take 20261120, and show 09.00."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting


@pytest.fixture
def membership(member):
    return member.memberships.get()


def end_url(membership):
    return reverse("councils:membership_end", args=[membership.pk])


def test_date_field_shows_its_format_as_help_tied_to_the_input(coordinator_client, membership):
    body = coordinator_client.get(end_url(membership)).content.decode()
    assert 'aria-describedby="id_valid_to_helptext"' in body
    assert 'id="id_valid_to_helptext" class="form-text">ÅÅÅÅ-MM-DD, till exempel 2026-11-22' in body
    assert 'inputmode="numeric"' not in body


def test_date_in_another_format_gets_an_error_naming_the_format_and_changes_nothing(coordinator_client, membership):
    response = coordinator_client.post(end_url(membership), {"valid_to": "20/11/2026"})
    body = response.content.decode()
    assert "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-22." in body
    membership.refresh_from_db()
    assert membership.valid_to is None


def test_a_failed_submit_puts_fel_in_the_title_and_a_summary_linking_to_the_field(coordinator_client, membership):
    body = coordinator_client.post(end_url(membership), {"valid_to": "20/11/2026"}).content.decode()
    assert "<title>Fel: " in body
    assert 'id="error-summary" tabindex="-1"' in body
    assert '<a href="#id_valid_to">Sista dag</a>: Skriv datumet som ÅÅÅÅ-MM-DD' in body


def test_a_page_without_errors_has_no_fel_in_the_title(coordinator_client, membership):
    body = coordinator_client.get(end_url(membership)).content.decode()
    assert "<title>Fel:" not in body and "error-summary" not in body


def test_date_written_without_dashes_is_accepted(coordinator_client, membership):
    response = coordinator_client.post(end_url(membership), {"valid_to": "20261120"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.valid_to == datetime.date(2026, 11, 20)


def meeting_data(**changes):
    return {"title": "Lokala brå", "kind": "protokoll", "date": "20261204", "start_time": "09.00",
            "end_time": "11.30", "place": "Telefonvägen 30", **changes}


def test_meeting_times_are_written_and_shown_as_09_00(coordinator_client, council):
    response = coordinator_client.post(reverse("meetings:meeting_create", args=[council.pk]), meeting_data())
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert timezone.localtime(meeting.starts_at).time() == datetime.time(9, 0)
    assert "09.00–11.30" in coordinator_client.get(reverse("meetings:meeting_list", args=[council.pk])).content.decode()
    edit = coordinator_client.get(reverse("meetings:meeting_edit", args=[meeting.pk])).content.decode()
    assert 'value="09.00"' in edit and 'type="time"' not in edit
    assert 'id="id_start_time_helptext" class="form-text">TT.MM, till exempel 09.00' in edit


def test_a_time_in_a_wrong_format_gets_an_error_naming_the_format(coordinator_client, council):
    response = coordinator_client.post(reverse("meetings:meeting_create", args=[council.pk]), meeting_data(start_time="9 am"))
    assert "Skriv tiden som TT.MM, till exempel 09.00." in response.content.decode()
    assert not Meeting.objects.exists()
