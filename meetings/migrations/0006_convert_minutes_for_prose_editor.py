"""Existing minutes, once, into the form the new editor writes: header rows as <thead>/<th>, one set of nh3 rules.

The old editor could leave a table's header as loose, run-together text in the block just above the table
("ProblemÅtgärd/insatsAnsvarigStatus/uppföljning"). Where that text splits into exactly as many known column
titles as the table has columns, it becomes the table's header row again.
"""

import html
import re

from django.db import migrations

# Column titles of the old editor's table and of the seed protocols' working documents, longest first.
KNOWN_TITLES = sorted([
    "Problemområde", "Problem", "Utvecklingsområde", "Åtgärd/insats", "Åtgärd", "Insats", "Deltagare",
    "Sammankallande/ansvarig", "Sammanställande/ansvarig", "Ansvarig", "Status/uppföljning", "Status",
    "Uppföljning",
], key=len, reverse=True)
LOOSE_HEADER = re.compile(
    r"<(p|h3|h4)>([^<]{3,300})</\1>\s*<table>(\s*<tbody>)?\s*<tr>(.*?)</tr>", re.S | re.I
)


def split_titles(text):
    """The column titles in a run-together header text, or None when it is not made of known titles only."""
    parts = [p.strip() for p in re.split(r"\t|\s{2,}|\s\|\s", text) if p.strip()]
    if len(parts) > 1:
        return parts
    titles, rest = [], text.strip()
    while rest:
        match = next((t for t in KNOWN_TITLES if rest.lower().startswith(t.lower())), None)
        if match is None:
            return None
        titles.append(rest[:len(match)])
        rest = rest[len(match):].lstrip(" /–-")
    return titles


def restore_loose_headers(minutes):
    """Minutes with each loose header text above a table turned back into that table's header row."""
    def replace(match):
        first_row = match.group(4)
        if "<th" in first_row:
            return match.group(0)
        columns = len(re.findall(r"<td[\s>]", first_row))
        titles = split_titles(html.unescape(match.group(2)))
        if not titles or len(titles) != columns:
            return match.group(0)
        head = "".join(f"<th>{html.escape(title)}</th>" for title in titles)
        return f"<table><thead><tr>{head}</tr></thead><tbody><tr>{first_row}</tr>"

    return LOOSE_HEADER.sub(replace, minutes)


def convert(minutes):
    from meetings.sanitize import clean_minutes

    return clean_minutes(restore_loose_headers(minutes or ""))


def convert_minutes(apps, schema_editor):
    for model_name in ("AgendaItem", "AgendaTemplateItem"):
        model = apps.get_model("meetings", model_name)
        changed = []
        for row in model.objects.exclude(minutes="").only("pk", "minutes").iterator(chunk_size=500):
            minutes = convert(row.minutes)
            if minutes != row.minutes:
                row.minutes = minutes
                changed.append(row)
        model.objects.bulk_update(changed, ["minutes"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_add_reports_follow_ups")]

    operations = [migrations.RunPython(convert_minutes, migrations.RunPython.noop, elidable=True)]
