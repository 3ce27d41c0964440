"""The action plan as CSV for Excel (UTF-8 with BOM, semicolons) and the import of that same CSV."""

import csv
import datetime
import functools
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from councils.models import Forum, Organisation, log_action

from . import fields as plan_fields
from .models import Activity, Measure, Place, PriorityArea

BOM = "\ufeff"
# An action plan has tens of measures; the limits keep a hostile or mistaken file from holding a worker.
# The file's text goes back and forth once more for the confirmation, under DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 1000
# A spreadsheet treats a cell that starts with one of these as a formula (CSV injection), also after leading
# whitespace or line breaks, which Excel and LibreOffice skip.
FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_STARTS = ("\t", "\r", "\n")

KIND_LABELS = {Measure.Kind.PLAN: "åtgärdsplan", Measure.Kind.PROBLEM: "problem",
               Measure.Kind.DEVELOPMENT: "utveckling"}
KIND_BY_LABEL = {label: kind for kind, label in KIND_LABELS.items()}

# Fields whose CSV cell is the model field's text as it stands; the others are converted below.
CONVERTED = {"kind", "priority_area", "place", "forums", "responsible_organisations", "activities", "follow_up_due"}
EXPORT_ONLY = ["Senaste status", "Senaste uppföljning"]


def needs_neutralising(value):
    """Whether a spreadsheet could run the cell as a formula."""
    return value.startswith(CONTROL_STARTS) or value.lstrip().startswith(FORMULA_STARTS)


@functools.cache
def headings():
    """Field name -> column heading, in the declared order. The headings are the file format, so they stay
    Swedish whatever the user's language: a file exported in one language imports in the other."""
    with translation.override("sv"):
        return {field.name: str(field.label) for field in plan_fields.csv_fields()}


def columns():
    return list(headings().values())


def text_fields():
    return [name for name in headings() if name not in CONVERTED]


def neutralise(value):
    """Prefix a cell that a spreadsheet would run as a formula with an apostrophe."""
    value = "" if value is None else str(value)
    return "'" + value if needs_neutralising(value) else value


def unneutralise(value):
    """Undo neutralise() so that an exported file imports back to the same text."""
    return value[1:] if value.startswith("'") and needs_neutralising(value[1:]) else value


def measure_row(measure):
    """One exported row (before neutralising), from a measure loaded with for_display()."""
    values = {
        "priority_area": measure.priority_area.name if measure.priority_area else "",
        "kind": KIND_LABELS[measure.kind],
        "place": measure.place.name if measure.place else "",
        "forums": "\n".join(forum.name for forum in measure.forums.all()),
        "responsible_organisations": "\n".join(org.name for org in measure.responsible_organisations.all()),
        "activities": "\n".join(activity.text for activity in measure.activities.all()),
        "follow_up_due": measure.follow_up_due.isoformat() if measure.follow_up_due else "",
    }
    values.update({name: getattr(measure, name) for name in text_fields()})
    return [values[name] for name in headings()] + [
        measure.latest_status or "",
        measure.latest_date.isoformat() if measure.latest_date else "",
    ]


