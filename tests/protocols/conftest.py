"""Fixtures for justering and the protocol PDF: a held meeting with a confidential item, and a test CA."""

import datetime
import os

import pytest
from django.utils import timezone

from meetings.models import AgendaItem, Attendance, Decision, Meeting
from protocols import signing

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SECRET_WORDS = "Hemlighållen uppgift om Klöverskolans elevärende"


@pytest.fixture(scope="session")
def signing_dir(tmp_path_factory):
    """One test CA for the whole run (creating RSA keys is the slow part)."""
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


@pytest.fixture
def identity(signing_dir):
    return signing.get_signing_identity()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def held_meeting(council, coordinator, chair, secretary, adjuster, member, signing_dir):
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


@pytest.fixture(autouse=True)
def tasks_run_at_once(request, monkeypatch):
    """Tests run in a transaction that never commits, so what the services queue after commit (sealing,
    e-mail) runs at once here; the transactional race tests keep the real on-commit behaviour."""
    if "transactional_db" in request.fixturenames or request.node.get_closest_marker("real_commits"):
        return
    import types

    from django.db import transaction

    from protocols import services

    monkeypatch.setattr(services, "transaction", types.SimpleNamespace(
        atomic=transaction.atomic, on_commit=lambda fn, using=None, robust=False: fn()))
