"""Meeting pages: list, create, agenda, attendance, live minutes, decisions, kallelse and calendars."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from councils.access import get_council_for
from councils.history import history_for
from councils.pagecache import body_context, cached_body, perms_key, query_key

from . import services
from .access import get_attachment_for, get_attendance_for, get_decision_for, get_item_for, get_meeting_for
from .editor import editor_media, editor_texts, minutes_widget_html
from .files import file_response
from .filters import MeetingFilter
from .forms import (
    AddPersonForm,
    AgendaItemAddForm,
    AgendaItemForm,
    AttachmentForm,
    AttendanceStatusForm,
    DecisionForm,
    GuestForm,
    MeetingForm,
)
from .ics import calendar_bytes
from .models import AgendaItem, Attendance, CalendarFeed, Meeting, page_prefetches
from .sanitize import too_long_message
from .selectors import attendance_groups, meeting_document


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _form_page(request, form, *, title, meeting=None, council=None):
    """The shared form page (templates/form.html), back to the meeting or to the council's meetings."""
    if meeting is not None:
        up_url, up_label = meeting.get_absolute_url(), meeting
    else:
        up_url, up_label = reverse("meetings:meeting_list", args=[council.pk]), f"{_('Möten')} – {council}"
    return render(request, "form.html", {"form": form, "title": title, "back": up_url,
                                         "up_url": up_url, "up_label": up_label})


@login_required
def meeting_list(request, council_pk):
    """The council's meetings, filtered. The body is rendered once per council revision, filter and reader's
    permissions (councils/pagecache.py)."""
    council = get_council_for(request.user, council_pk)
    perms = council.perms_of(request.user)

    def render_body():
        meetings = Meeting.objects.filter(council=council).with_counts().order_by("-starts_at")
        filterset = MeetingFilter(request.GET or None, queryset=meetings, council=council)
        return render_to_string("meetings/_meeting_list_body.html", body_context(
            council=council, filter=filterset, meetings=filterset.qs, can_write="meetings.write" in perms,
        ))

    body = cached_body(request, "meeting-list", council.pk, council.revision, perms_key(perms),
                       query_key(request.GET), render=render_body)
    return render(request, "meetings/meeting_list.html", {"council": council, "body": body})


@login_required
def meeting_create(request, council_pk):
    council = get_council_for(request.user, council_pk, perm="meetings.write")
    form = MeetingForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_create(
            council=council, user=request.user, data=form.meeting_data(), adjusters=form.cleaned_data["adjusters"]
        )
        messages.success(request, _("Mötet är skapat med rådets standarddagordning."))
        return redirect("meetings:meeting_agenda", pk=meeting.pk)
    return _form_page(request, form, council=council, title=_("Nytt möte"))


@login_required
def meeting_edit(request, pk):
    meeting = get_meeting_for(request.user, pk, write=True)
    form = MeetingForm(request.POST or None, instance=meeting, council=meeting.council)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_update(meeting=meeting, user=request.user, data=form.meeting_data(),
                                          adjusters=form.cleaned_data["adjusters"])
        messages.success(request, _("Ändringarna är sparade."))
        return redirect(meeting)
    return _form_page(request, form, meeting=meeting, title=_("Ändra möte"))


def _page_context(request, meeting):
    """The minutes page's context: the meeting's prefetched rows, grouped as the page shows them."""
    items = list(meeting.items.all())
    return {
        "meeting": meeting,
        "council": meeting.council,
        "items": items,
        "attendance_groups": attendance_groups(meeting.attendances.all()),
        "can_write": meeting.council.has_perm(request.user, "meetings.write"),
        "loose_attachments": meeting.split_attachments(items),
    }


@login_required
def meeting_detail(request, pk):
    """The meeting as a document. Its body is rendered once per council revision and reader's permissions
    (councils/pagecache.py); a request that finds it cached reads only the meeting row and the reader's roles."""
    meeting = get_meeting_for(request.user, pk)  # with council and forum; the body fetches the rest on a miss
    perms = meeting.council.perms_of(request.user)
    parts = (meeting.pk, meeting.council.revision, meeting.protocol_state, meeting.updated_at.timestamp(),
             perms_key(perms))

    def render_body():
        document = meeting_document(meeting, perms)
        can_write = "meetings.write" in perms
        return render_to_string("meetings/_meeting_body.html", body_context(
            **document, can_write=can_write, history=history_for(meeting),
            attachments=list(meeting.attachments.all()) if can_write else [],
        ))

    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting,
        "council": meeting.council,
        "can_write": "meetings.write" in perms,
        "body": cached_body(request, "meeting", *parts, render=render_body),
    })


