"""Reads for the lägesbild pages: each page's data in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch

from measures.models import FollowUp, Measure

from .models import Assessment, Cause, CitizenPromise, Indicator, Measurement

LATEST_FOLLOW_UPS = 10


def assessments_of(council):
    """The council's lägesbilder, newest first, with their number of problems and sources."""
    return (
        Assessment.objects.filter(council=council)
        .annotate(problem_count=Count("problems", distinct=True), source_count=Count("sources", distinct=True))
    )


def current_assessment(council):
    """The lägesbild in force: the newest fastställd one, else the newest draft."""
    assessments = list(Assessment.objects.filter(council=council).order_by("-period_end", "-version", "-pk")[:20])
    adopted = [a for a in assessments if a.is_adopted]
    return (adopted or assessments or [None])[0]


def assessment_page(assessment):
    """The lägesbild's sources and problems, with counts of causes and measures per problem."""
    sources = list(assessment.sources.all())
    problems = list(
        assessment.problems.annotate(
            cause_count=Count("causes", distinct=True), measure_count=Count("measures", distinct=True),
        ).prefetch_related("places")
    )
    return {"sources": sources, "problems": problems}


@dataclass
class CauseNode:
    cause: Cause
    depth: int
    measures: list = field(default_factory=list)


def cause_tree(causes):
    """Causes depth first, each with its depth in the tree; a cause whose parent is missing starts a root."""
    by_parent = {}
    ids = {cause.pk for cause in causes}
    for cause in causes:
        by_parent.setdefault(cause.parent_id if cause.parent_id in ids else None, []).append(cause)
    nodes = []

    def walk(parent_id, depth):
        for cause in by_parent.get(parent_id, []):
            nodes.append(CauseNode(cause=cause, depth=depth, measures=list(cause.measures.all())))
            walk(cause.pk, depth + 1)

    walk(None, 0)
    return nodes


def problem_page(problem):
    """A problem with its cause tree, indicators and their measurements, measures and latest follow-ups."""
    causes = list(problem.causes.prefetch_related(Prefetch("measures", queryset=Measure.objects.only("pk", "title",
                                                                                                       "council_id"))))
    measures = list(problem.measures.for_display().order_by("position", "pk"))
    indicators = list(problem.indicators.select_related("source").prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("-date", "-pk"))))
    follow_ups = list(
        FollowUp.objects.filter(measure__problems=problem)
        .select_related("measure", "author").order_by("-date", "-pk")[:LATEST_FOLLOW_UPS]
    )
    return {
        "tree": cause_tree(causes),
        "measures": measures,
        "indicators": indicators,
        "follow_ups": follow_ups,
        "places": list(problem.places.all()),
        "promises": list(problem.citizen_promises.all()),
    }


def measure_reasons(measure):
    """Why a measure exists: the problems (with their lägesbild) and causes it acts on."""
    problems = list(measure.problems.select_related("assessment"))
    causes = list(measure.causes.select_related("problem"))
    return {"problems": problems, "causes": causes}


def promises_of(council):
    return list(CitizenPromise.objects.filter(council=council).select_related("problem__assessment"))


def export_rows(assessment):
    """One row per problem × cause (or per problem without causes), with the measures acting on it."""
    problems = list(
        assessment.problems.prefetch_related(
            "places", Prefetch("causes", queryset=Cause.objects.select_related("parent").prefetch_related("measures")),
            "measures", Prefetch("indicators", queryset=Indicator.objects.all()),
        )
    )
    for problem in problems:
        causes = list(problem.causes.all())
        if not causes:
            yield problem, None, list(problem.measures.all())
        for cause in causes:
            yield problem, cause, list(cause.measures.all())


def latest_follow_up_dates(measure_ids):
    """{measure pk: date of its newest follow-up} in one query."""
    return dict(
        FollowUp.objects.filter(measure_id__in=measure_ids).values("measure_id")
        .annotate(latest=Max("date")).values_list("measure_id", "latest")
    )


def measure_reasons_section(measure, perms):
    """The measure page's "why" section (measures/sections.py): the problems and causes it acts on."""
    return {"measure": measure, "council": measure.council, "council_perms": perms, **measure_reasons(measure)}
