"""Fixtures for justering and the protocol PDF: a held meeting with a confidential item, and a test CA."""

import datetime
import os

import pytest
from django.utils import timezone

from meetings import signing
from meetings.models import AgendaItem, Attendance, Decision, Meeting

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
