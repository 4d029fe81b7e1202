"""Generated trainees, to try Cadre out and to measure it: `cadre generate-training`.

Makes people (mostly Iraqi, a few of other nations), their vetting and language tests,
and for the courses of the record some sessions with nominations and enrolments. Every
generated person and session has `generated` set, and every other generated record
names a generated person; all generated keys start with `gen-`. No published figure is
computed from them: the mission's totals are sourced claims (`sources.Claim`).

For `cadre generate-training`, which makes the hundreds of thousands of people a benchmark
needs, the rows are written in bulk (`bulk_create`), past the services and the audit
trail; for `cadre demo`'s few hundred (`through_services`), each record is saved by its
type's service, as any other record is, with its entry in the audit trail. Either way the
rules the services keep hold by construction, and `tests/training/test_generated.py`
checks them against the services' own selectors:

- seats: a session gets at most its capacity in enrolments, and has no allotments;
- vetting: everyone enrolled or submitted has one cleared case, decided before the first
  session and valid past the last one;
- language: everyone enrolled has a test taken within the validity before the session,
  at or above the course's minimum SLP in every skill;
- rank group and audience nations: only people the course admits are enrolled;
- prerequisites: courses that have any get nominations in draft only, no enrolments;
- nominations: those of people seated are accepted, the others stay drafts (submitting
  one checks eligibility);
- overlap: sessions are filled in order of start, and a person takes a seat only in a
  session starting after the last one they hold ends.
"""

import datetime
import random
import sys
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from cadre.accounts.models import Nation
from cadre.core.services import OPERATOR, service_for

from . import summary
from .generated_instructors import InstructorPlan
from .models import (
    AssessmentResult,
    Certificate,
    Course,
    Enrolment,
    InstructorQualification,
    LanguageTest,
    Nomination,
    Person,
    RankGroup,
    Session,
    SessionInstructor,
    VettingCase,
)

PREFIX = "gen-"
PAST = "-past-"  # in the keys of the past sessions `generate_graduates` makes
BATCH = 2000

# (Latin as in the passport, Arabic)
GIVEN_NAMES = [
    ("Ahmed", "أحمد"), ("Ali", "علي"), ("Hassan", "حسن"), ("Hussein", "حسين"),
    ("Mohammed", "محمد"), ("Mustafa", "مصطفى"), ("Omar", "عمر"), ("Abbas", "عباس"),
    ("Haider", "حيدر"), ("Karim", "كريم"), ("Saad", "سعد"), ("Yasir", "ياسر"),
    ("Zaid", "زيد"), ("Falah", "فلاح"), ("Qasim", "قاسم"), ("Jabbar", "جبار"),
    ("Salah", "صلاح"), ("Adnan", "عدنان"), ("Basim", "باسم"), ("Raad", "رعد"),
]  # fmt: skip
GIVEN_NAMES_FEMALE = [
    ("Zainab", "زينب"), ("Fatima", "فاطمة"), ("Noor", "نور"), ("Maryam", "مريم"),
    ("Huda", "هدى"), ("Shaymaa", "شيماء"), ("Rana", "رنا"), ("Aseel", "أسيل"),
]  # fmt: skip
FAMILY_NAMES = [
    ("Al-Jubouri", "الجبوري"), ("Al-Dulaimi", "الدليمي"), ("Al-Obaidi", "العبيدي"),
    ("Al-Tamimi", "التميمي"), ("Al-Zubaidi", "الزبيدي"), ("Al-Shammari", "الشمري"),
    ("Al-Khafaji", "الخفاجي"), ("Al-Saadi", "الساعدي"), ("Al-Rubaie", "الربيعي"),
    ("Al-Maliki", "المالكي"), ("Al-Janabi", "الجنابي"), ("Al-Azzawi", "العزاوي"),
    ("Al-Hashimi", "الهاشمي"), ("Al-Bayati", "البياتي"), ("Al-Ani", "العاني"),
    ("Barzani", "بارزاني"), ("Hamawandi", "هماوندي"), ("Al-Khazraji", "الخزرجي"),
]  # fmt: skip
CITIES = ["Baghdad", "Basra", "Mosul", "Erbil", "Najaf", "Karbala", "Kirkuk", "Ramadi", "Hilla"]
RANKS = {
    RankGroup.OFFICER: ["Lieutenant", "Captain", "Major", "Colonel"],
    RankGroup.NCO: ["Sergeant", "Staff Sergeant", "Warrant Officer"],
    RankGroup.ENLISTED: ["Private", "Corporal"],
    RankGroup.SHURTA: ["Shurta", "Naib Areef", "Areef"],
    RankGroup.CIVILIAN: [""],
}
SERVICES = [
    (Person.Service.ARMY, 30),
    (Person.Service.FEDERAL_POLICE, 20),
    (Person.Service.OIL_POLICE, 8),
    (Person.Service.COUNTER_TERRORISM, 8),
    (Person.Service.AIR_FORCE, 5),
    (Person.Service.NAVY, 3),
    (Person.Service.ONSA, 2),
    (Person.Service.CIVIL_SERVANT, 4),
]
POLICE = {Person.Service.FEDERAL_POLICE, Person.Service.OIL_POLICE}
# Each person is meant to hold about one seat, so sessions are made for that many.
SEATS_PER_PERSON = 1.0


