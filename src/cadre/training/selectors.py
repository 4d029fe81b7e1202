"""Reads for training: free seats and who may take one, and whether an instructor is
current, computed from the rows each time."""

import calendar
import datetime
import decimal
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import DateField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Least
from django.utils.translation import gettext as _

from .models import (
    SKILLS,
    AssessmentResult,
    Attendance,
    EligibilityOverride,
    Enrolment,
    InstructorQualification,
    LanguageTest,
    SeatAllotment,
    Session,
    SessionInstructor,
    VettingCase,
    WaitingListEntry,
)
from .models import EligibilityRule as Rule


def seated(session_id, *, besides=None):
    """The enrolments holding a seat in the session, leaving out the enrolment `besides`."""
    rows = Enrolment.objects.filter(session_id=session_id, status__in=Enrolment.SEATED)
    return rows.exclude(pk=besides) if besides else rows


def offered(session_id, *, besides_person=None):
    """The waiting-list entries holding a seat of the session by an open offer, leaving out
    the offer of `besides_person` (who takes that seat by enrolling)."""
    rows = WaitingListEntry.objects.filter(
        session_id=session_id, status=WaitingListEntry.Status.OFFERED
    )
    return rows.exclude(person_id=besides_person) if besides_person else rows


def held_seats(session_id, *, nation_id=None) -> int:
    """Seats held in the session, by enrolments and by open offers (of one nation's people)."""
    enrolments, offers = seated(session_id), offered(session_id)
    if nation_id is not None:
        enrolments = enrolments.filter(person__nation_id=nation_id)
        offers = offers.filter(person__nation_id=nation_id)
    return enrolments.count() + offers.count()


def allotted_seats(session_id, *, besides=None) -> int:
    rows = SeatAllotment.objects.filter(session_id=session_id)
    if besides:
        rows = rows.exclude(pk=besides)
    return rows.aggregate(total=Sum("seats"))["total"] or 0


def seat_refusal(session: Session, nation_id, *, besides=None, person_id=None) -> str | None:
    """Why a person of `nation_id` cannot take a seat in `session` now, or None if one is free.

    A nation with an allotment draws on its allotment only; nations without one draw on the
    released pool, the capacity less every allotment. A seat offered from the waiting list
    is held until the offer is answered or expires; the offer of `person_id` is theirs.
    """
    if session.capacity is None:
        return _("%(session)s has no capacity recorded: set it before enrolling anyone.") % {
            "session": session
        }
    enrolments = seated(session.pk, besides=besides)
    offers = offered(session.pk, besides_person=person_id)
    count = enrolments.count() + offers.count()
    if count >= session.capacity:
        return _("%(session)s is full: all %(capacity)s seats are taken.") % {
            "session": session,
            "capacity": session.capacity,
        }
    allotments = dict(
        SeatAllotment.objects.filter(session_id=session.pk).values_list("nation_id", "seats")
    )
    if not allotments:
        return None
    if nation_id in allotments:
        used = (
            enrolments.filter(person__nation_id=nation_id).count()
            + offers.filter(person__nation_id=nation_id).count()
        )
        if used >= allotments[nation_id]:
            return _(
                "The %(seats)s seats allotted to this person's nation in %(session)s are all taken."
            ) % {"seats": allotments[nation_id], "session": session}
        return None
    pool = session.capacity - sum(allotments.values())
    used = (
        enrolments.exclude(person__nation_id__in=allotments).count()
        + offers.exclude(person__nation_id__in=allotments).count()
    )
    if used >= pool:
        return _(
            "The released pool of %(session)s (%(pool)s seats for nations without an "
            "allotment) is full."
        ) % {"session": session, "pool": max(pool, 0)}
    return None


