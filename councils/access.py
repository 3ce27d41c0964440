"""Access helpers: the one place that decides who may see and change councils and people.

A user outside the council gets 404 (the council's existence is not revealed);
a member without the needed role gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Council, Membership, Organisation, Person


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


def councils_using(organisation):
    """Pks of the councils whose work names the organisation: run by it, with people from it, or in their plans."""
    return set(Council.objects.filter(
        Q(organisation=organisation)
        | Q(pk__in=Membership.objects.filter(person__organisation=organisation).values("council_id"))
        | Q(pk__in=Council.objects.filter(agreements__parties=organisation).values("pk"))
        | Q(pk__in=Council.objects.filter(measures__responsible_organisations=organisation).values("pk"))
    ).values_list("pk", flat=True))


def coordinated_councils(user):
    """Pks of the councils the user coordinates today."""
    return set(Membership.objects.current().filter(
        person__user=user, forum__isnull=True, role__in=Membership.MANAGER_ROLES
    ).values_list("council_id", flat=True))


def may_change_organisation(user, using):
    """An organisation is shared: only a site admin, or a coordinator of every council using it, may change it."""
    if user.is_superuser:
        return True
    coordinated = coordinated_councils(user)
    return bool(coordinated) and using <= coordinated


def may_see_organisation(user, using):
    """A member of a council using it sees it; an unused organisation is there for every coordinator to use."""
    if user.is_superuser:
        return True
    if not using:
        return bool(coordinated_councils(user))
    return Council.objects.for_user(user).filter(pk__in=using).exists()


def require_organisation_change(user, organisation):
    """PermissionDenied, with the reason, unless the user may change this organisation now."""
    if not may_change_organisation(user, councils_using(organisation)):
        raise PermissionDenied(
            _("%(name)s används av råd som du inte samordnar och kan bara ändras av en administratör.")
            % {"name": organisation}
        )


def get_organisation_for(user, pk, *, write=False):
    """An organisation the user may see (outsider 404); write needs a site admin or a coordinator of every
    council that uses it (403 otherwise)."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if not may_see_organisation(user, councils_using(organisation)):
        raise Http404
    if write:
        require_organisation_change(user, organisation)
    return organisation


def require_any_coordinator(user):
    """Creating an organisation is open to every coordinator: it is used by nobody yet."""
    if not (user.is_superuser or coordinated_councils(user)):
        raise PermissionDenied
