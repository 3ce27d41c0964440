"""Changes to measures that span models: follow-ups, comments, saving a measure with its activities."""

from dateutil.relativedelta import relativedelta
from django.db import transaction

from councils.models import log_action

from .models import Activity, Comment

DEFAULT_FOLLOW_UP_MONTHS = 3


def follow_up_add(*, measure, user, follow_up, next_due=None):
    """Save a validated follow-up on the measure and move the measure's next due date."""
    follow_up.measure = measure
    follow_up.author = getattr(user, "person", None)
    follow_up.full_clean()
    with transaction.atomic():
        follow_up.save()
        measure.follow_up_due = next_due or follow_up.date + relativedelta(months=DEFAULT_FOLLOW_UP_MONTHS)
        measure.save(update_fields=["follow_up_due", "updated_at"])
        log_action(council=measure.council, user=user, action="Uppföljning tillagd", obj=follow_up)
    return follow_up


def comment_add(*, measure, user, text):
    """Add a member's comment to a measure."""
    with transaction.atomic():
        comment = Comment.objects.create(measure=measure, author=user.person, text=text)
        log_action(council=measure.council, user=user, action="Kommentar på åtgärd", obj=measure)
    return comment


def activities_set(*, measure, lines):
    """Replace the measure's activities by the given lines, in order."""
    measure.activities.all().delete()
    Activity.objects.bulk_create(
        Activity(measure=measure, text=text, position=position)
        for position, text in enumerate(line.strip() for line in lines if line.strip())
    )


def measure_save(*, form, user, activity_lines):
    """Save a measure form (create or edit) with its activities, and log it."""
    created = form.instance.pk is None
    with transaction.atomic():
        measure = form.save()
        activities_set(measure=measure, lines=activity_lines)
        log_action(council=measure.council, user=user, action="Åtgärd skapad" if created else "Åtgärd ändrad",
                   obj=measure)
    return measure