def export_csv(measures):
    """The measures as CSV text for Excel: BOM, semicolons, CRLF, formulas neutralised."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns() + EXPORT_ONLY)
    for measure in measures:
        writer.writerow([neutralise(value) for value in measure_row(measure)])
    return out.getvalue()


@dataclass
class ImportRow:
    number: int
    measure: Measure
    forums: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    activities: list = field(default_factory=list)


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors and bool(self.rows)


def unreadable(row):
    return _("Rad %(row)s: filen kan inte läsas som CSV (en cell är längre än %(max)s tecken eller ett "
             "citattecken saknar sitt par).") % {"row": row, "max": f"{csv.field_size_limit():,}".replace(",", " ")}


def too_many_rows():
    return _("Filen har fler än %(max)s rader. Importera högst %(max)s åtgärder åt gången; inget har sparats.") % {
        "max": f"{MAX_IMPORT_ROWS:,}".replace(",", " ")}


def _lines(value):
    return [line.strip() for line in value.splitlines() if line.strip()]


def parse_csv(source, *, agreement):
    """Read an exported plan back: measures to create in the agreement's council, or row-level errors.

    `source` is the CSV text or an iterable of its lines; rows are read one at a time and reading stops
    past MAX_IMPORT_ROWS, so a huge file costs no more than the limit. Row numbers are the spreadsheet's:
    the heading is row 1.
    """
    council = agreement.council
    result = ImportResult()
    if isinstance(source, str):
        source = io.StringIO(source.removeprefix(BOM), newline="")
    reader = csv.reader(source, delimiter=";")
    try:
        header = [cell.strip().removeprefix(BOM) for cell in next(reader)]
    except StopIteration:
        result.errors.append(_("Filen är tom."))
        return result
    except csv.Error:
        result.errors.append(unreadable(1))
        return result
    missing = [column for column in columns() if column not in header]
    if missing:
        result.errors.append(
            _("Rad 1: kolumnen saknas: %(columns)s.") % {"columns": ", ".join(f"”{c}”" for c in missing)}
        )
        return result

    areas = {area.name: area for area in PriorityArea.objects.filter(agreement=agreement)}
    places = {place.name: place for place in Place.objects.filter(council=council)}
    forums = {forum.name: forum for forum in Forum.objects.filter(council=council)}
    organisations = {org.name: org for org in Organisation.objects.all()}

    def error(number, name, message):
        result.errors.append(
            _("Rad %(row)s, %(column)s: %(message)s") % {"row": number, "column": headings()[name], "message": message}
        )

    try:
        for offset, cells in enumerate(reader):
            if offset >= MAX_IMPORT_ROWS:
                return ImportResult(errors=[too_many_rows()])
            number = offset + 2
            if not any(cell.strip() for cell in cells):
                continue
            cells = cells + [""] * (len(header) - len(cells))
            cell = {heading: unneutralise(cells[index]).strip() for index, heading in enumerate(header)}
            row = {name: cell[heading] for name, heading in headings().items()}
            errors_before = len(result.errors)
            measure = Measure(council=council, position=offset)
            for name in text_fields():
                setattr(measure, name, row[name])
            if not measure.title:
                error(number, "title", _("får inte vara tom."))
            kind = KIND_BY_LABEL.get(row["kind"].lower() or KIND_LABELS[Measure.Kind.PLAN])
            if kind is None:
                error(number, "kind", _("okänd typ ”%(value)s”; använd åtgärdsplan, problem eller utveckling.")
                      % {"value": row["kind"]})
            else:
                measure.kind = kind
            if row["priority_area"]:
                measure.priority_area = areas.get(row["priority_area"])
                if measure.priority_area is None:
                    error(number, "priority_area", _("okänt område ”%(value)s” i överenskommelsen.")
                          % {"value": row["priority_area"]})
            if row["place"]:
                measure.place = places.get(row["place"])
                if measure.place is None:
                    error(number, "place", _("okänd plats ”%(value)s”.") % {"value": row["place"]})
            elif kind in (Measure.Kind.PROBLEM, Measure.Kind.DEVELOPMENT):
                error(number, "place", _("platssamverkan måste ha en plats."))
            if row["follow_up_due"]:
                try:
                    measure.follow_up_due = datetime.date.fromisoformat(row["follow_up_due"])
                except ValueError:
                    error(number, "follow_up_due",
                          _("”%(value)s” är inte ett datum; skriv ÅÅÅÅ-MM-DD.") % {"value": row["follow_up_due"]})
            import_row = ImportRow(number=number, measure=measure, activities=_lines(row["activities"]))
            for name in _lines(row["forums"]):
                if name in forums:
                    import_row.forums.append(forums[name])
                else:
                    error(number, "forums", _("okänt forum ”%(value)s” i rådet.") % {"value": name})
            for name in _lines(row["responsible_organisations"]):
                if name in organisations:
                    import_row.organisations.append(organisations[name])
                else:
                    error(number, "responsible_organisations", _("okänd organisation ”%(value)s”.") % {"value": name})
            if len(result.errors) == errors_before:
                result.rows.append(import_row)
    except csv.Error:
        return ImportResult(errors=[unreadable(reader.line_num)])
    if not result.rows and not result.errors:
        result.errors.append(_("Filen innehåller inga åtgärder."))
    return result


def import_rows(*, result, agreement, user):
    """Save every parsed row, all or nothing; refuse a result that has errors."""
    if not result.ok:
        raise ValueError("An import with errors saves nothing.")
    with transaction.atomic():
        start = Measure.objects.filter(council=agreement.council).next_position()
        for row in result.rows:
            row.measure.position += start
            row.measure.save()
            row.measure.forums.set(row.forums)
            row.measure.responsible_organisations.set(row.organisations)
            Activity.objects.bulk_create(
                Activity(measure=row.measure, text=text, position=position)
                for position, text in enumerate(row.activities)
            )
        log_action(council=agreement.council, user=user, action="measures.agreement.imported", obj=agreement,
                   data={"count": len(result.rows)})
    return [row.measure for row in result.rows]
