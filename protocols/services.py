"""Justering: freeze a protocol, collect approvals, finalise, seal the PDFs in a task, corrections.

Every step locks the meeting row first (then the version), the lock meetings' content writes take, and
moves Meeting.protocol_state inside that transaction; nothing else sets the protocol state.
"""

import datetime
import hashlib
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.models import log_action
from councils.tasks import send_email
from meetings.models import Meeting, ProtocolState

from . import pdf, signing, tasks
from .models import Approval, ProtocolVersion, justering_due_date
from .snapshot import (
    approvers_of,
    checked_content,
    content_sha256,
    meeting_for_snapshot,
    protocol_snapshot,
    redact,
)

EMBEDDING_FORMAT = "lobra-protokoll/1"  # the envelope around the snapshot in the PDF; unchanged since 1
MAX_SEAL_ATTEMPTS = 3
SEAL_RETRY_DELAY = datetime.timedelta(minutes=2)
logger = logging.getLogger(__name__)


class JusteringError(ValidationError):
    """A justering step that cannot be taken now; the message is for the user."""


def _lock_meeting(meeting_id):
    """The meeting row, locked: the same lock every meeting content write takes (meetings.locking)."""
    return Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting_id)


def _set_state(meeting, state):
    Meeting.objects.filter(pk=meeting.pk).update(protocol_state=state)
    meeting.protocol_state = state


def _reopened_state(meeting_id):
    """The state a meeting returns to when its version out for justering comes back: open, or in correction
    when an earlier version is final."""
    if ProtocolVersion.objects.final().filter(meeting_id=meeting_id).exists():
        return ProtocolState.IN_CORRECTION
    return ProtocolState.OPEN


def _notify(subject, template, recipients, context):
    """After commit, queue an e-mail; the task retries and logs, so a mail failure never undoes the step."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    body = render_to_string(template, context)
    subject = str(subject)
    transaction.on_commit(lambda: send_email.enqueue(subject, body, recipients))


def protocol_send(*, meeting, user, absolute_url=lambda path: path):
    """Freeze the meeting's protocol as a new version and ask the chair and adjusters to approve it."""
    with transaction.atomic():
        locked = _lock_meeting(meeting.pk)
        if not locked.is_editable:
            raise JusteringError(locked.lock_reason)
        meeting = meeting_for_snapshot(meeting.pk)
        if not approvers_of(meeting):
            raise JusteringError(_("Ange mötesordförande eller justerare innan protokollet skickas för justering."))
        last_final = meeting.protocol_versions.final().order_by("-number").first()
        number = (meeting.protocol_versions.aggregate(n=Max("number"))["n"] or 0) + 1
        is_correction = last_final is not None
        correction_reason = last_final.pending_correction_reason if last_final else ""
        content = protocol_snapshot(
            meeting, number=number, is_correction=is_correction, correction_reason=correction_reason
        )
        version = ProtocolVersion.objects.create(
            meeting=meeting, number=number, content=content, sha256=content_sha256(content), created_by=user,
            due_date=justering_due_date(meeting, correction=is_correction), is_correction=is_correction, correction_reason=correction_reason,
        )
        _set_state(locked, ProtocolState.OUT_FOR_JUSTERING)
        log_action(council=meeting.council, user=user, action="protocols.version.sent", obj=meeting,
                   data={"version": version.number})
        link = absolute_url(version.get_absolute_url())
        emails = [person.email for person, _role in approvers_of(meeting)]
        _notify(
            _("Protokoll att justera: %(meeting)s") % {"meeting": meeting},
            "protocols/email_send.txt", emails, {"version": version, "meeting": meeting, "link": link},
        )
    return version


def protocol_withdraw(*, meeting, user):
    """Take back the version out for justering so the meeting can be edited again."""
    with transaction.atomic():
        locked = _lock_meeting(meeting.pk)
        version = _latest_for_update(meeting)
        if version is None or version.status != ProtocolVersion.Status.SENT:
            raise JusteringError(_("Det finns ingen version ute på justering att återkalla."))
        version.status = ProtocolVersion.Status.WITHDRAWN
        version.save(update_fields=["status"])
        _set_state(locked, _reopened_state(meeting.pk))
        log_action(council=meeting.council, user=user, action="protocols.version.withdrawn", obj=meeting,
                   data={"version": version.number})
    return version