class GenerationRefused(Exception):
    """The database cannot take generated training records as it is; the message says why."""


@dataclass
class Generated:
    counts: dict = field(default_factory=dict)

    def __str__(self):
        return ", ".join(f"{n} {name}" for name, n in self.counts.items())


def generated_people():
    return Person.objects.filter(generated=True)


def generate_training(
    people: int, *, seed: int = 1, progress: bool = False, today=None, through_services=False
):
    """Make `people` generated people with their vetting, tests, and sessions of the
    record's courses with nominations and enrolments; and, from those people, an instructor
    cadre with the sessions it taught over the last years (`generated_instructors`).
    Refuses (GenerationRefused) when generated people exist already, so a second run never
    duplicates them. `through_services` saves each record through its service, audited;
    else the records are written in bulk. The same seed makes the same records either way."""
    if people < 1:
        raise GenerationRefused("Give a number of people of 1 or more.")
    existing = generated_people().count()
    if existing:
        raise GenerationRefused(
            f"The database already holds {existing} generated people; nothing generated again."
        )
    courses = list(
        Course.objects.prefetch_related("prerequisites", "audience_nations").order_by("code")
    )
    if not courses:
        raise GenerationRefused("The record has no courses: load the dataset first.")
    iraq = Nation.objects.filter(code="IRQ").first()
    if iraq is None:
        raise GenerationRefused("The record has no nation IRQ: load the dataset first.")
    others = list(Nation.objects.exclude(pk=iraq.pk).order_by("code"))
    rng = random.Random(seed)
    today = today or timezone.localdate()
    plan = _Plan(rng, today, iraq, others, courses, people)
    result = Generated()

    def write(model, rows, total=None):
        name = str(model._meta.verbose_name_plural)
        bar = tqdm(
            total=total,
            desc=f"generating {name}",
            unit=" rows",
            disable=not progress,
            file=sys.stderr,
            mininterval=0.5,
        )
        writer = _save_each if through_services else _write
        with bar:
            result.counts[name] = result.counts.get(name, 0) + writer(model, rows, bar.update)

    with transaction.atomic():
        write(Person, plan.people(), people)
        write(VettingCase, plan.vetting(), people)
        write(LanguageTest, plan.tests(), people)
        write(Session, plan.sessions())
        seated, waiting = plan.seats(Session.objects.filter(generated=True).order_by("start"))
        write(Nomination, plan.nominations(seated, waiting))
        write(Enrolment, plan.enrolments(seated))
        cadre = InstructorPlan(
            random.Random(f"{seed}-instructors"),
            today,
            PREFIX,
            plan.person_rows,
            courses,
            iraq,
            _length_in_days,
        )
        if cadre.usable:
            cadre.plan()
            # The teaching first: whether a certifier was current on the day of a
            # certification depends on what they taught before it, as the service reckons.
            write(Session, cadre.sessions)
            write(SessionInstructor, cadre.teaching_rows())
            write(InstructorQualification, cadre.qualifications)
        if not through_services:
            # Written in bulk, past the services that keep the dashboard's figures current.
            summary.rebuild()
    return result


