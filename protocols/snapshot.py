"""The frozen protocol content (the snapshot): what is hashed, approved, embedded in the PDF and rendered.

Schema versions (the "format" key; docs/protocol.md describes every field):
- lobra-protokoll/1: the first schema; minutes were cleaned with nh3's default rules.
- lobra-protokoll/2: the same fields; minutes are cleaned with meetings.sanitize, the rules they are stored with.
Both render with the same template; a version is never migrated, it stays as it was hashed.
"""

import copy
import hashlib

from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import Attendance, Meeting
from meetings.sanitize import clean_minutes

from . import pdf
from .models import justering_due_date

SNAPSHOT_FORMAT = "lobra-protokoll/2"
SNAPSHOT_FORMATS = {"lobra-protokoll/1", SNAPSHOT_FORMAT}
ATTENDANCE_GROUPS = [
    ("present", Attendance.Status.PRESENT),
    ("co_opted", Attendance.Status.CO_OPTED),
    ("apologies", Attendance.Status.APOLOGIES),
    ("absent", Attendance.Status.ABSENT),
    ("called", Attendance.Status.CALLED),
]


def content_sha256(content):
    return hashlib.sha256(pdf.canonical_json(content)).hexdigest()


def _person(person, role=""):
    return {
        "person_id": person.pk,
        "name": person.full_name,
        "title": person.title,
        "organisation": person.organisation.name,
        "role": role,
    }


def _file_sha256(field):
    try:
        with field.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, ValueError):
        return ""


def approvers_of(meeting):
    """The chair and the adjusters, each once, in that order."""
    people = []
    if meeting.chair_id:
        people.append((meeting.chair, _("Ordförande")))
    for person in meeting.adjusters.all():
        if person.pk != meeting.chair_id:
            people.append((person, _("Justerare")))
    return people


def protocol_snapshot(meeting, *, number, is_correction=False, correction_reason=""):
    """The whole protocol as plain data: what is hashed, approved, embedded and rendered."""
    local_start = timezone.localtime(meeting.starts_at)
    local_end = timezone.localtime(meeting.ends_at)
    attendance = {key: [] for key, _status in ATTENDANCE_GROUPS}
    group_of = {status: key for key, status in ATTENDANCE_GROUPS}
    for row in meeting.attendances.all():
        attendance[group_of[row.status]].append(
            {"name": row.name, "title": row.title, "organisation": row.organisation_name, "note": row.note}
        )
    items = []
    for item in meeting.items.all():
        items.append({
            "id": item.pk,
            "number": item.number,
            "title": item.title,
            "presenter": item.presenter_name,
            "minutes": clean_minutes(item.minutes),
            "confidential": item.confidential,
            "ground": item.confidentiality_ground,
            "decisions": [
                {
                    "kind": decision.kind,
                    "kind_label": decision.get_kind_display(),
                    "text": decision.text,
                    "responsible": decision.responsible_name,
                    "due_date": decision.due_date.isoformat() if decision.due_date else "",
                }
                for decision in item.decisions.all()
            ],
        })
    confidential_items = {item.pk for item in meeting.items.all() if item.confidential}
    attachments = [
        {
            "number": attachment.number,
            "title": attachment.title,
            "file_name": attachment.original_name,
            "size": attachment.size,
            "sha256": _file_sha256(attachment.file),
            "item_id": attachment.agenda_item_id,
            "confidential": attachment.agenda_item_id in confidential_items,
        }
        for attachment in meeting.attachments.all()
    ]
    return {
        "format": SNAPSHOT_FORMAT,
        "meeting": {
            "id": meeting.pk,
            "title": meeting.title,
            "kind": meeting.kind,
            "kind_label": meeting.get_kind_display(),
            "organisation": meeting.council.organisation.name,
            "council": meeting.council.name,
            "forum": meeting.forum.name if meeting.forum_id else "",
            "department": meeting.department,
            "date": local_start.date().isoformat(),
            "starts": local_start.strftime("%H.%M"),
            "ends": local_end.strftime("%H.%M"),
            "place": meeting.place,
            "online": meeting.online_label or (meeting.online_url and _("Digitalt möte")) or "",
            "chair": _person(meeting.chair, _("Ordförande")) if meeting.chair_id else None,
            "secretary": _person(meeting.secretary, _("Sekreterare")) if meeting.secretary_id else None,
            "contact": meeting.contact_text,
        },
        "attendance": attendance,
        "items": items,
        "attachments": attachments,
        "version": {"number": number, "is_correction": is_correction, "correction_reason": correction_reason},
        "justering": {
            "due_date": justering_due_date(meeting, correction=is_correction).isoformat(),
            "approvers": [_person(person, str(role)) for person, role in approvers_of(meeting)],
        },
    }


def redact(content):
    """The public edition: confidential items keep only their § and the legal ground."""
    public = copy.deepcopy(content)
    for index, item in enumerate(public["items"]):
        if item["confidential"]:
            public["items"][index] = {
                "id": item["id"], "number": item["number"], "confidential": True, "ground": item["ground"],
                "title": "", "presenter": "", "minutes": "", "decisions": [],
            }
    public["attachments"] = [a for a in public["attachments"] if not a["confidential"]]
    return public


class SnapshotMismatch(Exception):
    """A stored snapshot that no longer matches its SHA-256 (edited by hand) or has an unknown schema."""


def checked_content(version):
    """The version's frozen content, refused when it was changed after hashing or its schema is unknown."""
    content = version.content
    if content_sha256(content) != version.sha256:
        raise SnapshotMismatch(f"Protokollversion {version.pk}: innehållet stämmer inte med sin SHA-256.")
    if content.get("format") not in SNAPSHOT_FORMATS:
        raise SnapshotMismatch(f"Protokollversion {version.pk}: okänt format {content.get('format')!r}.")
    return content


def meeting_for_snapshot(meeting_id):
    """The meeting with everything the snapshot reads, in a fixed number of queries."""
    return Meeting.objects.for_page().select_related("council__organisation").get(pk=meeting_id)
