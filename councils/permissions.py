"""Who may do what in a council: the one table from a council role to its permissions.

A permission is held through a current membership of the council itself (not of one of its forums);
site admins (superusers) hold every permission. Reading is not in the table: every current member of
the council or of one of its forums may read it (`Council.is_member`).
"""

from .models import Membership

Role = Membership.Role

PERMISSIONS = {
    # Members, roles, forums and the people in them.
    "council.manage": frozenset({Role.COORDINATOR}),
    # Organisations are shared by all councils: a coordinator of any council maintains them.
    "organisations.manage": frozenset({Role.COORDINATOR}),
    # Meetings, agendas, attendance, minutes, decisions, attachments, kallelser and justering.
    "meetings.write": frozenset({Role.COORDINATOR, Role.SECRETARY}),
    # Agreements, priority areas, measures, places, CSV import; a meeting's task made an activity.
    "measures.write": frozenset({Role.COORDINATOR}),
    # Follow-ups on every measure; members who answer for a measure may follow up that one (measures.access).
    "measures.follow_up": frozenset({Role.COORDINATOR}),
    # Lägesbilder, their sources, problems, indicators, cause trees and medborgarlöften.
    "assessments.write": frozenset({Role.COORDINATOR}),
}


def check_name(name):
    """Fail loudly on a misspelt permission instead of quietly refusing everyone."""
    if name not in PERMISSIONS:
        raise ValueError(f"Unknown permission {name!r}; see councils/permissions.py.")


def permissions_for(roles):
    """The permissions that a set of roles grants."""
    return frozenset(name for name, allowed in PERMISSIONS.items() if roles & allowed)


def roles_with(name):
    """The roles that grant a permission (for queries across councils)."""
    check_name(name)
    return PERMISSIONS[name]