def vetting_failures(person, first_day: datetime.date, last_day: datetime.date) -> list[str]:
    """Why the person's vetting does not cover every day from `first_day` to `last_day`:
    every vetting case must be cleared and valid until the last day."""
    cases = list(person.vetting_cases.all())
    if not cases:
        return [
            _("%(person)s has no vetting case: nobody is trained unvetted.") % {"person": person}
        ]
    failures = []
    for case in cases:
        if case.status != case.Status.CLEARED:
            failures.append(
                _("Vetting (%(kind)s) is %(status)s, not cleared.")
                % {"kind": case.get_kind_display(), "status": case.get_status_display()}
            )
        elif case.valid_until < last_day:
            failures.append(
                _("Vetting (%(kind)s) expires on %(until)s, before %(last_day)s.")
                % {"kind": case.get_kind_display(), "until": case.valid_until, "last_day": last_day}
            )
        elif case.decided_on and case.decided_on > first_day:
            failures.append(
                _("Vetting (%(kind)s) was cleared only on %(decided)s, after %(first_day)s.")
                % {
                    "kind": case.get_kind_display(),
                    "decided": case.decided_on,
                    "first_day": first_day,
                }
            )
    return failures


def valid_language_test(person, on: datetime.date):
    """The person's latest language test that still counts on `on`, or None."""
    oldest = on - datetime.timedelta(days=settings.LANGUAGE_TEST_VALID_DAYS)
    tests = LanguageTest.objects.filter(person=person, taken_on__lte=on, taken_on__gte=oldest)
    return tests.order_by("-taken_on").first()


def language_failures(person, session) -> list[str]:
    minimum = session.course.minimum_slp
    if not minimum or minimum == "0000":
        return []
    test = valid_language_test(person, session.start)
    if test is None:
        return [
            _("No language test valid on %(start)s; the course requires SLP %(minimum)s.")
            % {"start": session.start, "minimum": minimum}
        ]
    return [
        _("SLP in %(skill)s is %(level)s, below the course minimum of %(minimum)s.")
        % {"skill": skill, "level": level, "minimum": required}
        for skill, level, required in zip(SKILLS, test.slp, minimum, strict=True)
        if level < required
    ]


def eligibility_failures(person, session, *, enrolment=None, waived=()) -> list[str]:
    """Every reason, in words, why `person` may not take a seat in `session`; empty if none.

    All the reasons at once, so a training officer can fix them in one go. The rules in
    `waived` (an EligibilityRule each, waived by an override) are not checked.
    """
    return [
        message
        for rule, message in eligibility_findings(person, session, enrolment=enrolment)
        if rule not in waived
    ]


def eligibility_findings(person, session, *, enrolment=None) -> list[tuple[str, str]]:
    """(rule, reason) for every eligibility rule `person` fails for `session`."""
    course = session.course
    findings = []
    if session.status in (Session.Status.CANCELLED, Session.Status.COMPLETED):
        findings.append(
            (
                Rule.SESSION,
                _("The session is %(status)s and takes no enrolments.")
                % {"status": session.get_status_display()},
            )
        )
    if session.end is None:
        findings.append(
            (Rule.SESSION, _("The session has no end date: set it before enrolling anyone."))
        )
    findings += [
        (Rule.VETTING, message)
        for message in vetting_failures(person, session.start, session.end or session.start)
    ]
    findings += [(Rule.LANGUAGE, message) for message in language_failures(person, session)]
    completed = graduated_courses(person)
    for required in course.prerequisites.all():
        if required.pk not in completed:
            findings.append(
                (
                    Rule.PREREQUISITE,
                    _("The prerequisite course %(course)s has not been completed.")
                    % {"course": required},
                )
            )
    if not person.rank_group:
        if len(course.admitted_rank_groups) < len(course.ADMITS):
            findings.append(
                (
                    Rule.RANK_GROUP,
                    _("The person's rank group is not recorded; the course admits only some."),
                )
            )
    elif not course.admits(person.rank_group):
        findings.append(
            (
                Rule.RANK_GROUP,
                _("The rank group %(group)s is not admitted to %(course)s.")
                % {"group": person.get_rank_group_display(), "course": course.code},
            )
        )
    overlapping = (
        seated_elsewhere(person, enrolment)
        .filter(session__start__lte=session.end or session.start, session__end__gte=session.start)
        .exclude(session=session)
        .select_related("session__course")
    )
    for other in overlapping:
        findings.append(
            (
                Rule.OVERLAP,
                _("Already enrolled in %(other)s (%(start)s to %(end)s), which overlaps.")
                % {"other": other.session, "start": other.session.start, "end": other.session.end},
            )
        )
    audience = list(course.audience_nations.all())
    if audience and person.nation_id not in {n.pk for n in audience}:
        findings.append(
            (
                Rule.AUDIENCE,
                _("%(nation)s is not among the nations the course admits.")
                % {"nation": person.nation},
            )
        )
    return findings


