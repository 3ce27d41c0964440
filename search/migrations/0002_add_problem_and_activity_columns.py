"""Search vectors for the lägesbild's problems and the measures' activities (PostgreSQL only), as 0001 does
for the first kinds: generated in the statement that writes the row, GIN and trigram indexes.

The SQL is frozen here on purpose: a migration must not change when search/sources.py does.
"""

from django.db import migrations

SWEDISH = "'swedish'::regconfig"
# "where" and "when" are SQL keywords: quoted.
PROBLEM_BODY = "description || ' ' || \"where\" || ' ' || who || ' ' || \"when\" || ' ' || crime_type"

FORWARDS = [
    # Problems: the title weighs most; the description, where, who, when and crime type are the body.
    f"""ALTER TABLE assessments_problem
        ADD COLUMN search_text text GENERATED ALWAYS AS ({PROBLEM_BODY}) STORED,
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector({SWEDISH}, title), 'A')
            || setweight(to_tsvector({SWEDISH}, {PROBLEM_BODY}), 'B')) STORED;""",
    "CREATE INDEX search_problem_vector ON assessments_problem USING gin (search_vector);",
    "CREATE INDEX search_problem_body_trgm ON assessments_problem USING gin (search_text gin_trgm_ops);",
    "CREATE INDEX search_problem_title_trgm ON assessments_problem USING gin (title gin_trgm_ops);",
    # Activities: one plain text column.
    f"""ALTER TABLE measures_activity
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector({SWEDISH}, text), 'B')) STORED;""",
    "CREATE INDEX search_activity_vector ON measures_activity USING gin (search_vector);",
    "CREATE INDEX search_activity_body_trgm ON measures_activity USING gin (text gin_trgm_ops);",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS search_problem_body_trgm, search_problem_title_trgm, search_activity_body_trgm;",
    "ALTER TABLE assessments_problem DROP COLUMN search_vector, DROP COLUMN search_text;",
    "ALTER TABLE measures_activity DROP COLUMN search_vector;",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARDS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_add_search_columns"),
        ("assessments", "0001_add_assessments"),
        ("measures", "0004_agreement_document_random_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
