"""Access helpers: the one place that decides who may see and change councils and people.

A user outside the council gets 404 (the council's existence is not revealed); a member without the
permission (councils/permissions.py) gets 403; `login_required` on every view sends anonymous users to log in.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

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


def councils_using(organisation):
    """Pks of the councils whose work names the organisation: run by it, with people from it, or in their plans."""
    return set(Council.objects.filter(
        Q(organisation=organisation)
        | Q(pk__in=Membership.objects.filter(person__organisation=organisation).values("council_id"))
        | Q(pk__in=Council.objects.filter(agreements__parties=organisation).values("pk"))
        | Q(pk__in=Council.objects.filter(measures__responsible_organisations=organisation).values("pk"))
    ).values_list("pk", flat=True))


def coordinated_councils(user):
    """Pks of the councils in which the user holds organisations.manage today (councils/permissions.py)."""
    return set(Membership.objects.current().filter(
        person__user=user, forum__isnull=True, role__in=roles_with("organisations.manage")
    ).values_list("council_id", flat=True))


def may_change_organisation(user, using):
    """An organisation is shared: only a site admin, or one holding organisations.manage in every council
    using it, may change it."""
    if user.is_superuser:
        return True
    coordinated = coordinated_councils(user)
    return bool(coordinated) and using <= coordinated


def may_see_organisation(user, using):
    """A member of one of the councils using it sees it (an unused one: see get_organisation_for)."""
    if user.is_superuser:
        return True
    return Council.objects.for_user(user).filter(pk__in=using).exists()


def require_organisation_change(user, organisation):
    """PermissionDenied, with the reason, unless the user may change this organisation now."""
    if not may_change_organisation(user, councils_using(organisation)):
        raise PermissionDenied(
            _("%(name)s används av råd som du inte samordnar och kan bara ändras av en administratör.")
            % {"name": organisation}
        )


def get_organisation_for(user, pk, *, write=False):
    """An organisation the user may see (outsider of every council using it 404; an unused one 403 without
    organisations.manage); write needs a site admin or organisations.manage in every council using it (403)."""
    organisation = get_object_or_404(Organisation, pk=pk)
    using = councils_using(organisation)
    if not using:
        # Used by no council, there is no council to hide: it is there for those holding organisations.manage.
        require_any_coordinator(user)
    elif not may_see_organisation(user, using):
        raise Http404
    if write:
        require_organisation_change(user, organisation)
    return organisation


def require_any_coordinator(user):
    """Listing and creating organisations is open to anyone holding organisations.manage in some council."""
    if not (user.is_superuser or coordinated_councils(user)):
        raise PermissionDenied
