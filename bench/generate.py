"""Fill an empty Cadre database with a synthetic mission record of a given size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cadre_bench_1e5 CADRE_SECRET_KEY=bench \\
        uv run python bench/generate.py --events 1e5

Per N timeline events: N/100 organisations, N/1000 sources and locations (at least 5),
N/100 claims, 10 missions and 30 nations; each event has 1-2 missions, 1-3 actors, 1-2
sources and 0-1 locations. On PostgreSQL rows go in by COPY (shared/PERFORMANCE.md:
about 270,000 rows/s); on SQLite, for the tests, by bulk_create. Table and column names
come from the models' _meta, and every column the generator does not set gets the
field's default, so the generator follows the models as they change.
"""

import argparse
import datetime
import decimal
import os
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from tqdm import tqdm

MISSIONS = 10
FIRST_DAY = datetime.date(2004, 1, 1)
LAST_DAY = datetime.date(2026, 11, 23)
# fmt: off
NATION_CODES = [
    "IRQ", "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
    "HUN", "ISL", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU",
    "SVK", "SVN", "ESP", "SWE",
]
WORDS = [
    "advisers", "ministry", "defence", "interior", "training", "academy", "mission", "council",
    "visit", "agreement", "deployment", "commander", "officers", "course", "staff", "college",
    "baghdad", "erbil", "basra", "reform", "institution", "capacity", "building", "liaison",
    "partnership", "review", "strategic", "plan", "request", "decision", "approval",
    "expansion", "withdrawal", "milestone", "support", "logistics", "medical", "police",
    "border", "counter-terrorism", "leadership", "curriculum", "instructors", "team",
    "division", "headquarters",
]
# fmt: on
SUBJECTS = ["trainees-total", "instructors", "mission-strength", "courses-held", "funding"]


