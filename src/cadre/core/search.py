"""How the search box of a list finds records, in any object type's declared search fields.

On PostgreSQL a search looks for records having every word of it at the start of a word
(full text, 'simple' configuration, so English and Arabic alike, with `word:*` prefixes),
which a GIN index on the fields' text answers at any table size and for words of any
length. Only when no record has the words does it look for the text inside words
(`icontains`), and only for text of SHORTEST_SUBSTRING characters or more, which the
trigram indexes answer; two letters inside words would read the whole table. Trying the
substring match only then, rather than OR-ing it in, keeps a common word fast: the
trigram match of a word in half the rows rechecks each of them (see bench/README.md).

SQLite (tests and small installations) has neither index and looks for the text
inside words, as before.

The tables that grow (timeline events, organisations) have the GIN index on exactly the
expression `words_vector` builds from their declared search fields (missions migration
0005); a test fails when a declaration and its index drift apart.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

SHORTEST_SUBSTRING = 3


def full_text() -> bool:
    return connection.vendor == "postgresql"


def words_vector(fields):
    return SearchVector(*fields, config="simple")


def _prefix_query(text: str) -> SearchQuery:
    # Each word quoted, so that no character of it is read as a tsquery operator.
    words = [w.replace("\\", "\\\\").replace("'", "''") for w in text.split()]
    raw = " & ".join(f"'{word}':*" for word in words)
    return SearchQuery(raw, search_type="raw", config="simple")


def by_words(queryset, fields, text: str):
    """The records having every word of `text` at the start of a word of theirs."""
    if not full_text():
        return by_substring(queryset, fields, text)
    return queryset.alias(_words=words_vector(fields)).filter(_words=_prefix_query(text))


def by_substring(queryset, fields, text: str):
    """The records with `text` inside one of their fields (case-insensitive)."""
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": text})
    return queryset.filter(condition)


def may_look_inside_words(text: str) -> bool:
    """Is a substring match, after the words found nothing, worth its cost for `text`?"""
    return full_text() and len(text) >= SHORTEST_SUBSTRING


def among(queryset, ids: list):
    """`queryset`, limited to the rows of `ids`.

    On PostgreSQL the ids go as one array: ten thousand separate parameters cost tens of
    milliseconds to compile, send and plan, more than the search they replace.
    """
    if connection.vendor != "postgresql":
        return queryset.filter(pk__in=ids)
    quote, meta = connection.ops.quote_name, queryset.model._meta
    column = f"{quote(meta.db_table)}.{quote(meta.pk.column)}"
    return queryset.filter(RawSQL(f"{column} = ANY(%s)", (ids,), output_field=BooleanField()))
