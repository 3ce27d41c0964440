import pytest

from meetings.sanitize import clean_minutes, minutes_to_text


@pytest.mark.parametrize(
    "dirty",
    [
        "<p>Hej<script>alert(1)</script></p>",
        '<p onclick="alert(1)">Hej</p>',
        "<style>p{color:red}</style><p>Hej</p>",
        '<p><img src=x onerror="alert(1)">Hej</p>',
        '<p><a href="javascript:alert(1)">Hej</a></p>',
        '<p style="background:url(x)">Hej</p>',
        "<p><iframe src='https://example.se'></iframe>Hej</p>",
    ],
)
def test_scripts_styles_and_event_handlers_never_survive(dirty):
    clean = clean_minutes(dirty)
    assert "Hej" in clean
    for bad in ("script", "alert", "onclick", "onerror", "style", "javascript", "iframe", "<img"):
        assert bad not in clean


def test_the_allowed_formatting_survives():
    html = (
        "<h3>Lägesbild</h3><h4>Polis</h4><p><strong>Fet</strong> och <em>kursiv</em><br>rad</p>"
        "<ul><li>ett</li></ul><ol><li>två</li></ol><p><a href=\"https://polisen.se\">länk</a></p>"
        "<table><thead><tr><th>Problem</th><th>Åtgärd</th><th>Status</th></tr></thead>"
        "<tbody><tr><td>Klotter</td><td>Sanering</td><td>Pågår</td></tr></tbody></table>"
    )
    clean = clean_minutes(html)
    for kept in ("<h3>", "<h4>", "<strong>Fet</strong>", "<em>kursiv</em>", "<br>", "<ul><li>", "<ol><li>",
                 '<a href="https://polisen.se" rel="noopener noreferrer">', "<table>", "<thead>", "<th>Problem</th>",
                 "<td>Klotter</td>"):
        assert kept in clean


def test_browser_bold_italic_and_div_become_allowed_tags():
    clean = clean_minutes("<div><b>fet</b> <i>kursiv</i></div>")
    assert clean == "<p><strong>fet</strong> <em>kursiv</em></p>"


def test_plain_text_keeps_the_words_of_a_table():
    text = minutes_to_text("<p>Inledning &amp; mål</p><table><tr><td>Klotter</td><td>Pågår</td></tr></table>")
    assert "Inledning & mål" in text
    assert "Klotter\tPågår" in text


def test_the_sanitiser_allows_exactly_what_the_editors_extensions_write():
    from django_prose_editor.config import allowlist_from_extensions

    from meetings.editor import EDITOR_EXTENSIONS
    from meetings.sanitize import MINUTES_EXTENSIONS, minutes_rules

    assert minutes_rules()["tags"] == allowlist_from_extensions(EDITOR_EXTENSIONS)["tags"]
    assert minutes_rules()["tags"] == {"p", "br", "h3", "h4", "strong", "em", "ul", "ol", "li", "a", "table", "thead",
                                       "tbody", "tr", "th", "td"}
    assert MINUTES_EXTENSIONS["Heading"] == {"levels": [3, 4]}


WORD_FRAGMENT = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}
</style></head><body lang=SV><!--StartFragment-->
<h1 style="mso-outline-level:1">Lägesbild</h1>
<p class=MsoNormal><b><span style='font-family:"Arial"'>Polisen</span></b> rapporterade <i>färre</i> inbrott.
<a style='mso-comment-reference:KL_1'>[KL1]</a><span class=MsoCommentReference>kommentar</span></p>
<p class=MsoNormal><img width=100 src="file:///C:/bild.png"><o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td style='width:100pt'><b>Problem</b></td>
<td><b>Åtgärd</b></td></tr><tr><td><p class=MsoNormal>Klotter</p></td><td>Sanering</td></tr></table>
<div style='mso-element:comment-list'><div style='mso-element:comment'><p class=MsoCommentText>Hemlig kommentar</p>
</div></div><!--EndFragment--></body></html>"""


def test_a_word_fragment_keeps_text_bold_italic_and_table_and_drops_styles_fonts_comments_and_images():
    clean = clean_minutes(WORD_FRAGMENT)
    assert "<h3>Lägesbild</h3>" in clean
    assert "<strong>Polisen</strong> rapporterade <em>färre</em> inbrott." in clean
    assert "<td><strong>Problem</strong></td>" in clean and "<td><p>Klotter</p></td>" in clean
    for gone in ("style", "class", "font-family", "Calibri", "<img", "bild.png", "KL1", "kommentar", "Hemlig",
                 "o:p", "lang"):
        assert gone not in clean


def test_a_header_row_is_stored_as_thead_whatever_the_editor_sent():
    clean = clean_minutes("<table><tbody><tr><th><p>Problem</p></th><th><p>Status</p></th></tr>"
                          "<tr><td><p>Klotter</p></td><td><p>Pågår</p></td></tr></tbody></table>")
    assert clean == ("<table><thead><tr><th><p>Problem</p></th><th><p>Status</p></th></tr></thead>"
                     "<tbody><tr><td><p>Klotter</p></td><td><p>Pågår</p></td></tr></tbody></table>")
    assert clean_minutes(clean) == clean


def test_a_table_inside_a_table_becomes_text_in_its_cell_and_nothing_is_lost():
    clean = clean_minutes("<table><tr><td>Ute<table><tr><td>Inre A</td><td>Inre B</td></tr>"
                          "<tr><td>C</td><td>D</td></tr></table></td><td>Sist</td></tr></table>")
    assert clean.count("<table>") == 1
    assert "<td>Ute<p>Inre A – Inre B</p><p>C – D</p></td><td>Sist</td>" in clean


def test_an_emptied_editor_is_stored_as_no_minutes():
    assert clean_minutes("<p></p>") == ""
    assert clean_minutes("<table><tr></tr></table>") == ""


def test_five_megabytes_of_html_come_out_clean():
    row = '<tr><td style="color:red">Klotter<script>x()</script></td><td><img src=x>Sanering</td></tr>'
    dirty = "<table>" + row * (5_000_000 // len(row)) + "</table>"
    clean = clean_minutes(dirty)
    assert "Klotter" in clean and "script" not in clean and "<img" not in clean and "style" not in clean
