"""Reminder settings (logged in, or from an e-mail's link) and the top menu with its council switcher."""

import pytest
from django.core import mail
from django.urls import reverse

from councils.models import Membership
from todo.access import settings_token
from todo.models import ReminderKind, ReminderOptOut
from todo.reminders import reminders_send

from .conftest import days

pytestmark = pytest.mark.django_db
URL = reverse("todo:reminder_settings")


def test_settings_show_every_kind_checked_by_default(member_client):
    body = member_client.get(URL).content.decode()
    for kind in ReminderKind:
        assert f'value="{kind.value}"' in body
    assert body.count("checked") == len(ReminderKind)


def test_turning_a_kind_off_stops_its_email(member_client, member, make_measure):
    keep = [k for k in ReminderKind.values if k != ReminderKind.FOLLOW_UP_DUE]
    response = member_client.post(URL, {"kinds": keep})
    assert response.status_code == 302
    assert list(ReminderOptOut.objects.values_list("person", "kind")) == [(member.pk, ReminderKind.FOLLOW_UP_DUE)]
    make_measure("Trygghetsvandring", due=days(2), people=[member])
    reminders_send()
    assert not mail.outbox


def test_an_unknown_kind_is_refused_and_changes_nothing(member_client):
    response = member_client.post(URL, {"kinds": ["spam"]})
    assert response.status_code == 200 and "giltigt alternativ" in response.content.decode()
    assert not ReminderOptOut.objects.exists()


def test_the_link_in_an_email_opens_the_settings_without_login(client, member):
    url = reverse("todo:reminder_settings_token", args=[settings_token(member)])
    assert member.email in client.get(url).content.decode()
    client.post(url, {"kinds": []})
    assert ReminderOptOut.objects.filter(person=member).count() == len(ReminderKind)


def test_a_forged_token_is_404(client, member):
    token = settings_token(member)[:-2] + "xx"
    assert client.get(reverse("todo:reminder_settings_token", args=[token])).status_code == 404


def test_anonymous_without_token_is_sent_to_login(client):
    assert reverse("login") in client.get(URL)["Location"]


def test_the_menu_reaches_meetings_plan_and_my_measures_of_the_council(member_client, council):
    body = member_client.get(reverse("todo:start")).content.decode()
    for name in ("meetings:meeting_list", "measures:council_measures", "measures:my_measures"):
        assert reverse(name, args=[council.pk]) in body


def test_the_menu_follows_the_council_of_the_page(member_client, member, council, other_council):
    Membership.objects.create(person=member, council=other_council, role=Membership.Role.MEMBER)
    body = member_client.get(reverse("meetings:meeting_list", args=[other_council.pk])).content.decode()
    assert reverse("measures:council_measures", args=[other_council.pk]) in body
    assert reverse("todo:council_switch", args=[council.pk]) in body  # the switcher offers the other one


def test_switching_council_changes_the_menu_on_pages_without_a_council(member_client, member, other_council):
    Membership.objects.create(person=member, council=other_council, role=Membership.Role.MEMBER)
    response = member_client.get(reverse("todo:council_switch", args=[other_council.pk]))
    assert response["Location"] == other_council.get_absolute_url()
    body = member_client.get(reverse("todo:start")).content.decode()
    assert reverse("measures:my_measures", args=[other_council.pk]) in body


def test_an_outsider_cannot_switch_to_a_council(outsider_client, council):
    assert outsider_client.get(reverse("todo:council_switch", args=[council.pk])).status_code == 404


def test_a_single_council_has_no_switcher(member_client):
    assert "council-switcher" not in member_client.get(reverse("todo:start")).content.decode()


def test_pages_below_the_council_have_breadcrumbs(member_client, council):
    body = member_client.get(reverse("meetings:meeting_list", args=[council.pk])).content.decode()
    assert 'class="breadcrumb' in body and council.get_absolute_url() in body
