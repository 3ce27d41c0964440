"""The lägesbild as a PDF (the shared WeasyPrint setup, the protocol's look) and as CSV of problems, causes, measures."""

import csv
import io
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.template.loader import render_to_string

from councils import pdf as shared
from measures.spreadsheet import BOM, neutralise

from . import selectors
from .models import Cause, Indicator
from .richtext import render_section

# The protocol's look: its stylesheet file, read through the shared WeasyPrint setup (no protocols import).
STYLESHEET = Path(settings.BASE_DIR) / "templates" / "protocols" / "protocol.css"
TREE_STYLESHEET = Path(settings.BASE_DIR) / "templates" / "assessments" / "assessment.css"

CSV_COLUMNS = ["Prioritet", "Problem", "Brottstyp", "Var", "Vilka", "När", "Indikatorer", "Orsak", "Perspektiv",
               "Överordnad orsak", "Åtgärder", "Typ av prevention", "Effekt på", "Kunskapsunderlag"]


def assessment_csv(assessment):
    """One row per problem and cause with the measures acting on it: BOM, semicolons, formulas neutralised."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for problem, cause, measures in selectors.export_rows(assessment):
        indicators = ", ".join(f"{i.name}: {i.baseline_value} {i.unit} ({i.baseline_date:%Y-%m-%d})"
                               for i in problem.indicators.all())
        row = [problem.priority, problem.title, problem.crime_type, problem.where, problem.who, problem.when,
               indicators, cause.description if cause else "", cause.get_side_display() if cause else "",
               str(cause.parent) if cause and cause.parent_id else "",
               " | ".join(m.title for m in measures),
               " | ".join(m.get_prevention_type_display() for m in measures if m.prevention_type),
               " | ".join(m.get_effect_horizon_display() for m in measures if m.effect_horizon),
               " | ".join(m.get_evidence_basis_display() for m in measures if m.evidence_basis)]
        writer.writerow([neutralise(str(value)) for value in row])
    return out.getvalue()


def pdf_context(assessment, *, generated_on):
    problems = list(assessment.problems.prefetch_related(
        "places", "measures",
        Prefetch("causes", queryset=Cause.objects.prefetch_related("measures")),
        Prefetch("indicators", queryset=Indicator.objects.prefetch_related("measurements")),
    ))
    for problem in problems:
        problem.tree = selectors.cause_tree(list(problem.causes.all()))
    return {
        "assessment": assessment, "council": assessment.council, "generated_on": generated_on,
        "sources": list(assessment.sources.all()), "problems": problems,
        "sections": [(assessment._meta.get_field(name).verbose_name, render_section(getattr(assessment, name)))
                     for name in ("survey", "other_information", "analysis")],
    }


def assessment_pdf(assessment, *, generated_on):
    """The lägesbild as PDF/A bytes with the protocol's stylesheet, fonts and no network."""
    html = render_to_string("assessments/assessment_pdf.html", pdf_context(assessment, generated_on=generated_on))
    return shared.render(html, stylesheets=[shared.stylesheet(STYLESHEET), shared.stylesheet(TREE_STYLESHEET)], pdf_variant="pdf/a-3b")
