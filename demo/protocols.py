"""Demo justering: two demo protocols justerade and sealed, one of them under correction and out for justering."""

from django.contrib.auth import get_user_model

from councils.models import Council, Person
from demo.meetings import COUNCIL
from meetings.models import Meeting
from meetings.services import minutes_save
from protocols import services as justering
from protocols.models import Approval, ProtocolVersion

CORRECTION_REASON = "§ 5 kompletteras med datumen för frukostseminarierna, som saknades i den justerade versionen."
CORRECTION_TEXT = "<p>Frukostseminarierna hålls den 15 mars och den 12 april klockan 8–9.</p>"


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _approve_all(version):
    for person in Person.objects.filter(pk__in=[a["person_id"] for a in version.approvers]).select_related("user"):
        justering.version_answer(version=version, user=person.user, person=person,
                                 decision=Approval.Decision.APPROVED)


def load(stdout=None):
    """Justera the demo protocols once; running it again changes nothing."""
    council = Council.objects.get(name=COUNCIL)
    secretary = _user("samordnare")
    meetings = Meeting.objects.filter(council=council, forum__isnull=True, kind=Meeting.Kind.PROTOCOL,
                                      status=Meeting.Status.HELD).order_by("starts_at")
    done = 0
    for meeting in meetings:
        if ProtocolVersion.objects.filter(meeting=meeting).exists() or not justering.approvers_of(meeting):
            continue
        version = justering.protocol_send(meeting=meeting, user=secretary)
        _approve_all(version)
        done += 1
        if meeting.items.filter(confidential=True).exists():
            continue
        # One protocol shows a rättelse: the signed version stays, the correction waits for the adjusters.
        justering.protocol_correction_start(meeting=meeting, user=secretary, reason=CORRECTION_REASON)
        item = meeting.items.filter(number=5).first()
        if item is not None:
            minutes_save(item=item, user=secretary, minutes=item.minutes + CORRECTION_TEXT, base_version=item.version)
        justering.protocol_send(meeting=meeting, user=secretary)
    if stdout:
        final = ProtocolVersion.objects.final().filter(meeting__council=council).count()
        stdout.write(f"Justering: {done} protokoll justerade nu, {final} signerade versioner totalt.")