def _save_each(model, rows, progress) -> int:
    service = service_for(model)
    written = 0
    for row in rows:
        service.save(row, user=OPERATOR)
        written += 1
        progress(1)
    return written


def _write(model, rows, progress) -> int:
    written, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            written += len(batch)
            progress(len(batch))
            batch = []
    model.objects.bulk_create(batch)
    progress(len(batch))
    return written + len(batch)


class _Plan:
    """What to generate, decided from one random stream so a seed gives the same record."""

    def __init__(self, rng, today, iraq, others, courses, people):
        self.rng = rng
        self.today = today
        self.iraq = iraq
        self.others = others
        self.courses = courses
        self.by_id = {course.pk: course for course in courses}
        self.count = people
        self.first_start = today + datetime.timedelta(days=60)
        # Sessions start within this many days; tests are taken in the 150 days before
        # today, so every test still counts on any session's first day.
        self.span = max(0, min(500, settings.LANGUAGE_TEST_VALID_DAYS - 230))
        self.person_rows = []

    def people(self):
        rng = self.rng
        services, weights = zip(*SERVICES, strict=True)
        for n in range(1, self.count + 1):
            nation = self.iraq if not self.others or rng.random() < 0.92 else None
            if nation is None:
                nation = rng.choice(self.others)
            female = rng.random() < 0.08
            given, given_ar = rng.choice(GIVEN_NAMES_FEMALE if female else GIVEN_NAMES)
            family, family_ar = rng.choice(FAMILY_NAMES)
            service = rng.choices(services, weights)[0]
            if service == Person.Service.CIVIL_SERVANT or service == Person.Service.ONSA:
                group = RankGroup.CIVILIAN
            elif service in POLICE:
                group = rng.choice([RankGroup.OFFICER, RankGroup.SHURTA, RankGroup.SHURTA])
            else:
                group = rng.choice([RankGroup.OFFICER, RankGroup.NCO, RankGroup.ENLISTED])
            person = Person(
                key=f"{PREFIX}p-{n:07d}",
                family_name=family,
                given_name=given,
                name_ar=f"{given_ar} {family_ar}",
                sex=Person.Sex.FEMALE if female else Person.Sex.MALE,
                date_of_birth=self.today - datetime.timedelta(days=rng.randint(20, 50) * 365),
                place_of_birth=rng.choice(CITIES),
                nation=nation,
                service=service,
                unit=f"{rng.randint(1, 20)}th {service.label}",
                rank=rng.choice(RANKS[group]),
                rank_group=group,
                generated=True,
            )
            self.person_rows.append(person)
            yield person

    def _stored_people(self):
        if not self.person_rows or self.person_rows[0].pk is None:
            # bulk_create sets the ids on PostgreSQL, not on every database: read them back.
            ids = dict(generated_people().values_list("key", "id"))
            for person in self.person_rows:
                person.pk = ids[person.key]
        return self.person_rows

    def vetting(self):
        rng = self.rng
        # Most are cleared; a few wait for a decision or were refused, and take no seat.
        self.cleared = set()
        for person in self._stored_people():
            draw = rng.random()
            status = (
                VettingCase.Status.CLEARED
                if draw < 0.9
                else VettingCase.Status.PENDING
                if draw < 0.96
                else VettingCase.Status.WITHHELD
            )
            decided = status != VettingCase.Status.PENDING
            if status == VettingCase.Status.CLEARED:
                self.cleared.add(person.pk)
            yield VettingCase(
                key=f"{person.key}-vetting",
                person_id=person.pk,
                status=status,
                decided_on=self.today - datetime.timedelta(days=rng.randint(1, 200))
                if decided
                else None,
                valid_until=self.first_start + datetime.timedelta(days=self.span + 365)
                if status == VettingCase.Status.CLEARED
                else None,
                reviewer="Generated reviewer",
            )

    def tests(self):
        rng = self.rng
        self.slp = {}
        for person in self._stored_people():
            slp = "".join(str(rng.choice([1, 2, 2, 2, 3, 3])) for _skill in range(4))
            self.slp[person.pk] = slp
            yield LanguageTest(
                key=f"{person.key}-slp",
                person_id=person.pk,
                taken_on=self.today - datetime.timedelta(days=rng.randint(1, 150)),
                tested_by="Generated test centre",
                slp=slp,
            )

    def sessions(self):
        rng = self.rng
        seats = int(self.count * SEATS_PER_PERSON)
        n = 0
        while seats > 0:
            course = self.courses[n % len(self.courses)]
            n += 1
            capacity = rng.randint(12, 40)
            seats -= capacity
            start = self.first_start + datetime.timedelta(days=rng.randint(0, self.span))
            yield Session(
                key=f"{PREFIX}{slugify(course.code)}-{n:06d}",
                course=course,
                start=start,
                end=start + datetime.timedelta(days=_length_in_days(course) - 1),
                capacity=capacity,
                language="Arabic",
                status=Session.Status.OPEN,
                generated=True,
            )

    def _admits(self, course, person):
        minimum = course.minimum_slp or "0000"
        audience = {nation.pk for nation in course.audience_nations.all()}
        return (
            person.pk in self.cleared
            and course.admits(person.rank_group)
            and (not audience or person.nation_id in audience)
            and all(a >= b for a, b in zip(self.slp[person.pk], minimum, strict=True))
        )

    def seats(self, sessions):
        """{session: [people seated]} and {session: [people waiting]}, filled in order of
        start, each session to 60-100 % of its capacity."""
        people = self._stored_people()
        free_from = {}
        order = list(range(len(people)))
        self.rng.shuffle(order)
        cursor = 0
        seated, waiting = {}, {}
        for session in sessions:
            course = self.by_id[session.course_id]
            wanted = int(session.capacity * self.rng.uniform(0.6, 1.0))
            taken, waitlist = [], []
            if not course.prerequisites.all():
                for _try in range(min(len(order), wanted * 4)):
                    if len(taken) >= wanted:
                        break
                    person = people[order[cursor % len(order)]]
                    cursor += 1
                    if not self._admits(course, person):
                        continue
                    if free_from.get(person.pk, session.start) > session.start:
                        continue
                    taken.append(person)
                    free_from[person.pk] = session.end + datetime.timedelta(days=1)
            for _extra in range(self.rng.randint(0, 3)):
                person = people[order[cursor % len(order)]]
                cursor += 1
                if person not in taken and person not in waitlist:
                    waitlist.append(person)
            seated[session], waiting[session] = taken, waitlist
        return seated, waiting

    def nominations(self, seated, waiting):
        for session, taken in seated.items():
            for person in taken:
                yield Nomination(
                    key=f"{session.key}-{person.key[len(PREFIX) :]}-nomination",
                    person=person,
                    session=session,
                    status=Nomination.Status.ACCEPTED,
                )
            # Not yet submitted: submitting checks eligibility, which they need not meet.
            for priority, person in enumerate(waiting[session], 1):
                yield Nomination(
                    key=f"{session.key}-{person.key[len(PREFIX) :]}-nomination",
                    person=person,
                    session=session,
                    priority=priority,
                    status=Nomination.Status.DRAFT,
                )

    def enrolments(self, seated):
        for session, taken in seated.items():
            for person in taken:
                yield Enrolment(
                    key=f"{session.key}-{person.key[len(PREFIX) :]}",
                    person=person,
                    session=session,
                )


