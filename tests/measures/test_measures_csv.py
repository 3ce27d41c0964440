import csv
import datetime
import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from measures import spreadsheet
from measures.models import Measure

FIELDS = ["title", "problem", "responsible_text", "forum_text", "police_contact", "police_commitment",
          "admin_contact", "admin_commitment", "other_actors", "funding", "communication", "follow_up_plan",
          "participants", "convener", "status_text", "follow_up_due", "kind", "priority_area_id", "place_id"]


def snapshot(measure):
    return (
        {name: getattr(measure, name) for name in FIELDS},
        sorted(f.name for f in measure.forums.all()),
        sorted(o.name for o in measure.responsible_organisations.all()),
        [a.text for a in measure.activities.all()],
    )


def export(client, agreement):
    response = client.get(reverse("measures:agreement_plan_csv", args=[agreement.pk]))
    assert response.status_code == 200
    return response.content


def rows_of(text):
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def upload(client, agreement, text, **extra):
    file = SimpleUploadedFile("plan.csv", text.encode("utf-8-sig"), content_type="text/csv")
    return client.post(reverse("measures:agreement_plan_import", args=[agreement.pk]), {"file": file, **extra})


def test_csv_opens_in_excel_utf8_bom_and_semicolons(member_client, agreement, police_measure):
    content = export(member_client, agreement)
    assert content.startswith("\ufeff".encode())
    text = content.decode("utf-8")
    header = text.removeprefix("\ufeff").split("\r\n")[0]
    assert header.startswith("Prioriterat område;Typ;Åtgärd;Problemområde;Plats;")
    assert "Senaste status" in header


def test_csv_round_trip_gives_the_same_measures(coordinator_client, agreement, police_measure, municipal_measure):
    police_measure.follow_up_due = datetime.date(2026, 3, 1)
    police_measure.police_commitment = "Rad ett\nRad två; med semikolon och \"citat\""
    police_measure.save()
    before = [snapshot(m) for m in Measure.objects.order_by("position")]
    text = export(coordinator_client, agreement).decode("utf-8")
    Measure.objects.all().delete()

    preview = upload(coordinator_client, agreement, text)
    assert preview.status_code == 200
    assert not Measure.objects.exists(), "the preview saves nothing"
    assert preview.context["result"].ok
    confirm = coordinator_client.post(reverse("measures:agreement_plan_import", args=[agreement.pk]),
                                      {"content": preview.context["form"]["content"].value(), "confirm": "1"})
    assert confirm.status_code == 302
    after = [snapshot(m) for m in Measure.objects.order_by("position")]
    assert after == before


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_cells_that_start_a_formula_are_neutralised(member_client, agreement, police_measure, dangerous):
    police_measure.title = dangerous
    police_measure.save()
    rows = rows_of(export(member_client, agreement).decode("utf-8"))
    cell = rows[1][rows[0].index("Åtgärd")]
    assert cell == "'" + dangerous
    assert spreadsheet.unneutralise(cell) == dangerous


def test_neutralised_cells_import_back_to_the_original_text(coordinator_client, agreement, police_measure):
    police_measure.title = "=2+2 är fyra"
    police_measure.save()
    text = export(coordinator_client, agreement).decode("utf-8")
    Measure.objects.all().delete()
    result = spreadsheet.parse_csv(text, agreement=agreement)
    assert result.ok
    assert result.rows[0].measure.title == "=2+2 är fyra"


def test_import_with_a_missing_column_saves_nothing(coordinator_client, agreement, police_measure):
    rows = rows_of(export(coordinator_client, agreement).decode("utf-8"))
    column = rows[0].index("Samverkansforum")
    text = "\r\n".join(";".join(f'"{c}"' for i, c in enumerate(row) if i != column) for row in rows)
    Measure.objects.all().delete()
    response = upload(coordinator_client, agreement, text)
    page = response.content.decode()
    assert "Rad 1: kolumnen saknas: ”Samverkansforum”." in page
    assert "Inget har sparats." in page
    assert not Measure.objects.exists()


