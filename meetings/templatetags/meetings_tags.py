"""Template tags for the meetings panel on the council page."""

from django import template

from meetings.models import Meeting

register = template.Library()


@register.simple_tag
def council_meetings(council, user):
    """The next three and the last three meetings of a council, for its page."""
    meetings = Meeting.objects.filter(council=council).select_related("forum")
    return {
        "upcoming": list(meetings.upcoming()[:3]),
        "recent": list(meetings.past()[:3]),
        "can_write": council.has_perm(user, "meetings.write"),
    }
