"""Scale data for `make bench`: per council a lägesbild every other year with sources, problems, cause trees,
indicators measured yearly, and links to the council's measures."""

import datetime

from assessments.models import Assessment, Cause, Indicator, Measurement, Problem, Source
from measures.models import Measure

from . import Page, bulk

VERSION = 1
PROBLEMS_PER_ASSESSMENT = 5
ROOT_CAUSES = 3
CHILD_CAUSES = 2  # under each root
MEASURES_PER_PROBLEM = 4
SIDES = [Cause.Side.PLACE, Cause.Side.VICTIM, Cause.Side.OFFENDER]
PROBLEM_TITLES = [
    ("Bostadsinbrott i villaområden", "Inbrott"), ("Rån mot unga vid stationen", "Rån"),
    ("Skadegörelse i centrum", "Skadegörelse"), ("Narkotikaförsäljning vid skolområdet", "Narkotikabrott"),
    ("Otrygghet på kvällstid i parkerna", ""), ("Våld i nära relation", "Misshandel"),
]
SECTION = ("<p>Anmälda brott i {town} har följts över perioden per område och brottstyp. "
           "Mönstret är stabilt: brotten sker där många rör sig och där insynen är liten.</p>")


def generate(ctx):
    """Lägesbilder with their problems, cause trees, indicators and measurements; measures linked to them."""
    assessments = []
    for data in ctx.data:
        year = data.start.year
        version = 0
        while year <= ctx.today.year:
            version += 1
            adopted = year + 2 <= ctx.today.year
            assessments.append(Assessment(
                council_id=data.pk, title=f"Lägesbild {data.town}", version=version,
                period_start=datetime.date(year, 1, 1), period_end=datetime.date(year + 1, 12, 31),
                status=Assessment.Status.ADOPTED if adopted else Assessment.Status.DRAFT,
                deciding_body="Kommunstyrelsen" if adopted else "",
                decision_date=datetime.date(year + 2, 3, 15) if adopted else None,
                decision_reference=f"KS {year + 2}/{version:03d}" if adopted else "",
                next_revision_due=datetime.date(year + 4, 3, 31),
                survey=SECTION.format(town=data.town), other_information=SECTION.format(town=data.town),
                analysis=SECTION.format(town=data.town),
            ))
            year += 2
    bulk(Assessment, assessments)
    sources = bulk(Source, [
        Source(assessment=a, kind=kind, title=title, period=f"{a.period_start:%Y}–{a.period_end:%Y}",
               why_chosen="Visar utvecklingen över tid.", limitations="Visar bara det som anmäls eller besvaras.")
        for a in assessments for kind, title in (
            (Source.Kind.REPORTS, "Polisanmälningar"), (Source.Kind.NTU, "NTU"),
            (Source.Kind.SAFETY_SURVEY, "Kommunens trygghetsmätning"))
    ])
    problems = bulk(Problem, [
        Problem(assessment=a, title=title, crime_type=crime, priority=n + 1, where="Centrum och stationsområdet",
                who="Boende och besökare", when="Kvällar och helger", description="Har ökat under perioden.")
        for a in assessments for n, (title, crime) in enumerate(PROBLEM_TITLES[:PROBLEMS_PER_ASSESSMENT])
    ])
    roots = bulk(Cause, [
        Cause(problem=p, side=SIDES[n], description=f"{SIDES[n].label}: bidragande orsak {n + 1} till {p.title}.")
        for p in problems for n in range(ROOT_CAUSES)
    ])
    children = bulk(Cause, [
        Cause(problem_id=root.problem_id, parent=root, side=root.side,
              description=f"Bakomliggande orsak {k + 1}: {root.description}")
        for root in roots for k in range(CHILD_CAUSES)
    ])
    indicators = bulk(Indicator, [
        Indicator(problem=p, name=f"Anmälda brott: {p.title.lower()}", unit="anmälningar per år",
                  baseline_value=100 + n, baseline_date=p.assessment.period_start, target_value=80,
                  target_date=p.assessment.next_revision_due, source=None)
        for n, p in enumerate(problems)
    ])
    bulk(Measurement, [
        Measurement(indicator=i, value=100 - k, date=datetime.date(i.baseline_date.year + k, 12, 31))
        for i in indicators for k in range(1, 1 + max(0, min(4, ctx.today.year - i.baseline_date.year)))
    ])

    measures_by_council = {}
    for pk, council_id in Measure.objects.filter(council_id__in=[d.pk for d in ctx.data]).order_by(
            "position", "pk").values_list("pk", "council_id"):
        measures_by_council.setdefault(council_id, []).append(pk)
    council_of = {a.pk: a.council_id for a in assessments}
    problem_links, cause_links = [], []
    causes_by_problem = {}
    for cause in [*roots, *children]:
        causes_by_problem.setdefault(cause.problem_id, []).append(cause)
    for n, problem in enumerate(problems):
        pool = measures_by_council.get(council_of[problem.assessment_id], [])
        if not pool:
            continue
        chosen = [pool[(n * MEASURES_PER_PROBLEM + k) % len(pool)] for k in range(MEASURES_PER_PROBLEM)]
        chosen = list(dict.fromkeys(chosen))
        problem_links += [Problem.measures.through(problem_id=problem.pk, measure_id=m) for m in chosen]
        for k, cause in enumerate(causes_by_problem[problem.pk]):
            cause_links.append(Cause.measures.through(cause_id=cause.pk, measure_id=chosen[k % len(chosen)]))
    bulk(Problem.measures.through, problem_links)
    bulk(Cause.measures.through, cause_links)
    ctx.counts.update({"lägesbilder": len(assessments), "sources": len(sources), "problems": len(problems),
                       "causes": len(roots) + len(children), "indicators": len(indicators),
                       "problem–measure links": len(problem_links), "cause–measure links": len(cause_links)})


def bench_pages(council):
    """The compliance page and the top problem of the newest lägesbild."""
    problem = (Problem.objects.filter(assessment__council=council)
               .order_by("-assessment__period_end", "-assessment__version", "priority").first())
    pages = [Page("compliance", "assessments:compliance_detail", (council.pk,))]
    if problem is not None:
        pages.append(Page("problem", "assessments:problem_detail", (council.pk, problem.pk)))
    return pages
