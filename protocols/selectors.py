"""Reads about protocols out for justering that pages outside the protocol pages show (Att göra, reminders)."""

from django.db.models import Exists, OuterRef, Q

from .models import ProtocolVersion


def _latest(queryset):
    """Only versions that are their meeting's latest."""
    later = ProtocolVersion.objects.filter(meeting_id=OuterRef("meeting_id"), number__gt=OuterRef("number"))
    return queryset.filter(~Exists(later))


def versions_out_for_justering(council_ids=None, *, due_since=None, with_content=True):
    """Versions out for justering (in these councils; with a deadline on or after due_since), with their
    meeting and approvals, earliest deadline first; without the frozen content (large) unless asked."""
    versions = ProtocolVersion.objects.filter(status=ProtocolVersion.Status.SENT)
    if council_ids is not None:
        versions = versions.filter(meeting__council_id__in=council_ids)
    if due_since is not None:
        versions = versions.filter(due_date__gte=due_since)
    if not with_content:
        versions = versions.defer("content")
    return versions.select_related("meeting__council").prefetch_related("approvals").order_by("due_date", "pk")


def waiting_approvers(version):
    """Person ids of the frozen approvers who have not answered (needs the approvals prefetched)."""
    answered = {approval.person_id for approval in version.approvals.all()}
    return [a["person_id"] for a in version.approvers if a["person_id"] not in answered]


def versions_awaiting(person, council_ids):
    """Versions out for justering in these councils that wait for this person's answer."""
    # The frozen approver list is JSON; narrow in SQL by the meeting's chair and adjusters, then check exactly.
    candidates = versions_out_for_justering(council_ids).filter(
        Q(meeting__chair=person) | Q(meeting__adjusters=person)
    ).distinct()
    return [version for version in candidates if person.pk in waiting_approvers(version)]


def versions_returned(council_ids):
    """Each meeting's latest version if it was sent back with comments and nothing was sent since."""
    return (
        _latest(ProtocolVersion.objects.filter(meeting__council_id__in=council_ids,
                                               status=ProtocolVersion.Status.RETURNED))
        .defer("content")
        .select_related("meeting__council")
        .prefetch_related("approvals__person")
        .order_by("-created_at")
    )


def seal_failures(council_ids):
    """Final versions whose sealing failed (the coordinator can start it again)."""
    return (
        ProtocolVersion.objects.filter(meeting__council_id__in=council_ids, status=ProtocolVersion.Status.FINAL,
                                       signed_pdf_sha256="")
        .exclude(seal_error="")
        .defer("content")
        .select_related("meeting__council")
        .order_by("-finalised_at")
    )


def versions_by_pk(ids):
    """Versions with their meeting, for reminders about them."""
    return ProtocolVersion.objects.filter(pk__in=ids).select_related("meeting")

