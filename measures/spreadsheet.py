"""The action plan as CSV for Excel (UTF-8 with BOM, semicolons) and the import of that same CSV."""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from councils.models import Forum, Organisation, log_action

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

# (column heading, Measure attribute) for the plain text columns, in export order.
TEXT_COLUMNS = [
    ("Åtgärd", "title"),
    ("Problemområde", "problem"),
    ("Ansvarig", "responsible_text"),
    ("Samverkansforum (text)", "forum_text"),
    ("Polisens kontakt", "police_contact"),
    ("Polisens åtagande", "police_commitment"),
    ("Förvaltningens kontakt", "admin_contact"),
    ("Förvaltningens åtagande", "admin_commitment"),
    ("Tänkbara övriga aktörer", "other_actors"),
    ("Finansiering", "funding"),
    ("Kommunikation", "communication"),
    ("Uppföljning", "follow_up_plan"),
    ("Deltagare", "participants"),
    ("Sammankallande/ansvarig", "convener"),
    ("Status/uppföljning", "status_text"),
]
COLUMNS = (
    ["Prioriterat område", "Typ", "Plats"]
    + [heading for heading, _attr in TEXT_COLUMNS[:4]]
    + ["Samverkansforum", "Ansvariga organisationer", "Prioriterade aktiviteter"]
    + [heading for heading, _attr in TEXT_COLUMNS[4:]]
    + ["Nästa uppföljning senast"]
)
EXPORT_ONLY = ["Senaste status", "Senaste uppföljning"]


def needs_neutralising(value):
    """Whether a spreadsheet could run the cell as a formula."""
    return value.startswith(CONTROL_STARTS) or value.lstrip().startswith(FORMULA_STARTS)


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
        "Prioriterat område": measure.priority_area.name if measure.priority_area else "",
        "Typ": KIND_LABELS[measure.kind],
        "Plats": measure.place.name if measure.place else "",
        "Samverkansforum": "\n".join(forum.name for forum in measure.forums.all()),
        "Ansvariga organisationer": "\n".join(org.name for org in measure.responsible_organisations.all()),
        "Prioriterade aktiviteter": "\n".join(activity.text for activity in measure.activities.all()),
        "Nästa uppföljning senast": measure.follow_up_due.isoformat() if measure.follow_up_due else "",
        "Senaste status": measure.latest_status or "",
        "Senaste uppföljning": measure.latest_date.isoformat() if measure.latest_date else "",
    }
    values.update({heading: getattr(measure, attr) for heading, attr in TEXT_COLUMNS})
    return [values[heading] for heading in COLUMNS + EXPORT_ONLY]


def export_csv(measures):
    """The measures as CSV text for Excel: BOM, semicolons, CRLF, formulas neutralised."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS + EXPORT_ONLY)
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
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        result.errors.append(
            _("Rad 1: kolumnen saknas: %(columns)s.") % {"columns": ", ".join(f"”{c}”" for c in missing)}
        )
        return result

    areas = {area.name: area for area in PriorityArea.objects.filter(agreement=agreement)}
    places = {place.name: place for place in Place.objects.filter(council=council)}
    forums = {forum.name: forum for forum in Forum.objects.filter(council=council)}
    organisations = {org.name: org for org in Organisation.objects.all()}

    def error(number, column, message):
        result.errors.append(
            _("Rad %(row)s, %(column)s: %(message)s") % {"row": number, "column": column, "message": message}
        )

    try:
        for offset, cells in enumerate(reader):
            if offset >= MAX_IMPORT_ROWS:
                return ImportResult(errors=[too_many_rows()])
            number = offset + 2
            if not any(cell.strip() for cell in cells):
                continue
            cells = cells + [""] * (len(header) - len(cells))
            row = {heading: unneutralise(cells[index]).strip() for index, heading in enumerate(header)}
            errors_before = len(result.errors)
            measure = Measure(council=council, position=offset)
            for heading, attr in TEXT_COLUMNS:
                setattr(measure, attr, row[heading])
            if not measure.title:
                error(number, "Åtgärd", _("får inte vara tom."))
            kind = KIND_BY_LABEL.get(row["Typ"].lower() or KIND_LABELS[Measure.Kind.PLAN])
            if kind is None:
                error(number, "Typ", _("okänd typ ”%(value)s”; använd åtgärdsplan, problem eller utveckling.")
                      % {"value": row["Typ"]})
            else:
                measure.kind = kind
            if row["Prioriterat område"]:
                measure.priority_area = areas.get(row["Prioriterat område"])
                if measure.priority_area is None:
                    error(number, "Prioriterat område", _("okänt område ”%(value)s” i överenskommelsen.")
                          % {"value": row["Prioriterat område"]})
            if row["Plats"]:
                measure.place = places.get(row["Plats"])
                if measure.place is None:
                    error(number, "Plats", _("okänd plats ”%(value)s”.") % {"value": row["Plats"]})
            elif kind in (Measure.Kind.PROBLEM, Measure.Kind.DEVELOPMENT):
                error(number, "Plats", _("platssamverkan måste ha en plats."))
            if row["Nästa uppföljning senast"]:
                try:
                    measure.follow_up_due = datetime.date.fromisoformat(row["Nästa uppföljning senast"])
                except ValueError:
                    error(number, "Nästa uppföljning senast",
                          _("”%(value)s” är inte ett datum; skriv ÅÅÅÅ-MM-DD.") % {"value": row["Nästa uppföljning senast"]})
            import_row = ImportRow(number=number, measure=measure, activities=_lines(row["Prioriterade aktiviteter"]))
            for name in _lines(row["Samverkansforum"]):
                if name in forums:
                    import_row.forums.append(forums[name])
                else:
                    error(number, "Samverkansforum", _("okänt forum ”%(value)s” i rådet.") % {"value": name})
            for name in _lines(row["Ansvariga organisationer"]):
                if name in organisations:
                    import_row.organisations.append(organisations[name])
                else:
                    error(number, "Ansvariga organisationer", _("okänd organisation ”%(value)s”.") % {"value": name})
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
        start = (Measure.objects.filter(council=agreement.council).order_by("-position")
                 .values_list("position", flat=True).first() or 0) + 1
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
