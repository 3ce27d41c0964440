"""The data migration that converts existing minutes for the new editor, applied to the demo's and old editor's HTML."""

import importlib

from demo.meetings import TABLE
from meetings.sanitize import clean_minutes

migration = importlib.import_module("meetings.migrations.0006_convert_minutes_for_prose_editor")

FIVE_TITLES = ["Problemområde", "Åtgärd/insats", "Deltagare", "Sammankallande/ansvarig", "Status/uppföljning"]


def test_the_demos_seed_style_table_keeps_its_header_row():
    converted = migration.convert(TABLE)
    header = converted.split("<thead>")[1].split("</thead>")[0]
    assert [cell.split("</th>")[0] for cell in header.split("<th>")[1:]] == FIVE_TITLES
    assert converted.count("<tr>") == 4


def test_a_header_left_as_loose_text_above_the_table_becomes_its_header_row():
    old = ("<h4>Platssamverkan</h4><p>ProblemÅtgärd/insatsAnsvarigStatus/uppföljning</p><table><tbody><tr>"
           "<td>Klotter</td><td>Sanering</td><td>Polisen</td><td>Pågår</td></tr></tbody></table>")
    assert migration.convert(old) == (
        "<h4>Platssamverkan</h4><table><thead><tr><th>Problem</th><th>Åtgärd/insats</th><th>Ansvarig</th>"
        "<th>Status/uppföljning</th></tr></thead><tbody><tr><td>Klotter</td><td>Sanering</td><td>Polisen</td>"
        "<td>Pågår</td></tr></tbody></table>"
    )


def test_a_five_column_loose_header_with_tabs_is_restored_too():
    old = "<p>" + "\t".join(FIVE_TITLES) + "</p><table><tr>" + "<td>x</td>" * 5 + "</tr></table>"
    assert "<thead><tr><th>Problemområde</th>" in migration.convert(old)


def test_an_ordinary_paragraph_above_a_table_is_left_alone():
    old = "<p>Polisen redogjorde för läget.</p><table><tr><td>Klotter</td><td>Pågår</td></tr></table>"
    assert migration.convert(old) == clean_minutes(old)
    assert "<p>Polisen redogjorde för läget.</p>" in migration.convert(old)


def test_converting_twice_changes_nothing():
    once = migration.convert(TABLE)
    assert migration.convert(once) == once
