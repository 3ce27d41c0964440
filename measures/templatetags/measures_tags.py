"""Template helpers for the action plan: status badges and the council page panel."""

from django import template
from django.db.models import Count, Q
from django.utils.html import format_html
from django.utils.translation import gettext as _

from councils.models import today

from ..models import Agreement, FollowUp, Measure

register = template.Library()

BADGE_CLASSES = {
    FollowUp.Status.GREEN: "text-bg-success",
    FollowUp.Status.YELLOW: "text-bg-warning",
    FollowUp.Status.RED: "text-bg-danger",
}
SHORT_LABELS = {FollowUp.Status.GREEN: "Grön", FollowUp.Status.YELLOW: "Gul", FollowUp.Status.RED: "Röd"}


@register.simple_tag
def status_badge(status):
    """A traffic-light badge for a follow-up status (or "ingen uppföljning")."""
    if not status:
        return format_html('<span class="badge text-bg-light border">{}</span>', _("Ingen uppföljning"))
    return format_html('<span class="badge {} status-badge" title="{}">{}</span>', BADGE_CLASSES[status],
                       FollowUp.Status(status).label, _(SHORT_LABELS[status]))


@register.inclusion_tag("measures/_council_panel_body.html", takes_context=True)
def measures_council_panel(context, council):
    """The action plan summary on the council page."""
    counts = Measure.objects.filter(council=council).aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(follow_up_due__lt=today())),
        flagged=Count("pk", filter=Q(priority_area__isnull=True, problem="")),
    )
    return {
        "council": council,
        "agreements": Agreement.objects.filter(council=council),
        "places": council.places.all(),
        "counts": counts,
        "can_manage": context.get("can_manage"),
    }
