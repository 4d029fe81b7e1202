"""The training summary: people trained per year and category, counted once each.

The dashboard reads `TrainingSummary`, never the enrolments: at a million enrolments a
COUNT(DISTINCT person) per category takes seconds (bench/README.md), a sum over the
summary's few thousand rows milliseconds.

How a figure is counted (docs/training.md says it for readers):

- an enrolment counts when it holds a seat (enrolled, graduated or not graduated; a
  withdrawal does not) in a session that is not cancelled, in the year the session starts;
- per year and category, each person counts once however many sessions they took:
  *trained*; *graduated* if at least one of those enrolments graduated; *decided* if at
  least one was graduated or not graduated. The graduation rate is graduated / decided;
- the person's nation, service, sex and rank group are as recorded now; the discipline is
  the course's; where the training took place is the session location's nation (the host
  nation: in country; an Ally: out of country; any other: a third country), or the
  course's delivery when the session has no location (a mobile team trains in country).

Distinct people add up across nations, services and sexes (a person has one of each), so
the summary keeps one row per (year, mission, nation, service, sex, category, value) and
the page sums rows; nation 0 and service "*" hold every nation and service together, for
the page unfiltered. Missions do not add up (one person, two missions, one year), so
mission 0 holds all missions together.

Kept current in the transaction of every write that moves a figure: the services lock the
people concerned, read what they contributed before (`Watch`), write, and add the
difference. `rebuild()` recomputes it all in SQL (`cadre rebuild-training-summary`), for
rows written in bulk outside the services (`cadre generate-training`).
"""

import itertools

from django.db import connection, transaction
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from cadre.accounts.models import NationStatus

from .models import (
    Course,
    Enrolment,
    Person,
    Session,
    TrainingSummary,
    TrainingSummaryBuild,
)

ALL_MISSIONS = 0
# Rows of every nation and service together, read by the page when it filters on neither:
# a few hundred rows a mission to sum, rather than tens of thousands at 10^6 enrolments.
ALL_NATIONS, ALL_SERVICES = 0, "*"
TOTAL, BRANCH, RANK_GROUP, WHERE, DISCIPLINE = (
    "total",
    "branch",
    "rank_group",
    "where",
    "discipline",
)
DIMENSIONS = (TOTAL, BRANCH, RANK_GROUP, WHERE, DISCIPLINE)

MILITARY, POLICE, OTHER_SERVICE = "military", "police", "other"
BRANCH_OF_SERVICE = {
    Person.Service.ARMY: MILITARY,
    Person.Service.NAVY: MILITARY,
    Person.Service.AIR_FORCE: MILITARY,
    Person.Service.COUNTER_TERRORISM: MILITARY,
    Person.Service.FEDERAL_POLICE: POLICE,
    Person.Service.OIL_POLICE: POLICE,
    Person.Service.ONSA: OTHER_SERVICE,
    Person.Service.CIVIL_SERVANT: OTHER_SERVICE,
    Person.Service.OTHER: OTHER_SERVICE,
}
IN_COUNTRY = Course.Delivery.IN_COUNTRY.value
OUT_OF_COUNTRY = Course.Delivery.OUT_OF_COUNTRY.value
THIRD_COUNTRY = Course.Delivery.THIRD_COUNTRY.value
WHERE_OF_NATION = {
    NationStatus.HOST: IN_COUNTRY,
    NationStatus.ALLY: OUT_OF_COUNTRY,
    NationStatus.PARTNER: THIRD_COUNTRY,
    NationStatus.OTHER: THIRD_COUNTRY,
}
WHERE_OF_DELIVERY = {
    Course.Delivery.IN_COUNTRY: IN_COUNTRY,
    Course.Delivery.MOBILE_TEAM: IN_COUNTRY,
    Course.Delivery.OUT_OF_COUNTRY: OUT_OF_COUNTRY,
    Course.Delivery.THIRD_COUNTRY: THIRD_COUNTRY,
}
# The session fields and course fields a figure depends on.
SESSION_FIELDS = ("start", "mission_id", "status", "course_id", "location_id")
COURSE_FIELDS = ("discipline", "delivery")
PERSON_FIELDS = ("nation_id", "service", "sex", "rank_group")

