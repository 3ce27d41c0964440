"""Reads about the user's councils that several pages need (the menu, the start page), and the organisations."""

from collections import defaultdict
from dataclasses import dataclass

from .access import coordinated_councils
from .models import Council, Membership, Organisation
from .permissions import roles_with


@dataclass(frozen=True)
class MyCouncil:
    """A council the user is a current member of, with the council-level roles the user holds there."""

    council: Council
    roles: frozenset

    @property
    def role_labels(self):
        names = dict(Membership.Role.choices)
        return [names[role] for role in sorted(self.roles)]

    def has_any(self, roles):
        return bool(self.roles & roles)


def councils_of(user):
    """The user's current councils (a forum membership counts) with their council-level roles, in name order.

    One query, kept on the user object for the request: `Council.roles_of` and `Council.is_member` read it,
    so the access check, the permission checks and the menu share it."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_lobra_councils", None)
    if cached is not None:
        return cached
    memberships = list(
        Membership.objects.current().filter(person__user=user)
        .select_related("council__organisation", "person").order_by("council__name", "council_id")
    )
    if memberships:
        user.person = memberships[0].person  # the one person behind the login; the menu shows the name
    roles, councils = {}, {}
    for membership in memberships:
        councils.setdefault(membership.council_id, membership.council)
        roles.setdefault(membership.council_id, set())
        if membership.forum_id is None:
            roles[membership.council_id].add(membership.role)
    user._lobra_roles = {pk: frozenset(council_roles) for pk, council_roles in roles.items()}
    result = user._lobra_councils = [MyCouncil(council=council, roles=user._lobra_roles[pk])
                                     for pk, council in councils.items()]
    return result


def coordinators_of_former_councils(user):
    """For a user without a current council: the councils the person was in before, each with its current
    coordinators, as (council, [person, …]) — whom to ask for a role again."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None:
        return []
    councils = list(
        Council.objects.filter(memberships__person=person).distinct().order_by("name")
    )
    coordinators = (
        Membership.objects.current()
        .filter(council__in=councils, forum__isnull=True, role__in=roles_with("council.manage"))
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )
    by_council = {council.pk: [] for council in councils}
    for membership in coordinators:
        by_council[membership.council_id].append(membership.person)
    return [(council, by_council[council.pk]) for council in councils]



@dataclass
class OrganisationRow:
    organisation: Organisation
    can_change: bool


def councils_using_each():
    """{organisation pk: pks of the councils that use it}, for every organisation, in four queries."""
    using = defaultdict(set)
    pairs = [
        Council.objects.values_list("organisation_id", "pk"),
        Membership.objects.values_list("person__organisation_id", "council_id").distinct(),
        Council.objects.filter(agreements__parties__isnull=False).values_list("agreements__parties", "pk").distinct(),
        Council.objects.filter(measures__responsible_organisations__isnull=False)
        .values_list("measures__responsible_organisations", "pk").distinct(),
    ]
    for query in pairs:
        for organisation_id, council_id in query:
            using[organisation_id].add(council_id)
    return using


def organisations_for(user):
    """The organisations a coordinator sees (used by her councils, or by none yet), each with whether she
    may change it; a site admin sees and may change them all."""
    using = councils_using_each()
    mine = set(Council.objects.for_user(user).values_list("pk", flat=True))
    coordinated = coordinated_councils(user)
    rows = []
    for organisation in Organisation.objects.all():
        councils = using.get(organisation.pk, set())
        if user.is_superuser:
            rows.append(OrganisationRow(organisation, True))
        elif (councils & mine) or (not councils and coordinated):
            rows.append(OrganisationRow(organisation, bool(coordinated) and councils <= coordinated))
    return rows