def protocol_correction_start(*, meeting, user, reason):
    """Open a final protocol for a rättelse; the next version sent is marked as a correction with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise JusteringError(_("Ange skälet till rättelsen."))
    with transaction.atomic():
        locked = _lock_meeting(meeting.pk)
        version = _latest_for_update(meeting)
        if version is None or version.status != ProtocolVersion.Status.FINAL or version.correction_started_at:
            raise JusteringError(_("Bara ett justerat protokoll kan rättas."))
        version.correction_started_at = timezone.now()
        version.correction_started_by = user
        version.pending_correction_reason = reason
        version.save(update_fields=["correction_started_at", "correction_started_by", "pending_correction_reason"])
        _set_state(locked, ProtocolState.IN_CORRECTION)
        log_action(council=meeting.council, user=user, action="protocols.correction.started", obj=meeting,
                   data={"version": version.number})
    return version


def _latest_for_update(meeting):
    return ProtocolVersion.objects.select_for_update().filter(meeting=meeting).order_by("-number").first()


def version_answer(*, version, user, decision, comment="", item_comments=None, absolute_url=lambda path: path,
                   person=None):
    """An approver approves the version or returns it with comments; the last approval makes it final.

    The approver is the user's person, or ``person`` when an approver without a login answers by other means.
    """
    item_comments = {str(k): v.strip() for k, v in (item_comments or {}).items() if v and v.strip()}
    comment = (comment or "").strip()
    if decision not in Approval.Decision.values:
        raise JusteringError(_("Välj om du justerar protokollet eller skickar tillbaka det."))
    if decision == Approval.Decision.RETURNED and not (comment or item_comments):
        raise JusteringError(_("Skriv vad som ska ändras innan du skickar tillbaka protokollet."))
    with transaction.atomic():
        # Meeting first, then version: the order every justering step and every content write follows.
        locked = _lock_meeting(version.meeting_id)
        version = ProtocolVersion.objects.select_for_update(of=("self",)).select_related("meeting__council").get(
            pk=version.pk)
        latest = ProtocolVersion.objects.filter(meeting_id=version.meeting_id).order_by("-number").first()
        if version.pk != latest.pk or version.status != ProtocolVersion.Status.SENT:
            raise JusteringError(
                _("Version %(number)s är inte längre den som ska justeras. Läs den aktuella versionen.")
                % {"number": version.number}
            )
        if person is None:
            approver = version.approver_for(user)
        else:
            approver = next((a for a in version.approvers if a["person_id"] == person.pk), None)
        if approver is None:
            raise PermissionDenied(_("Du är inte justerare för det här protokollet."))
        if version.approvals.filter(person_id=approver["person_id"]).exists():
            raise JusteringError(_("Du har redan svarat på den här versionen."))
        approval = Approval.objects.create(
            version=version, person_id=approver["person_id"], role=approver["role"], decision=decision,
            comment=comment, item_comments=item_comments,
        )
        meeting = version.meeting
        if decision == Approval.Decision.RETURNED:
            version.status = ProtocolVersion.Status.RETURNED
            version.save(update_fields=["status"])
            _set_state(locked, _reopened_state(meeting.pk))
            log_action(council=meeting.council, user=user, action="protocols.version.returned", obj=meeting,
                       data={"version": version.number})
            emails = [version.created_by.email] if version.created_by and version.created_by.email else []
            if meeting.secretary_id:
                emails.append(meeting.secretary.email)
            context = {"version": version, "approval": approval, "link": absolute_url(version.get_absolute_url()),
                       "item_comments": item_comment_rows(version, approval)}
            _notify(
                _("Protokollet skickades tillbaka: %(meeting)s") % {"meeting": meeting},
                "protocols/email_returned.txt", emails, context,
            )
            return approval
        log_action(council=meeting.council, user=user, action="protocols.version.approved", obj=meeting,
                   data={"version": version.number})
        approved = set(version.approvals.filter(decision=Approval.Decision.APPROVED).values_list("person_id", flat=True))
        if approved >= {a["person_id"] for a in version.approvers}:
            _finalise(version=version, meeting=locked, user=user)
    return approval


def item_label(item):
    if item.get("number"):
        return f"§ {item['number']} {item.get('title', '')}".strip()
    return item.get("title", "")


def item_comment_rows(version, approval):
    """An approval's per-item comments as (item label, comment), in agenda order."""
    return [
        (item_label(item), approval.item_comments[str(item["id"])])
        for item in version.content["items"]
        if str(item["id"]) in approval.item_comments
    ]


