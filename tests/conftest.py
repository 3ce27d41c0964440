"""Shared fixtures: one council with a coordinator, a secretary, a chair, an adjuster and a member,
and an outsider who coordinates another council."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from councils.models import Council, Forum, Membership, Organisation, Person

PASSWORD = "test-lösenord-123"


def pytest_configure(config):
    """Tests run with DEBUG off but without collectstatic, so no static-file manifest."""
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Every fixture person gets a login; the production hasher's deliberate slowness would dominate the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
START = datetime.date(2024, 1, 1)


@pytest.fixture
def make_person(db):
    """Create a person (with a login when username is given) in an organisation."""
    counter = iter(range(1, 10_000))

    def make(username=None, *, organisation=None, first_name="Test", last_name=None, title="Handläggare", email=None):
        n = next(counter)
        organisation = organisation or Organisation.objects.get_or_create(
            name="Teststadens stadsdelsförvaltning", defaults={"kind": Organisation.Kind.MUNICIPALITY}
        )[0]
        user = get_user_model().objects.create_user(username, password=PASSWORD) if username else None
        return Person.objects.create(
            first_name=first_name,
            last_name=last_name or f"Person{n}",
            title=title,
            organisation=organisation,
            email=email or f"person{n}@example.se",
            user=user,
        )

    return make


@pytest.fixture
def police(db):
    return Organisation.objects.create(name="Polisen, lokalpolisområde Teststad", kind=Organisation.Kind.POLICE)


@pytest.fixture
def council(db):
    organisation = Organisation.objects.get_or_create(
        name="Teststadens stadsdelsförvaltning", defaults={"kind": Organisation.Kind.MUNICIPALITY}
    )[0]
    return Council.objects.create(name="Teststadens lokala brå", organisation=organisation, valid_from=START)


@pytest.fixture
def other_council(db):
    organisation = Organisation.objects.create(name="Grannstadens stadsdelsförvaltning", kind="kommun")
    return Council.objects.create(name="Grannstadens lokala brå", organisation=organisation, valid_from=START)


@pytest.fixture
def forum(council):
    return Forum.objects.create(council=council, name="Tryggare centrum", kind=Forum.Kind.WORKING_GROUP)


def _member(make_person, council, username, role, **kwargs):
    person = make_person(username, **kwargs)
    Membership.objects.create(person=person, council=council, role=role, valid_from=START)
    return person


@pytest.fixture
def coordinator(make_person, council):
    return _member(make_person, council, "samordnare", Membership.Role.COORDINATOR, first_name="Karin")


@pytest.fixture
def secretary(make_person, council):
    return _member(make_person, council, "sekreterare", Membership.Role.SECRETARY, first_name="Tove")


@pytest.fixture
def chair(make_person, council):
    return _member(make_person, council, "ordforande", Membership.Role.CHAIR, first_name="Erik")


@pytest.fixture
def adjuster(make_person, council):
    return _member(make_person, council, "justerare", Membership.Role.MEMBER, first_name="Leila")


@pytest.fixture
def member(make_person, council, police):
    return _member(make_person, council, "ledamot", Membership.Role.MEMBER, first_name="Sara", organisation=police,
                   title="Kommunpolis")


@pytest.fixture
def outsider(make_person, other_council):
    return _member(make_person, other_council, "annan", Membership.Role.COORDINATOR, first_name="Nora")


def logged_in(person):
    """A test client logged in as the person's user."""
    from django.test import Client

    client = Client()
    client.force_login(person.user)
    return client


@pytest.fixture
def coordinator_client(coordinator):
    return logged_in(coordinator)


@pytest.fixture
def secretary_client(secretary):
    return logged_in(secretary)


@pytest.fixture
def chair_client(chair):
    return logged_in(chair)


@pytest.fixture
def adjuster_client(adjuster):
    return logged_in(adjuster)


@pytest.fixture
def member_client(member):
    return logged_in(member)


@pytest.fixture
def outsider_client(outsider):
    return logged_in(outsider)