@login_required
def meeting_minutes(request, pk):
    meeting = get_meeting_for(
        request.user, pk, write=True, queryset=Meeting.objects.for_page_head(), prefetch=page_prefetches()
    )
    context = _page_context(request, meeting)
    # Every item has the same decision form: render it once and give each copy its own ids.
    form = DecisionForm(council=meeting.council, auto_id="id_decision_ITEM_%s")
    fields = render_to_string("meetings/_decision_fields.html", {"form": form})
    for item in context["items"]:
        item.decision_fields = mark_safe(fields.replace("_ITEM_", f"_{item.pk}_"))  # our own template, escaped
        item.minutes_widget = minutes_widget_html(item)
    context.update(editor_media=editor_media(nonce=request.csp_nonce), editor_texts=editor_texts(), too_long_message=too_long_message())
    return render(request, "meetings/meeting_minutes.html", context)


def _minutes_too_long(request, item):
    """Minutes over the stated size (or a body over Django's upload limit): refused with the same message."""
    if _wants_json(request):
        return JsonResponse({"error": too_long_message()}, status=413)
    messages.error(request, too_long_message())
    return redirect(reverse("meetings:meeting_minutes", args=[item.meeting_id]) + f"#item-{item.pk}")


def _minutes_locked(request, locked):
    """The protocol went out for justering: nothing was saved, and the browser keeps the text as after a conflict."""
    if _wants_json(request):
        return JsonResponse({"error": str(locked.args[0]), "locked": True}, status=423)
    raise locked


@login_required
@require_POST
def minutes_save(request, item_pk):
    try:
        item = get_item_for(request.user, item_pk, write=True)
    except services.MeetingLocked as locked:
        # Locked before the request arrived: the same answer as a lock taken while it was on its way.
        return _minutes_locked(request, locked)
    try:
        base_version = int(request.POST.get("version", ""))
    except ValueError:
        return JsonResponse({"error": _("Versionsnummer saknas.")}, status=400)
    except RequestDataTooBig:
        return _minutes_too_long(request, item)
    try:
        result = services.minutes_save(
            item=item, user=request.user, minutes=request.POST.get("minutes", ""), base_version=base_version
        )
    except ValidationError:
        return _minutes_too_long(request, item)
    except services.MeetingLocked as locked:
        return _minutes_locked(request, locked)
    current = result.item
    saved_at = timezone.localtime(current.minutes_updated_at).strftime("%H.%M") if current.minutes_updated_at else ""
    payload = {"version": current.version, "minutes": current.minutes, "saved_at": saved_at}
    if not result.saved and current.minutes_updated_by:
        writer = current.minutes_updated_by
        payload["saved_by"] = str(getattr(writer, "person", None) or writer)
    if result.saved:
        if _wants_json(request):
            return JsonResponse(payload)
        messages.success(request, _("Sparat %(time)s") % {"time": saved_at})
        return redirect(reverse("meetings:meeting_minutes", args=[item.meeting_id]) + f"#item-{item.pk}")
    if _wants_json(request):
        return JsonResponse(payload, status=409)
    return render(request, "meetings/conflict.html", {
        "item": current, "meeting": item.meeting, "council": item.meeting.council,
        "mine": request.POST.get("minutes", ""), "mine_clean": services.clean_minutes(request.POST.get("minutes", "")),
    }, status=409)


@login_required
def agenda_edit(request, pk):
    meeting = get_meeting_for(request.user, pk, write=True)
    form = AgendaItemAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.agenda_item_add(meeting=meeting, user=request.user, title=form.cleaned_data["title"])
        return redirect("meetings:meeting_agenda", pk=meeting.pk)
    items = meeting.items.select_related("presenter")
    return render(request, "meetings/agenda.html", {
        "meeting": meeting, "council": meeting.council, "items": items, "form": form,
    })


@login_required
@require_POST
def agenda_save_as_standard(request, pk):
    meeting = get_meeting_for(request.user, pk, write=True)
    services.agenda_template_replace(meeting=meeting, user=request.user)
    messages.success(request, _("Dagordningen är nu rådets standarddagordning för nya möten."))
    return redirect("meetings:meeting_agenda", pk=meeting.pk)