def graduated_courses(person) -> set:
    """The ids of the courses the person has graduated from: the prerequisites they hold."""
    return set(
        Enrolment.objects.filter(person=person, status=Enrolment.Status.GRADUATED).values_list(
            "session__course_id", flat=True
        )
    )


def waived_rules(person_id, session_id) -> dict:
    """{rule: override} of the eligibility rules waived for the person in the session."""
    rows = EligibilityOverride.objects.filter(person_id=person_id, session_id=session_id)
    return {override.rule: override for override in rows}


def seated_elsewhere(person, enrolment=None):
    rows = Enrolment.objects.filter(person=person, status__in=Enrolment.SEATED).exclude(
        session__status=Session.Status.CANCELLED
    )
    return rows.exclude(pk=enrolment.pk) if enrolment and enrolment.pk else rows


# Absent without leave for longer than this, summed over the session, a trainee is flagged
# to the training officer and the host-nation liaison while still enrolled.
ABSENT_WITHOUT_LEAVE_HOURS = 24


def absence_hours(enrolment) -> dict:
    """{"excused": hours, "unexcused": hours} the trainee was absent in the session."""
    totals = Attendance.objects.filter(enrolment=enrolment).aggregate(
        excused=Sum("hours_absent", filter=Q(status=Attendance.Status.EXCUSED)),
        unexcused=Sum("hours_absent", filter=Q(status=Attendance.Status.UNEXCUSED)),
    )
    return {name: hours or decimal.Decimal(0) for name, hours in totals.items()}


def absent_without_leave(enrolments):
    """Of `enrolments` (already restricted to what the reader may read), those still enrolled
    whose unexcused absences add up to more than ABSENT_WITHOUT_LEAVE_HOURS, longest first;
    each with `unexcused_hours`."""
    return (
        enrolments.filter(status=Enrolment.Status.ENROLLED)
        .annotate(
            unexcused_hours=Sum(
                "attendance__hours_absent",
                filter=Q(attendance__status=Attendance.Status.UNEXCUSED),
            )
        )
        .filter(unexcused_hours__gt=ABSENT_WITHOUT_LEAVE_HOURS)
        .select_related("person", "session")
        .order_by("-unexcused_hours", "key")
    )


def graduation_failures(enrolment, on: datetime.date) -> list[str]:
    """Every reason, in words, why the trainee does not graduate on `on` under the course's
    rule; empty if they do. Excused and unexcused absences have limits of their own."""
    session = enrolment.session
    course = session.course
    failures = []
    last_day = session.end or session.start
    if on < last_day:
        failures.append(
            _("Graduation is decided on or after the session's last day, %(end)s.")
            % {"end": last_day}
        )
    hours = absence_hours(enrolment)
    limits = (
        ("unexcused", course.max_unexcused_absence_hours, _("unexcused")),
        ("excused", course.max_excused_absence_hours, _("excused")),
    )
    for kind, limit, label in limits:
        if limit is not None and hours[kind] > limit:
            failures.append(
                _("%(hours)s hours of %(kind)s absence, more than the %(limit)s the course allows.")
                % {"hours": _plain(hours[kind]), "kind": label, "limit": limit}
            )
    results = list(AssessmentResult.objects.filter(enrolment=enrolment))
    if not results:
        failures.append(_("No assessment result is recorded."))
    for result in results:
        if result.outcome == AssessmentResult.Outcome.FAIL:
            failures.append(_("Failed the assessment %(name)s.") % {"name": result.assessment})
        if (
            result.score is not None
            and course.pass_mark is not None
            and result.score < course.pass_mark
        ):
            failures.append(
                _("Scored %(score)s in %(name)s, below the pass mark of %(mark)s.")
                % {
                    "score": _plain(result.score),
                    "name": result.assessment,
                    "mark": _plain(course.pass_mark),
                }
            )
    return failures


