"""Passages are escaped first, then marked: no markup from the minutes ever reaches the page."""

from search.highlight import START, STOP, mark, plain_text, window


def test_postgresql_selections_become_marks_and_everything_else_is_escaped():
    html = mark(f"<script>alert(1)</script> {START}rån{STOP} mot barn & unga")

    assert html == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>rån</mark> mot barn &amp; unga"


def test_a_word_containing_a_stem_is_marked_whole():
    assert mark("Ordningsstörningar vid torget", ["störning"]) == "<mark>Ordningsstörningar</mark> vid torget"


def test_a_stray_selection_character_cannot_open_a_mark():
    assert mark(f"a {START}b") == "a b"


def test_minutes_html_becomes_plain_text():
    assert plain_text("<p>Rån &amp; hot</p><p>mot&nbsp;barn</p>") == "Rån & hot mot barn"


def test_the_window_starts_near_the_first_match_and_says_it_was_cut():
    text = "början " * 100 + "ordningsstörningar vid torget " + "slut " * 100

    passage = window(text, ["störning"])

    assert passage.startswith("… ") and passage.endswith(" …")
    assert "ordningsstörningar" in passage
