"""The meeting row lock: every write to a meeting's content takes it and checks editability under it."""

import contextlib

from django.core.exceptions import PermissionDenied
from django.db import transaction

from councils.revision import renew

from .models import Meeting


class MeetingLocked(PermissionDenied):
    """A change to a meeting whose protocol is out for justering or final; views answer 403 (autosave 423)."""


def ensure_editable(meeting):
    """Raise MeetingLocked with the Swedish reason when the meeting's protocol is out or final."""
    if not meeting.is_editable:
        raise MeetingLocked(meeting.lock_reason)


@contextlib.contextmanager
def meeting_locked(meeting_id):
    """A transaction holding the meeting's row lock; yields the fresh row once it is known to be editable.

    The protocol services take the same lock before they freeze or finalise, so a write that got the lock
    first is in the frozen version, and a write that came second sees the new state and is refused.
    Taking the lock also renews the council's revision (councils/revision.py): not every write under it is
    logged (an autosave within a few minutes of the same person's last one is not), and cached pages must
    still show it.
    """
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting_id)
        ensure_editable(meeting)
        renew(meeting.council_id)
        yield meeting
