"""Generated instructor cadre, part of `cadre generate-training`: some generated people
become instructors, and sessions already held (completed, the last six years) record who
led and co-taught them, the host nation's instructors leading more of them each quarter.

As for the rest of the generated record, the rows are written in bulk and the rules hold
by construction, checked by `tests/training/test_generated_instructors.py` against the
services' own selectors:

- levels: nobody is certified at T5 before holding T3, nor certifies themselves;
- certifiers: a T3 is certified by an instructor current at T5 on that day; the mission's
  trainers, of a contributing nation, hold their levels from outside the cadre (no
  certifier, a note saying so) and certify the host nation's first T5s;
- one lead per session, never the same person twice in one session;
- a lead or co-teacher of the host nation is current at a level on the session's first day.
"""

import datetime

from django.utils.text import slugify

from cadre.missions.models import Mission

from .models import InstructorLevel, InstructorQualification, Session, SessionInstructor
from .selectors import add_months

YEARS = 6
SESSIONS_PER_QUARTER = 4
# The host nation's share of leads rises from about the first to about the last figure.
FIRST_SHARE, LAST_SHARE = 0.15, 0.85
OUTSIDE_NOTE = "Certified by their own service before joining the mission (generated)."


class InstructorPlan:
    """Decides the cadre's history quarter by quarter from its own random stream, so that
    adding it changes nothing else the seed makes."""

    def __init__(self, rng, today, prefix, people, courses, host_nation, first_length):
        self.rng = rng
        self.today = today
        self.prefix = prefix
        self.courses = courses
        self.length = first_length  # course -> days
        self.host_nation = host_nation
        levels = {level.code: level for level in InstructorLevel.objects.all()}
        self.t3, self.t5 = levels.get("T3"), levels.get("T5")
        host = [p for p in people if p.nation_id == host_nation.pk]
        foreign = [p for p in people if p.nation_id != host_nation.pk]
        rng.shuffle(host)
        self.host_pool = host[: max(6, len(people) // 12)]
        self.trainers = foreign[: max(2, min(6, len(people) // 40))]
        self.missions = list(
            Mission.objects.filter(host_nation=host_nation).order_by("start").only("pk", "start")
        )
        self.qualifications = []  # InstructorQualification rows, in the order made
        self.sessions = []
        self.taught = []  # (session, person, role)
        self._last_taught = {}  # person pk -> last day taught
        self._held = {}  # (person pk, level code) -> day certified

    @property
    def usable(self) -> bool:
        return bool(self.t3 and self.t5 and self.trainers and self.host_pool and self.courses)

    def plan(self):
        first = datetime.date(self.today.year - YEARS, 1, 1)
        quarters = []
        day = first
        while day < self.today:
            quarters.append(day)
            day = add_months(day, 3)
        for trainer in self.trainers:
            for level in (self.t3, self.t5):
                self._certify(trainer, level, first - datetime.timedelta(days=365), None)
        last = max(len(quarters) - 1, 1)
        for index, quarter in enumerate(quarters):
            share = FIRST_SHARE + (LAST_SHARE - FIRST_SHARE) * index / last
            self._certify_new_instructors(quarter, index)
            for n in range(SESSIONS_PER_QUARTER):
                self._hold_session(quarter, index, n, share)

    # Certification -----------------------------------------------------------------------

    def _certify(self, person, level, on, certifier):
        self._held[(person.pk, level.code)] = on
        self.qualifications.append(
            InstructorQualification(
                key=f"{person.key}-{slugify(level.code)}",
                person=person,
                level=level,
                certified_on=on,
                certified_by=certifier,
                note="" if certifier else OUTSIDE_NOTE,
            )
        )

    def current(self, person, code, on) -> bool:
        """Current at the level on `on`, counted as `selectors.currency_of` counts it."""
        since = self._held.get((person.pk, code))
        if since is None or since > on:
            return False
        last = self._last_taught.get(person.pk)
        basis = max(since, last) if last and last <= on else since
        level = self.t3 if code == "T3" else self.t5
        return not level.currency_months or on < add_months(basis, level.currency_months)

    def _certify_new_instructors(self, quarter, index):
        on = quarter + datetime.timedelta(days=self.rng.randint(0, 20))
        uncertified = [p for p in self.host_pool if (p.pk, "T3") not in self._held]
        certifiers = [p for p in [*self.trainers, *self.host_pool] if self.current(p, "T5", on)]
        if uncertified and certifiers and (index % 2 == 0 or index < 4):
            for person in uncertified[: self.rng.randint(1, 2)]:
                self._certify(person, self.t3, on, self.rng.choice(certifiers))
        if index % 4 == 3:  # once a year, an experienced host T3 becomes T5
            seasoned = [
                p
                for p in self.host_pool
                if (p.pk, "T5") not in self._held
                and self._held.get((p.pk, "T3"), on) <= on - datetime.timedelta(days=365)
                and self.current(p, "T3", on)
            ]
            if seasoned:
                self._certify(seasoned[0], self.t5, on, self.rng.choice(self.trainers))

    # Sessions ------------------------------------------------------------------------------

    def _mission(self, start):
        held = [m for m in self.missions if m.start <= start]
        return held[-1] if held else None

    def _hold_session(self, quarter, index, n, share):
        course = self.courses[(index * SESSIONS_PER_QUARTER + n) % len(self.courses)]
        start = quarter + datetime.timedelta(days=self.rng.randint(0, 80))
        end = start + datetime.timedelta(days=self.length(course) - 1)
        if end >= self.today:
            return
        host_ready = [
            p
            for p in self.host_pool
            if self.current(p, "T3", start) or self.current(p, "T5", start)
        ]
        if host_ready and self.rng.random() < share:
            lead = self.rng.choice(host_ready)
        else:
            lead = self.rng.choice(self.trainers)
        others = [p for p in [*host_ready, *self.trainers] if p.pk != lead.pk]
        helpers = self.rng.sample(others, min(len(others), self.rng.randint(0, 2)))
        session = Session(
            key=f"{self.prefix}{slugify(course.code)}-held-{start:%Y%m%d}-{n}",
            course=course,
            start=start,
            end=end,
            capacity=self.rng.randint(12, 40),
            language="Arabic",
            status=Session.Status.COMPLETED,
            mission=self._mission(start),
            providing_nation=lead.nation,
            generated=True,
        )
        self.sessions.append(session)
        for person, role in [
            (lead, SessionInstructor.Role.LEAD),
            *((p, SessionInstructor.Role.CO_TEACHER) for p in helpers),
        ]:
            self.taught.append((session, person, role))
            self._last_taught[person.pk] = max(self._last_taught.get(person.pk, end), end)

    def teaching_rows(self):
        # bulk_create sets the ids on PostgreSQL, not on every database: read them back.
        ids = dict(
            Session.objects.filter(key__in=[s.key for s in self.sessions]).values_list("key", "id")
        )
        for session, person, role in self.taught:
            yield SessionInstructor(
                key=f"{session.key}-{person.key[len(self.prefix) :]}",
                session_id=ids[session.key],
                person=person,
                role=role,
            )
