"""Template helpers for the action plan: status badges and the council page panel."""

from collections import defaultdict

from django import template
from django.db.models import F, IntegerField, Value
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.models import Decision

from .. import fields, selectors
from ..models import FollowUp, Measure

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


def _meeting_block(meeting, items):
    """What the measures app shows on a meeting page, computed once per meeting: the measures on its items
    and the tasks already made activities in one query, the follow-ups in one more (the meeting page counts
    its queries)."""
    block = getattr(meeting, "_measures_block", None)
    if block is not None:
        return block
    items = list(items)
    # The follow-ups go under the item marked for återrapportering (AgendaItem.reports_follow_ups).
    target = next((i for i in items if i.reports_follow_ups), None)
    no_id = Value(None, output_field=IntegerField())
    on_items = (Measure.objects.filter(agenda_items__meeting=meeting)
                .annotate(item_id=F("agenda_items__id"), task_id=no_id).with_latest_status().order_by())
    from_tasks = (Measure.objects.filter(activities__decision__agenda_item__meeting=meeting)
                  .annotate(item_id=no_id, task_id=F("activities__decision_id")).with_latest_status().order_by())
    linked, converted = defaultdict(list), set()
    for measure in sorted(on_items.union(from_tasks, all=True), key=lambda m: (m.position, m.pk)):
        if measure.item_id is not None:
            linked[measure.item_id].append(measure)
        else:
            converted.add(measure.task_id)
    block = meeting._measures_block = {
        "target_id": target.pk if target else None, "linked": linked, "converted": converted,
    }
    return block


@register.inclusion_tag("measures/_meeting_followups_body.html", takes_context=True)
def meeting_measures(context, meeting, item):
    """Under an agenda item: the measures it reports on, a way to turn its tasks into activities and,
    under the återrapportering item, the follow-ups reported since the previous meeting."""
    block = _meeting_block(meeting, context.get("items") or meeting.items.all())
    is_target = item.pk == block["target_id"]
    # Only what the compact list shows: date, status, note and the measure's title.
    follow_ups = list(
        selectors.follow_ups_for_meeting(meeting).select_related(None).select_related("measure")
        .only("date", "status", "note", "measure", "measure__title")
    ) if is_target else []
    badges = {}
    for follow_up in follow_ups:  # one badge per status, not one format_html and gettext per row
        if follow_up.status not in badges:
            badges[follow_up.status] = status_badge(follow_up.status)
        follow_up.badge = badges[follow_up.status]
    user = context["request"].user
    return {
        "meeting": meeting,
        "item": item,
        "measures": block["linked"].get(item.pk, []),
        # item.decisions is prefetched by the meeting page.
        "tasks": [d for d in item.decisions.all() if d.kind == Decision.Kind.TASK and d.pk not in block["converted"]]
        if meeting.council.has_perm(user, "measures.write") else [],
        "show_follow_ups": is_target,
        "follow_ups": follow_ups,
        "previous_day": follow_ups[0].previous_day if follow_ups else None,
    }
