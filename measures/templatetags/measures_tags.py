"""Template helpers for the action plan: status badges and the council page panel."""

from django import template
from django.db.models import F, Func, IntegerField, OuterRef, Subquery, Value
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


def _count(queryset):
    """A subquery that counts the rows of a queryset (for annotations)."""
    return Subquery(
        queryset.order_by().annotate(one=Value(1)).values("one").annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")[:1],
        output_field=IntegerField(),
    )


@register.inclusion_tag("measures/_council_panel_body.html", takes_context=True)
def measures_council_panel(context, council):
    """The action plan summary on the council page, in one query: the council page counts its queries."""
    in_agreement = Measure.objects.filter(priority_area__agreement=OuterRef("pk"))
    in_council = Measure.objects.filter(council=council)
    agreements = list(
        Agreement.objects.filter(council=council).annotate(
            measure_count=_count(in_agreement),
            overdue_count=_count(in_agreement.filter(follow_up_due__lt=today())),
            flagged_count=_count(in_council.filter(priority_area__isnull=True, problem="")),
            place_work_count=_count(in_council.exclude(kind=Measure.Kind.PLAN)),
        )
    )
    return {
        "council": council,
        "agreements": agreements,
        "flagged_count": agreements[0].flagged_count if agreements else None,
        "place_work_count": agreements[0].place_work_count if agreements else None,
        "can_manage": context.get("can_manage"),
    }
