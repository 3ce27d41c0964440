"""Search across a person's councils: PostgreSQL full-text search in Swedish plus trigram compound tails,
or a plain icontains fallback on SQLite. One query per kind, whatever the data size."""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Case, Count, F, FloatField, Lookup, Q, TextField, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest, NullIf, StrIndex, Substr

from . import highlight
from .access import confidential_council_ids
from .query import WORD, SearchText
from .sources import BY_KIND, SOURCES

CONFIG = "swedish"  # always passed explicitly: a stock cluster's default_text_search_config is English
# Stems shorter than this take part only in the stemmed match: "rån" would otherwise find every "från".
COMPOUND_MIN = 5
PER_KIND = 5
PAGE_SIZE = 20
SUGGESTION_WORDS = 3


class SearchTextField(TextField):
    """A text column that search reads (the model may not declare it: `search_text` is PostgreSQL's)."""


@SearchTextField.register_lookup
class ILike(Lookup):
    """`column ILIKE pattern`, which a pg_trgm GIN index answers (Django's icontains uses UPPER() LIKE)."""

    lookup_name = "ilike"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} ILIKE {rhs}", [*lhs_params, *rhs_params]


@SearchTextField.register_lookup
class ContainsSimilarWord(Lookup):
    """`word <% column`: the column has a stretch of text whose trigrams resemble the word (pg_trgm)."""

    lookup_name = "similar_word"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{rhs} <%% {lhs}", [*rhs_params, *lhs_params]


@dataclass
class Group:
    """The hits of one kind: the page of hits shown and how many there are in all."""

    source: object
    hits: list
    total: int

    @property
    def kind(self):
        return self.source.kind

    @property
    def label(self):
        return self.source.label


@dataclass
class Results:
    text: SearchText
    groups: list = field(default_factory=list)
    basic: bool = False  # the SQLite fallback: icontains, newest first, no stemming
    suggestion: str = ""
    only_stopwords: bool = False

    @property
    def total(self):
        return sum(group.total for group in self.groups)

    @property
    def shown(self):
        return [group for group in self.groups if group.total]


def full_text():
    """Whether this database offers the Swedish full-text engine (PostgreSQL) rather than the icontains one."""
    return connection.vendor == "postgresql"


def search(*, user, text, councils, council=None, kind=None, year=None, page=1, basic=False):
    """Hits for the text in the given councils (the user's), grouped by kind; a kind gives a page of 20.
    basic=True uses the icontains engine even on PostgreSQL (for `bench` to compare)."""
    councils = list(councils)
    scope = [council] if council else councils
    council_ids = [c.pk for c in scope]
    confidential_ids = confidential_council_ids(user, scope)
    sources = [BY_KIND[kind]] if kind else SOURCES
    limit, offset = (PAGE_SIZE, (page - 1) * PAGE_SIZE) if kind else (PER_KIND, 0)
    engine = PostgresEngine(text) if full_text() and not basic else BasicEngine(text)
    results = Results(text=text, basic=isinstance(engine, BasicEngine))
    if text.is_empty or not council_ids:
        return results
    if engine.only_stopwords:
        results.only_stopwords = True
        return results
    querysets = [(source, readable(source, council_ids, confidential_ids, year)) for source in sources]
    results.groups = [engine.group(source, queryset, limit=limit, offset=offset) for source, queryset in querysets]
    if not results.total:
        results.suggestion = engine.suggest(querysets)
    return results


def readable(source, council_ids, confidential_ids, year=None):
    """The source's rows in these councils, confidential ones only where they may be read, in the year."""
    queryset = source.model.objects.filter(**{f"{source.council}__in": council_ids})
    if source.confidential:
        queryset = queryset.filter(
            Q(**{source.confidential: False}) | Q(**{f"{source.council}__in": sorted(confidential_ids)})
        )
    if year:
        queryset = queryset.filter(source.in_year(year))
    return queryset.select_related(*source.select_related)


def _column(model, name, output_field):
    """A column of the model's table, also one PostgreSQL generates and the model does not declare."""
    return RawSQL(f'"{model._meta.db_table}"."{name}"', [], output_field=output_field)


