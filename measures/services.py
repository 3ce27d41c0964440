"""Changes to measures that span models: follow-ups, comments, saving a measure with its activities."""

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from councils.models import log_action
from councils.services import field_changes, save_fields
from meetings.models import Decision

from .models import Activity, Agreement, Comment, FollowUp, Measure, Place, PriorityArea

DEFAULT_FOLLOW_UP_MONTHS = 3


def follow_up_add(*, measure, user, fields, next_due=None):
    """Add a follow-up (date, status, kind, note, meeting) to the measure and move its next due date."""
    with transaction.atomic():
        follow_up = save_fields(FollowUp(measure=measure, author=getattr(user, "person", None)), fields)
        measure.follow_up_due = next_due or follow_up.date + relativedelta(months=DEFAULT_FOLLOW_UP_MONTHS)
        measure.save(update_fields=["follow_up_due", "updated_at"])
        log_action(council=measure.council, user=user, action="measures.followup.added", obj=measure,
                   data={"status": follow_up.get_status_display(), "date": follow_up.date})
    return follow_up


def comment_add(*, measure, user, text):
    """Add a member's comment to a measure."""
    with transaction.atomic():
        comment = Comment.objects.create(measure=measure, author=user.person, text=text)
        log_action(council=measure.council, user=user, action="measures.comment.added", obj=measure)
    return comment


def activities_set(*, measure, lines):
    """Replace the measure's own activities by the given lines, in order; activities that came from a
    meeting's task stay, after them."""
    measure.activities.filter(decision__isnull=True).delete()
    lines = [line.strip() for line in lines if line.strip()]
    from_tasks = list(measure.activities.filter(decision__isnull=False))
    for offset, activity in enumerate(from_tasks):
        activity.position = len(lines) + offset
    Activity.objects.bulk_update(from_tasks, ["position"])
    Activity.objects.bulk_create(
        Activity(measure=measure, text=text, position=position) for position, text in enumerate(lines)
    )


def measure_save(*, council, user, fields, activities, measure=None):
    """Create (measure None) or change a measure from its field values and activity lines, and log it."""
    created = measure is None
    with transaction.atomic():
        changes = {} if created else field_changes(measure, fields)
        measure = save_fields(measure or Measure(council=council), fields)
        activities_set(measure=measure, lines=activities)
        log_action(council=council, user=user,
                   action="measures.measure.created" if created else "measures.measure.changed", obj=measure,
                   data=changes)
    return measure


def agreement_save(*, council, user, fields, agreement=None):
    created = agreement is None
    with transaction.atomic():
        agreement = agreement or Agreement(council=council)
        changes = {} if created else field_changes(agreement, fields)
        save_fields(agreement, fields)
        log_action(council=council, user=user, obj=agreement, data=changes,
                   action="measures.agreement.created" if created else "measures.agreement.changed")
    return agreement


def area_save(*, agreement, user, fields, area=None):
    created = area is None
    with transaction.atomic():
        area = area or PriorityArea(agreement=agreement)
        changes = {} if created else field_changes(area, fields)
        save_fields(area, fields)
        # The agreement's history tells its areas' story.
        log_action(council=agreement.council, user=user, obj=agreement, data={"area": area.name} | changes,
                   action="measures.area.created" if created else "measures.area.changed")
    return area


def place_save(*, council, user, fields, place=None):
    created = place is None
    with transaction.atomic():
        place = place or Place(council=council)
        changes = {} if created else field_changes(place, fields)
        save_fields(place, fields)
        log_action(council=council, user=user, obj=place, data=changes,
                   action="measures.place.created" if created else "measures.place.changed")
    return place


def task_activity_text(decision):
    """The proposed text of the activity a task becomes: the task with its responsible and due date."""
    details = []
    if decision.responsible_name:
        details.append(_("ansvarig: %(name)s") % {"name": decision.responsible_name})
    if decision.due_date:
        details.append(_("klart senast %(date)s") % {"date": decision.due_date.isoformat()})
    return f"{decision.text} ({', '.join(details)})" if details else decision.text


def task_to_activity(*, decision, measure, text, user):
    """Make a meeting's task (uppdrag) an activity of a measure of the same council, once."""
    if measure.council_id != decision.agenda_item.meeting.council_id:
        raise ValidationError(_("Åtgärden hör till ett annat råd."))
    with transaction.atomic():
        # Locking the task makes two simultaneous conversions queue; the second then finds the first.
        Decision.objects.select_for_update().filter(pk=decision.pk).first()
        if Activity.objects.filter(decision=decision).exists():
            raise ValidationError(_("Uppdraget är redan en aktivitet."))
        activity = Activity.objects.create(measure=measure, decision=decision, text=text,
                                           position=measure.activities.next_position())
        log_action(council=measure.council, user=user, action="measures.activity.from_decision", obj=measure,
                   data={"activity": activity.text, "meeting": str(decision.agenda_item.meeting)})
    return activity


def item_measures_change(*, item, user, add=(), remove=()):
    """Link measures to an agenda item (the meeting takes them up) or unlink them; each change is logged on the
    measure. The caller has checked that the measures are the item's council's."""
    council = item.meeting.council
    with transaction.atomic():
        for measure in add:
            measure.agenda_items.add(item)
            log_action(council=council, user=user, action="measures.measure.item_linked", obj=measure,
                       data={"item": str(item), "meeting": str(item.meeting)})
        for measure in remove:
            measure.agenda_items.remove(item)
            log_action(council=council, user=user, action="measures.measure.item_unlinked", obj=measure,
                       data={"item": str(item), "meeting": str(item.meeting)})
