"""Justering reminders: who has not answered a protocol out for justering, and whose deadline is near or past."""

import datetime

from django.utils import timezone

from councils.models import Membership
from meetings.protocol_models import ProtocolVersion

from .due import Due
from .models import ReminderKind as K

FIRST_REMINDER_DAYS = 7
DUE_SOON_DAYS = 2


def loaders():
    return {ProtocolVersion: lambda ids: ProtocolVersion.objects.filter(pk__in=ids).select_related("meeting")}


def label(version):
    return str(version.meeting)


def due_on(today, *, late_window):
    """Reminders of protocols out for justering: to each approver who has not answered, and when late, to the
    council's coordinators and secretaries."""
    versions = list(
        ProtocolVersion.objects.filter(status=ProtocolVersion.Status.SENT,
                                       due_date__gte=today - datetime.timedelta(days=late_window))
        .select_related("meeting").prefetch_related("approvals")
    )
    writers = {}
    for membership in Membership.objects.current().filter(
        council_id__in={v.meeting.council_id for v in versions}, forum__isnull=True,
        role__in=Membership.MINUTES_ROLES,
    ):
        writers.setdefault(membership.council_id, set()).add(membership.person_id)
    for version in versions:
        council_id = version.meeting.council_id
        answered = {approval.person_id for approval in version.approvals.all()}
        waiting = [a["person_id"] for a in version.approvers if a["person_id"] not in answered]
        sent_on = timezone.localdate(version.created_at)
        kinds = [K.JUSTERING_REQUESTED]
        if today >= sent_on + datetime.timedelta(days=FIRST_REMINDER_DAYS) and today <= version.due_date:
            kinds.append(K.JUSTERING_REMINDER)
        if version.due_date - datetime.timedelta(days=DUE_SOON_DAYS) <= today <= version.due_date:
            kinds.append(K.JUSTERING_DUE_SOON)
        for kind in kinds:
            for person_id in waiting:
                yield _due(kind, version, person_id, council_id)
        if today > version.due_date:
            for person_id in sorted(writers.get(council_id, set()) | ({version.meeting.secretary_id} - {None})):
                yield _due(K.JUSTERING_OVERDUE, version, person_id, council_id)


def _due(kind, version, person_id, council_id):
    return Due(kind, ProtocolVersion, version.pk, version.due_date, person_id, council_id)