def _edited(client, agreement, changes):
    """The exported plan with cells changed: {(data row index, column): value}."""
    rows = rows_of(export(client, agreement).decode("utf-8"))
    for (row, column), value in changes.items():
        rows[row][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    return out.getvalue()


def test_import_errors_name_row_and_field_and_save_nothing(coordinator_client, agreement, police_measure,
                                                           municipal_measure):
    text = _edited(coordinator_client, agreement, {
        (1, "Nästa uppföljning senast"): "1/6 2025",
        (2, "Samverkansforum"): "Okänd arbetsgrupp",
    })
    Measure.objects.all().delete()
    response = upload(coordinator_client, agreement, text)
    errors = response.context["result"].errors
    assert errors == [
        "Rad 2, Nästa uppföljning senast: ”1/6 2025” är inte ett datum; skriv ÅÅÅÅ-MM-DD.",
        "Rad 3, Samverkansforum: okänt forum ”Okänd arbetsgrupp” i rådet.",
    ]
    assert "Inget har sparats." in response.content.decode()
    assert 'name="confirm"' not in response.content.decode()
    # Even a forged confirmation of a file with errors saves nothing.
    response = coordinator_client.post(reverse("measures:agreement_plan_import", args=[agreement.pk]),
                                       {"content": text, "confirm": "1"})
    assert response.status_code == 200
    assert not Measure.objects.exists()


def test_import_reports_unknown_area_and_missing_title(coordinator_client, agreement, police_measure):
    text = _edited(coordinator_client, agreement, {(1, "Prioriterat område"): "Finns inte", (1, "Åtgärd"): ""})
    result = spreadsheet.parse_csv(text, agreement=agreement)
    assert "Rad 2, Åtgärd: får inte vara tom." in result.errors
    assert "Rad 2, Prioriterat område: okänt område ”Finns inte” i överenskommelsen." in result.errors
    assert not result.ok


def test_import_of_a_file_that_is_not_utf8_gets_a_message(coordinator_client, agreement):
    file = SimpleUploadedFile("plan.csv", "Åtgärd;Typ\n".encode("cp1252"), content_type="text/csv")
    response = coordinator_client.post(reverse("measures:agreement_plan_import", args=[agreement.pk]), {"file": file})
    assert "Filen är inte sparad som UTF-8." in response.content.decode()


def test_member_cannot_import(member_client, agreement):
    response = upload(member_client, agreement, "Åtgärd\n")
    assert response.status_code == 403


@pytest.mark.parametrize("dangerous", ["\n=HYPERLINK(\"http://x\")", " =1+1", "\r\n\t@SUM(A1)", "  -2+3"])
def test_formulas_behind_whitespace_or_line_breaks_are_neutralised(member_client, agreement, police_measure,
                                                                   dangerous):
    police_measure.title = dangerous
    police_measure.save()
    rows = rows_of(export(member_client, agreement).decode("utf-8"))
    cell = rows[1][rows[0].index("Åtgärd")]
    assert cell == "'" + dangerous
    assert spreadsheet.unneutralise(cell) == dangerous


def big_import(rows, *, cell="Trygghetsvandring"):
    """An import file in the export's columns with `rows` measures."""
    columns = spreadsheet.columns()
    line = ";".join(cell if heading == spreadsheet.headings()["title"] else "" for heading in columns)
    return ";".join(columns) + "\r\n" + (line + "\r\n") * rows


def test_a_100_000_row_import_is_refused_from_its_size_before_it_is_read(coordinator_client, agreement):
    text = big_import(100_000, cell="Trygghetsvandring i centrum med polis, skola, fastighetsägare och föreningar")
    assert len(text.encode()) >= 10 * 1000 * 1000  # the file: 100 000 rows, 10 MB
    started = time.perf_counter()
    response = upload(coordinator_client, agreement, text)
    elapsed = time.perf_counter() - started
    print(f"100 000-row import (10 MB) refused in {elapsed:.3f} s")
    assert "Filen är för stor (" in response.content.decode()
    assert "Största tillåtna storlek för import är 2 MB." in response.content.decode()
    assert not Measure.objects.exists()
    assert elapsed < 5  # the issue asks for under a second; loose here so a busy machine does not flake


def test_the_form_states_the_limits(coordinator_client, agreement):
    page = coordinator_client.get(reverse("measures:agreement_plan_import", args=[agreement.pk])).content.decode()
    assert "Högst 2 MB och 1 000 åtgärder per fil." in page


def test_reading_stops_right_after_the_row_limit(agreement):
    read = 0

    def lines():
        nonlocal read
        for line in big_import(100_000).splitlines(keepends=True):
            read += 1
            yield line

    result = spreadsheet.parse_csv(lines(), agreement=agreement)
    assert result.errors == ["Filen har fler än 1 000 rader. Importera högst 1 000 åtgärder åt gången; "
                             "inget har sparats."]
    assert not result.rows
    assert read == spreadsheet.MAX_IMPORT_ROWS + 2  # the heading, the allowed rows, and the one too many


def test_a_file_under_the_size_limit_with_too_many_rows_saves_nothing(coordinator_client, agreement):
    response = upload(coordinator_client, agreement, big_import(spreadsheet.MAX_IMPORT_ROWS + 1))
    assert "Filen har fler än 1 000 rader." in response.content.decode()
    assert 'name="confirm"' not in response.content.decode()
    assert not Measure.objects.exists()


def test_a_30_mb_file_with_one_huge_cell_is_refused(coordinator_client, agreement):
    response = upload(coordinator_client, agreement, big_import(1, cell="x" * (30 * 1024 * 1024)))
    assert "Filen är för stor (30,0 MB)." in response.content.decode()
    assert not Measure.objects.exists()


def test_a_huge_cell_within_the_size_limit_gets_a_row_message(agreement):
    result = spreadsheet.parse_csv(big_import(1, cell="x" * 1_500_000), agreement=agreement)
    assert result.errors == ["Rad 2: filen kan inte läsas som CSV (en cell är längre än 131 072 tecken eller ett "
                             "citattecken saknar sitt par)."]


def test_a_forged_confirmation_past_the_size_limit_saves_nothing(coordinator_client, agreement):
    response = coordinator_client.post(reverse("measures:agreement_plan_import", args=[agreement.pk]),
                                       {"content": big_import(20_000), "confirm": "1"})
    assert response.status_code in (200, 400)
    assert not Measure.objects.exists()