def _plain(number: decimal.Decimal) -> str:
    """8.50 as 8.5 and 60.00 as 60."""
    return format(number.normalize(), "f")


# The seat timeline NATO schools keep: allotted seats still unfilled this long before the
# start go back to the pool, and a little later the session is confirmed or cancelled.
RELEASE_BEFORE = datetime.timedelta(weeks=6)
GO_NO_GO_BEFORE = datetime.timedelta(weeks=4)
BEFORE_START = (Session.Status.PLANNED, Session.Status.OPEN, Session.Status.ALLOCATED)


def minimum_enrolments(session) -> int:
    return session.minimum_enrolments or 1


def releases_due(today: datetime.date):
    """The allotments whose unfilled seats are due to go back to the pool on `today`."""
    return (
        SeatAllotment.objects.filter(
            released_on__isnull=True,
            session__status__in=BEFORE_START,
            session__start__gt=today,
            session__start__lte=today + RELEASE_BEFORE,
        )
        .select_related("session", "nation")
        .order_by("session__start", "pk")
    )


def go_no_go_due(today: datetime.date):
    """The sessions due to be confirmed or cancelled on `today`."""
    return Session.objects.filter(
        go_no_go_on__isnull=True,
        status__in=BEFORE_START,
        start__gt=today,
        start__lte=today + GO_NO_GO_BEFORE,
    ).order_by("start", "pk")


@dataclass
class TimelineStep:
    what: str
    due_on: datetime.date
    done: str  # what happened, in words; empty while it is still to come


def seat_timeline(session) -> list[TimelineStep]:
    """Where the session stands on its seat timeline: each step, when it is due, and what
    came of it."""
    allotments = list(session.allotments.select_related("nation"))
    released = [a for a in allotments if a.released_on]
    if not allotments:
        release_done = _("No seats are allotted to nations: nothing to release.")
    elif len(released) == len(allotments):
        release_done = _("%(seats)s unfilled seats released to the pool on %(day)s.") % {
            "seats": sum(a.released_seats for a in released),
            "day": max(a.released_on for a in released),
        }
    else:
        release_done = ""
    if session.go_no_go_on and session.status == Session.Status.CANCELLED:
        decision = _("Cancelled on %(day)s: fewer than %(minimum)s seats were held.") % {
            "day": session.go_no_go_on,
            "minimum": minimum_enrolments(session),
        }
    elif session.go_no_go_on:
        decision = _("Confirmed on %(day)s.") % {"day": session.go_no_go_on}
    elif session.status not in BEFORE_START:
        decision = _("Not decided: the session is %(status)s.") % {
            "status": session.get_status_display()
        }
    else:
        decision = ""
    return [
        TimelineStep(
            _("Unfilled allotted seats go back to the pool"),
            session.start - RELEASE_BEFORE,
            release_done,
        ),
        TimelineStep(
            _("Go/no-go: confirmed with at least %(minimum)s seats held, else cancelled")
            % {"minimum": minimum_enrolments(session)},
            session.start - GO_NO_GO_BEFORE,
            decision,
        ),
    ]


EXPIRY_WINDOW_DAYS = 90


def certificates_expiring(certificates, today: datetime.date, days: int = EXPIRY_WINDOW_DAYS):
    """The valid certificates among `certificates` (already restricted to the reader) that
    expire from `today` through `days` later, by the holder's unit, soonest first."""
    return (
        certificates.filter(
            status="valid",
            expires_on__gte=today,
            expires_on__lte=today + datetime.timedelta(days=days),
        )
        .select_related("person")
        .order_by("person__unit", "expires_on", "key")
    )


# The instructor cadre ------------------------------------------------------------------