@login_required
def item_edit(request, item_pk):
    item = get_item_for(request.user, item_pk, write=True)
    meeting = item.meeting
    form = AgendaItemForm(request.POST or None, instance=item, council=meeting.council)
    if request.method == "POST" and form.is_valid():
        services.agenda_item_update(item=form.save(commit=False), user=request.user,
                                    numbered=form.cleaned_data["numbered"])
        messages.success(request, _("Punkten är sparad."))
        return redirect("meetings:meeting_agenda", pk=meeting.pk)
    return _form_page(request, form, meeting=meeting, title=_("Ändra dagordningspunkt"))


@login_required
@require_POST
def item_move(request, item_pk):
    item = get_item_for(request.user, item_pk, write=True)
    services.agenda_move(item=item, user=request.user, direction=-1 if request.POST.get("direction") == "up" else 1)
    return redirect(reverse("meetings:meeting_agenda", args=[item.meeting_id]) + f"#item-{item.pk}")


@login_required
@require_POST
def item_delete(request, item_pk):
    item = get_item_for(request.user, item_pk, write=True)
    try:
        services.agenda_item_delete(item=item, user=request.user,
                                    text_confirmed=request.POST.get("text_confirmed") == "1")
    except services.ItemHasText:
        return render(request, "meetings/item_delete.html", {
            "item": item, "meeting": item.meeting, "council": item.meeting.council,
        })
    except services.ItemNotEmpty as refused:
        messages.error(request, str(refused.args[0]))
    else:
        messages.success(request, _("Punkten är borttagen."))
    return redirect("meetings:meeting_agenda", pk=item.meeting_id)


@login_required
def attendance(request, pk):
    meeting = get_meeting_for(request.user, pk, write=True)
    rows = list(meeting.attendances.select_related("person__organisation"))
    form = AttendanceStatusForm(request.POST or None, attendances=rows)
    if request.method == "POST" and form.is_valid():
        changed = services.attendance_set(meeting=meeting, user=request.user, statuses=form.statuses())
        messages.success(request, _("Närvaron är sparad (%(n)s ändringar).") % {"n": len(changed)})
        return redirect("meetings:meeting_attendance", pk=meeting.pk)
    return render(request, "meetings/attendance.html", {
        "meeting": meeting, "council": meeting.council, "form": form, "statuses": Attendance.Status.choices,
        "guest_form": GuestForm(prefix="guest"), "person_form": AddPersonForm(meeting=meeting, prefix="person"),
    })


@login_required
@require_POST
def attendance_add(request, pk):
    meeting = get_meeting_for(request.user, pk, write=True)
    if "person-person" in request.POST:
        form = AddPersonForm(request.POST, meeting=meeting, prefix="person")
        if form.is_valid():
            row = Attendance(person=form.cleaned_data["person"])
    else:
        form = GuestForm(request.POST, prefix="guest")
        if form.is_valid():
            row = form.save(commit=False)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("meetings:meeting_attendance", pk=meeting.pk)
    row = services.attendance_add(meeting=meeting, user=request.user, row=row)
    messages.success(request, _("%(name)s är tillagd.") % {"name": row.name})
    return redirect("meetings:meeting_attendance", pk=meeting.pk)


@login_required
@require_POST
def attendance_delete(request, pk):
    row = get_attendance_for(request.user, pk, write=True)
    services.attendance_delete(row=row, user=request.user)
    return redirect("meetings:meeting_attendance", pk=row.meeting_id)


@login_required
@require_POST
def decision_add(request, item_pk):
    item = get_item_for(request.user, item_pk, write=True)
    form = DecisionForm(request.POST, council=item.meeting.council)
    anchor = reverse("meetings:meeting_minutes", args=[item.meeting_id]) + f"#item-{item.pk}"
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(anchor)
    decision = services.decision_add(item=item, user=request.user, decision=form.save(commit=False))
    messages.success(request, _("%(kind)s är sparat.") % {"kind": decision.get_kind_display()})
    return redirect(anchor)


@login_required
@require_POST
def decision_delete(request, pk):
    decision = get_decision_for(request.user, pk, write=True)
    item = decision.agenda_item
    services.decision_delete(decision=decision, user=request.user)
    return redirect(reverse("meetings:meeting_minutes", args=[item.meeting_id]) + f"#item-{item.pk}")


