"""Access helpers for meetings: outsiders of the council get 404, members without the role 403."""

from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404

from .locking import ensure_editable
from .models import AgendaItem, Attachment, Attendance, Decision, Meeting


def check_meeting_access(user, meeting, *, write=False):
    """Raise Http404 for an outsider and PermissionDenied for a reader asking to write."""
    council = meeting.council
    # roles_of is cached per request and the page needs it anyway; is_member also counts forum members.
    if not council.roles_of(user) and not council.is_member(user):
        raise Http404
    if write and not meeting.council.has_perm(user, "meetings.write"):
        raise PermissionDenied
    if write:
        # Early answer for the page; the service checks again under the row lock.
        ensure_editable(meeting)
    return meeting


def get_meeting_for(user, pk, *, write=False, queryset=None, prefetch=()):
    """The meeting with this pk if the user is a member of its council; write needs coordinator or secretary.
    The prefetch lookups run only after the access check, so an outsider's 404 stays cheap."""
    queryset = queryset if queryset is not None else Meeting.objects.select_related("council", "forum")
    meeting = check_meeting_access(user, get_object_or_404(queryset, pk=pk), write=write)
    if prefetch:
        prefetch_related_objects([meeting], *prefetch)
    return meeting


def get_item_for(user, pk, *, write=False):
    """An agenda item of a meeting the user may see (write: may edit)."""
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__council"), pk=pk)
    check_meeting_access(user, item.meeting, write=write)
    return item


def get_decision_for(user, pk, *, write=False):
    decision = get_object_or_404(Decision.objects.select_related("agenda_item__meeting__council"), pk=pk)
    check_meeting_access(user, decision.agenda_item.meeting, write=write)
    return decision


def get_attachment_for(user, pk, *, write=False):
    attachment = get_object_or_404(Attachment.objects.select_related("meeting__council"), pk=pk)
    check_meeting_access(user, attachment.meeting, write=write)
    return attachment


def get_attendance_for(user, pk, *, write=False):
    """A row of a meeting's attendance list, for a user who may see (write: edit) the meeting."""
    row = get_object_or_404(Attendance.objects.select_related("meeting__council", "person"), pk=pk)
    check_meeting_access(user, row.meeting, write=write)
    return row