# An instructor whose level lapses within this many days is listed as lapsing.
LAPSING_WITHIN_DAYS = 90


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def teaching(on: datetime.date):
    """The teaching records that count on `on`: sessions begun by then and not cancelled,
    each with `taught_until`, its last day or `on` while it still runs."""
    return (
        SessionInstructor.objects.filter(session__start__lte=on)
        .exclude(session__status=Session.Status.CANCELLED)
        .annotate(
            taught_until=Least(
                Coalesce("session__end", "session__start"),
                Value(on, output_field=DateField()),
                output_field=DateField(),
            )
        )
    )


def last_taught(person_id, on: datetime.date) -> datetime.date | None:
    """The last day the person taught (led or co-taught) a session, on or before `on`."""
    row = teaching(on).filter(person_id=person_id).order_by("-taught_until").first()
    return row.taught_until if row else None


@dataclass
class Currency:
    """Whether an instructor is current at a level on a day, and why."""

    qualification: InstructorQualification
    last_taught: datetime.date | None
    lapses_on: datetime.date | None  # None: the level never lapses
    on: datetime.date

    @property
    def lapsed(self) -> bool:
        return self.lapses_on is not None and self.lapses_on <= self.on

    @property
    def lapsing(self) -> bool:
        soon = self.on + datetime.timedelta(days=LAPSING_WITHIN_DAYS)
        return not self.lapsed and self.lapses_on is not None and self.lapses_on <= soon

    @property
    def state(self) -> str:
        return "lapsed" if self.lapsed else "lapsing" if self.lapsing else "current"


def currency_of(qualification, last: datetime.date | None, on: datetime.date) -> Currency:
    """Counted from the later of the certification and the last day taught: a newly
    certified instructor is current for the level's months before teaching at all."""
    months = qualification.level.currency_months
    basis = max(d for d in (qualification.certified_on, last) if d is not None)
    lapses_on = add_months(basis, months) if months else None
    return Currency(qualification, last, lapses_on, on)


def currencies(qualifications, on: datetime.date) -> list[Currency]:
    """The currency of each of `qualifications` (a queryset, already restricted to what the
    reader may read) on `on`, the last day taught read in the same query."""
    last = (
        teaching(on)
        .filter(person_id=OuterRef("person_id"))
        .order_by("-taught_until")
        .values("taught_until")[:1]
    )
    rows = (
        qualifications.filter(certified_on__lte=on)
        .annotate(last_taught=Subquery(last, output_field=DateField()))
        .select_related("person", "level", "certified_by")
    )
    return [currency_of(row, row.last_taught, on) for row in rows]


def lapsed_or_lapsing(qualifications, on: datetime.date) -> list[Currency]:
    """Of `qualifications`, those lapsed or lapsing on `on`, the soonest lapse first."""
    found = [c for c in currencies(qualifications, on) if c.lapsed or c.lapsing]
    return sorted(found, key=lambda c: (c.lapses_on, c.qualification.key))


def certification_failures(*, person_id, level, certifier_id, on, besides=None) -> dict:
    """{field: [reasons]} why `person_id` may not be certified at `level` on `on` by
    `certifier_id`; empty if they may.

    The person must hold the level it requires, certified on or before `on`. The certifier
    must be current on `on` at a level that certifies `level`, unless no level does (the
    top of the cadre, certified by the mission's own trainers)."""
    failures = {}
    held = InstructorQualification.objects.filter(certified_on__lte=on)
    if besides:
        held = held.exclude(pk=besides)
    if level.requires_id and not held.filter(person_id=person_id, level_id=level.requires_id):
        failures["level"] = [
            _(
                "%(level)s requires %(required)s: the instructor was not certified at "
                "%(required)s by %(day)s."
            )
            % {"level": level.code, "required": level.requires.code, "day": on}
        ]
    trainer = level.certified_by
    if trainer is not None and certifier_id:
        theirs = list(held.filter(person_id=certifier_id, level=trainer).select_related("level"))
        current = [
            q for q in theirs if not currency_of(q, last_taught(certifier_id, on), on).lapsed
        ]
        if not current:
            names = trainer.code
            reason = (
                _("The certifier's %(levels)s qualification had lapsed by %(day)s.")
                if theirs
                else _(
                    "Only an instructor certified at %(levels)s may certify %(level)s, and the "
                    "certifier was not by %(day)s."
                )
            )
            failures["certified_by"] = [reason % {"levels": names, "level": level.code, "day": on}]
    return failures


