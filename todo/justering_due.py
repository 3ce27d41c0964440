"""Justering reminders: who has not answered a protocol out for justering, and whose deadline is near or past."""

import datetime

from django.utils import timezone

from councils.models import Membership
from councils.permissions import roles_with
from protocols.models import ProtocolVersion
from protocols.selectors import versions_by_pk, versions_out_for_justering, waiting_approvers

from .due import Due
from .models import ReminderKind as K

FIRST_REMINDER_DAYS = 7
DUE_SOON_DAYS = 2


def loaders():
    return {ProtocolVersion: versions_by_pk}


def label(version):
    return str(version.meeting)


def due_on(today, *, late_window):
    """Reminders of protocols out for justering: to each approver who has not answered, and when late, to the
    council's samordnare and sekreterare and the meeting's sekreterare."""
    versions = list(versions_out_for_justering(due_since=today - datetime.timedelta(days=late_window)))
    writers = {}
    for membership in Membership.objects.current().filter(
        council_id__in={v.meeting.council_id for v in versions}, forum__isnull=True,
        role__in=roles_with("meetings.write"),
    ):
        writers.setdefault(membership.council_id, set()).add(membership.person_id)
    for version in versions:
        council_id = version.meeting.council_id
        waiting = waiting_approvers(version)
        sent_on = timezone.localdate(version.created_at)
        kinds = [K.JUSTERING_REQUESTED]
        if sent_on + datetime.timedelta(days=FIRST_REMINDER_DAYS) <= today <= version.due_date:
            kinds.append(K.JUSTERING_REMINDER)
        if version.due_date - datetime.timedelta(days=DUE_SOON_DAYS) <= today <= version.due_date:
            kinds.append(K.JUSTERING_DUE_SOON)
        for kind in kinds:
            for person_id in waiting:
                yield Due(kind, ProtocolVersion, version.pk, version.due_date, person_id, council_id)
        if today > version.due_date:
            late = writers.get(council_id, set()) | ({version.meeting.secretary_id} - {None})
            for person_id in sorted(late):
                yield Due(K.JUSTERING_OVERDUE, ProtocolVersion, version.pk, version.due_date, person_id, council_id)
