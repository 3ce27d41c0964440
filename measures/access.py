"""Access helpers for the action plan: outsiders get 404, members without the permission 403.

The permissions are councils/permissions.py's "measures.write" and "measures.follow_up"; following up
one measure is also open to the members who, or whose organisation, answer for it.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from councils.access import check_council_access
from meetings.access import get_decision_for, get_item_for
from meetings.models import Decision

from .models import Agreement, Measure, Place, PriorityArea


def _perm(write):
    return "measures.write" if write else None


def may_follow_up(user, measure):
    """Whether the user may add a follow-up to this measure."""
    if measure.council.has_perm(user, "measures.follow_up"):
        return True
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None or not measure.council.is_member(user):
        return False
    return (
        measure.responsible_people.filter(pk=person.pk).exists()
        or measure.responsible_organisations.filter(pk=person.organisation_id).exists()
    )


def get_measure_for(user, pk, *, write=False, follow_up=False, comment=False):
    """A measure of one of the user's councils.

    write needs measures.write; follow_up the right to follow up this measure (may_follow_up);
    comment a person behind the login, since a comment is signed with a name.
    """
    measure = get_object_or_404(
        Measure.objects.select_related("council", "priority_area__agreement", "place"), pk=pk
    )
    check_council_access(user, measure.council, perm=_perm(write))
    if follow_up and not may_follow_up(user, measure):
        raise PermissionDenied
    if comment and getattr(user, "person", None) is None:
        raise PermissionDenied
    return measure


def get_agreement_for(user, pk, *, write=False):
    """An agreement of one of the user's councils; write needs measures.write."""
    agreement = get_object_or_404(Agreement.objects.select_related("council"), pk=pk)
    check_council_access(user, agreement.council, perm=_perm(write))
    return agreement


def get_area_for(user, pk, *, write=False):
    """A priority area of one of the user's councils' agreements; write needs measures.write."""
    area = get_object_or_404(PriorityArea.objects.select_related("agreement__council"), pk=pk)
    check_council_access(user, area.agreement.council, perm=_perm(write))
    return area


def get_place_for(user, pk, *, write=False):
    """A place of one of the user's councils; write needs measures.write."""
    place = get_object_or_404(Place.objects.select_related("council"), pk=pk)
    check_council_access(user, place.council, perm=_perm(write))
    return place


def get_item_for_linking(user, pk):
    """An agenda item of a meeting of the user's council, to link measures to: needs measures.write."""
    item = get_item_for(user, pk)
    check_council_access(user, item.meeting.council, perm="measures.write")
    return item


def get_task_for(user, pk):
    """A task (uppdrag) decided at a meeting of the user's council, to be made an activity: needs measures.write;
    a decision that is not a task is not found."""
    decision = get_decision_for(user, pk)
    check_council_access(user, decision.agenda_item.meeting.council, perm="measures.write")
    if decision.kind != Decision.Kind.TASK:
        raise Http404
    return decision