@dataclass(frozen=True)
class RecordSize:
    """How many rows of each kind a record of `events` timeline events has."""

    events: int

    @property
    def organisations(self):
        return max(10, self.events // 100)

    @property
    def sources(self):
        return max(5, self.events // 1000)

    @property
    def locations(self):
        return max(5, self.events // 1000)

    @property
    def claims(self):
        return max(1, self.events // 100)


def parse_count(text: str) -> int:
    """'1e5' or '100000' -> 100000."""
    return int(float(text))


def _text(rng, words):
    return " ".join(rng.choices(WORDS, k=words)).capitalize()


def _day(rng):
    return FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


class Loader:
    """Writes rows into a model's table, by COPY on PostgreSQL, by bulk_create elsewhere."""

    def __init__(self, connection, progress: bool):
        self.connection = connection
        self.progress = progress
        self.loaded = []

    def load(self, model, attnames: list[str], rows: Iterable[tuple], total: int):
        """Load `rows` (values for `attnames`, in that order); other columns get their default."""
        opts = model._meta
        given = [opts.get_field(name) for name in attnames]
        rest = [f for f in opts.concrete_fields if f not in given]
        for field in rest:
            if not field.null and field.get_default() is None:
                raise ValueError(
                    f"{opts.label}.{field.name} needs a value; the generator gives none"
                )
        defaults = tuple(f.get_default() for f in rest)
        rows = tqdm(
            rows,
            total=total,
            desc=opts.db_table,
            unit=" rows",
            disable=not self.progress,
            file=sys.stderr,
            mininterval=0.5,
        )
        if self.connection.vendor == "postgresql":
            self._copy(opts.db_table, [f.column for f in given + rest], rows, defaults)
        else:
            self._bulk_create(model, attnames, rows)
        self.loaded.append(model)

    def _copy(self, table, columns, rows, defaults):
        from psycopg import sql

        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        with self.connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row + defaults)

    def _bulk_create(self, model, attnames, rows, batch_size=2000):
        batch = []
        for row in rows:
            batch.append(model(**dict(zip(attnames, row, strict=True))))
            if len(batch) == batch_size:
                model.objects.bulk_create(batch)
                batch = []
        model.objects.bulk_create(batch)

    def reset_sequences(self):
        """Ids were given explicitly; make the next id the database hands out follow them."""
        from django.core.management.color import no_style

        with self.connection.cursor() as cursor:
            for statement in self.connection.ops.sequence_reset_sql(no_style(), self.loaded):
                cursor.execute(statement)


def generate(events: int, *, seed: int = 1, progress: bool = True) -> RecordSize:
    """Fill the (empty) mission record of the default database with `events` timeline events."""
    from django.db import connection, transaction

    from cadre.accounts.models import Nation
    from cadre.core.dates import DatePrecision, normalise
    from cadre.missions.models import Location, Mission, Organisation, TimelineEvent
    from cadre.sources.models import Claim, Source

    if TimelineEvent.objects.exists() or Nation.objects.exists():
        raise RuntimeError("The database already holds a record; generate into an empty one.")
    size = RecordSize(events)
    rng = random.Random(seed)
    loader = Loader(connection, progress)
    now = datetime.datetime.now(datetime.UTC)
    precisions = [DatePrecision.DAY] * 7 + [DatePrecision.MONTH] * 2 + [DatePrecision.YEAR]
    nations = len(NATION_CODES)

    with transaction.atomic():
        loader.load(
            Nation,
            ["id", "code", "name", "status"],
            (
                (n, code, f"Nation {code}", "host" if code == "IRQ" else "ally")
                for n, code in enumerate(NATION_CODES, 1)
            ),
            nations,
        )
        loader.load(
            Location,
            ["id", "key", "name", "kind", "nation_id", "latitude", "longitude"],
            (
                (
                    n,
                    f"location-{n}",
                    f"Location {n}",
                    rng.choice(Location.Kind.values),
                    1,
                    decimal.Decimal(rng.randrange(2900000, 3700000)) / 100000,
                    decimal.Decimal(rng.randrange(3900000, 4800000)) / 100000,
                )
                for n in range(1, size.locations + 1)
            ),
            size.locations,
        )
        loader.load(
            Organisation,
            ["id", "key", "name", "kind", "nation_id"],
            (
                (
                    n,
                    f"organisation-{n}",
                    f"{_text(rng, 3)} {n}",
                    rng.choice(Organisation.Kind.values),
                    rng.randint(1, nations),
                )
                for n in range(1, size.organisations + 1)
            ),
            size.organisations,
        )
        loader.load(
            Mission,
            [
                "id",
                "key",
                "name",
                "short_name",
                "parent_organisation_id",
                "host_nation_id",
                "start",
                "status",
            ],
            (
                (
                    n,
                    f"mission-{n}",
                    f"Training mission {n}",
                    f"TM-{n}",
                    1,
                    1,
                    FIRST_DAY + datetime.timedelta(days=700 * (n - 1)),
                    Mission.Status.ACTIVE,
                )
                for n in range(1, MISSIONS + 1)
            ),
            MISSIONS,
        )
        loader.load(
            Source,
            ["id", "key", "title", "publisher", "page_date"],
            (
                (n, f"source-{n}", _text(rng, 6), "NATO", _day(rng))
                for n in range(1, size.sources + 1)
            ),
            size.sources,
        )

        def claim_rows():
            for n in range(1, size.claims + 1):
                subject = rng.choice(SUBJECTS)
                value = decimal.Decimal(rng.randrange(1, 100000))
                yield (
                    n,
                    f"claim-{n}",
                    subject,
                    subject.replace("-", " "),
                    value,
                    f"about {value}",
                    _day(rng),
                    _text(rng, 10),
                    rng.randint(1, size.sources),
                )

        loader.load(
            Claim,
            [
                "id",
                "key",
                "subject",
                "subject_label",
                "value",
                "value_text",
                "as_of",
                "statement",
                "source_id",
            ],
            claim_rows(),
            size.claims,
        )
        summaries = [_text(rng, rng.randint(8, 25)) for _ in range(5000)]

        def event_rows():
            for n in range(1, events + 1):
                precision = rng.choice(precisions)
                yield (
                    n,
                    f"event-{n}",
                    normalise(_day(rng), precision),
                    precision,
                    rng.choice(TimelineEvent.Kind.values),
                    summaries[n % len(summaries)],
                    now,
                )

        loader.load(
            TimelineEvent,
            ["id", "key", "date", "date_precision", "kind", "summary", "created"],
            event_rows(),
            events,
        )
        links = [
            (TimelineEvent.missions, MISSIONS, 1, 2),
            (TimelineEvent.actors, size.organisations, 1, 3),
            (TimelineEvent.sources, size.sources, 1, 2),
            (TimelineEvent.locations, size.locations, 0, 1),
        ]
        for relation, targets, fewest, most in links:
            field = relation.field
            through = relation.through

            def link_rows(targets=targets, fewest=fewest, most=most):
                link_id = 0
                for event in range(1, events + 1):
                    for target in rng.sample(range(1, targets + 1), rng.randint(fewest, most)):
                        link_id += 1
                        yield link_id, event, target

            loader.load(
                through,
                ["id", f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"],
                link_rows(),
                # Each event has (fewest + most) / 2 links on average; the bar only estimates.
                events * (fewest + most) // 2,
            )
        loader.reset_sequences()
    return size


def analyse():
    """VACUUM ANALYZE the database, as autovacuum would have done to a record in use: fresh
    statistics for the planner, and a visibility map so that counts can use index-only scans."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=parse_count, required=True, help="e.g. 1e5")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-migrate", action="store_true", help="the schema is in place already")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if not args.no_migrate:
        call_command("migrate", interactive=False, verbosity=0)
    generate(args.events, seed=args.seed)
    analyse()


if __name__ == "__main__":
    main()
