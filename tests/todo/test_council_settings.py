"""The council's justering deadline: set by its coordinator only; bad input changes nothing."""

import pytest
from django.urls import reverse

from councils.models import LogEntry

pytestmark = pytest.mark.django_db


def url(council):
    return reverse("councils:council_settings", args=[council.pk])


def test_the_coordinator_sets_the_justering_days(coordinator_client, council):
    response = coordinator_client.post(url(council), {"justering_days": "21"})
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.justering_days == 21
    assert LogEntry.objects.filter(action="councils.council.settings_changed").exists()


@pytest.mark.parametrize("value", ["0", "91", "fjorton"])
def test_a_bad_number_of_days_gets_a_message_and_changes_nothing(coordinator_client, council, value):
    response = coordinator_client.post(url(council), {"justering_days": value})
    assert response.status_code == 200 and "dag" in response.content.decode()
    council.refresh_from_db()
    assert council.justering_days == 14


def test_a_member_may_not_change_the_settings(member_client, council):
    assert member_client.post(url(council), {"justering_days": "21"}).status_code == 403


def test_an_outsider_gets_404(outsider_client, council):
    assert outsider_client.get(url(council)).status_code == 404


def test_anonymous_is_sent_to_login(client, council):
    assert reverse("login") in client.get(url(council))["Location"]
