"""Login throttling: after repeated wrong passwords for one user from one address, even the right one is refused
with a Swedish message until a site admin lifts the lockout (which is logged)."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from councils.models import LogEntry
from tests.conftest import PASSWORD

LOGINS = [reverse("login"), reverse("admin:login")]


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("kansli", password=PASSWORD, is_staff=True)


def attempt(client, url, username, password, address="198.51.100.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize("url", LOGINS)
def test_fifty_wrong_passwords_then_the_right_one_does_not_log_in(url, staff):
    client = Client()
    for _ in range(50):
        attempt(client, url, "kansli", "fel-lösenord")
    response = attempt(client, url, "kansli", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Inloggningen är spärrad" in page and "be en administratör häva spärren" in page
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="kansli").failures_since_start >= settings.AXES_FAILURE_LIMIT


def test_a_few_typos_still_let_the_right_password_in(staff):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, LOGINS[0], "kansli", "fel-lösenord")
    assert attempt(client, LOGINS[0], "kansli", PASSWORD).status_code == 302
    assert AccessLog.objects.filter(username="kansli").exists()


def test_the_lockout_is_per_user_and_address(staff, make_person):
    colleague = make_person("kollega").user
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, LOGINS[0], "kansli", "fel-lösenord")
    # Someone else in the same office (same address), and the same user from another address, still get in.
    assert attempt(Client(), LOGINS[0], colleague.username, PASSWORD).status_code == 302
    assert attempt(Client(), LOGINS[0], "kansli", PASSWORD, address="203.0.113.9").status_code == 302


def test_a_site_admin_lifts_the_lockout_and_it_is_logged(staff):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, LOGINS[0], "kansli", "fel-lösenord")
    admin = get_user_model().objects.create_superuser("admin", "admin@example.se", "x")
    admin_client = Client()
    admin_client.force_login(admin)
    lockout = AccessAttempt.objects.get(username="kansli")
    response = admin_client.post(reverse("admin:axes_accessattempt_delete", args=[lockout.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert attempt(client, LOGINS[0], "kansli", PASSWORD).status_code == 302
    entry = LogEntry.objects.get(action="admin.deleted")
    assert entry.user == admin
    assert entry.data["username"] == "kansli" and entry.data["ip_address"] == "198.51.100.7"
