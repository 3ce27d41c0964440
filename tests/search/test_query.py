"""Reading the search box the way websearch_to_tsquery does: words, "phrases", -exclusions and or."""

from search.query import MAX_LENGTH, parse


def test_words_are_all_required_and_phrases_stay_together():
    text = parse('"rån mot barn" centrum')

    (group,) = text.groups
    assert [(t.text, t.phrase, t.negated) for t in group] == [("rån mot barn", True, False), ("centrum", False, False)]


def test_a_minus_at_the_start_of_a_word_excludes_it_but_a_hyphen_inside_does_not():
    text = parse("e-post -polis")

    assert [(t.text, t.negated) for t in text.terms] == [("e", False), ("post", False), ("polis", True)]


def test_or_splits_the_query_into_alternatives():
    text = parse("klotter or skadegörelse centrum")

    assert [[t.text for t in group] for group in text.groups] == [["klotter"], ["skadegörelse", "centrum"]]


def test_an_unbalanced_quote_makes_a_phrase_of_the_rest():
    text = parse('"rån mot barn')

    assert [t.text for t in text.terms] == ["rån mot barn"]


def test_operators_and_punctuation_are_no_words():
    for raw in ['":*', "&|!", "( ) <-> :* !!", "   "]:
        assert parse(raw).is_empty, raw


def test_only_exclusions_leave_nothing_to_look_for():
    assert parse("-polis").is_empty


def test_sql_looking_input_is_just_words():
    text = parse("'; DROP TABLE meetings_meeting; --")

    assert text.positive_words == ["drop", "table", "meetings_meeting"]


def test_a_very_long_query_is_cut():
    text = parse("trygghet " * 5000)

    assert len(text.raw) <= MAX_LENGTH
    assert text.positive_words == ["trygghet"]
