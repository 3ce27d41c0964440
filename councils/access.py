"""Access helpers: the one place that decides who may see and change councils and people.

A user outside the council gets 404 (the council's existence is not revealed); a member without the
permission (councils/permissions.py) gets 403; `login_required` on every view sends anonymous users to log in.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Council, Forum, Membership, Organisation, Person
from .permissions import roles_with


def check_council_access(user, council, *, perm=None):
    """Raise Http404 for an outsider and PermissionDenied for a member without the permission."""
    if not council.is_member(user):
        raise Http404
    if perm is not None and not council.has_perm(user, perm):
        raise PermissionDenied
    return council


def get_council_for(user, pk, *, perm=None):
    """The council with this pk if the user is a current member; with perm, one who holds that permission."""
    council = get_object_or_404(Council.objects.select_related("organisation", "successor"), pk=pk)
    return check_council_access(user, council, perm=perm)


def get_person_for(user, pk, *, write=False):
    """A person who is or was in one of the user's councils; write needs council.manage in one of them."""
    person = get_object_or_404(Person.objects.select_related("organisation", "user"), pk=pk)
    councils = Council.objects.for_user(user).filter(memberships__person=person).distinct()
    if not councils.exists():
        raise Http404
    if write and not any(council.has_perm(user, "council.manage") for council in councils):
        raise PermissionDenied
    return person


def get_membership_for(user, pk, *, write=False):
    """A membership in one of the user's councils; write needs council.manage there."""
    membership = get_object_or_404(
        Membership.objects.select_related("person__organisation", "council", "forum"), pk=pk
    )
    check_council_access(user, membership.council, perm="council.manage" if write else None)
    return membership


def get_forum_for(user, council_pk, pk, *, write=False):
    """A forum of the council (addressed under it) if the user is a member; write needs council.manage."""
    forum = get_object_or_404(Forum.objects.select_related("council"), pk=pk, council_id=council_pk)
    check_council_access(user, forum.council, perm="council.manage" if write else None)
    return forum


def check_organisations_access(user):
    """Organisations are shared by every council: anyone holding organisations.manage in a council may
    maintain them, everyone else gets 403 (there is no council to hide)."""
    if user.is_superuser:
        return
    if not Membership.objects.current().filter(
        person__user=user, forum__isnull=True, role__in=roles_with("organisations.manage")
    ).exists():
        raise PermissionDenied


def get_organisation_for(user, pk):
    """An organisation, for a user who may maintain organisations."""
    check_organisations_access(user)
    return get_object_or_404(Organisation, pk=pk)
