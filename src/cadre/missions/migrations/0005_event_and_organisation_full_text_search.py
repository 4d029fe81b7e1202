"""Full-text GIN indexes for the search of the two tables that grow with the record.

A search looks for its words at the start of words (cadre.core.search): to_tsvector of
the declared search fields, joined by spaces, in the 'simple' configuration, which
lowercases and keeps every word of English and Arabic alike. Each index is on exactly
the expression Django's SearchVector writes for those fields, or PostgreSQL would not
use it (tests/core/test_search.py checks the plan). Two-letter words, which the trigram
indexes of 0003 cannot serve, are answered from it too. SQLite has no such index and
searches by substring.
"""

from django.db import migrations

INDEXES = {
    "event_search_words": ("missions_timelineevent", ["summary", "summary_ar"]),
    "organisation_search_words": (
        "missions_organisation",
        ["name", "name_ar", "short_name", "key"],
    ),
}


def _vector(fields):
    text = " || ' ' || ".join(f"COALESCE({field}, '')" for field in fields)
    return f"to_tsvector('simple'::regconfig, {text})"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, fields) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({_vector(fields)}))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("missions", "0004_sources_of_places_and_missions_force_increases")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
