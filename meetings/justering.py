"""Justering: freeze a protocol, collect approvals, render and seal the final PDFs once, corrections."""

import copy
import hashlib

import nh3
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.models import log_action

from . import pdf, signing
from .models import Attendance, Meeting
from .protocol_models import Approval, ProtocolVersion, justering_due_date, protocol_lock_reason

CONTENT_FORMAT = "lobra-protokoll/1"
ATTENDANCE_GROUPS = [
    ("present", Attendance.Status.PRESENT),
    ("co_opted", Attendance.Status.CO_OPTED),
    ("apologies", Attendance.Status.APOLOGIES),
    ("absent", Attendance.Status.ABSENT),
    ("called", Attendance.Status.CALLED),
]


class JusteringError(ValidationError):
    """A justering step that cannot be taken now; the message is for the user."""


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
            "minutes": nh3.clean(item.minutes or ""),
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
        "format": CONTENT_FORMAT,
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
            "starts": local_start.strftime("%H:%M"),
            "ends": local_end.strftime("%H:%M"),
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


def _meeting_for_snapshot(meeting_id):
    return Meeting.objects.for_page().select_related("council__organisation").get(pk=meeting_id)


def _notify(subject, template, recipients, context):
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    body = render_to_string(template, context)
    mail.send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def protocol_send(*, meeting, user, absolute_url=lambda path: path):
    """Freeze the meeting's protocol as a new version and ask the chair and adjusters to approve it."""
    with transaction.atomic():
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        reason = protocol_lock_reason(meeting.pk)
        if reason:
            raise JusteringError(reason)
        meeting = _meeting_for_snapshot(meeting.pk)
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
        log_action(council=meeting.council, user=user, action=_("Skickade protokoll för justering"), obj=version)
        link = absolute_url(version.get_absolute_url())
        emails = [person.email for person, _role in approvers_of(meeting)]
        transaction.on_commit(lambda: _notify(
            _("Protokoll att justera: %(meeting)s") % {"meeting": meeting},
            "meetings/protocol/email_send.txt", emails, {"version": version, "meeting": meeting, "link": link},
        ))
    return version


def protocol_withdraw(*, meeting, user):
    """Take back the version out for justering so the meeting can be edited again."""
    with transaction.atomic():
        version = _latest_for_update(meeting)
        if version is None or version.status != ProtocolVersion.Status.SENT:
            raise JusteringError(_("Det finns ingen version ute på justering att återkalla."))
        version.status = ProtocolVersion.Status.WITHDRAWN
        version.save(update_fields=["status"])
        log_action(council=meeting.council, user=user, action=_("Återkallade protokoll från justering"), obj=version)
    return version


