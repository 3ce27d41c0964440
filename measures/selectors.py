"""Reads for the action plan pages: the plan per area, page by page, in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, DateField, F, Func, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from councils.models import today
from meetings.models import Meeting

from .filters import MeasureFilter
from .models import Agreement, FollowUp, Measure

PLAN_PAGE_SIZE = 25
PLAN_ORDER = ("priority_area__position", "priority_area__name", "position", "pk")


@dataclass
class AreaBlock:
    """One priority area on a page of the plan, with the page's measures of that area."""

    area: object
    count: int
    first_page: int
    measures: list = field(default_factory=list)
    continued: bool = False


@dataclass
class Plan:
    filter: MeasureFilter
    blocks: list
    nav: list
    page: object
    total: int

    @property
    def page_links(self):
        """Page numbers to link, with "…" for the elided runs."""
        return list(self.page.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1))

    @property
    def measures(self):
        return [measure for block in self.blocks for measure in block.measures]


def plan_filter(agreement, data):
    """The plan's filter over the agreement's measures, loaded for display."""
    return MeasureFilter(
        data or None, council=agreement.council,
        queryset=Measure.objects.filter(council=agreement.council, priority_area__agreement=agreement).for_display(),
    )


def plan_for(agreement, data, *, page_number=1, per_page=PLAN_PAGE_SIZE):
    """The filtered plan cut into pages of measures (per_page=None: everything, for exports).

    Areas keep their order; an area without measures shows where it belongs (unless a filter is active),
    and an area that goes on from the previous page is marked as continued.
    """
    measure_filter = plan_filter(agreement, data)
    queryset = measure_filter.qs.order_by(*PLAN_ORDER)
    counts = dict(
        measure_filter.qs.order_by().values_list("priority_area").annotate(n=Count("pk", distinct=True))
    )
    total = sum(counts.values())
    paginator = Paginator(queryset, per_page or max(total, 1))
    paginator.count = total  # known from the per-area counts: saves the COUNT query
    page = paginator.get_page(page_number)
    measures = list(page.object_list)
    start, end = page.start_index() - 1 if total else 0, (page.start_index() - 1 if total else 0) + len(measures)
    filtered = measure_filter.is_active
    blocks, nav, first = [], [], 0
    for area in agreement.priority_areas.all():
        count = counts.get(area.pk, 0)
        first_page = min(first // paginator.per_page + 1, paginator.num_pages)
        if count or not filtered:
            nav.append((area, count, first_page))
        if count == 0:
            if not filtered and first_page == page.number:
                blocks.append(AreaBlock(area=area, count=0, first_page=first_page))
        elif first < end and first + count > start:
            blocks.append(AreaBlock(
                area=area, count=count, first_page=first_page, continued=first < start,
                measures=[m for m in measures if m.priority_area_id == area.pk],
            ))
        first += count
    return Plan(filter=measure_filter, blocks=blocks, nav=nav, page=page, total=total)


def previous_meeting_day(meeting):
    """A subquery: the day of the body's (council's or forum's) last meeting before this one, not cancelled."""
    previous = (
        Meeting.objects.filter(council_id=meeting.council_id, forum_id=meeting.forum_id,
                               starts_at__lt=meeting.starts_at)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .annotate(day=TruncDate("starts_at", tzinfo=timezone.get_current_timezone()))
    )
    return Subquery(previous.values("day")[:1], output_field=DateField())


def follow_ups_for_meeting(meeting):
    """Follow-ups of the council's measures dated after the previous meeting up to this one's day, and those
    named as reported at this meeting; newest first, each with previous_day (one query)."""
    until = timezone.localdate(meeting.starts_at)
    since = previous_meeting_day(meeting)
    period = Q(date__lte=until, date__gt=Coalesce(since, Value(datetime.date.min)))
    return (
        FollowUp.objects.filter(measure__council_id=meeting.council_id)
        .filter(period | Q(meeting=meeting))
        .annotate(previous_day=since)
        .select_related("measure__priority_area", "measure__place", "author")
        .order_by("-date", "-pk")
    )


def _measures_on_meeting(meeting):
    """The measures the meeting's items take up (with item_id) and those made from its tasks (with task_id),
    each with its latest status, in one query."""
    no_id = Value(None, output_field=IntegerField())
    on_items = (Measure.objects.filter(agenda_items__meeting=meeting)
                .annotate(item_id=F("agenda_items__id"), task_id=no_id).with_latest_status().order_by())
    from_tasks = (Measure.objects.filter(activities__decision__agenda_item__meeting=meeting)
                  .annotate(item_id=no_id, task_id=F("activities__decision_id")).with_latest_status().order_by())
    return sorted(on_items.union(from_tasks, all=True), key=lambda m: (m.position, m.pk))


def meeting_item_sections(meeting, items, perms):
    """What the measures app shows under the meeting's agenda items (meetings/sections.py), in two queries:
    the measures each item takes up, for those who may write the plan its tasks that can still be made
    activities and a link to link measures, and, under the item marked for återrapportering, the follow-ups
    since the previous meeting."""
    from meetings.models import Decision  # the meeting page's models; measures depends on meetings

    linked, converted = {}, set()
    for measure in _measures_on_meeting(meeting):
        if measure.item_id is not None:
            linked.setdefault(measure.item_id, []).append(measure)
        else:
            converted.add(measure.task_id)
    target = next((item for item in items if item.reports_follow_ups), None)
    follow_ups = []
    if target is not None:
        # Only what the compact list shows: date, status, note and the measure's title.
        follow_ups = list(follow_ups_for_meeting(meeting).select_related(None).select_related("measure")
                          .only("date", "status", "note", "measure", "measure__title"))
    may_convert = "measures.write" in perms
    sections = {}
    for item in items:
        tasks = ([d for d in item.decisions.all() if d.kind == Decision.Kind.TASK and d.pk not in converted]
                 if may_convert else [])
        section = {"item": item, "measures": linked.get(item.pk, []), "tasks": tasks, "may_link": may_convert}
        if item is target:
            section.update(show_follow_ups=True, follow_ups=follow_ups,
                           previous_day=follow_ups[0].previous_day if follow_ups else None)
        if section["measures"] or tasks or item is target or may_convert:
            sections[item.pk] = section
    return sections


def _count(queryset):
    """A subquery that counts the rows of a queryset (for annotations)."""
    return Subquery(
        queryset.order_by().annotate(one=Value(1)).values("one").annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")[:1],
        output_field=IntegerField(),
    )


def council_panel(council, user):
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
        "may_write": council.has_perm(user, "measures.write"),
    }


FOLLOW_UP_SOON_DAYS = 7


def measures_due_for(person, council_ids, *, today=None):
    """Measures the person, or the person's organisation, answers for in these councils whose next follow-up is
    due within FOLLOW_UP_SOON_DAYS days or overdue; earliest first, with their activities."""
    today = today or timezone.localdate()
    return (
        Measure.objects.filter(council_id__in=council_ids,
                               follow_up_due__lte=today + datetime.timedelta(days=FOLLOW_UP_SOON_DAYS))
        .responsible(person)
        .select_related("council")
        .prefetch_related("activities")
        .order_by("follow_up_due", "pk")
    )


def measures_due_between(first, last):
    """Measures with a next follow-up date in [first, last] and their responsible people (for reminders)."""
    return (
        Measure.objects.filter(follow_up_due__range=(first, last))
        .select_related("council")
        .prefetch_related("responsible_people")
    )
