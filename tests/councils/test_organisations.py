"""Shared organisations: changed only by a site admin or a coordinator of every council using them; outsiders 404."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from councils.models import LogEntry, Membership, Organisation


@pytest.fixture
def shared(make_person, council, other_council):
    """An organisation with people in both councils."""
    organisation = Organisation.objects.create(name="Räddningstjänsten Storstad", kind=Organisation.Kind.FIRE)
    for body in (council, other_council):
        Membership.objects.create(person=make_person(organisation=organisation), council=body, role="ledamot")
    return organisation


@pytest.fixture
def own(make_person, council):
    """An organisation only the test council uses."""
    organisation = Organisation.objects.create(name="Teststadens fastighetsbolag", kind=Organisation.Kind.PROPERTY)
    Membership.objects.create(person=make_person(organisation=organisation), council=council, role="ledamot")
    return organisation


@pytest.fixture
def foreign(make_person, other_council):
    """An organisation only the other council uses."""
    organisation = Organisation.objects.create(name="Grannstadens skola", kind=Organisation.Kind.SCHOOL)
    Membership.objects.create(person=make_person(organisation=organisation), council=other_council, role="ledamot")
    return organisation


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.se", "x"))
    return client


def rename(client, organisation, name):
    return client.post(reverse("councils:organisation_edit", args=[organisation.pk]),
                       {"name": name, "short_name": "", "kind": organisation.kind})


def test_coordinator_cannot_rename_an_organisation_another_council_uses(coordinator_client, shared):
    response = rename(coordinator_client, shared, "Kapad")
    assert response.status_code == 403
    assert "kan bara ändras av en administratör" in response.content.decode()
    shared.refresh_from_db()
    assert shared.name == "Räddningstjänsten Storstad"
    assert not LogEntry.objects.exists()


def test_coordinator_cannot_delete_an_organisation_another_council_uses(coordinator_client, shared):
    assert coordinator_client.post(reverse("councils:organisation_delete", args=[shared.pk])).status_code == 403
    assert Organisation.objects.filter(pk=shared.pk).exists()


def test_coordinator_of_every_council_using_it_may_rename_it(coordinator_client, coordinator, other_council, shared):
    Membership.objects.create(person=coordinator, council=other_council, role=Membership.Role.COORDINATOR)
    assert rename(coordinator_client, shared, "Räddningstjänsten Storstad AB").status_code == 302
    shared.refresh_from_db()
    assert shared.name == "Räddningstjänsten Storstad AB"


def test_site_admin_may_rename_a_shared_organisation_and_it_is_logged(admin_client, shared):
    assert rename(admin_client, shared, "Räddningstjänsten Storstad AB").status_code == 302
    entry = LogEntry.objects.get()
    assert (entry.action, entry.council, entry.object_id) == ("councils.organisation.changed", None, shared.pk)
    assert entry.data == {"changed": {"name": ["Räddningstjänsten Storstad", "Räddningstjänsten Storstad AB"]}}


def test_coordinator_renames_her_own_organisation_and_the_history_shows_it(coordinator_client, own):
    assert rename(coordinator_client, own, "Teststadens bostäder").status_code == 302
    page = coordinator_client.get(reverse("councils:organisation_detail", args=[own.pk])).content.decode()
    assert "Historik" in page and "Organisation ändrad" in page
    assert "”Teststadens fastighetsbolag” → ”Teststadens bostäder”" in page


def test_outsider_gets_404_for_an_organisation_only_another_council_uses(coordinator_client, foreign):
    assert coordinator_client.get(reverse("councils:organisation_detail", args=[foreign.pk])).status_code == 404
    assert rename(coordinator_client, foreign, "Kapad").status_code == 404
    assert coordinator_client.post(reverse("councils:organisation_delete", args=[foreign.pk])).status_code == 404


def test_member_gets_403_and_anonymous_the_login(member_client, client, own):
    assert rename(member_client, own, "Kapad").status_code == 403
    assert client.get(reverse("councils:organisation_detail", args=[own.pk])).status_code == 302


def test_the_list_shows_which_organisations_the_coordinator_may_change(coordinator_client, shared, own, foreign):
    page = coordinator_client.get(reverse("councils:organisation_list")).content.decode()
    assert reverse("councils:organisation_edit", args=[own.pk]) in page
    assert reverse("councils:organisation_edit", args=[shared.pk]) not in page
    assert foreign.name not in page


def test_a_new_organisation_is_logged_and_can_be_removed_by_its_creator(coordinator_client):
    response = coordinator_client.post(reverse("councils:organisation_create"),
                                       {"name": "Nattvandrarna", "short_name": "", "kind": "civilsamhalle"})
    organisation = Organisation.objects.get(name="Nattvandrarna")
    assert response.status_code == 302
    coordinator_client.post(reverse("councils:organisation_delete", args=[organisation.pk]))
    assert not Organisation.objects.filter(name="Nattvandrarna").exists()
    assert [e.action for e in LogEntry.objects.order_by("pk")] == ["councils.organisation.created",
                                                                   "councils.organisation.deleted"]


def test_a_refused_delete_writes_no_history(coordinator_client, own):
    coordinator_client.post(reverse("councils:organisation_delete", args=[own.pk]))
    assert Organisation.objects.filter(pk=own.pk).exists()
    assert not LogEntry.objects.exists()