@login_required
def notice_send(request, pk):
    """GET: the kallelse as it will go out, with its recipients; POST: send it."""
    meeting = get_meeting_for(request.user, pk, write=True)
    url = request.build_absolute_uri(meeting.get_absolute_url())
    if request.method == "POST":
        try:
            sent = services.notice_send(meeting=meeting, user=request.user, url=url,
                                        past_confirmed=request.POST.get("past_confirmed") == "1")
        except services.NoticeRefused as refused:
            messages.error(request, str(refused))
            return redirect("meetings:meeting_notice", pk=meeting.pk)
        messages.success(request, _("Kallelsen är skickad till %(n)s personer.") % {"n": sent})
        return redirect(meeting)
    preview = services.notice_preview(meeting=meeting, url=url)
    return render(request, "meetings/notice_preview.html", {
        "meeting": preview.meeting, "council": meeting.council, "preview": preview,
    })


@login_required
def meeting_ics(request, pk):
    meeting = get_meeting_for(request.user, pk)
    body = calendar_bytes([meeting], name=str(meeting.body),
                          url_for=lambda m: request.build_absolute_uri(m.get_absolute_url()))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mote-{meeting.pk}.ics"'
    return response


@login_required
def calendar(request, council_pk):
    council = get_council_for(request.user, council_pk)
    feed = CalendarFeed.objects.filter(user=request.user, council=council).first()
    if request.method == "POST":
        with transaction.atomic():
            if feed:
                feed.delete()
            feed = CalendarFeed.objects.create(user=request.user, council=council)
        messages.success(request, _("En ny hemlig kalenderadress är skapad. Den gamla slutar fungera."))
        return redirect("meetings:calendar_feed", council_pk=council.pk)
    url = request.build_absolute_uri(feed.get_absolute_url()) if feed else ""
    return render(request, "meetings/calendar.html", {"council": council, "feed": feed, "url": url})


_URL_KEY = 918273645  # stands in for a meeting's key in an address reversed once


def feed(request, token):
    """The iCalendar feed behind a secret address; no login, but only while the user is still a member."""
    subscription = get_object_or_404(CalendarFeed.objects.select_related("council", "user"), token=token)
    if not subscription.user.is_active or not subscription.council.is_member(subscription.user):
        raise Http404
    council = subscription.council
    # One reverse() for the whole feed, not one per meeting: only the key differs between the addresses.
    head, tail = request.build_absolute_uri(reverse("meetings:meeting_detail", args=[_URL_KEY])).split(str(_URL_KEY))

    def render_feed():
        # The feed shows each item's number and title only; its minutes stay in the database.
        items = AgendaItem.objects.only("meeting_id", "position", "number", "title", "confidential")
        meetings = (Meeting.objects.filter(council=council).select_related("forum", "council")
                    .prefetch_related(Prefetch("items", queryset=items)).order_by("starts_at"))
        return calendar_bytes(meetings, name=str(council), url_for=lambda m: f"{head}{m.pk}{tail}").decode()

    # Calendar apps poll the feed; it is the same for every subscriber of the council at this address, and it
    # is built anew after any change in the council (councils/pagecache.py).
    body = cached_body(request, "feed", council.pk, council.revision, head, render=render_feed)
    return HttpResponse(body.encode(), content_type="text/calendar; charset=utf-8")



@login_required
def attachment_upload(request, pk):
    meeting = get_meeting_for(request.user, pk, write=True)
    form = AttachmentForm(request.POST or None, request.FILES or None, meeting=meeting,
                          initial={"agenda_item": request.GET.get("item")})
    if request.method == "POST" and form.is_valid():
        attachment = services.attachment_add(meeting=meeting, user=request.user, attachment=form.save(commit=False))
        messages.success(request, _("%(attachment)s är uppladdad.") % {"attachment": attachment})
        return redirect(meeting)
    return _form_page(request, form, meeting=meeting, title=_("Ladda upp bilaga"))


@login_required
def attachment_download(request, pk):
    attachment = get_attachment_for(request.user, pk)
    ending = attachment.file.name.rsplit(".", 1)[-1]
    return file_response(attachment.file.open("rb"), content_type=attachment.content_type,
                         filename=f"{attachment.title}.{ending}")


@login_required
@require_POST
def attachment_delete(request, pk):
    attachment = get_attachment_for(request.user, pk, write=True)
    services.attachment_delete(attachment=attachment, user=request.user)
    messages.success(request, _("Bilagan är borttagen."))
    return redirect(attachment.meeting)
