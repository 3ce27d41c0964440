"""Access helpers: the one place that decides who may see and change councils and people.

A user outside the council gets 404 (the council's existence is not revealed);
a member without the needed role gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Council, Membership, Person


def get_council_for(user, pk, *, manage=False):
    """The council with this pk if the user is a current member; with manage=True, a coordinator."""
    council = get_object_or_404(Council.objects.select_related("organisation", "successor"), pk=pk)
    if not council.is_member(user):
        raise Http404
    if manage and not council.can_manage(user):
        raise PermissionDenied
    return council


def get_person_for(user, pk, *, write=False):
    """A person who is or was in one of the user's councils; write needs a coordinator of one."""
    person = get_object_or_404(Person.objects.select_related("organisation", "user"), pk=pk)
    councils = Council.objects.for_user(user).filter(memberships__person=person).distinct()
    if not councils.exists():
        raise Http404
    if write and not any(council.can_manage(user) for council in councils):
        raise PermissionDenied
    return person


def get_membership_for(user, pk, *, write=False):
    """A membership in one of the user's councils; write needs that council's coordinator."""
    membership = get_object_or_404(
        Membership.objects.select_related("person__organisation", "council", "forum"), pk=pk
    )
    get_council_for(user, membership.council_id, manage=write)
    return membership
