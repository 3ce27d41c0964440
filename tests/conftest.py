"""Shared fixtures: one council with a coordinator, a secretary, a chair, an adjuster and a member,
and an outsider who coordinates another council."""

import datetime
import io
import os
import shutil

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import connection, transaction

from councils.models import Council, Forum, Membership, Organisation, Person

# Chromium, the per-module browser and the login for browser tests (tests/browser.py).
pytest_plugins = ["tests.browser"]

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


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (local memory outlives a test's transaction)."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(autouse=True)
def swedish_interface():
    """Each test starts in Swedish: a request with the English cookie leaves English active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


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


def run_on_commit_at_once(patch):
    """What the protocol services queue after commit (sealing, e-mail) runs at once: a test transaction never
    commits."""
    import types

    from django.db import transaction

    from protocols import services

    patch.setattr(services, "transaction", types.SimpleNamespace(
        atomic=transaction.atomic, on_commit=lambda fn, using=None, robust=False: fn()))


@pytest.fixture(scope="session")
def on_commit_at_once():
    """run_on_commit_at_once for the conftest files below this one."""
    return run_on_commit_at_once


@pytest.fixture(scope="session")
def signing_dir(tmp_path_factory):
    """One test CA for the whole run (creating RSA keys is the slow part)."""
    from protocols import signing

    path = tmp_path_factory.mktemp("signing")
    old = os.environ.get("LOBRA_SIGNING_DIR")
    os.environ["LOBRA_SIGNING_DIR"] = str(path)
    for name in ("LOBRA_SIGNING_P12", "LOBRA_SIGNING_PASSPHRASE", "LOBRA_TSA_URL", "LOBRA_SIGNING_ROOT"):
        os.environ.pop(name, None)
    signing.clear_identity_cache()
    yield path
    signing.clear_identity_cache()
    if old is None:
        os.environ.pop("LOBRA_SIGNING_DIR", None)
    else:
        os.environ["LOBRA_SIGNING_DIR"] = old


class RowSnapshot:
    """Rows and media files made once in a transaction that is rolled back, then loaded into each test that asks.

    Tests that do not ask never see the rows, whatever order the tests run in; each test that asks gets its own
    copy inside its own transaction, so it may change them freely.
    """

    def __init__(self, rows, media):
        self.rows, self.media = rows, media

    @classmethod
    def make(cls, create, media):
        """Run create() once; return the snapshot of what it wrote and what it returned."""
        tables = [model for model in apps.get_models(include_auto_created=True)
                  if model._meta.managed and not model._meta.proxy]
        before = {model: set(model._base_manager.values_list("pk", flat=True)) for model in tables}
        with transaction.atomic():
            _start_sqlite_keys_high(tables)
            result = create()
            rows = []
            for model in tables:
                # Many-to-many rows are rows of their own (the through tables are in the list).
                fields = [field.name for field in model._meta.concrete_fields]
                rows += serializers.serialize("python", model._base_manager.exclude(pk__in=before[model]),
                                              fields=fields)
            transaction.set_rollback(True)
        return cls(_content_types_by_name(rows), media), result

    def load_into(self, media_root):
        by_model = {}
        for row in serializers.deserialize("python", _content_types_by_key(self.rows)):
            by_model.setdefault(type(row.object), []).append(row.object)
        # One transaction: foreign keys are checked at its end, whatever order the rows come in.
        with transaction.atomic():
            for model, objects in by_model.items():
                model._base_manager.bulk_create(objects)
        shutil.copytree(self.media, media_root, dirs_exist_ok=True)


def _content_type_fields(model_label):
    model = apps.get_model(model_label)
    return [field.name for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is ContentType]


def _content_types_by_name(rows):
    """Content-type keys as (app label, model): a transactional test's flush makes the content types anew, with
    other keys, so a snapshot's history entries must find theirs by name when they are loaded."""
    for row in rows:
        for name in _content_type_fields(row["model"]):
            if row["fields"].get(name) is not None:
                row["fields"][name] = ContentType.objects.get_for_id(row["fields"][name]).natural_key()
    return rows


def _content_types_by_key(rows):
    ContentType.objects.clear_cache()  # a flush may have made the content types anew
    converted = []
    for row in rows:
        fields = dict(row["fields"])
        for name in _content_type_fields(row["model"]):
            if fields.get(name) is not None:
                fields[name] = ContentType.objects.get_by_natural_key(*fields[name]).pk
        converted.append({**row, "fields": fields})
    return converted


def _start_sqlite_keys_high(tables):
    """SQLite hands out keys again after a rollback: the snapshot's rows take keys the tests never reach.
    (PostgreSQL sequences never go back, so there the keys are unique already.)"""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [model._meta.db_table])
            cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, 1000000)", [model._meta.db_table])


@pytest.fixture(scope="session")
def row_snapshot():
    """RowSnapshot for the conftest files below this one."""
    return RowSnapshot


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, signing_dir, tmp_path_factory):
    """The demo (load_demo, with its sealed protocols) made once per test run: it takes seconds."""
    from django.core.management import call_command
    from django.test import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), pytest.MonkeyPatch.context() as patch:
        run_on_commit_at_once(patch)
        snapshot, _ = RowSnapshot.make(lambda: call_command("load_demo", stdout=io.StringIO()), media)
    return snapshot


@pytest.fixture
def demo(demo_snapshot, db, settings, tmp_path):
    """The demo data as load_demo leaves it, loaded into this test's transaction."""
    settings.MEDIA_ROOT = tmp_path / "media"
    demo_snapshot.load_into(settings.MEDIA_ROOT)
