"""Access helpers for justering: outsiders of the council get 404, members without the permission 403.

Sending, withdrawing, correcting and re-sealing need "meetings.write" (councils/permissions.py) and work while
the meeting is locked for justering; answering a version needs being one of its approvers."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from councils.access import check_council_access
from meetings.access import check_meeting_access, get_meeting_for

from .models import ProtocolVersion


def get_meeting_for_justering(user, pk):
    """A meeting whose protocol the user may send, withdraw or correct (also while it is locked)."""
    meeting = get_meeting_for(user, pk)
    check_council_access(user, meeting.council, perm="meetings.write")
    return meeting


def get_version_for(user, pk, *, write=False, answer=False):
    """A protocol version of a meeting the user may see; write needs meetings.write, answer an approver."""
    version = get_object_or_404(ProtocolVersion.objects.select_related("meeting__council"), pk=pk)
    check_meeting_access(user, version.meeting)
    if write:
        check_council_access(user, version.meeting.council, perm="meetings.write")
    if answer and version.approver_for(user) is None:
        raise PermissionDenied(_("Du är inte justerare för det här protokollet."))
    return version
