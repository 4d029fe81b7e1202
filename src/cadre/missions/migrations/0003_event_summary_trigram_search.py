"""Trigram indexes so that searching the timeline's text does not read every event.

A search is `summary ILIKE '%word%'` (Django's icontains: UPPER(...) LIKE UPPER(...)),
which no b-tree index serves; at 10^6 events a word found nowhere took 2 s. PostgreSQL's
pg_trgm answers it from a GIN index. SQLite has no such index and needs none at the
sizes it is meant for.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FIELDS = ["summary", "summary_ar"]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS event_{field}_trgm ON missions_timelineevent "
            f"USING gin ((UPPER({field}::text)) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS event_{field}_trgm")


class Migration(migrations.Migration):
    dependencies = [("missions", "0002_appointment_holder_optional")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
