"""Lägesbild pages: glue between forms, the services and the selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from councils.models import today
from measures.access import get_measure_for
from measures.forms import MeasureForm
from meetings.files import KINDS

from . import annual_cycle as cycle
from . import compliance, export, selectors, services
from .access import (
    get_assessment_for,
    get_cause_for,
    get_council_for_assessments,
    get_problem_for,
    get_promise_for,
    get_source_for,
)
from .forms import (
    INDICATOR_ERROR_FIELDS,
    AssessmentForm,
    CauseChoiceForm,
    CauseForm,
    CitizenPromiseForm,
    IndicatorForm,
    MeasuredFollowUpForm,
    MeasureLinksForm,
    ProblemForm,
    SourceForm,
)
from .models import Cause, Problem


def _form_page(request, form, *, council, title, back, status=200, extra=None):
    context = {"form": form, "council": council, "title": title, "back": back, **(extra or {})}
    return render(request, "assessments/form.html", context, status=status)


def _add_errors(form, error, rename=None):
    """Put a service's ValidationError on the form's fields (or on the form when the field is not shown)."""
    rename = rename or {}
    for name, messages_ in error.message_dict.items():
        name = rename.get(name, name)
        for message in messages_:
            form.add_error(name if name in form.fields else None, message)


@login_required
def assessment_list(request, council_pk):
    council = get_council_for_assessments(request.user, council_pk)
    return render(request, "assessments/assessment_list.html", {
        "council": council, "assessments": list(selectors.assessments_of(council)),
        "promises": selectors.promises_of(council), "council_perms": council.perms_of(request.user),
    })


@login_required
def assessment_create(request, council_pk):
    council = get_council_for_assessments(request.user, council_pk, write=True)
    form = AssessmentForm(request.POST or None, initial={"version": 1})
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_save(council=council, user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Lägesbilden är skapad."))
            return redirect(assessment)
    return _form_page(request, form, council=council, title=_("Ny lägesbild"),
                      back=_list_url(council), status=400 if form.errors else 200)


def _list_url(council):
    return reverse("assessments:assessment_list", args=[council.pk])


@login_required
def assessment_edit(request, council_pk, pk):
    assessment = get_assessment_for(request.user, council_pk, pk, write=True)
    form = AssessmentForm(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_save(council=assessment.council, user=request.user, data=form.cleaned_data,
                                     assessment=assessment)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Lägesbilden är sparad."))
            return redirect(assessment)
    return _form_page(request, form, council=assessment.council, title=_("Ändra lägesbild"),
                      back=assessment.get_absolute_url(), status=400 if form.errors else 200)


@login_required
def assessment_detail(request, council_pk, pk):
    assessment = get_assessment_for(request.user, council_pk, pk)
    return render(request, "assessments/assessment_detail.html", {
        "assessment": assessment, "council": assessment.council, **selectors.assessment_page(assessment),
        "council_perms": assessment.council.perms_of(request.user),
    })


@login_required
def assessment_pdf(request, council_pk, pk):
    assessment = get_assessment_for(request.user, council_pk, pk)
    response = HttpResponse(export.assessment_pdf(assessment, generated_on=today()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="lagesbild-{assessment.pk}.pdf"'
    return response


@login_required
def assessment_csv(request, council_pk, pk):
    assessment = get_assessment_for(request.user, council_pk, pk)
    response = HttpResponse(export.assessment_csv(assessment), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lagesbild-{assessment.pk}.csv"'
    return response


@login_required
def source_create(request, council_pk, pk):
    assessment = get_assessment_for(request.user, council_pk, pk, write=True)
    form = SourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.source_add(assessment=assessment, user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Källan är sparad."))
            return redirect(assessment)
    return _form_page(request, form, council=assessment.council, title=_("Ny källa"),
                      back=assessment.get_absolute_url(), status=400 if form.errors else 200)


@login_required
def source_attachment(request, council_pk, pk):
    """A source's attachment, for members only (media files are never served publicly)."""
    source = get_source_for(request.user, council_pk, pk)
    if not source.attachment:
        raise Http404
    ending = source.attachment.name.rsplit(".", 1)[-1].lower()
    content_type = next((kind[0] for kind in KINDS.values() if ending in kind[1]), "application/octet-stream")
    response = FileResponse(source.attachment.open("rb"), content_type=content_type,
                            as_attachment=not content_type.startswith(("image/", "application/pdf")),
                            filename=f"{source.title}.{ending}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def problem_create(request, council_pk, pk):
    assessment = get_assessment_for(request.user, council_pk, pk, write=True)
    form = ProblemForm(request.POST or None, council=assessment.council)
    if request.method == "POST" and form.is_valid():
        try:
            problem = services.problem_save(assessment=assessment, user=request.user, data=form.problem_data(),
                                            places=form.cleaned_data["places"],
                                            agreements=form.cleaned_data["agreements"],
                                            indicator=form.indicator_data())
        except ValidationError as error:
            _add_errors(form, error, INDICATOR_ERROR_FIELDS)
        else:
            messages.success(request, _("Problemet är sparat."))
            return redirect(problem)
    return _form_page(request, form, council=assessment.council, title=_("Nytt problem"),
                      back=assessment.get_absolute_url(), status=400 if form.errors else 200)


@login_required
def problem_edit(request, council_pk, pk):
    problem = get_problem_for(request.user, council_pk, pk, write=True)
    council = problem.assessment.council
    form = ProblemForm(request.POST or None, instance=problem, council=council)
    if request.method == "POST" and form.is_valid():
        try:
            services.problem_save(assessment=problem.assessment, user=request.user, data=form.problem_data(),
                                  places=form.cleaned_data["places"], agreements=form.cleaned_data["agreements"],
                                  problem=problem)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Problemet är sparat."))
            return redirect(problem)
    return _form_page(request, form, council=council, title=_("Ändra problem"), back=problem.get_absolute_url(),
                      status=400 if form.errors else 200)


@login_required
def problem_detail(request, council_pk, pk):
    """A problem with its causes, indicators, the measures acting on it and their latest follow-ups."""
    problem = get_problem_for(request.user, council_pk, pk)
    council = problem.assessment.council
    return render(request, "assessments/problem_detail.html", {
        "problem": problem, "assessment": problem.assessment, "council": council,
        **selectors.problem_page(problem), "council_perms": council.perms_of(request.user),
    })


@login_required
def indicator_create(request, council_pk, pk):
    problem = get_problem_for(request.user, council_pk, pk, write=True)
    form = IndicatorForm(request.POST or None, problem=problem)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in IndicatorForm.Meta.fields}
        try:
            services.indicator_add(problem=problem, user=request.user, data=data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Indikatorn är sparad."))
            return redirect(problem)
    return _form_page(request, form, council=problem.assessment.council, title=_("Ny indikator: %(p)s") % {
        "p": problem}, back=problem.get_absolute_url(), status=400 if form.errors else 200)


@login_required
def cause_create(request, council_pk, pk):
    problem = get_problem_for(request.user, council_pk, pk, write=True)
    return _cause_form(request, problem, None, initial={"parent": request.GET.get("parent")})


@login_required
def cause_edit(request, council_pk, pk):
    cause = get_cause_for(request.user, council_pk, pk, write=True)
    return _cause_form(request, cause.problem, cause)


def _cause_form(request, problem, cause, initial=None):
    form = CauseForm(request.POST or None, instance=cause, problem=problem, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.cause_save(problem=problem, user=request.user, cause=cause, side=form.cleaned_data["side"],
                                description=form.cleaned_data["description"], parent=form.cleaned_data["parent"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Orsaken är sparad."))
            return redirect(problem)
    title = _("Ändra orsak") if cause else _("Ny orsak: %(p)s") % {"p": problem}
    return _form_page(request, form, council=problem.assessment.council, title=title,
                      back=problem.get_absolute_url(), status=400 if form.errors else 200)


@login_required
def measure_create(request, council_pk, pk):
    """A new measure that acts on causes of this problem: the measure form plus the causes to act on."""
    problem = get_problem_for(request.user, council_pk, pk, write=True)
    council = problem.assessment.council
    initial_causes = [c for c in request.GET.getlist("cause") if c.isdigit()]
    form = MeasureForm(request.POST or None, council=council, initial={"problem": problem.title})
    causes_form = CauseChoiceForm(request.POST or None, problem=problem, initial={"causes": initial_causes})
    if request.method == "POST" and form.is_valid() and causes_form.is_valid():
        try:
            measure = services.measure_create_for_problem(
                council=council, user=request.user, fields=form.measure_fields(), activities=form.activity_lines(),
                problem=problem, causes=causes_form.cleaned_data["causes"])
        except ValidationError as error:
            _add_errors(causes_form, error)
        else:
            messages.success(request, _("Åtgärden är skapad och kopplad till problemet."))
            return redirect(measure)
    return render(request, "assessments/measure_form.html", {
        "form": form, "causes_form": causes_form, "problem": problem, "council": council,
        "title": _("Ny åtgärd för %(p)s") % {"p": problem}, "back": problem.get_absolute_url(),
    }, status=400 if form.errors or causes_form.errors else 200)


@login_required
def measure_links(request, council_pk, pk):
    """Say which problems and causes an existing measure acts on."""
    measure = get_measure_for(request.user, pk, write=True)
    council = get_council_for_assessments(request.user, council_pk, write=True)
    if measure.council_id != council.pk:
        raise Http404
    problems = Problem.objects.of_council(council).select_related("assessment")
    causes = Cause.objects.filter(problem__assessment__council=council).select_related("problem")
    form = MeasureLinksForm(request.POST or None, problems=problems, causes=causes, initial={
        "problems": list(measure.problems.all()), "causes": list(measure.causes.all())})
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["problems"])
        # A chosen cause brings its problem along: the measure acts on that problem too.
        chosen += [c.problem for c in form.cleaned_data["causes"] if c.problem not in chosen]
        try:
            services.measure_links_set(measure=measure, user=request.user, problems=chosen,
                                       causes=form.cleaned_data["causes"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Åtgärdens koppling till problem och orsaker är sparad."))
            return redirect(measure)
    return _form_page(request, form, council=council, title=_("Varför åtgärden finns: %(m)s") % {"m": measure},
                      back=measure.get_absolute_url(), status=400 if form.errors else 200)


@login_required
def followup_create(request, council_pk, pk):
    """A follow-up of a measure, with a measured value of one of its problems' indicators."""
    measure = get_measure_for(request.user, pk, follow_up=True)
    if measure.council_id != council_pk:
        raise Http404
    form = MeasuredFollowUpForm(request.POST or None, council=measure.council, measure=measure)
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items()
                  if name not in ("next_due", "indicator", "value")}
        try:
            services.follow_up_with_measurement(
                measure=measure, user=request.user, fields=fields, next_due=form.cleaned_data["next_due"],
                indicator=form.cleaned_data["indicator"], value=form.cleaned_data["value"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Uppföljningen är sparad."))
            return redirect(measure)
    return _form_page(request, form, council=measure.council, title=_("Ny uppföljning: %(m)s") % {"m": measure},
                      back=measure.get_absolute_url(), status=400 if form.errors else 200)


@login_required
def compliance_detail(request, council_pk):
    """Lagkrav och uppföljning: each requirement green, yellow or red with a link to what fixes it."""
    council = get_council_for_assessments(request.user, council_pk)
    facts, sections = compliance.compliance_for(council)
    return render(request, "assessments/compliance.html", {
        "council": council, "facts": facts, "sections": sections, "council_perms": council.perms_of(request.user),
    })


@login_required
def annual_cycle(request, council_pk):
    council = get_council_for_assessments(request.user, council_pk)
    try:
        year = int(request.GET.get("year", today().year))
    except ValueError:
        year = today().year
    year = max(2000, min(2100, year))
    return render(request, "assessments/annual_cycle.html", {
        "council": council, "year": year, "months": cycle.annual_cycle(council, year),
    })


@login_required
def promise_create(request, council_pk):
    council = get_council_for_assessments(request.user, council_pk, write=True)
    return _promise_form(request, council, None)


@login_required
def promise_edit(request, council_pk, pk):
    promise = get_promise_for(request.user, council_pk, pk, write=True)
    return _promise_form(request, promise.council, promise)


def _promise_form(request, council, promise):
    form = CitizenPromiseForm(request.POST or None, instance=promise, council=council)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in CitizenPromiseForm.Meta.fields}
        try:
            services.promise_save(council=council, user=request.user, data=data, promise=promise)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Medborgarlöftet är sparat."))
            return redirect(_list_url(council) + "#promises")
    return _form_page(request, form, council=council,
                      title=_("Ändra medborgarlöfte") if promise else _("Nytt medborgarlöfte"),
                      back=_list_url(council), status=400 if form.errors else 200)

