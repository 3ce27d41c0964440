"""The meeting row lock: every write to a meeting's content takes it and checks editability under it."""

import contextlib

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

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
    Taking the lock also stamps the meeting's `updated_at`, which the meeting page's cache key holds: not every
    write under the lock is logged (an autosave within a few minutes of the same person's last one is not), so
    the council's revision (councils/revision.py) does not always move, and only the meeting page shows what
    such a write changed. The council's other cached pages stay cached while the minutes are being written.
    """
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting_id)
        ensure_editable(meeting)
        meeting.updated_at = timezone.now()
        Meeting.objects.filter(pk=meeting.pk).update(updated_at=meeting.updated_at)
        yield meeting
