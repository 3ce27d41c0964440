"""What a person typed in the search box, read the way PostgreSQL's websearch_to_tsquery reads it.

websearch syntax: words are ANDed, "quoted text" is a phrase, -word or -"phrase" excludes, and `or` splits
the query into alternatives. PostgreSQL does the full-text part itself from the raw text (it never raises on
bad input); this reading is needed for what PostgreSQL cannot do: compound tails, the SQLite fallback,
marking words in passages and "Menade du …".
"""

import re
from dataclasses import dataclass

MAX_LENGTH = 200
MAX_TERMS = 12
# A minus sign excludes only at the start of a term (after whitespace), as in PostgreSQL: "e-post" is one word.
TOKEN = re.compile(r'(?P<neg>(?<!\S)-\s*)?(?:"(?P<phrase>[^"]*)"?|(?P<word>\w+))|\S', re.UNICODE)
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """A word or a phrase of the query, possibly excluded."""

    text: str
    phrase: bool = False
    negated: bool = False

    @property
    def words(self):
        return WORD.findall(self.text)


@dataclass(frozen=True)
class SearchText:
    """The query: alternatives (split at `or`), each a list of terms that must all hold."""

    raw: str
    groups: tuple

    @property
    def terms(self):
        return [term for group in self.groups for term in group]

    @property
    def positive_words(self):
        """The words a hit must (in one alternative) contain, lower-case, without repeats."""
        words = (word.lower() for term in self.terms if not term.negated for word in term.words)
        return list(dict.fromkeys(words))

    @property
    def plain_words(self):
        """The positive words outside phrases: the ones a compound tail or a spelling suggestion can stand for."""
        words = (term.text.lower() for term in self.terms if not term.negated and not term.phrase)
        return list(dict.fromkeys(words))

    @property
    def is_empty(self):
        """True when nothing positive is left to look for (only exclusions, or only punctuation)."""
        return not self.positive_words


def parse(raw):
    """Read the raw query; anything that is not a word, a phrase, a minus or `or` is ignored."""
    raw = " ".join(raw.split())[:MAX_LENGTH]
    groups, current, count = [], [], 0
    for match in TOKEN.finditer(raw):
        phrase, word = match.group("phrase"), match.group("word")
        negated = match.group("neg") is not None
        if word is not None and word.lower() == "or" and not negated:
            if current:
                groups.append(tuple(current))
            current = []
            continue
        if count >= MAX_TERMS:
            break
        if phrase is not None:
            words = WORD.findall(phrase)
            if words:
                current.append(Term(" ".join(words), phrase=len(words) > 1, negated=negated))
                count += 1
        elif word is not None:
            current.append(Term(word, negated=negated))
            count += 1
    if current:
        groups.append(tuple(current))
    return SearchText(raw=raw, groups=tuple(group for group in groups if any(not t.negated for t in group)))