def _approval_rows(version):
    rows = []
    for approval in version.approvals.select_related("person").order_by("at"):
        local = timezone.localtime(approval.at)
        rows.append({
            "person_id": approval.person_id, "name": approval.person.full_name, "role": approval.role, "decision": approval.decision,
            "date": local.date().isoformat(), "time": local.strftime("%H.%M"),
        })
    return rows


def _document_html(version, *, public, final, identity=None, approvals=None):
    content = checked_content(version)
    content = redact(content) if public else content
    return render_to_string("protocols/pdf.html", {
        "c": content,
        "version": version,
        "public": public,
        "final": final,
        "approvals": approvals if approvals is not None else _approval_rows(version),
        "test_certificate": identity.is_test_certificate if identity else False,
        "signer_name": identity.signer_name if identity else "",
    }), content


def _embedded(version, content, *, public):
    return {"format": EMBEDDING_FORMAT, "edition": "public" if public else "full", "meeting_id": version.meeting_id,
            "version_number": version.number, "version_sha256": version.sha256, "content": content}


def render_protocol_pdf(version, *, public=False, final=False, identity=None, when=None):
    """The protocol of a version as unsigned PDF/A-3b bytes, with its content embedded as JSON."""
    html, content = _document_html(version, public=public, final=final, identity=identity)
    when = when or version.finalised_at or version.created_at
    return pdf.render_content_pdf(html, _embedded(version, content, public=public), when=when)