def waiting_list(session_id, *, live=True):
    """The session's waiting list in its order: the priority the nominating nation gave each
    nomination (1 first), then the time of nomination. `live=False` gives the closed entries
    too."""
    rows = WaitingListEntry.objects.filter(session_id=session_id)
    if live:
        rows = rows.filter(status__in=WaitingListEntry.LIVE)
    return rows.select_related("person__nation", "nomination").order_by(
        "nomination__priority", "nominated_at", "pk"
    )


def promotion_refusal(entry, session, *, today) -> list[str]:
    """Why the waiting person of `entry` cannot be offered a seat of `session` now: empty
    when the next free seat may go to them.

    Never on or after the start; after go/no-go only under a waiver of that rule; only into
    a seat their nation may take; and only for a person who may take the seat (vetting is
    never waived).
    """
    if today >= session.start:
        return [_("The session has started: nobody is promoted from its waiting list.")]
    waived = waived_rules(entry.person_id, session.pk)
    reasons = []
    if session.go_no_go_on and Rule.AFTER_GO_NO_GO not in waived:
        reasons.append(
            _("Go/no-go was decided on %(day)s: a promotion after it needs a waiver of that rule.")
            % {"day": session.go_no_go_on}
        )
    refusal = seat_refusal(session, entry.person.nation_id)
    if refusal:
        reasons.append(refusal)
    reasons += eligibility_failures(entry.person, session, waived=waived)
    return reasons


def offers_due_to_expire(now, session_id=None):
    rows = WaitingListEntry.objects.filter(
        status=WaitingListEntry.Status.OFFERED, offer_expires_at__lte=now
    )
    return rows.filter(session_id=session_id) if session_id else rows


def sessions_with_waiting(today):
    """The sessions not yet started with people waiting: where a promotion may be due."""
    return (
        Session.objects.filter(
            start__gt=today,
            waiting_list__status=WaitingListEntry.Status.WAITING,
        )
        .distinct()
        .order_by("start", "pk")
    )


def array_literal(values) -> str:
    """Integers as one PostgreSQL array literal: psycopg sends one string far faster than it
    dumps a list of tens of thousands of ints."""
    return "{" + ",".join(str(int(value)) for value in values) + "}"


def among(values):
    """For `field__in=among(ids)`: thousands of ids as one array parameter on PostgreSQL
    (sent as as many parameters, they cost more to send and plan than the query takes)."""
    values = sorted(set(values))
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [array_literal(values)])
    return values


def in_bulk_of(values, query, size=5000):
    """Rows of `query(chunk)` for the values: all at once on PostgreSQL (one array
    parameter), in chunks elsewhere (SQLite takes a limited number of parameters)."""
    values = sorted(set(values))
    if connection.vendor == "postgresql":
        yield from query(among(values))
        return
    for start in range(0, len(values), size):
        yield from query(values[start : start + size])


# The seats of a batch (EnrolmentService.enrol_many) as a temporary table, so that each rule
# is checked by one query joined to it rather than row by row.
BATCH_TABLE = "cadre_batch_seat"


