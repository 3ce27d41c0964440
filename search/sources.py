"""The kinds of thing search finds, declared once: model, owner council, date, columns, link and template.

Adding a kind is one Source here, one migration that
gives its table `search_vector` (and `search_text` when the body is HTML or several fields; see
migrations/0001), and one template `search/_hit_<kind>.html`.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from assessments.models import Problem
from measures.models import Activity, Comment, FollowUp, Measure
from meetings.models import AgendaItem, Decision, Meeting


@dataclass(frozen=True)
class Source:
    """One searchable kind and where its text, council, date and page are."""

    kind: str
    label: str
    model: type
    council: str  # lookup path from the model to its council
    day: str  # lookup path to the date or time a year filter and the newest-first order use
    body: str  # column with the plain body text (trigram-indexed); generated where the body is HTML or several fields
    title: str | None = None  # column with the title (trigram-indexed), when the kind has one
    fields: tuple = ()  # model fields the SQLite fallback looks in (title first when there is one)
    confidential: str | None = None  # lookup path to the flag that makes a hit confidential
    select_related: tuple = ()
    anchor: str = ""  # "#…" on the page the hit links to, formatted with the hit
    year: object = None  # callable(year) -> Q, when the kind's year is not simply its day's year
    page: object = None  # callable(hit) -> the object whose page shows the hit (default: the hit itself)

    @property
    def template(self):
        return f"search/_hit_{self.kind}.html"

    def in_year(self, year):
        return self.year(year) if self.year else Q(**{f"{self.day}__year": year})

    def url(self, hit):
        page = self.page(hit) if self.page else hit
        return page.get_absolute_url() + self.anchor.format(hit=hit)


def _measure_year(year, path=""):
    """A measure belongs to the years its action plan is in force; one outside a plan to the year it was made.
    `path` leads from another kind to its measure ("measure__" for an activity)."""
    agreement = f"{path}priority_area__agreement__"
    in_plan = Q(**{f"{agreement}valid_from__year__lte": year}) & (
        Q(**{f"{agreement}valid_to__year__gte": year}) | Q(**{f"{agreement}extended_to__year__gte": year})
    )
    return in_plan | Q(**{f"{path}priority_area__isnull": True, f"{path}created_at__year": year})


def _problem_year(year):
    """A problem belongs to the years its lägesbild covers."""
    return Q(assessment__period_start__year__lte=year, assessment__period_end__year__gte=year)


MEASURE_TEXT = ("title", "problem", "responsible_text", "forum_text", "police_contact", "police_commitment",
                "admin_contact", "admin_commitment", "other_actors", "funding", "communication", "follow_up_plan",
                "participants", "convener", "status_text")

SOURCES = [
    Source("meeting", _("Möten"), Meeting, council="council", day="starts_at", body="search_text",
           title="title", fields=("title", "place", "notice_text", "department"),
           select_related=("council", "forum")),
    Source("item", _("Dagordningspunkter och anteckningar"), AgendaItem, council="meeting__council",
           day="meeting__starts_at", body="search_text", title="title", fields=("title", "minutes"),
           confidential="confidential", select_related=("meeting__council", "meeting__forum"),
           anchor="#item-{hit.pk}", page=lambda item: item.meeting),
    Source("decision", _("Beslut och uppdrag"), Decision, council="agenda_item__meeting__council",
           day="agenda_item__meeting__starts_at", body="text", fields=("text", "responsible_text"),
           confidential="agenda_item__confidential",
           select_related=("agenda_item__meeting__council", "agenda_item__meeting__forum", "responsible"),
           anchor="#item-{hit.agenda_item_id}", page=lambda d: d.agenda_item.meeting),
    Source("measure", _("Åtgärder"), Measure, council="council", day="created_at", body="search_text",
           title="title", fields=MEASURE_TEXT, select_related=("council", "priority_area", "place"),
           year=_measure_year),
    Source("follow_up", _("Uppföljningar"), FollowUp, council="measure__council", day="date", body="note",
           fields=("note",), select_related=("measure__council", "author"), anchor="#follow-up-{hit.pk}",
           page=lambda f: f.measure),
    Source("comment", _("Kommentarer"), Comment, council="measure__council", day="created_at", body="text",
           fields=("text",), select_related=("measure__council", "author"), anchor="#comment-{hit.pk}",
           page=lambda c: c.measure),
    Source("activity", _("Aktiviteter"), Activity, council="measure__council", day="measure__created_at",
           body="text", fields=("text",), select_related=("measure__council",),
           year=lambda year: _measure_year(year, "measure__"),
           page=lambda a: a.measure),
    Source("problem", _("Problem i lägesbilden"), Problem, council="assessment__council",
           day="assessment__period_start", body="search_text", title="title",
           fields=("title", "description", "where", "who", "when", "crime_type"),
           select_related=("assessment__council",), year=_problem_year),
]
BY_KIND = {source.kind: source for source in SOURCES}
