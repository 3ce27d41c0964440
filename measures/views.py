"""Action plan pages: the plan, measures and their follow-up, places, exports and import."""

from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from councils.access import get_council_for
from councils.history import history_for
from councils.models import today
from councils.pagecache import body_context, cached_body, perms_key, query_key
from meetings.files import content_type_for, file_response, name_ending

from . import pdf, selectors, services, spreadsheet
from .access import (
    get_agreement_for,
    get_area_for,
    get_item_for_linking,
    get_measure_for,
    get_place_for,
    get_task_for,
    may_follow_up,
)
from .forms import (
    AgreementForm,
    CommentForm,
    DecisionActivityForm,
    FollowUpForm,
    ImportForm,
    ItemMeasureForm,
    MeasureForm,
    PlaceForm,
    PriorityAreaForm,
)
from .models import Activity, Agreement, Measure, Place
from .sections import measure_sections

STALE_MONTHS_DEFAULT = 6


def _form_page(request, form, *, council, title, back, status=200):
    return render(request, "form.html", {"form": form, "title": title, "back": back,
                                         "up_url": council.get_absolute_url(), "up_label": council},
                  status=status)


@login_required
def council_measures(request, council_pk):
    """The council's action plans, places and the measures that need attention."""
    council = get_council_for(request.user, council_pk)
    agreements = Agreement.objects.filter(council=council).prefetch_related("parties")
    flagged = Measure.objects.filter(council=council, priority_area__isnull=True, problem="")
    return render(request, "measures/council_measures.html", {
        "council": council,
        "agreements": agreements,
        "places": Place.objects.filter(council=council),
        "flagged": flagged,
        "council_perms": council.perms_of(request.user),
    })


