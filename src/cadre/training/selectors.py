"""Reads for training: free seats and who may take one, computed from the rows each time."""

import datetime

from django.conf import settings
from django.db.models import Sum
from django.utils.translation import gettext as _

from .models import SKILLS, Enrolment, LanguageTest, SeatAllotment, Session


def seated(session_id, *, besides=None):
    """The enrolments holding a seat in the session, leaving out the enrolment `besides`."""
    rows = Enrolment.objects.filter(session_id=session_id, status__in=Enrolment.SEATED)
    return rows.exclude(pk=besides) if besides else rows


def allotted_seats(session_id, *, besides=None) -> int:
    rows = SeatAllotment.objects.filter(session_id=session_id)
    if besides:
        rows = rows.exclude(pk=besides)
    return rows.aggregate(total=Sum("seats"))["total"] or 0


def seat_refusal(session: Session, nation_id, *, besides=None) -> str | None:
    """Why a person of `nation_id` cannot take a seat in `session` now, or None if one is free.

    A nation with an allotment draws on its allotment only; nations without one draw on the
    released pool, the capacity less every allotment.
    """
    if session.capacity is None:
        return _("%(session)s has no capacity recorded: set it before enrolling anyone.") % {
            "session": session
        }
    taken = seated(session.pk, besides=besides)
    count = taken.count()
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
        used = taken.filter(person__nation_id=nation_id).count()
        if used >= allotments[nation_id]:
            return _(
                "The %(seats)s seats allotted to this person's nation in %(session)s are all taken."
            ) % {"seats": allotments[nation_id], "session": session}
        return None
    pool = session.capacity - sum(allotments.values())
    used = taken.exclude(person__nation_id__in=allotments).count()
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


def eligibility_failures(person, session, *, enrolment=None) -> list[str]:
    """Every reason, in words, why `person` may not take a seat in `session`; empty if none.

    All the reasons at once, so a training officer can fix them in one go.
    """
    course = session.course
    failures = []
    if session.status in (Session.Status.CANCELLED, Session.Status.COMPLETED):
        failures.append(
            _("The session is %(status)s and takes no enrolments.")
            % {"status": session.get_status_display()}
        )
    if session.end is None:
        failures.append(_("The session has no end date: set it before enrolling anyone."))
    failures += vetting_failures(person, session.start, session.end or session.start)
    failures += language_failures(person, session)
    completed = set(
        Enrolment.objects.filter(person=person, status=Enrolment.Status.GRADUATED).values_list(
            "session__course_id", flat=True
        )
    )
    for required in course.prerequisites.all():
        if required.pk not in completed:
            failures.append(
                _("The prerequisite course %(course)s has not been completed.")
                % {"course": required}
            )
    if not person.rank_group:
        if len(course.admitted_rank_groups) < len(course.ADMITS):
            failures.append(
                _("The person's rank group is not recorded; the course admits only some.")
            )
    elif not course.admits(person.rank_group):
        failures.append(
            _("The rank group %(group)s is not admitted to %(course)s.")
            % {"group": person.get_rank_group_display(), "course": course.code}
        )
    overlapping = (
        seated_elsewhere(person, enrolment)
        .filter(session__start__lte=session.end or session.start, session__end__gte=session.start)
        .exclude(session=session)
        .select_related("session__course")
    )
    for other in overlapping:
        failures.append(
            _("Already enrolled in %(other)s (%(start)s to %(end)s), which overlaps.")
            % {"other": other.session, "start": other.session.start, "end": other.session.end}
        )
    audience = list(course.audience_nations.all())
    if audience and person.nation_id not in {n.pk for n in audience}:
        failures.append(
            _("%(nation)s is not among the nations the course admits.") % {"nation": person.nation}
        )
    return failures


def seated_elsewhere(person, enrolment=None):
    rows = Enrolment.objects.filter(person=person, status__in=Enrolment.SEATED).exclude(
        session__status=Session.Status.CANCELLED
    )
    return rows.exclude(pk=enrolment.pk) if enrolment and enrolment.pk else rows