def render_draft_pdf(meeting):
    """The protocol as it would be frozen now, as an unsigned preview PDF; nothing is stored."""
    meeting = meeting_for_snapshot(meeting.pk)
    number = (meeting.protocol_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    content = protocol_snapshot(meeting, number=number)
    draft = ProtocolVersion(meeting=meeting, number=number, content=content, sha256=content_sha256(content),
                            created_at=timezone.now(), due_date=justering_due_date(meeting))
    html, content = _document_html(draft, public=False, final=False, approvals=[])
    return pdf.render_content_pdf(html, _embedded(draft, content, public=False), when=draft.created_at)


def render_signed_protocol(version, *, public=False, identity=None):
    """Render and seal one edition of a version: the whole path the benchmark measures."""
    identity = identity or signing.get_signing_identity()
    unsigned = render_protocol_pdf(version, public=public, final=True, identity=identity)
    reason = _("Justerat protokoll, offentlig version") if public else _("Justerat protokoll")
    return signing.sign_pdf(unsigned, identity=identity, reason=reason, location=version.meeting.council.name)


def _finalise(*, version, meeting, user):
    """All have approved: the version is final and the meeting locked now; the PDFs are sealed by a task."""
    version.status = ProtocolVersion.Status.FINAL
    version.finalised_at = timezone.now()
    version.seal_error = ""
    version.save(update_fields=["status", "finalised_at", "seal_error"])
    _set_state(meeting, ProtocolState.FINAL)
    log_action(council=meeting.council, user=user, action="protocols.version.finalised", obj=meeting,
               data={"version": version.number})
    enqueue_seal(version)
    return version


def enqueue_seal(version):
    """Queue the sealing of a final version once the transaction that made it final has committed."""
    version_id, sha256 = version.pk, version.sha256
    transaction.on_commit(lambda: tasks.seal_version.enqueue(version_id, sha256))


def protocol_seal_retry(*, version, user):
    """The coordinator asks for a failed sealing to run again."""
    with transaction.atomic():
        version = ProtocolVersion.objects.select_for_update().select_related("meeting__council").get(pk=version.pk)
        if not version.is_final or version.is_sealed:
            raise JusteringError(_("Protokollet är redan förseglat eller inte justerat."))
        version.seal_error = ""
        version.seal_attempts = 0
        version.save(update_fields=["seal_error", "seal_attempts"])
        log_action(council=version.meeting.council, user=user, action="protocols.version.seal_retried",
                   obj=version.meeting, data={"version": version.number})
        enqueue_seal(version)
    return version


def protocol_seal(*, version_id, sha256):
    """Render and seal both editions of a final version and store them with their hashes.

    Idempotent on the version's SHA-256: a version already sealed, gone, or changed since is left alone.
    Returns True when this call sealed it. A failure is recorded on the version and raised.
    """
    version = ProtocolVersion.objects.select_related("meeting__council").filter(pk=version_id).first()
    if version is None:
        logger.warning("Försegling: protokollversion %s finns inte längre; inget att göra.", version_id)
        return False
    if version.sha256 != sha256 or not version.is_final or version.is_sealed:
        logger.info("Försegling: version %s är redan förseglad eller inte den som köades.", version_id)
        return False
    try:
        identity = signing.get_signing_identity()
        full = render_signed_protocol(version, identity=identity)
        public = render_signed_protocol(version, public=True, identity=identity)
    except Exception as error:
        _record_seal_failure(version_id, error)
        raise
    with transaction.atomic():
        version = ProtocolVersion.objects.select_for_update().select_related("meeting__council").get(pk=version_id)
        if version.is_sealed:
            return False
        stem = f"protokoll-{version.meeting_id}-v{version.number}-{version.finalised_at:%Y%m%d%H%M%S}"
        version.signed_pdf.save(f"{stem}.pdf", ContentFile(full), save=False)
        version.signed_pdf_sha256 = hashlib.sha256(full).hexdigest()
        version.public_pdf.save(f"{stem}-offentlig.pdf", ContentFile(public), save=False)
        version.public_pdf_sha256 = hashlib.sha256(public).hexdigest()
        version.signed_with_test_certificate = identity.is_test_certificate
        version.seal_error = ""
        version.save()
        meeting = version.meeting
        log_action(council=meeting.council, user=None, action="protocols.version.sealed", obj=meeting,
                   data={"version": version.number})
        people = [meeting.secretary] if meeting.secretary_id else []
        emails = [p.email for p in people] + ([version.created_by.email] if version.created_by else [])
        link = reverse("protocols:protocol_pdf", args=[meeting.pk])
        _notify(_("Protokollet är justerat: %(meeting)s") % {"meeting": meeting},
                "protocols/email_final.txt", emails, {"version": version, "link": link})
    return True


def _record_seal_failure(version_id, error):
    logger.exception("Försegling av protokollversion %s misslyckades", version_id)
    with transaction.atomic():
        version = ProtocolVersion.objects.select_for_update().filter(pk=version_id).first()
        if version is None:
            return
        version.seal_attempts += 1
        version.seal_error = f"{type(error).__name__}: {error}"[:1000]
        version.save(update_fields=["seal_attempts", "seal_error"])
        if version.seal_attempts < MAX_SEAL_ATTEMPTS:
            version_id, sha256, attempt = version.pk, version.sha256, version.seal_attempts
            transaction.on_commit(lambda: tasks.retry_seal(version_id, sha256, attempt))


def find_version_for_pdf(pdf_bytes):
    """The stored version a PDF is, as (version, edition, exact) — exact when the bytes are Lobra's own file."""
    digest = hashlib.sha256(pdf_bytes).hexdigest()
    version = ProtocolVersion.objects.select_related("meeting__council").filter(signed_pdf_sha256=digest).first()
    if version:
        return version, "full", True
    version = ProtocolVersion.objects.select_related("meeting__council").filter(public_pdf_sha256=digest).first()
    if version:
        return version, "public", True
    embedded = pdf.embedded_content(pdf_bytes)
    if not isinstance(embedded, dict) or embedded.get("format") != EMBEDDING_FORMAT:
        return None, "", False
    version = ProtocolVersion.objects.select_related("meeting__council").filter(
        sha256=str(embedded.get("version_sha256", ""))
    ).first()
    return version, embedded.get("edition", ""), False


