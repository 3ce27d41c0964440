"""Stored, weighted search vectors and plain-text columns on the searchable tables (PostgreSQL only).

Each searchable table gets two columns PostgreSQL computes in the same statement as every write:
`search_vector` (tsvector, `swedish` configuration, title weight A, body weight B) with a GIN index,
and, where the body is HTML or spread over several fields, `search_text` (the plain body) with a
pg_trgm GIN index for compound tails. See search/README.md for why they are generated columns.

The SQL is frozen here on purpose: a migration must not change when search/sources.py does.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

PLAIN_TEXT_FUNCTION = r"""
CREATE FUNCTION search_plain_text(html text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT replace(replace(replace(replace(replace(replace(replace(
        regexp_replace(html, '<[^>]*>', ' ', 'g'),
        '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&#x27;', ''''),
        '&amp;', '&')
$$;
"""

SWEDISH = "'swedish'::regconfig"


def vector(title, body):
    """The weighted vector: title (when the table has one) weight A, body weight B."""
    parts = [f"setweight(to_tsvector({SWEDISH}, {title}), 'A')"] if title else []
    parts.append(f"setweight(to_tsvector({SWEDISH}, {body}), 'B')")
    return " || ".join(parts)


# table, title column, body expression, whether the body is stored as search_text, trigram columns
TABLES = [
    ("meetings_meeting", "title", "place || ' ' || notice_text || ' ' || department", True),
    ("meetings_agendaitem", "title", "search_plain_text(minutes)", True),
    ("meetings_decision", None, "text || ' ' || responsible_text", False),
    ("measures_measure", "title",
     "problem || ' ' || responsible_text || ' ' || forum_text || ' ' || police_contact || ' ' "
     "|| police_commitment || ' ' || admin_contact || ' ' || admin_commitment || ' ' || other_actors || ' ' "
     "|| funding || ' ' || communication || ' ' || follow_up_plan || ' ' || participants || ' ' || convener "
     "|| ' ' || status_text", True),
    ("measures_followup", None, "note", False),
    ("measures_comment", None, "text", False),
]
# The column the trigram index of a table's body covers when the body is a single existing column.
PLAIN_BODY = {"meetings_decision": "text", "measures_followup": "note", "measures_comment": "text"}


def forwards_sql():
    statements = [PLAIN_TEXT_FUNCTION]
    for table, title, body, stored in TABLES:
        short = table.split("_", 1)[1]
        columns = []
        if stored:
            columns.append(f"ADD COLUMN search_text text GENERATED ALWAYS AS ({body}) STORED")
        columns.append(f"ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({vector(title, body)}) STORED")
        statements.append(f"ALTER TABLE {table} {', '.join(columns)};")
        statements.append(f"CREATE INDEX search_{short}_vector ON {table} USING gin (search_vector);")
        body_column = "search_text" if stored else PLAIN_BODY[table]
        statements.append(f"CREATE INDEX search_{short}_body_trgm ON {table} USING gin ({body_column} gin_trgm_ops);")
        if title:
            statements.append(f"CREATE INDEX search_{short}_title_trgm ON {table} USING gin ({title} gin_trgm_ops);")
    return statements


def backwards_sql():
    statements = []
    for table, _title, _body, stored in TABLES:
        columns = ["DROP COLUMN search_vector"] + (["DROP COLUMN search_text"] if stored else [])
        short = table.split("_", 1)[1]
        statements.append(f"DROP INDEX IF EXISTS search_{short}_body_trgm, search_{short}_title_trgm;")
        statements.append(f"ALTER TABLE {table} {', '.join(columns)};")
    statements.append("DROP FUNCTION search_plain_text(text);")
    return statements


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in forwards_sql():
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in backwards_sql():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_add_protocol_state"),
        ("measures", "0002_link_meetings"),
    ]

    operations = [
        TrigramExtension(),  # a no-op on SQLite
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
