"""The lägesbild as PDF (the protocol's look, PDF/A) and CSV of problems, causes and measures."""

import csv
import io

import pikepdf
import pypdf
from django.urls import reverse


def test_the_csv_has_a_row_per_cause_with_the_measures_acting_on_it(member_client, council, assessment, problem,
                                                                     root_cause, child_cause, linked_measure,
                                                                     indicator):
    response = member_client.get(reverse("assessments:assessment_csv", args=[council.pk, assessment.pk]))

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:2] == ["Prioritet", "Problem"]
    by_cause = {row[7]: row for row in rows[1:]}
    assert by_cause[root_cause.description][10] == linked_measure.title
    assert by_cause[child_cause.description][9] == str(root_cause)
    assert "Anmälda rån: 15.00 per år" in by_cause[root_cause.description][6]


def test_a_cell_that_starts_like_a_formula_is_neutralised(member_client, council, assessment, problem):
    problem.title = "=HYPERLINK(\"http://x\")"
    problem.save()

    text = member_client.get(reverse("assessments:assessment_csv", args=[council.pk, assessment.pk])).content

    assert "'=HYPERLINK" in text.decode()


def test_the_pdf_is_pdf_a_with_the_sections_problems_and_page_numbers(member_client, council, assessment, problem,
                                                                      root_cause, linked_measure):
    response = member_client.get(reverse("assessments:assessment_pdf", args=[council.pk, assessment.pk]))

    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("Lägesbild", "Kartläggning av brottsligheten", "Rånen har ökat.", problem.title,
                     root_cause.description, linked_measure.title, "Sida 1 (1)", "SDN 2026-02-01 § 7"):
        assert expected in text
    with pikepdf.open(io.BytesIO(response.content)) as pdf:
        assert pdf.open_metadata().pdfa_status == "3B"