@contextmanager
def batch_of_seats(person_ids, session_ids):
    """Put the batch's (person id, session id) pairs in the temporary table BATCH_TABLE for
    the block; call it inside the batch's transaction (a rollback takes the table away)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {BATCH_TABLE}")
        if connection.vendor == "postgresql":
            cursor.execute(
                f"CREATE TEMPORARY TABLE {BATCH_TABLE} (person_id bigint NOT NULL,"
                " session_id bigint NOT NULL) ON COMMIT DROP"
            )
            cursor.execute(
                f"INSERT INTO {BATCH_TABLE} (person_id, session_id)"
                " SELECT * FROM unnest(%s::bigint[], %s::bigint[])",
                [array_literal(person_ids), array_literal(session_ids)],
            )
            cursor.execute(f"ANALYZE {BATCH_TABLE}")
        else:
            cursor.execute(
                f"CREATE TEMPORARY TABLE {BATCH_TABLE} (person_id integer NOT NULL,"
                " session_id integer NOT NULL)"
            )
            cursor.executemany(
                f"INSERT INTO {BATCH_TABLE} (person_id, session_id) VALUES (%s, %s)",
                list(zip(map(int, person_ids), map(int, session_ids), strict=True)),
            )
    yield BATCH_TABLE
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {BATCH_TABLE}")


def _fetch(sql, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql.format(batch=BATCH_TABLE), params)
        return cursor.fetchall()


SHUT = (Session.Status.CANCELLED, Session.Status.COMPLETED)


def batch_sessions() -> dict:
    """{id: (key, capacity, status, start, end)} of the sessions in the batch table."""
    rows = _fetch(
        'SELECT id, key, capacity, status, start, "end" FROM training_session'
        " WHERE id IN (SELECT DISTINCT session_id FROM {batch})"
    )
    return {row[0]: row[1:] for row in rows}


def batch_seat_refusals(sessions) -> list[str]:
    """Why the batch in BATCH_TABLE (`batch_of_seats`) would overbook, in words: the seats
    held and the batch's own counted per session and nation against the capacity, each
    nation's allotment and the pool, as `seat_refusal` counts one seat. `sessions` is
    `batch_sessions()`. Call it with the sessions locked."""
    seated = list(Enrolment.SEATED)
    refusals = [
        _("%(person)s already holds a seat in %(session)s.")
        % {"person": person, "session": sessions[session_id][0]}
        for person, session_id in _fetch(
            "SELECT p.key, b.session_id FROM {batch} b"
            " JOIN training_enrolment e ON e.session_id = b.session_id"
            " AND e.person_id = b.person_id AND e.status IN (%s, %s, %s)"
            " JOIN training_person p ON p.id = b.person_id"
            " ORDER BY b.session_id, b.person_id",
            seated,
        )
    ]
    by_session = {}
    for session_id, nation_id, count in _fetch(
        "SELECT x.session_id, p.nation_id, COUNT(*) FROM ("
        " SELECT e.session_id, e.person_id FROM training_enrolment e"
        " WHERE e.session_id IN (SELECT session_id FROM {batch}) AND e.status IN (%s, %s, %s)"
        " UNION ALL SELECT session_id, person_id FROM {batch}"
        ") x JOIN training_person p ON p.id = x.person_id GROUP BY x.session_id, p.nation_id",
        seated,
    ):
        by_session.setdefault(session_id, {})[nation_id] = count
    allotments = {}
    for session_id, nation_id, allotted in _fetch(
        "SELECT session_id, nation_id, seats FROM training_seatallotment"
        " WHERE session_id IN (SELECT session_id FROM {batch})"
    ):
        allotments.setdefault(session_id, {})[nation_id] = allotted
    for session_id, (key, capacity, *_rest) in sorted(sessions.items()):
        in_session = by_session.get(session_id, {})
        if capacity is None or sum(in_session.values()) > capacity:
            refusals.append(
                _("%(session)s would hold more than its %(capacity)s seats.")
                % {"session": key, "capacity": capacity or 0}
            )
            continue
        allotted = allotments.get(session_id, {})
        if not allotted:
            continue
        for nation_id, limit in allotted.items():
            if in_session.get(nation_id, 0) > limit:
                refusals.append(
                    _("%(session)s would give a nation more than its %(seats)s allotted seats.")
                    % {"session": key, "seats": limit}
                )
        pool = capacity - sum(allotted.values())
        in_pool = sum(c for n, c in in_session.items() if n not in allotted)
        if in_pool > pool:
            refusals.append(
                _("The released pool of %(session)s (%(pool)s seats) would be overfilled.")
                % {"session": key, "pool": max(pool, 0)}
            )
    return refusals


# Seats of the batch in open sessions whose person has a vetting case that does not cover
# the session (not cleared, expiring before its end, decided after its start), or none.
_UNVETTED_SQL = """
SELECT b.session_id, b.person_id, p.key FROM {batch} b
JOIN training_session s ON s.id = b.session_id
JOIN training_person p ON p.id = b.person_id
WHERE s.status NOT IN (%s, %s) AND s."end" IS NOT NULL AND (
    NOT EXISTS (SELECT 1 FROM training_vettingcase v WHERE v.person_id = b.person_id)
    OR EXISTS (
        SELECT 1 FROM training_vettingcase v WHERE v.person_id = b.person_id AND NOT (
            v.status = %s AND v.valid_until IS NOT NULL AND v.valid_until >= s."end"
            AND (v.decided_on IS NULL OR v.decided_on <= s.start))))
