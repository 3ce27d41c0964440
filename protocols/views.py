"""Justering pages, the signed PDFs at stable addresses, and the verification page."""

import hashlib
import logging

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from meetings import files
from meetings.access import get_meeting_for

from . import services as justering
from . import signing
from .access import get_meeting_for_justering, get_version_for
from .document import version_document
from .models import Approval, ProtocolVersion, justering_due_date
from .preflight import protocol_preflight
from .snapshot import SnapshotMismatch, meeting_for_snapshot

logger = logging.getLogger(__name__)


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Skäl till rättelsen"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        error_messages={"required": gettext_lazy("Ange skälet till rättelsen.")},
    )


class AnswerForm(forms.Form):
    """Approve the version, or return it with a general comment and/or a comment per item."""

    decision = forms.ChoiceField(
        label=gettext_lazy("Ditt svar"), widget=forms.RadioSelect,
        choices=[(Approval.Decision.APPROVED, gettext_lazy("Jag justerar protokollet")),
                 (Approval.Decision.RETURNED, gettext_lazy("Jag skickar tillbaka det med kommentarer"))],
        error_messages={"required": gettext_lazy("Välj om du justerar protokollet eller skickar tillbaka det.")},
    )
    comment = forms.CharField(label=gettext_lazy("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = version.content["items"]
        for item in self.items:
            self.fields[f"item_{item['id']}"] = forms.CharField(
                label=_("Kommentar till %(item)s") % {"item": justering.item_label(item)}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def item_comments(self):
        return {str(item["id"]): self.cleaned_data.get(f"item_{item['id']}", "") for item in self.items}

    def clean(self):
        data = super().clean()
        if data.get("decision") == Approval.Decision.RETURNED and not (
            data.get("comment", "").strip() or any(v.strip() for v in self.item_comments().values())
        ):
            raise forms.ValidationError(_("Skriv vad som ska ändras innan du skickar tillbaka protokollet."))
        return data


class VerifyForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("PDF-fil"), error_messages={"required": gettext_lazy("Välj en PDF-fil att kontrollera.")}
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > files.MAX_SIZE:
            raise forms.ValidationError(_("Filen är större än 20 MB."))
        if files.sniff(upload) != "pdf":  # the same content check as every upload
            raise forms.ValidationError(_("Filen är inte en PDF."))
        return upload.read()


def _absolute(request):
    return request.build_absolute_uri


@login_required
def meeting_protocol(request, pk):
    """The justering page of a meeting: its versions, their approvals, and what can be done next."""
    meeting = get_meeting_for(request.user, pk)
    versions = list(ProtocolVersion.objects.for_meeting_page().filter(meeting=meeting))
    latest = versions[0] if versions else None
    can_write = meeting.council.has_perm(request.user, "meetings.write")
    return render(request, "protocols/meeting_protocol.html", {
        "meeting": meeting,
        "versions": versions,
        "latest": latest,
        "can_write": can_write,
        "lock_reason": meeting.lock_reason,
        "due_date": latest.due_date if latest else justering_due_date(meeting),
        "correction_form": CorrectionForm(),
        "can_send": can_write and meeting.is_editable,
        "preflight": protocol_preflight(meeting_for_snapshot(meeting.pk)) if can_write and meeting.is_editable else [],
        "final": next((v for v in versions if v.is_final), None),
    })


@login_required
@require_POST
def protocol_send(request, pk):
    meeting = get_meeting_for_justering(request.user, pk)
    try:
        version = justering.protocol_send(meeting=meeting, user=request.user, absolute_url=_absolute(request))
    except justering.JusteringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Version %(n)s är skickad för justering.") % {"n": version.number})
    return redirect("protocols:protocol_meeting", pk=meeting.pk)


@login_required
def protocol_draft_pdf(request, pk):
    """The protocol as it would go out for justering now, as a PDF to read first."""
    meeting = get_meeting_for_justering(request.user, pk)
    response = HttpResponse(justering.render_draft_pdf(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="utkast-protokoll-{meeting.pk}.pdf"'
    return response


@login_required
@require_POST
def protocol_withdraw(request, pk):
    meeting = get_meeting_for_justering(request.user, pk)
    try:
        justering.protocol_withdraw(meeting=meeting, user=request.user)
    except justering.JusteringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Protokollet är återkallat och kan ändras igen."))
    return redirect("protocols:protocol_meeting", pk=meeting.pk)


@login_required
@require_POST
def protocol_correction(request, pk):
    meeting = get_meeting_for_justering(request.user, pk)
    form = CorrectionForm(request.POST)
    if form.is_valid():
        try:
            justering.protocol_correction_start(meeting=meeting, user=request.user, reason=form.cleaned_data["reason"])
        except justering.JusteringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Rättelsen är påbörjad. Ändra mötet och skicka det för justering igen."))
    else:
        messages.error(request, " ".join(form.errors["reason"]))
    return redirect("protocols:protocol_meeting", pk=meeting.pk)


@login_required
def version_detail(request, pk, form=None):
    """Exactly the frozen version, with the approve/return form for a pending approver."""
    version = get_version_for(request.user, pk)
    approvals = list(version.approvals.select_related("person"))
    approver = version.approver_for(request.user)
    answered = approver and any(a.person_id == approver["person_id"] for a in approvals)
    latest = ProtocolVersion.objects.filter(meeting_id=version.meeting_id).order_by("-number").first()
    is_current = latest.pk == version.pk and version.status == ProtocolVersion.Status.SENT
    may_answer = bool(approver) and not answered and is_current
    if may_answer and form is None:
        form = AnswerForm(version=version)
    comments = {}
    for approval in approvals:
        for item_id, text in approval.item_comments.items():
            comments.setdefault(item_id, []).append((approval.person.full_name, text))
    document = version_document(version)
    items = [
        {**item, "comments": comments.get(str(item["id"]), []), "html": document["items"][str(item["id"])],
         "field": form[f"item_{item['id']}"] if may_answer else None}
        for item in version.content["items"]
    ]
    return render(request, "protocols/version_detail.html", {
        "version": version, "c": version.content, "meeting": version.meeting, "items": items, "document": document,
        "approvals": approvals, "approver": approver,
        "approver_rows": [(a, next((ap for ap in approvals if ap.person_id == a["person_id"]), None))
                          for a in version.approvers], "may_answer": may_answer, "form": form,
        "latest": latest, "is_current": is_current,
    }, status=200 if form is None or not form.errors else 400)


@login_required
@require_POST
def version_answer(request, pk):
    version = get_version_for(request.user, pk, answer=True)
    form = AnswerForm(request.POST, version=version)
    if not form.is_valid():
        return version_detail(request, pk, form=form)
    try:
        justering.version_answer(
            version=version, user=request.user, decision=form.cleaned_data["decision"],
            comment=form.cleaned_data["comment"], item_comments=form.item_comments(),
            absolute_url=_absolute(request),
        )
    except justering.JusteringError as error:
        messages.error(request, error.message)
        return redirect("protocols:protocol_version", pk=version.pk)
    version.refresh_from_db()
    if version.is_final:
        messages.success(request, _("Tack! Alla har justerat: protokollet är nu slutgiltigt. "
                                    "Det förseglas och kan hämtas som PDF om en stund."))
    elif form.cleaned_data["decision"] == Approval.Decision.APPROVED:
        messages.success(request, _("Tack! Du har justerat protokollet."))
    else:
        messages.success(request, _("Protokollet är skickat tillbaka med dina kommentarer."))
    return redirect("protocols:protocol_version", pk=version.pk)


@login_required
def version_preview(request, pk):
    """The version as an unsigned PDF preview, rendered from the frozen content."""
    version = get_version_for(request.user, pk)
    try:
        data = justering.render_protocol_pdf(version, final=False)
    except SnapshotMismatch:
        logger.error("Protokollversion %s: fryst innehåll stämmer inte med SHA-256; visas inte.", version.pk)
        return _refused(request, _("Protokollversionens innehåll stämmer inte med sin kontrollsumma och visas inte. "
                                   "Kontakta Lobras förvaltare."))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="forhandsgranskning-{version.meeting_id}-v{version.number}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _refused(request, message, status=409):
    return render(request, "protocols/refused.html", {"message": message}, status=status)


def _serve(request, version, field, sha256, filename):
    """A stored PDF, only when its bytes still have the SHA-256 recorded when it was sealed."""
    if not sha256:
        return _refused(request, _("Protokollet förseglas just nu. Försök igen om en stund."), status=503)
    try:
        with field.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        data = b""
    if hashlib.sha256(data).hexdigest() != sha256:
        logger.error("Protokoll-PDF %s för version %s stämmer inte med sin SHA-256; lämnas inte ut.",
                     field.name, version.pk)
        return _refused(request, _("Den lagrade PDF-filen stämmer inte med sin kontrollsumma och lämnas inte ut. "
                                   "Händelsen är loggad; protokollet kan förseglas på nytt från den frysta "
                                   "versionen."))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = f'"{sha256}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _latest_final(meeting_id):
    version = ProtocolVersion.objects.final().select_related("meeting").filter(meeting_id=meeting_id).order_by(
        "-number").first()
    if version is None:
        raise Http404(_("Protokollet är inte justerat än."))
    return version


@login_required
def protocol_pdf(request, pk):
    """The final signed protocol, byte for byte as stored, for those allowed to see the meeting."""
    meeting = get_meeting_for(request.user, pk)
    version = _latest_final(meeting.pk)
    return _serve(request, version, version.signed_pdf, version.signed_pdf_sha256,
                  f"protokoll-{meeting.pk}-v{version.number}.pdf")


def protocol_public_pdf(request, pk):
    """The public signed protocol: readable by anyone once the protocol is final."""
    version = _latest_final(pk)
    return _serve(request, version, version.public_pdf, version.public_pdf_sha256,
                  f"protokoll-{pk}-v{version.number}-offentlig.pdf")


@login_required
def version_pdf(request, pk):
    version = get_version_for(request.user, pk)
    if not version.is_final:
        raise Http404
    return _serve(request, version, version.signed_pdf, version.signed_pdf_sha256,
                  f"protokoll-{version.meeting_id}-v{version.number}.pdf")


def version_public_pdf(request, pk):
    version = get_object_or_404(ProtocolVersion.objects.final(), pk=pk)
    return _serve(request, version, version.public_pdf, version.public_pdf_sha256,
                  f"protokoll-{version.meeting_id}-v{version.number}-offentlig.pdf")


@login_required
@require_POST
def version_seal_retry(request, pk):
    """The coordinator runs a failed sealing again."""
    version = get_version_for(request.user, pk, write=True)
    try:
        justering.protocol_seal_retry(version=version, user=request.user)
    except justering.JusteringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Protokollet förseglas igen."))
    return redirect("protocols:protocol_meeting", pk=version.meeting_id)


@login_required
def version_seal_status(request, pk):
    """Whether a final version's PDFs exist yet, for the page that waits for them."""
    version = get_version_for(request.user, pk)
    return JsonResponse({"sealed": version.is_sealed, "failed": version.seal_failed})


def verify(request):
    """Upload a PDF and learn whether its seal holds, who sealed it, and which protocol version it is."""
    result = version = None
    edition, exact, digest = "", False, ""
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data["file"]
            digest = hashlib.sha256(data).hexdigest()
            result = signing.verify_pdf(data)
            version, edition, exact = justering.find_version_for_pdf(data)
    else:
        form = VerifyForm()
    may_see = version is not None and request.user.is_authenticated and version.meeting.council.is_member(request.user)
    return render(request, "protocols/verify.html", {
        "form": form, "result": result, "version": version, "edition": edition, "exact": exact,
        "digest": digest, "may_see_meeting": may_see,
    }, status=400 if form.errors else 200)
