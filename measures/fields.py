"""The plan's fields, declared once: the measure form, the text filter, the CSV, the measure table (page and PDF)
and the admin all read which fields they show, in which order and under which label from PLAN_FIELDS.

Adding a field to the plan is a model field with its `verbose_name`, a migration and one line here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Activity, Measure

# Where a field appears in the measure table: always, only when filled in, or not as a row of its own.
ALWAYS, IF_FILLED, NOT_IN_TABLE = "always", "if_filled", None


@dataclass(frozen=True)
class PlanField:
    """One field of the plan and where it appears."""

    name: str
    table: str | None = ALWAYS  # the measure table, on the page and in the PDF
    csv: bool = True  # exported, and read back by the import
    form: bool = True  # in the measure form
    search: bool = False  # searched by the plan's free-text filter
    rows: int = 3  # lines of the form's text area; 0 for a one-line input or a widget of its own
    # For rows that show more than the field itself (the organisations with "ansvarig"): measure -> HTML.
    table_value: Callable | None = None
    table_label: Callable | None = None  # measure -> label, when it depends on the measure

    @property
    def model_field(self):
        if self.name == "activities":  # the related model's name stands for the relation
            return None
        return Measure._meta.get_field(self.name)

    @property
    def label(self):
        """The heading everywhere: the model field's verbose_name with a capital letter."""
        if self.model_field is None:
            return capfirst(Activity._meta.verbose_name_plural)
        return capfirst(self.model_field.verbose_name)

    def label_for(self, measure):
        return self.table_label(measure) if self.table_label else self.label

    def value(self, measure):
        """The field's plain value for a measure loaded with for_display(): text, or a list for relations."""
        if self.name == "activities":
            return [activity.text for activity in measure.activities.all()]
        field = self.model_field
        if field.many_to_many:
            return [str(obj) for obj in getattr(measure, self.name).all()]
        value = getattr(measure, self.name)
        if field.choices:
            return getattr(measure, f"get_{self.name}_display")()
        if value is None:
            return ""
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return str(value)

    def html(self, measure):
        """The table cell's content."""
        if self.table_value:
            return self.table_value(measure)
        value = self.value(measure)
        if isinstance(value, list):
            return format_html('<ul class="mb-0">{}</ul>', format_html_join("", "<li>{}</li>", ((v,) for v in value)))
        return linebreaksbr(value, autoescape=True)


def _responsible(measure):
    organisations = ", ".join(str(org) for org in measure.responsible_organisations.all())
    if not organisations:
        return format_html("{}", measure.responsible_text)
    separator = mark_safe("<br>") if measure.responsible_text else ""
    return format_html('{}{}<small class="org-list">{}</small>', measure.responsible_text, separator, organisations)


def _activities(measure):
    items = [
        format_html("<li>{}{}</li>", activity.text,
                    format_html(' <small class="text-body-secondary from-task">({})</small>', _("uppdrag från möte"))
                    if activity.decision_id else "")
        for activity in measure.activities.all()
    ]
    return format_html('<ul class="mb-0">{}</ul>', format_html_join("", "{}", ((i,) for i in items))) if items else ""


def _problem_label(measure):
    return _("Utvecklingsområde") if measure.kind == Measure.Kind.DEVELOPMENT else _("Problemområde")


PLAN_FIELDS = [
    PlanField("priority_area", table=NOT_IN_TABLE, rows=0),  # the table stands under its area's heading
    PlanField("kind", table=NOT_IN_TABLE, rows=0),
    PlanField("title", table=NOT_IN_TABLE, search=True, rows=2),  # the table's caption row
    PlanField("problem", table=IF_FILLED, search=True, rows=2, table_label=_problem_label),
    PlanField("place", table=IF_FILLED, rows=0),
    PlanField("prevention_type", table=IF_FILLED, rows=0),
    PlanField("effect_horizon", table=IF_FILLED, rows=0),
    PlanField("evidence_basis", table=IF_FILLED, rows=0),
    PlanField("responsible_text", search=True, rows=0, table_value=_responsible),
    PlanField("responsible_organisations", table=NOT_IN_TABLE, rows=0),  # shown in the "ansvarig" row
    PlanField("responsible_people", table=NOT_IN_TABLE, csv=False, rows=0),
    PlanField("forums", table=NOT_IN_TABLE, rows=0),  # shown as forum_text's row when no text is given
    PlanField("forum_text", search=True, rows=0, table_value=lambda m: m.forum_label,
              table_label=lambda m: capfirst(Measure._meta.get_field("forums").verbose_name)),
    PlanField("activities", search=True, rows=4, table_value=_activities),
    PlanField("police_contact", search=True),
    PlanField("police_commitment", search=True),
    PlanField("admin_contact", search=True),
    PlanField("admin_commitment", search=True),
    PlanField("other_actors", search=True),
    PlanField("funding", search=True),
    PlanField("communication", search=True),
    PlanField("follow_up_plan", search=True),
    PlanField("participants", table=IF_FILLED, search=True),
    PlanField("convener", table=IF_FILLED, search=True, rows=0),
    PlanField("status_text", table=IF_FILLED, search=True),
    PlanField("follow_up_due", table=NOT_IN_TABLE, rows=0),  # in the table's status row
    PlanField("agenda_items", table=NOT_IN_TABLE, csv=False, rows=0),
    PlanField("position", table=NOT_IN_TABLE, csv=False, rows=0),
]
BY_NAME = {field.name: field for field in PLAN_FIELDS}


def form_fields():
    return [field for field in PLAN_FIELDS if field.form]


def csv_fields():
    return [field for field in PLAN_FIELDS if field.csv]


def search_fields():
    """The model's text fields the free-text filter searches (activities are searched through their own table)."""
    return [field.name for field in PLAN_FIELDS if field.search and field.name != "activities"]


def table_rows(measure):
    """(label, cell HTML) for the measure table's rows between its caption and its status row."""
    rows = []
    for field in PLAN_FIELDS:
        if field.table is NOT_IN_TABLE:
            continue
        if field.table == IF_FILLED and not field.value(measure):
            continue
        rows.append((field.label_for(measure), field.html(measure)))
    return rows
