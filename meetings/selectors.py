"""Reads of meetings for other pages."""

from .models import Meeting


def council_panel(council, user):
    """The council page's meetings panel: the next three and the last three meetings."""
    meetings = Meeting.objects.filter(council=council).select_related("forum")
    return {
        "council": council,
        "upcoming": list(meetings.upcoming()[:3]),
        "recent": list(meetings.past()[:3]),
        "can_write": council.has_perm(user, "meetings.write"),
    }