def _length_in_days(course) -> int:
    if not course.length:
        return 14
    per_unit = {"days": 1, "weeks": 7, "months": 30}.get(course.length_unit, 1)
    return max(1, course.length * per_unit)


# From open to completed, each status the one the session service allows next.
RUN_TO_ITS_END = (Session.Status.ALLOCATED, Session.Status.RUNNING, Session.Status.COMPLETED)


def generate_graduates(*, sessions: int = 3, per_session: int = 12, seed: int = 1, today=None):
    """Completed past sessions of courses without prerequisites, whose generated trainees
    graduated and hold certificates (signed, their PDFs made here): what `cadre demo` shows
    of certificates. Run after `generate_training`; once, like it.

    Made through the services, audited: each session is opened, its trainees enrolled and
    assessed, the session run to its end and its trainees graduated, each step checked as
    the pages check it. Each graduate was cleared and tested before the session began and is
    admitted to its course; nobody holds two past seats."""
    from .services import certificate_for, write_pdfs

    past = Session.objects.filter(key__startswith=PREFIX, key__contains=PAST)
    if past.exists():
        raise GenerationRefused("Generated graduates exist already; nothing generated again.")
    rng = random.Random(seed)
    today = today or timezone.localdate()
    courses = [
        c
        for c in Course.objects.prefetch_related("prerequisites", "audience_nations").order_by(
            "code"
        )
        if not c.prerequisites.all()
    ]
    people = list(
        generated_people()
        .filter(vetting_cases__status=VettingCase.Status.CLEARED)
        .prefetch_related("vetting_cases", "language_tests")
        .order_by("key")
    )
    rng.shuffle(people)
    save = {
        model: service_for(model).save
        for model in (Session, Enrolment, AssessmentResult, Certificate)
    }
    used, graduates = set(), 0
    with transaction.atomic():
        for n, course in enumerate(courses[:sessions], 1):
            days = min(_length_in_days(course), 28)
            end = today - datetime.timedelta(days=10 + 7 * n)
            start = end - datetime.timedelta(days=days - 1)
            session = Session(
                key=f"{PREFIX}{slugify(course.code)}{PAST}{n:03d}",
                course=course,
                start=start,
                end=end,
                capacity=per_session + 8,
                language="Arabic",
                status=Session.Status.OPEN,
                generated=True,
            )
            session = save[Session](session, user=OPERATOR)
            taken = [p for p in people if p.pk not in used and _ready(p, course, start, end)]
            taken = taken[:per_session]
            used.update(p.pk for p in taken)
            enrolments = []
            for person in taken:
                enrolment = Enrolment(
                    key=f"{session.key}-{person.key[len(PREFIX) :]}", person=person, session=session
                )
                enrolments.append(save[Enrolment](enrolment, user=OPERATOR))
                result = AssessmentResult(
                    key=f"{enrolment.key}-final",
                    enrolment=enrolment,
                    assessment="Final assessment",
                    outcome=AssessmentResult.Outcome.PASS,
                    assessed_on=end,
                )
                save[AssessmentResult](result, user=OPERATOR)
            for status in RUN_TO_ITS_END:
                session.status = status
                session = save[Session](session, user=OPERATOR)
            for enrolment in enrolments:
                enrolment.status, enrolment.decided_on = Enrolment.Status.GRADUATED, end
                enrolment = save[Enrolment](enrolment, user=OPERATOR)
                # As CertificateService.issue makes it, under a generated key; its PDF is
                # made below rather than by a background job.
                certificate = certificate_for(enrolment, end)
                certificate.key = f"{PREFIX}cert-{enrolment.key[len(PREFIX) :]}"
                save[Certificate](certificate, user=OPERATOR)
                graduates += 1
    made = write_pdfs(Certificate.objects.filter(enrolment__session__in=past))
    return Generated({"past sessions": past.count(), "graduates": graduates, "certificates": made})


def _ready(person, course, start, end) -> bool:
    """Was the person cleared, tested high enough and admitted before the session began?"""
    cleared = any(
        case.status == VettingCase.Status.CLEARED
        and case.decided_on
        and case.decided_on < start
        and case.valid_until
        and case.valid_until >= end
        for case in person.vetting_cases.all()
    )
    minimum = course.minimum_slp or "0000"
    valid_from = start - datetime.timedelta(days=settings.LANGUAGE_TEST_VALID_DAYS)
    tested = any(
        valid_from <= test.taken_on <= start
        and all(a >= b for a, b in zip(test.slp, minimum, strict=True))
        for test in person.language_tests.all()
    )
    audience = {nation.pk for nation in course.audience_nations.all()}
    return (
        cleared
        and tested
        and course.admits(person.rank_group)
        and (not audience or person.nation_id in audience)
    )
