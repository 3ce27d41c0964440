"""Reads for council pages that gather more than one model."""

from collections import defaultdict
from dataclasses import dataclass

from .access import coordinated_councils
from .models import Council, Membership, Organisation


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
