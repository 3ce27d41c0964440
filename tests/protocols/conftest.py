"""Fixtures for justering and the protocol PDF: a held meeting with a confidential item, the test CA, and a final
sealed protocol built once per test run."""

import datetime
import os

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from councils.models import Council, Membership, Organisation, Person
from meetings.models import AgendaItem, Attendance, Decision, Meeting
from protocols import signing
from protocols.models import Approval, ProtocolVersion

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SECRET_WORDS = "Hemlighållen uppgift om Klöverskolans elevärende"
START = datetime.date(2024, 1, 1)


@pytest.fixture
def identity(signing_dir):
    return signing.get_signing_identity()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def build_held_meeting(council, *, coordinator, chair, secretary, adjuster, member):
    """A held meeting: chair, one adjuster, attendance, an open item with a decision and a confidential item."""
    starts = timezone.make_aware(datetime.datetime(2026, 11, 13, 9, 0))
    meeting = Meeting.objects.create(
        council=council, title="Lokala brå", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
        place="Telefonvägen 30, plan 9", chair=chair, secretary=secretary, status=Meeting.Status.HELD,
    )
    meeting.adjusters.set([adjuster])
    for n, person in enumerate([chair, coordinator, secretary, adjuster]):
        Attendance.objects.create(meeting=meeting, person=person, position=n, status=Attendance.Status.PRESENT)
    Attendance.objects.create(meeting=meeting, person=member, position=9, status=Attendance.Status.APOLOGIES)
    AgendaItem.objects.create(meeting=meeting, position=0, number=1, title="Mötets öppnande",
                              minutes="<p>Ordföranden öppnade mötet och hälsade alla välkomna.</p>")
    info = AgendaItem.objects.create(meeting=meeting, position=1, number=2, title="Lägesbild från polisen",
                                     minutes="<p>Färre skadegörelser vid Örnbergs centrum under hösten.</p>")
    Decision.objects.create(agenda_item=info, text="Lägesbilden läggs till handlingarna.")
    AgendaItem.objects.create(meeting=meeting, position=2, number=3, title="Ärende om enskild elev",
                              minutes=f"<p>{SECRET_WORDS}.</p>", confidential=True,
                              confidentiality_ground="OSL 23 kap. 2 §")
    return meeting


@pytest.fixture
def held_meeting(council, coordinator, chair, secretary, adjuster, member, signing_dir):
    return build_held_meeting(council, coordinator=coordinator, chair=chair, secretary=secretary,
                              adjuster=adjuster, member=member)


@pytest.fixture(scope="session")
def sealed_protocol(django_db_setup, django_db_blocker, signing_dir, row_snapshot, on_commit_at_once,
                    tmp_path_factory):
    """A final, sealed protocol built once per test run (rendering and sealing its PDFs takes seconds)."""
    media = tmp_path_factory.mktemp("sealed-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), pytest.MonkeyPatch.context() as patch:
        on_commit_at_once(patch)
        return SealedProtocol.build(row_snapshot, media)


@pytest.fixture
def sealed(sealed_protocol, db, media_root):
    """The sealed protocol's rows and files, loaded into this test's transaction (rolled back after it)."""
    sealed_protocol.load_into(media_root)
    return sealed_protocol


@pytest.fixture
def final(sealed):
    """The final, sealed version of the sealed protocol's meeting."""
    return sealed.version()


class SealedProtocol:
    """A final, sealed protocol of its own council, built once and then loaded as rows and files into a test.

    It is built in a transaction that is rolled back, so tests that do not ask for it never see it; its people
    have their own names, so they live beside the shared fixtures' council and people.
    """

    ROLES = {
        "coordinator": (Membership.Role.COORDINATOR, "Karin"),
        "secretary": (Membership.Role.SECRETARY, "Tove"),
        "chair": (Membership.Role.CHAIR, "Erik"),
        "adjuster": (Membership.Role.MEMBER, "Leila"),
        "member": (Membership.Role.MEMBER, "Sara"),
    }

    def __init__(self, *, snapshot, version_id, people):
        self.snapshot, self.version_id, self.people = snapshot, version_id, people

    @classmethod
    def build(cls, row_snapshot, media):
        snapshot, (version_id, people) = row_snapshot.make(cls._create, media)
        return cls(snapshot=snapshot, version_id=version_id, people=people)

    @classmethod
    def _create(cls):
        from protocols import services as justering

        municipality = Organisation.objects.create(name="Sigillstadens stadsdelsförvaltning",
                                                   kind=Organisation.Kind.MUNICIPALITY)
        police = Organisation.objects.create(name="Polisen, lokalpolisområde Sigillstad",
                                             kind=Organisation.Kind.POLICE)
        council = Council.objects.create(name="Sigillstadens lokala brå", organisation=municipality, valid_from=START)
        people = {}
        for n, (role, (membership_role, first_name)) in enumerate(cls.ROLES.items(), start=1):
            user = get_user_model().objects.create_user(f"sigill-{role}", password="sigill-lösenord-123")
            in_police = role == "member"
            people[role] = Person.objects.create(
                first_name=first_name, last_name=f"Sigill{n}", title="Kommunpolis" if in_police else "Handläggare",
                organisation=police if in_police else municipality, email=f"sigill{n}@example.se", user=user)
            Membership.objects.create(person=people[role], council=council, role=membership_role, valid_from=START)
        meeting = build_held_meeting(council, **people)
        version = justering.protocol_send(meeting=meeting, user=people["secretary"].user)
        for role in ("chair", "adjuster"):
            justering.version_answer(version=version, user=people[role].user, decision=Approval.Decision.APPROVED)
        version.refresh_from_db()
        assert version.is_sealed, "the sealed protocol fixture did not seal"
        return version.pk, {role: person.pk for role, person in people.items()}

    def load_into(self, media_root):
        self.snapshot.load_into(media_root)

    def version(self):
        return ProtocolVersion.objects.select_related("meeting").get(pk=self.version_id)

    def person(self, role):
        return Person.objects.select_related("user").get(pk=self.people[role])

    def client(self, role):
        from django.test import Client

        client = Client()
        client.force_login(self.person(role).user)
        return client


@pytest.fixture(autouse=True)
def tasks_run_at_once(request, monkeypatch, on_commit_at_once):
    """Tests run in a transaction that never commits, so what the services queue after commit (sealing,
    e-mail) runs at once here; the transactional race tests keep the real on-commit behaviour."""
    if "transactional_db" in request.fixturenames or request.node.get_closest_marker("real_commits"):
        return
    on_commit_at_once(monkeypatch)