E = Enrolment.Status
COUNTED = (E.ENROLLED, E.GRADUATED, E.FAILED)
DECIDED = (E.GRADUATED, E.FAILED)
KEY = ("year", "mission", "nation", "service", "sex", "dimension", "value")
COLUMNS = (*KEY, "trained", "graduated", "decided", "changed_at")


def _mapped(field, mapping, default):
    return Case(
        *(When(**{field: source}, then=Value(target)) for source, target in mapping.items()),
        default=default,
        output_field=CharField(),
    )


def counted_enrolments(enrolments=None):
    """The enrolments that count, each with its year and categories as SQL expressions."""
    enrolments = Enrolment.objects.all() if enrolments is None else enrolments
    return (
        enrolments.filter(status__in=COUNTED)
        .exclude(session__status=Session.Status.CANCELLED)
        .annotate(
            f_year=ExtractYear("session__start"),
            f_mission=Coalesce("session__mission_id", Value(ALL_MISSIONS)),
            f_nation=F("person__nation_id"),
            f_service=F("person__service"),
            f_sex=F("person__sex"),
            f_total=Value("", output_field=CharField()),
            f_branch=_mapped("person__service", BRANCH_OF_SERVICE, Value("")),
            f_rank_group=F("person__rank_group"),
            f_where=_mapped(
                "session__location__nation__status",
                WHERE_OF_NATION,
                _mapped("session__course__delivery", WHERE_OF_DELIVERY, Value(IN_COUNTRY)),
            ),
            f_discipline=F("session__course__discipline"),
        )
    )


def _people(condition=None):
    return Count("person_id", distinct=True, filter=condition)


def aggregate(enrolments=None):
    """{key: (trained, graduated, decided)} counted in SQL over `enrolments` (all by default):
    two queries a category, one for all missions together and one per mission."""
    facts = counted_enrolments(enrolments)
    cells = {}
    for dimension, per_mission in itertools.product(DIMENSIONS, (False, True)):
        group = ["f_year", "f_nation", "f_service", "f_sex", f"f_{dimension}"]
        rows = facts.order_by()
        if per_mission:
            rows, group = rows.filter(session__mission__isnull=False), [*group, "f_mission"]
        rows = rows.values(*group).annotate(
            trained=_people(),
            graduated=_people(Q(status=E.GRADUATED)),
            decided=_people(Q(status__in=DECIDED)),
        )
        for row in rows:
            key = (
                row["f_year"],
                row["f_mission"] if per_mission else ALL_MISSIONS,
                row["f_nation"],
                row["f_service"],
                row["f_sex"],
                dimension,
                row[f"f_{dimension}"] or "",
            )
            cells[key] = (row["trained"], row["graduated"], row["decided"])
    return with_all_nations(cells)


def with_all_nations(cells: dict) -> dict:
    """`cells` and, summed from them, the rows of every nation and service together. The
    sum is exact: a person has one nation and one service."""
    together = {}
    for (year, mission, _nation, _service, sex, dimension, value), numbers in cells.items():
        key = (year, mission, ALL_NATIONS, ALL_SERVICES, sex, dimension, value)
        old = together.get(key, (0, 0, 0))
        together[key] = tuple(o + n for o, n in zip(old, numbers, strict=True))
    return {**cells, **together}


def contributions(person_ids) -> dict:
    """{key: (trained, graduated, decided)} of these people alone, counted in Python from
    their enrolments (one query): what a write adds or takes away."""
    cells = {}
    fields = ["person_id", "status", *(f"f_{name}" for name in ("year", "mission", "nation"))]
    fields += ["f_service", "f_sex", *(f"f_{dimension}" for dimension in DIMENSIONS)]
    for chunk in _id_sets(sorted(person_ids)):
        rows = counted_enrolments(Enrolment.objects.filter(person_id__in=chunk))
        for row in rows.order_by().values(*fields):
            missions = {ALL_MISSIONS, row["f_mission"]}
            for mission, dimension in itertools.product(missions, DIMENSIONS):
                key = (
                    row["f_year"],
                    mission,
                    row["f_nation"],
                    row["f_service"],
                    row["f_sex"],
                    dimension,
                    row[f"f_{dimension}"] or "",
                )
                people = cells.setdefault(key, (set(), set(), set()))
                people[0].add(row["person_id"])
                if row["status"] == E.GRADUATED:
                    people[1].add(row["person_id"])
                if row["status"] in DECIDED:
                    people[2].add(row["person_id"])
    return with_all_nations(
        {key: tuple(len(group) for group in people) for key, people in cells.items()}
    )


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _id_sets(ids):
    """`ids` as values for `__in` lookups: on PostgreSQL one array parameter however many
    (an allocation round's batch names tens of thousands of people), elsewhere chunks of
    2,000 that stay under SQLite's limit of parameters."""
    if connection.vendor == "postgresql":
        if ids:
            literal = "{" + ",".join(str(int(pk)) for pk in ids) + "}"
            yield RawSQL("SELECT unnest(%s::bigint[])", [literal])
        return
    yield from _chunks(ids, 2000)


