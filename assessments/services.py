"""Changes to lägesbilder, problems, causes, links to measures and promises; each in one transaction, logged."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from councils.models import log_action
from measures import services as measure_services

from .models import Assessment, Cause, CitizenPromise, Indicator, Measurement, Problem, Source
from .richtext import clean_section

SECTIONS = ("survey", "other_information", "analysis")


def _apply(instance, data):
    for name, value in data.items():
        setattr(instance, name, value)


def assessment_save(*, council, user, data, assessment=None):
    """Create or change a lägesbild; a fastställd one needs a decision reference."""
    created = assessment is None
    assessment = assessment or Assessment(council=council)
    _apply(assessment, {**data, **{name: clean_section(data[name]) for name in SECTIONS if name in data}})
    if assessment.status == Assessment.Status.ADOPTED and not assessment.decision_reference.strip():
        raise ValidationError({"decision_reference": _(
            "En fastställd lägesbild måste ha en beslutsreferens (diarienummer eller paragraf).")})
    assessment.full_clean()
    with transaction.atomic():
        assessment.save()
        log_action(council=council, user=user, obj=assessment,
                   action="assessments.assessment.created" if created else "assessments.assessment.updated")
    return assessment


def source_add(*, assessment, user, data):
    """Add a source to the lägesbild."""
    source = Source(assessment=assessment)
    _apply(source, data)
    source.full_clean()
    with transaction.atomic():
        source.save()
        log_action(council=assessment.council, user=user, action="assessments.source.created", obj=source)
    return source


def _check_places(council, places):
    if any(place.council_id != council.pk for place in places):
        raise ValidationError({"places": _("Platsen hör till ett annat råd.")})


def problem_save(*, assessment, user, data, places=(), agreements=(), problem=None, indicator=None):
    """Create or change a problem; `indicator` (a dict) adds its first indicator in the same transaction."""
    created = problem is None
    problem = problem or Problem(assessment=assessment)
    _apply(problem, data)
    places, agreements = list(places), list(agreements)
    _check_places(assessment.council, places)
    if any(agreement.council_id != assessment.council_id for agreement in agreements):
        raise ValidationError({"agreements": _("Överenskommelsen hör till ett annat råd.")})
    problem.full_clean()
    new_indicator = None
    if indicator:
        new_indicator = _indicator(problem, indicator)
    with transaction.atomic():
        problem.save()
        problem.places.set(places)
        problem.agreements.set(agreements)
        log_action(council=assessment.council, user=user, obj=problem,
                   action="assessments.problem.created" if created else "assessments.problem.updated")
        if new_indicator is not None:
            new_indicator.problem = problem
            new_indicator.save()
            log_action(council=assessment.council, user=user, action="assessments.indicator.created",
                       obj=new_indicator)
    return problem


def _indicator(problem, data):
    """A validated, unsaved indicator; a unit and a date of measurement are required."""
    errors = {}
    if not (data.get("unit") or "").strip():
        errors["unit"] = _("Ange indikatorns enhet, t.ex. \"anmälda rån per år\".")
    if not data.get("baseline_date"):
        errors["baseline_date"] = _("Ange när utgångsvärdet mättes.")
    if data.get("baseline_value") is None:
        errors["baseline_value"] = _("Ange utgångsvärdet.")
    if errors:
        raise ValidationError(errors)
    indicator = Indicator(problem=problem if problem.pk else None, **data)
    indicator.full_clean(exclude=["problem"])
    return indicator


def indicator_add(*, problem, user, data):
    """Add an indicator (with baseline, unit and date) to a problem."""
    indicator = _indicator(problem, data)
    with transaction.atomic():
        indicator.save()
        log_action(council=problem.assessment.council, user=user, action="assessments.indicator.created",
                   obj=indicator)
    return indicator


def cause_save(*, problem, user, side, description, parent=None, cause=None):
    """Create or change a cause; its parent must be a cause of the same problem and not below it."""
    created = cause is None
    with transaction.atomic():
        # Lock the problem: two coordinators re-parenting causes at once could otherwise close a loop.
        Problem.objects.select_for_update().filter(pk=problem.pk).first()
        if parent is not None:
            if parent.problem_id != problem.pk:
                raise ValidationError({"parent": _("Den överordnade orsaken hör till ett annat problem.")})
            if cause is not None and _is_below(parent, cause):
                raise ValidationError({"parent": _(
                    "Orsaken kan inte ligga under sig själv: det skulle ge en cirkel i orsaksträdet.")})
        cause = cause or Cause(problem=problem)
        cause.side, cause.description, cause.parent = side, description, parent
        cause.full_clean()
        cause.save()
        log_action(council=problem.assessment.council, user=user, obj=cause,
                   action="assessments.cause.created" if created else "assessments.cause.updated")
    return cause


def _is_below(node, cause):
    """True when `node` is `cause` or lies in the subtree under it."""
    parents = dict(Cause.objects.filter(problem_id=cause.problem_id).values_list("pk", "parent_id"))
    seen = set()
    current = node.pk
    while current is not None and current not in seen:
        if current == cause.pk:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def _check_links(measure, problems, causes):
    council_id = measure.council_id
    if any(problem.assessment.council_id != council_id for problem in problems):
        raise ValidationError({"problems": _("Problemet hör till ett annat råds lägesbild.")})
    problem_ids = {problem.pk for problem in problems}
    if any(cause.problem_id not in problem_ids for cause in causes):
        raise ValidationError({"causes": _("Orsaken hör inte till något av de valda problemen.")})


def measure_links_set(*, measure, user, problems, causes):
    """Say which problems and causes a measure acts on (every cause's problem is among the problems)."""
    problems, causes = list(problems), list(causes)
    _check_links(measure, problems, causes)
    with transaction.atomic():
        measure.problems.set(problems)
        measure.causes.set(causes)
        log_action(council=measure.council, user=user, action="assessments.measure.linked", obj=measure)
    return measure


def measure_create_for_problem(*, council, user, fields, activities, problem, causes):
    """Create a measure from its field values and activity lines and tie it to the problem and causes it acts on."""
    causes = list(causes)
    if council.pk != problem.assessment.council_id:
        raise ValidationError({"problems": _("Problemet hör till ett annat råds lägesbild.")})
    if any(cause.problem_id != problem.pk for cause in causes):
        raise ValidationError({"causes": _("Orsaken hör inte till problemet.")})
    with transaction.atomic():
        measure = measure_services.measure_save(council=council, user=user, fields=fields, activities=activities)
        problem.measures.add(measure)
        measure.causes.add(*causes)
        log_action(council=measure.council, user=user, action="assessments.measure.linked", obj=measure)
    return measure


def follow_up_with_measurement(*, measure, user, fields, next_due=None, indicator=None, value=None):
    """A follow-up of a measure that may also record a measured value of one of its problems' indicators."""
    if indicator is not None:
        if value is None:
            raise ValidationError({"value": _("Ange det uppmätta värdet.")})
        if not indicator.problem.measures.filter(pk=measure.pk).exists():
            raise ValidationError({"indicator": _("Indikatorn hör inte till ett problem som åtgärden verkar på.")})
    with transaction.atomic():
        follow_up = measure_services.follow_up_add(measure=measure, user=user, fields=fields, next_due=next_due)
        if indicator is not None:
            measurement = Measurement.objects.create(indicator=indicator, value=value, date=follow_up.date,
                                                     follow_up=follow_up)
            log_action(council=measure.council, user=user, action="assessments.measurement.created",
                       obj=measurement)
    return follow_up


def promise_save(*, council, user, data, promise=None):
    """Create or change a medborgarlöfte; its problem must be the council's."""
    created = promise is None
    promise = promise or CitizenPromise(council=council)
    _apply(promise, data)
    if promise.problem is not None and promise.problem.assessment.council_id != council.pk:
        raise ValidationError({"problem": _("Problemet hör till ett annat råds lägesbild.")})
    promise.full_clean()
    with transaction.atomic():
        promise.save()
        log_action(council=council, user=user, obj=promise,
                   action="assessments.promise.created" if created else "assessments.promise.updated")
    return promise

