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
