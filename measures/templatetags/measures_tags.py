"""Template helpers for the action plan: status badges and the plan's field rows and labels."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import fields
from ..models import FollowUp

register = template.Library()

BADGE_CLASSES = {
    FollowUp.Status.GREEN: "text-bg-success",
    FollowUp.Status.YELLOW: "text-bg-warning",
    FollowUp.Status.RED: "text-bg-danger",
}
SHORT_LABELS = {FollowUp.Status.GREEN: gettext_lazy("Grön"), FollowUp.Status.YELLOW: gettext_lazy("Gul"),
                FollowUp.Status.RED: gettext_lazy("Röd")}


@register.simple_tag
def status_badge(status):
    """A traffic-light badge for a follow-up status (or "ingen uppföljning")."""
    if not status:
        return format_html('<span class="badge text-bg-light border">{}</span>', _("Ingen uppföljning"))
    return format_html('<span class="badge {} status-badge" title="{}">{}</span>', BADGE_CLASSES[status],
                       FollowUp.Status(status).label, SHORT_LABELS[status])


@register.simple_tag
def plan_rows(measure):
    """The measure table's rows from the plan's field declaration (measures/fields.py)."""
    return fields.table_rows(measure)


@register.simple_tag
def plan_label(name):
    """A plan field's heading, from its declaration."""
    return fields.BY_NAME[name].label
