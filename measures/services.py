"""Changes to measures that span models: follow-ups, comments, saving a measure with its activities."""

import calendar
import datetime

from django.db import transaction

from councils.history import form_changes
from councils.models import log_action

from .models import Activity, Comment

DEFAULT_FOLLOW_UP_MONTHS = 3


def add_months(date, months):
    """The same day `months` later, clamped to the month's last day."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def follow_up_add(*, measure, user, follow_up, next_due=None):
    """Save a validated follow-up on the measure and move the measure's next due date."""
    follow_up.measure = measure
    follow_up.author = getattr(user, "person", None)
    follow_up.full_clean()
    with transaction.atomic():
        follow_up.save()
        measure.follow_up_due = next_due or add_months(follow_up.date, DEFAULT_FOLLOW_UP_MONTHS)
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
        changes = {} if created else form_changes(form)
        measure = form.save()
        activities_set(measure=measure, lines=activity_lines)
        log_action(council=measure.council, user=user,
                   action="measures.measure.created" if created else "measures.measure.changed", obj=measure,
                   data=changes)
    return measure

