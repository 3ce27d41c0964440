"""Changes to measures that span models: follow-ups, comments, saving a measure with its activities."""

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from councils.models import log_action
from councils.services import save_fields
from meetings.models import Decision

from .models import Activity, Agreement, Comment, FollowUp, Measure, Place, PriorityArea

DEFAULT_FOLLOW_UP_MONTHS = 3


def follow_up_add(*, measure, user, fields, next_due=None):
    """Add a follow-up (date, status, kind, note, meeting) to the measure and move its next due date."""
    with transaction.atomic():
        follow_up = save_fields(FollowUp(measure=measure, author=getattr(user, "person", None)), fields)
        measure.follow_up_due = next_due or follow_up.date + relativedelta(months=DEFAULT_FOLLOW_UP_MONTHS)
        measure.save(update_fields=["follow_up_due", "updated_at"])
        log_action(council=measure.council, user=user, action=gettext_noop("Uppföljning tillagd"), obj=follow_up)
    return follow_up


def comment_add(*, measure, user, text):
    """Add a member's comment to a measure."""
    with transaction.atomic():
        comment = Comment.objects.create(measure=measure, author=user.person, text=text)
        log_action(council=measure.council, user=user, action=gettext_noop("Kommentar på åtgärd"), obj=measure)
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
        measure = save_fields(measure or Measure(council=council), fields)
        activities_set(measure=measure, lines=activities)
        log_action(council=council, user=user, action=gettext_noop("Åtgärd skapad") if created else gettext_noop("Åtgärd ändrad"), obj=measure)
    return measure


def agreement_save(*, council, user, fields, agreement=None):
    created = agreement is None
    with transaction.atomic():
        agreement = save_fields(agreement or Agreement(council=council), fields)
        log_action(council=council, user=user, obj=agreement,
                   action=gettext_noop("Överenskommelse skapad") if created else gettext_noop("Överenskommelse ändrad"))
    return agreement


def area_save(*, agreement, user, fields, area=None):
    created = area is None
    with transaction.atomic():
        area = save_fields(area or PriorityArea(agreement=agreement), fields)
        log_action(council=agreement.council, user=user, obj=area,
                   action=gettext_noop("Prioriterat område skapat") if created else gettext_noop("Prioriterat område ändrat"))
    return area


def place_save(*, council, user, fields, place=None):
    created = place is None
    with transaction.atomic():
        place = save_fields(place or Place(council=council), fields)
        log_action(council=council, user=user, obj=place, action=gettext_noop("Plats skapad") if created else gettext_noop("Plats ändrad"))
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
        log_action(council=measure.council, user=user, action=gettext_noop("Uppdrag blev aktivitet"), obj=activity)
    return activity