def protocol_correction_start(*, meeting, user, reason):
    """Open a final protocol for a rättelse; the next version sent is marked as a correction with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise JusteringError(_("Ange skälet till rättelsen."))
    with transaction.atomic():
        version = _latest_for_update(meeting)
        if version is None or version.status != ProtocolVersion.Status.FINAL or version.correction_started_at:
            raise JusteringError(_("Bara ett justerat protokoll kan rättas."))
        version.correction_started_at = timezone.now()
        version.correction_started_by = user
        version.pending_correction_reason = reason
        version.save(update_fields=["correction_started_at", "correction_started_by", "pending_correction_reason"])
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
        log_action(council=meeting.council, user=user, action=_("Påbörjade rättelse av protokoll"), obj=version)
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
        version = ProtocolVersion.objects.select_for_update().select_related("meeting__council").get(pk=version.pk)
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
            log_action(council=meeting.council, user=user, action=_("Skickade tillbaka protokoll"), obj=version)
            emails = [version.created_by.email] if version.created_by and version.created_by.email else []
            if meeting.secretary_id:
                emails.append(meeting.secretary.email)
            context = {"version": version, "approval": approval, "link": absolute_url(version.get_absolute_url()),
                       "item_comments": item_comment_rows(version, approval)}
            transaction.on_commit(lambda: _notify(
                _("Protokollet skickades tillbaka: %(meeting)s") % {"meeting": meeting},
                "meetings/protocol/email_returned.txt", sorted(set(emails)), context,
            ))
            return approval
        log_action(council=meeting.council, user=user, action=_("Justerade protokoll"), obj=version)
        approved = set(version.approvals.filter(decision=Approval.Decision.APPROVED).values_list("person_id", flat=True))
        if approved >= {a["person_id"] for a in version.approvers}:
            protocol_finalise(version=version, user=user)
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
            "date": local.date().isoformat(), "time": local.strftime("%H:%M"),
        })
    return rows


def _document_html(version, *, public, final, identity=None, approvals=None):
    content = redact(version.content) if public else version.content
    return render_to_string("meetings/protocol/pdf.html", {
        "c": content,
        "version": version,
        "public": public,
        "final": final,
        "approvals": approvals if approvals is not None else _approval_rows(version),
        "test_certificate": identity.is_test_certificate if identity else False,
        "signer_name": identity.signer_name if identity else "",
    }), content


def _embedded(version, content, *, public):
    return {"format": CONTENT_FORMAT, "edition": "public" if public else "full", "meeting_id": version.meeting_id,
            "version_number": version.number, "version_sha256": version.sha256, "content": content}


def render_protocol_pdf(version, *, public=False, final=False, identity=None, when=None):
    """The protocol of a version as unsigned PDF/A-3b bytes, with its content embedded as JSON."""
    html, content = _document_html(version, public=public, final=final, identity=identity)
    when = when or version.finalised_at or version.created_at
    return pdf.render_content_pdf(html, _embedded(version, content, public=public), when=when)


def render_signed_protocol(version, *, public=False, identity=None):
    """Render and seal one edition of a version: the whole path the benchmark measures."""
    identity = identity or signing.get_signing_identity()
    unsigned = render_protocol_pdf(version, public=public, final=True, identity=identity)
    reason = _("Justerat protokoll, offentlig version") if public else _("Justerat protokoll")
    return signing.sign_pdf(unsigned, identity=identity, reason=reason, location=version.meeting.council.name)


def protocol_finalise(*, version, user):
    """Make the version final: render and seal the full and public PDFs once, store them with hashes."""
    identity = signing.get_signing_identity()
    version.status = ProtocolVersion.Status.FINAL
    version.finalised_at = timezone.now()
    version.signed_with_test_certificate = identity.is_test_certificate
    stem = f"protokoll-{version.meeting_id}-v{version.number}-{version.finalised_at:%Y%m%d%H%M%S}"
    full = render_signed_protocol(version, identity=identity)
    public = render_signed_protocol(version, public=True, identity=identity)
    version.signed_pdf.save(f"{stem}.pdf", ContentFile(full), save=False)
    version.signed_pdf_sha256 = hashlib.sha256(full).hexdigest()
    version.public_pdf.save(f"{stem}-offentlig.pdf", ContentFile(public), save=False)
    version.public_pdf_sha256 = hashlib.sha256(public).hexdigest()
    version.save()
    Meeting.objects.filter(pk=version.meeting_id).update(status=Meeting.Status.APPROVED)
    log_action(council=version.meeting.council, user=user, action=_("Protokollet blev justerat och signerat"),
               obj=version)
    meeting = version.meeting
    people = [meeting.secretary] if meeting.secretary_id else []
    emails = [p.email for p in people] + ([version.created_by.email] if version.created_by else [])
    link = reverse("meetings:protocol_pdf", args=[meeting.pk])
    transaction.on_commit(lambda: _notify(
        _("Protokollet är justerat: %(meeting)s") % {"meeting": meeting},
        "meetings/protocol/email_final.txt", sorted(set(filter(None, emails))), {"version": version, "link": link},
    ))
    return version


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
    if not isinstance(embedded, dict) or embedded.get("format") != CONTENT_FORMAT:
        return None, "", False
    version = ProtocolVersion.objects.select_related("meeting__council").filter(
        sha256=str(embedded.get("version_sha256", ""))
    ).first()
    return version, embedded.get("edition", ""), False