class Watch:
    """What some people contribute to the summary, read before a write under a lock on
    their rows; `apply()` after the write adds the difference. Inside the write's
    transaction, so a figure and the records it counts commit together."""

    def __init__(self, person_ids):
        self.person_ids = sorted({pk for pk in person_ids if pk})
        if self.person_ids:
            # In id order, so two writers watching the same people wait rather than deadlock.
            for chunk in _id_sets(self.person_ids):
                rows = Person.objects.select_for_update().filter(pk__in=chunk)
                list(rows.order_by("pk").values_list("pk", flat=True))
        self.before = contributions(self.person_ids)

    def apply(self):
        if self.person_ids:
            add(difference(self.before, contributions(self.person_ids)))


def difference(before: dict, after: dict) -> dict:
    changes = {}
    for key in before.keys() | after.keys():
        old, new = before.get(key, (0, 0, 0)), after.get(key, (0, 0, 0))
        delta = tuple(n - o for o, n in zip(old, new, strict=True))
        if any(delta):
            changes[key] = delta
    return changes


def add(changes: dict):
    """Add each (trained, graduated, decided) change to its row, making the row if new."""
    if not changes:
        return
    table = connection.ops.quote_name(TrainingSummary._meta.db_table)
    now = timezone.now()
    names = ", ".join(COLUMNS)
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    sums = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in COLUMNS[7:10])
    statement = (
        f"INSERT INTO {table} ({names}) VALUES ({placeholders}) "
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {sums}, changed_at = excluded.changed_at"
    )
    # Sorted, so two writers touching the same rows take their locks in the same order.
    rows = [(*key, *delta, now) for key, delta in sorted(changes.items())]
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)
        cursor.execute(
            f"DELETE FROM {table} WHERE trained = 0 AND graduated = 0 AND decided = 0 "
            "AND changed_at = %s",
            [now],
        )


def rebuild(*, years=None) -> int:
    """Recompute the summary from the enrolments, for `years` or for every year (then
    recording the build's time). Returns the rows written."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Writers add to rows meanwhile: they wait, then add to what this writes.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"LOCK TABLE {connection.ops.quote_name(TrainingSummary._meta.db_table)} "
                    "IN EXCLUSIVE MODE"
                )
        stale = TrainingSummary.objects.all()
        enrolments = Enrolment.objects.all()
        if years is not None:
            stale = stale.filter(year__in=years)
            enrolments = enrolments.filter(session__start__year__in=years)
        stale.delete()
        now = timezone.now()
        cells = aggregate(enrolments)
        TrainingSummary.objects.bulk_create(
            (
                TrainingSummary(
                    **dict(zip(KEY, key, strict=True)),
                    trained=trained,
                    graduated=graduated,
                    decided=decided,
                    changed_at=now,
                )
                for key, (trained, graduated, decided) in cells.items()
            ),
            batch_size=2000,
        )
        if years is None:
            TrainingSummaryBuild.objects.create(built_at=now, rows=len(cells))
    return len(cells)


def years_of_course(course_id) -> list[int]:
    return sorted(
        {day.year for day in Session.objects.filter(course_id=course_id).dates("start", "year")}
    )


def changed(obj, fields) -> bool:
    """Has `obj` (about to be saved) a value in `fields` other than the stored one?"""
    if obj.pk is None:
        return False
    stored = type(obj)._default_manager.filter(pk=obj.pk).values(*fields).first()
    return stored is not None and any(stored[name] != getattr(obj, name) for name in fields)