"""

# Seats of the batch in open sessions that overlap another seat of the same person, held
# (in a session not cancelled) or given by the batch, unless the overlap rule is waived.
_OVERLAPPING_SQL = """
WITH theirs AS (
    SELECT e.person_id, e.session_id FROM training_enrolment e
    JOIN training_session es ON es.id = e.session_id
    WHERE e.person_id IN (SELECT person_id FROM {batch}) AND e.status IN (%s, %s, %s)
        AND es.status <> %s
    UNION ALL
    SELECT person_id, session_id FROM {batch}
)
SELECT DISTINCT b.session_id, b.person_id, p.key FROM {batch} b
JOIN training_session s ON s.id = b.session_id
JOIN theirs t ON t.person_id = b.person_id AND t.session_id <> b.session_id
JOIN training_session ts ON ts.id = t.session_id
JOIN training_person p ON p.id = b.person_id
WHERE s.status NOT IN (%s, %s) AND s."end" IS NOT NULL
    AND ts.start <= s."end" AND COALESCE(ts."end", ts.start) >= s.start
    AND NOT EXISTS (
        SELECT 1 FROM training_eligibilityoverride o
        WHERE o.person_id = b.person_id AND o.session_id = b.session_id AND o.rule = %s)
"""


def batch_eligibility_refusals(sessions, person_ids, session_ids) -> list[str]:
    """The rules of `eligibility_findings` that can change after a nomination is submitted,
    checked in bulk for the batch in BATCH_TABLE (one query per rule): the session takes
    enrolments, every vetting case of the person covers it, and the person holds no
    overlapping seat (unless waived). `sessions` is `batch_sessions()`; `person_ids` and
    `session_ids` are the batch's seats, in the order the refusals are given."""
    findings = []  # (session id, person id, rule order, message)
    shut = {pk for pk, (_k, _c, status, _s, end) in sessions.items() if status in SHUT or not end}
    if shut:
        for person_id, session_id in zip(person_ids, session_ids, strict=True):
            if session_id not in shut:
                continue
            key, _capacity, status, _start, _end = sessions[session_id]
            if status in SHUT:
                message = _("%(session)s takes no enrolments.") % {"session": key}
            else:
                message = _("%(session)s has no end date.") % {"session": key}
            findings.append((session_id, person_id, 0, message))
    for session_id, person_id, who in _fetch(_UNVETTED_SQL, [*SHUT, VettingCase.Status.CLEARED]):
        where = sessions[session_id][0]
        findings.append(
            (
                session_id,
                person_id,
                1,
                _("%(person)s's vetting does not cover %(session)s.")
                % {"person": who, "session": where},
            )
        )
    for session_id, person_id, who in _fetch(
        _OVERLAPPING_SQL,
        [*Enrolment.SEATED, Session.Status.CANCELLED, *SHUT, Rule.OVERLAP],
    ):
        where = sessions[session_id][0]
        findings.append(
            (
                session_id,
                person_id,
                2,
                _("%(person)s holds a seat that overlaps %(session)s.")
                % {"person": who, "session": where},
            )
        )
    return [message for *_order, message in sorted(findings, key=lambda f: f[:3])]