def _like_pattern(fragment):
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class PostgresEngine:
    """Stemmed Swedish full-text match OR trigram match of each word's stem inside longer words."""

    def __init__(self, text):
        self.text = text
        self.stems = self._stems(text.positive_words + [t.text.lower() for t in text.terms if t.negated])
        # Stopwords have no stem; a query of only stopwords ("och att") has nothing to look for.
        self.only_stopwords = not text.is_empty and not any(self.stems.get(w) for w in text.positive_words)
        self.fragments = [stem for stem in dict.fromkeys(self.stems.get(w, "") for w in text.plain_words)
                          if len(stem) >= COMPOUND_MIN]

    @staticmethod
    def _stems(words):
        """The Swedish stem of each word, in one query ("" for a stopword)."""
        words = [w for w in dict.fromkeys(words) if "\x00" not in w]
        if not words:
            return {}
        with connection.cursor() as cursor:
            cursor.execute("SELECT w, coalesce((ts_lexize('swedish_stem', w))[1], '') "
                           "FROM unnest(%s::text[]) AS w", [words])
            return dict(cursor.fetchall())

    def _stem_pattern(self, word):
        stem = self.stems.get(word.lower(), "")
        return _like_pattern(stem) if len(stem) >= COMPOUND_MIN else None

    def _term_q(self, term, has_title):
        """A term holds when its stem is among the row's lexemes, or (a plain word) its stem is inside a word."""
        if term.phrase:
            condition = Q(search_vector=SearchQuery(term.text, search_type="phrase", config=CONFIG))
        else:
            if not self.stems.get(term.text.lower()):
                return None  # a stopword: websearch_to_tsquery drops it too
            condition = Q(search_vector=SearchQuery(term.text, search_type="plain", config=CONFIG))
            pattern = self._stem_pattern(term.text)
            if pattern:
                condition |= Q(search_body__ilike=pattern)
                if has_title:
                    condition |= Q(search_title__ilike=pattern)
        return ~condition if term.negated else condition

    def _compound_q(self, has_title):
        """The query again, with each plain word also matching inside compounds; None when no word can."""
        if not self.fragments:
            return None
        alternatives = Q()
        for group in self.text.groups:
            conditions = [c for c in (self._term_q(term, has_title) for term in group) if c is not None]
            if conditions:
                both = Q()
                for condition in conditions:
                    both &= condition
                alternatives |= both
        return alternatives or None

    def _compound_bonus(self, has_title):
        """Rank for a stem found inside a word of the title (the body's compounds rank by date: checking the
        body again here would read every matched body twice)."""
        bonus = Value(0.0)
        if has_title:
            for fragment in self.fragments:
                bonus = bonus + Case(When(Q(search_title__ilike=_like_pattern(fragment)), then=Value(0.2)),
                                     default=Value(0.0), output_field=FloatField())
        return bonus

    def _first_fragment_window(self):
        """About 300 characters of the body from a little before the first stem found in it. Case-sensitive on
        purpose: a stem inside a compound is lower-case, and lower() of every matched body costs a pass."""
        positions = [NullIf(StrIndex(F("search_body"), Value(fragment)), Value(0))
                     for fragment in self.fragments]
        first = Coalesce(*positions, Value(1)) if len(positions) > 1 else Coalesce(positions[0], Value(1))
        return Substr(F("search_body"), Greatest(first - Value(80), Value(1)), Value(300))

    def group(self, source, queryset, *, limit, offset):
        model = source.model
        has_title = source.title is not None
        websearch = SearchQuery(self.text.raw, search_type="websearch", config=CONFIG)
        aliases = {"search_vector": _column(model, "search_vector", SearchVectorField()),
                   "search_body": _column(model, source.body, SearchTextField())}
        if has_title:
            aliases["search_title"] = _column(model, source.title, SearchTextField())
        queryset = queryset.alias(**aliases)
        match = Q(search_vector=websearch)
        compound = self._compound_q(has_title)
        if compound is not None:
            match |= compound
        headline = {"start_sel": highlight.START, "stop_sel": highlight.STOP, "config": CONFIG}
        annotations = {
            "search_rank": SearchRank(F("search_vector"), websearch, normalization=Value(1))
            + self._compound_bonus(has_title),
            "search_total": Window(Count("pk")),
            # ts_headline is costly; PostgreSQL computes it only for the rows left after ORDER BY … LIMIT.
            "search_passage": SearchHeadline(F("search_body"), websearch, max_words=30, min_words=12,
                                             max_fragments=2, fragment_delimiter=" … ", **headline),
        }
        if has_title:
            annotations["search_title_marked"] = SearchHeadline(F("search_title"), websearch, highlight_all=True,
                                                                **headline)
        if self.fragments:
            annotations["search_window"] = self._first_fragment_window()
        rows = list(queryset.filter(match).annotate(**annotations)
                    .order_by("-search_rank", f"-{source.day}", "-pk")[offset:offset + limit])
        for hit in rows:
            passage = hit.search_passage
            if not highlight.has_selection(passage) and self.fragments:
                passage = highlight.window(hit.search_window, self.fragments)
            hit.search_passage_html = highlight.mark(passage, self.fragments)
            if has_title:
                hit.search_title_html = highlight.mark(hit.search_title_marked, self.fragments)
            hit.search_url = source.url(hit)
        return Group(source, rows, rows[0].search_total if rows else 0)

    def suggest(self, querysets):
        """"Menade du …": each plain word replaced by the most similar lexeme (trigram similarity) in the text
        the person may read; "" when no word has a better one. One query (ts_stat over the readable vectors)."""
        words = [w for w in self.text.plain_words if len(w) >= 4][:SUGGESTION_WORDS]
        if not words:
            return ""
        parts = [queryset.select_related(None).order_by()
                 .annotate(search_lexemes=_column(source.model, "search_vector", SearchVectorField()))
                 .values_list("search_lexemes") for source, queryset in querysets]
        vectors = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        sql, params = vectors.query.sql_with_params()
        with connection.cursor() as cursor:
            # ts_stat takes its query as text: the readable rows' query with its values quoted by the driver.
            statement = cursor.mogrify(sql, params)
            statement = statement.decode() if isinstance(statement, bytes) else statement
            cursor.execute(
                "WITH lexemes AS MATERIALIZED (SELECT word, nentry FROM ts_stat(%s)) "
                "SELECT q.word, (SELECT l.word FROM lexemes l WHERE l.word %% q.word AND l.word <> q.stem "
                "                ORDER BY similarity(l.word, q.word) DESC, l.nentry DESC, l.word LIMIT 1) "
                "FROM unnest(%s::text[], %s::text[]) AS q(word, stem)",
                [statement, words, [self.stems.get(w, "") for w in words]],
            )
            replaced = {word: best for word, best in cursor.fetchall() if best}
        if not replaced:
            return ""
        return WORD.sub(lambda match: replaced.get(match.group(0).lower(), match.group(0)), self.text.raw)


class BasicEngine:
    """The SQLite fallback: every word (or phrase) as a substring of one of the kind's fields, newest first."""

    only_stopwords = False

    def __init__(self, text):
        self.text = text
        self.words = text.positive_words

    def _term_q(self, term, fields):
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": term.text})
        return ~condition if term.negated else condition

    def group(self, source, queryset, *, limit, offset):
        match = Q()
        for group in self.text.groups:
            both = Q()
            for term in group:
                both &= self._term_q(term, source.fields)
            match |= both
        rows = list(queryset.filter(match).annotate(search_total=Window(Count("pk")))
                    .order_by(f"-{source.day}", "-pk")[offset:offset + limit])
        body_fields = source.fields[1:] if source.title else source.fields
        for hit in rows:
            body = " ".join(highlight.plain_text(getattr(hit, name)) for name in body_fields)
            hit.search_passage_html = highlight.mark(highlight.window(body, self.words), self.words)
            if source.title:
                hit.search_title_html = highlight.mark(getattr(hit, source.title), self.words)
            hit.search_url = source.url(hit)
        return Group(source, rows, rows[0].search_total if rows else 0)

    def suggest(self, querysets):
        return ""