@login_required
def plan(request, pk):
    """The plan of an agreement, per priority area, laid out like the signed document."""
    agreement = get_agreement_for(request.user, pk)
    if "sida" in request.GET:  # the first release's Swedish page parameter
        query = request.GET.copy()
        query["page"] = query.pop("sida")[-1]
        return redirect(f"{request.path}?{query.urlencode()}", permanent=True)
    council = agreement.council
    perms = council.perms_of(request.user)

    def render_body():
        plan = selectors.plan_for(agreement, request.GET, page_number=request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render_to_string("measures/_plan_body.html", body_context(
            agreement=agreement, council=council, plan=plan, filter=plan.filter, council_perms=perms,
            query=query.urlencode(), query_dict=request.GET,  # for {% querystring %}: no request in a body
        ))

    # The body is rendered once per council revision, day (overdue follow-ups), filter and page, and reader's
    # permissions (councils/pagecache.py).
    body = cached_body(request, "plan", agreement.pk, council.revision, today(), perms_key(perms),
                       query_key(request.GET), render=render_body)
    return render(request, "measures/plan.html", {"agreement": agreement, "council": council, "body": body})


@login_required
def plan_pdf(request, pk):
    agreement = get_agreement_for(request.user, pk)
    plan = selectors.plan_for(agreement, request.GET, per_page=None)
    if plan.total > pdf.MAX_MEASURES:
        # ~75 ms per table page: a plan of thousands of measures would hold a worker for minutes.
        messages.error(request, _("Planen har %(count)s åtgärder. Filtrera fram högst %(max)s för att skapa en PDF; "
                                  "CSV-exporten tar hela planen.") % {"count": plan.total, "max": pdf.MAX_MEASURES})
        return redirect(f"{agreement.get_absolute_url()}?{request.GET.urlencode()}")
    content = pdf.plan_pdf(agreement=agreement, blocks=plan.blocks, generated_on=today())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="atgardsplan-{agreement.pk}.pdf"'
    return response


@login_required
def plan_csv(request, pk):
    agreement = get_agreement_for(request.user, pk)
    plan = selectors.plan_for(agreement, request.GET, per_page=None)
    response = HttpResponse(spreadsheet.export_csv(plan.measures), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="atgardsplan-{agreement.pk}.csv"'
    return response


@login_required
def plan_import(request, pk):
    """Upload a CSV, see every row-level error or a preview, then save all rows or none."""
    agreement = get_agreement_for(request.user, pk, write=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        result = spreadsheet.parse_csv(text, agreement=agreement)
        if result.ok and request.POST.get("confirm") and not form.cleaned_data.get("file"):
            created = spreadsheet.import_rows(result=result, agreement=agreement, user=request.user)
            messages.success(request, _("%(count)s åtgärder importerades.") % {"count": len(created)})
            return redirect(agreement)
        form = ImportForm(initial={"content": text})
    return render(request, "measures/import.html", {
        "agreement": agreement, "council": agreement.council, "form": form, "result": result,
    })


@login_required
def measure_detail(request, pk):
    """The measure with its follow-ups, meetings and comments. The body is rendered once per council revision,
    day (a follow-up falls due), reader's permissions and right to follow up (councils/pagecache.py)."""
    measure = get_measure_for(request.user, pk)
    perms = measure.council.perms_of(request.user)
    can_follow_up = may_follow_up(request.user, measure)

    def render_body():
        shown = Measure.objects.for_display().select_related("council", "priority_area__agreement").get(pk=measure.pk)
        return render_to_string("measures/_measure_body.html", body_context(
            measure=shown,
            council=shown.council,
            follow_ups=shown.follow_ups.select_related("author__organisation", "meeting__council", "meeting__forum"),
            agenda_items=shown.agenda_items.select_related("meeting__council", "meeting__forum")
            .order_by("-meeting__starts_at"),
            comments=shown.comments.select_related("author__organisation"),
            can_follow_up=can_follow_up,
            council_perms=perms,
            follow_up_form=FollowUpForm(council=shown.council) if can_follow_up else None,
            comment_form=CommentForm(),
            sections=measure_sections(shown, perms),
            history=history_for(shown),
        ))

    body = cached_body(request, "measure", measure.pk, measure.council.revision, today(), perms_key(perms),
                       can_follow_up, render=render_body)
    return render(request, "measures/measure_detail.html",
                  {"measure": measure, "council": measure.council, "body": body})


@login_required
@require_POST
def follow_up_add(request, pk):
    measure = get_measure_for(request.user, pk, follow_up=True)
    form = FollowUpForm(request.POST, council=measure.council)
    if form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "next_due"}
        services.follow_up_add(measure=measure, user=request.user, fields=fields,
                               next_due=form.cleaned_data["next_due"])
        messages.success(request, _("Uppföljningen är sparad."))
        return redirect(measure)
    return _form_page(request, form, council=measure.council, title=_("Ny uppföljning: %(m)s") % {"m": measure},
                      back=measure.get_absolute_url(), status=400)


@login_required
@require_POST
def comment_add(request, pk):
    measure = get_measure_for(request.user, pk, comment=True)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(measure=measure, user=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Kommentaren är sparad."))
        return redirect(measure)
    return _form_page(request, form, council=measure.council, title=_("Kommentera"),
                      back=measure.get_absolute_url(), status=400)


@login_required
def measure_create(request, council_pk):
    council = get_council_for(request.user, council_pk, perm="measures.write")
    initial = {key: request.GET[key] for key in ("priority_area", "place", "kind") if key in request.GET}
    form = MeasureForm(request.POST or None, council=council, initial=initial)
    if request.method == "POST" and form.is_valid():
        measure = services.measure_save(council=council, user=request.user, fields=form.measure_fields(),
                                        activities=form.activity_lines())
        messages.success(request, _("Åtgärden är skapad."))
        return redirect(measure)
    return _form_page(request, form, council=council, title=_("Ny åtgärd"),
                      back=council.get_absolute_url())


@login_required
def measure_edit(request, pk):
    measure = get_measure_for(request.user, pk, write=True)
    form = MeasureForm(request.POST or None, instance=measure, council=measure.council)
    if request.method == "POST" and form.is_valid():
        services.measure_save(council=measure.council, user=request.user, measure=measure,
                              fields=form.measure_fields(), activities=form.activity_lines())
        messages.success(request, _("Åtgärden är sparad."))
        return redirect(measure)
    return _form_page(request, form, council=measure.council, title=_("Ändra åtgärd"),
                      back=measure.get_absolute_url())


@login_required
def agreement_create(request, council_pk):
    council = get_council_for(request.user, council_pk, perm="measures.write")
    form = AgreementForm(request.POST or None, request.FILES or None, council=council)
    if request.method == "POST" and form.is_valid():
        agreement = services.agreement_save(council=council, user=request.user, fields=form.cleaned_data)
        return redirect(agreement)
    return _form_page(request, form, council=council, title=_("Ny samverkansöverenskommelse"),
                      back=council.get_absolute_url())


@login_required
def agreement_edit(request, pk):
    agreement = get_agreement_for(request.user, pk, write=True)
    form = AgreementForm(request.POST or None, request.FILES or None, instance=agreement, council=agreement.council)
    if request.method == "POST" and form.is_valid():
        services.agreement_save(council=agreement.council, user=request.user, agreement=agreement,
                                fields=form.cleaned_data)
        return redirect(agreement)
    return _form_page(request, form, council=agreement.council, title=_("Ändra överenskommelse"),
                      back=agreement.get_absolute_url())


@login_required
def agreement_document(request, pk):
    agreement = get_agreement_for(request.user, pk)
    if not agreement.document:
        raise Http404
    name = agreement.document.name
    return file_response(agreement.document.open("rb"), content_type=content_type_for(name),
                         filename=f"{agreement.title}.{name_ending(name)}")


@login_required
def area_create(request, agreement_pk):
    agreement = get_agreement_for(request.user, agreement_pk, write=True)
    form = PriorityAreaForm(request.POST or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        services.area_save(agreement=agreement, user=request.user, fields=form.cleaned_data)
        return redirect(agreement)
    return _form_page(request, form, council=agreement.council, title=_("Nytt prioriterat område"),
                      back=agreement.get_absolute_url())


@login_required
def area_edit(request, pk):
    area = get_area_for(request.user, pk, write=True)
    agreement = area.agreement
    form = PriorityAreaForm(request.POST or None, instance=area, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        services.area_save(agreement=agreement, user=request.user, area=area, fields=form.cleaned_data)
        return redirect(agreement)
    return _form_page(request, form, council=agreement.council, title=_("Ändra prioriterat område"),
                      back=agreement.get_absolute_url())


@login_required
def place_create(request, council_pk):
    council = get_council_for(request.user, council_pk, perm="measures.write")
    form = PlaceForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        place = services.place_save(council=council, user=request.user, fields=form.cleaned_data)
        return redirect(place)
    return _form_page(request, form, council=council, title=_("Ny plats"), back=council.get_absolute_url())


@login_required
def place_detail(request, pk):
    """The place's working document: problems and development, each with its measures."""
    place = get_place_for(request.user, pk)
    rows = list(place.measures.for_display().order_by("position", "pk"))
    return render(request, "measures/place_detail.html", {
        "place": place,
        "council": place.council,
        "problems": [m for m in rows if m.kind == Measure.Kind.PROBLEM],
        "developments": [m for m in rows if m.kind == Measure.Kind.DEVELOPMENT],
        "plan_measures": [m for m in rows if m.kind == Measure.Kind.PLAN],
        "council_perms": place.council.perms_of(request.user),
    })


@login_required
def my_measures(request, council_pk):
    """Measures the member, or her organisation, answers for, with the follow-ups due."""
    council = get_council_for(request.user, council_pk)
    person = getattr(request.user, "person", None)
    measures = []
    if person is not None:
        measures = list(
            Measure.objects.filter(council=council).responsible(person).for_display()
            .order_by("follow_up_due", "position", "pk")
        )
    return render(request, "measures/my_measures.html", {
        "council": council, "measures": measures, "today": today(),
    })


@login_required
def stale_measures(request, council_pk):
    """For the coordinator: measures with no follow-up in the last N months."""
    council = get_council_for(request.user, council_pk, perm="measures.write")
    try:
        months = max(1, min(60, int(request.GET.get("months", STALE_MONTHS_DEFAULT))))
    except ValueError:
        months = STALE_MONTHS_DEFAULT
    since = today() - relativedelta(months=months)
    measures = list(
        Measure.objects.filter(council=council).without_follow_up_since(since).for_display()
        .order_by(F("priority_area__agreement__valid_from").asc(nulls_last=True),
                  F("priority_area__position").asc(nulls_last=True), "place__position", "position", "pk")
    )
    return render(request, "measures/stale_measures.html", {
        "council": council, "measures": measures, "months": months, "since": since,
    })



@login_required
def decision_activity(request, decision_pk):
    """Gör uppdrag till aktivitet: a task decided at a meeting becomes an activity of a measure."""
    decision = get_task_for(request.user, decision_pk)
    meeting = decision.agenda_item.meeting
    council = meeting.council
    if Activity.objects.filter(decision=decision).exists():
        messages.info(request, _("Uppdraget är redan en aktivitet."))
        return redirect(meeting)
    initial = {"text": services.task_activity_text(decision), "measure": request.GET.get("measure")}
    form = DecisionActivityForm(request.POST or None, council=council, initial=initial)
    if request.method == "POST" and form.is_valid():
        measure = form.cleaned_data["measure"]
        try:
            services.task_to_activity(decision=decision, measure=measure, text=form.cleaned_data["text"],
                                      user=request.user)
        except ValidationError as error:
            messages.info(request, error.messages[0])
            return redirect(meeting)
        messages.success(request, _("Uppdraget är nu en aktivitet under åtgärden."))
        return redirect(measure)
    return _form_page(request, form, council=council,
                      title=_("Gör uppdrag till aktivitet: %(meeting)s") % {"meeting": meeting},
                      back=meeting.get_absolute_url())


ITEM_PICKER_SIZE = 20


@login_required
def item_measures(request, item_pk):
    """Link the measures an agenda item takes up, from the item: a search among the council's open measures
    (its plans in force and its places), the linked ones with a button each to unlink."""
    item = get_item_for_linking(request.user, item_pk)
    meeting, council = item.meeting, item.meeting.council
    if request.method == "POST":
        choice = ItemMeasureForm(request.POST, council=council)
        if not choice.is_valid():
            messages.error(request, " ".join(message for errors in choice.errors.values() for message in errors))
        elif choice.cleaned_data["action"] == "add":
            services.item_measures_change(item=item, user=request.user, add=[choice.cleaned_data["measure"]])
            messages.success(request, _("Åtgärden är kopplad till punkten."))
        else:
            services.item_measures_change(item=item, user=request.user, remove=[choice.cleaned_data["measure"]])
            messages.success(request, _("Åtgärden är inte längre kopplad till punkten."))
        return redirect(f"{request.path}?{request.GET.urlencode()}" if request.GET else request.path)
    query = (request.GET.get("q") or "").strip()[:100]
    linked = list(item.measures.select_related("priority_area", "place").order_by("title"))
    candidates = (Measure.objects.filter(council=council).open().exclude(pk__in=[m.pk for m in linked])
                  .select_related("priority_area", "place").order_by("title"))
    if query:
        candidates = candidates.filter(Q(title__icontains=query) | Q(problem__icontains=query))
    candidates = list(candidates[:ITEM_PICKER_SIZE + 1])
    return render(request, "measures/item_measures.html", {
        "item": item, "meeting": meeting, "council": council, "linked": linked, "query": query,
        "candidates": candidates[:ITEM_PICKER_SIZE], "more": len(candidates) > ITEM_PICKER_SIZE,
    })
