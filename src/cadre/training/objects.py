"""Training's object types, in the order the dataset loads them.

People and what names them (language tests, vetting, nominations, enrolments, travel
orders) are personal data: read by the roles that run training and those who check it,
and by a contributing nation's officer for that nation's own people only; every other
role learns how many, never who.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cadre.core import permissions
from cadre.core.registry import register, register_detail_panel, register_home_panel, register_page
from cadre.core.roles import Role, role_of

from . import dashboard, selectors
from . import models as m
from . import services as s
from .rounds import AllocationRoundService, round_comparison

TRAINING_WRITERS = frozenset({Role.ADMIN, Role.MISSION_STAFF, Role.TRAINING_OFFICER})
NATION_CONTRIBUTORS = frozenset({Role.NATION_CONTRIBUTOR})
PEOPLE_READERS = frozenset(
    {
        Role.ADMIN,
        Role.MISSION_STAFF,
        Role.TRAINING_OFFICER,
        Role.HOST_LIAISON,
        Role.AUDITOR,
        Role.NATION_CONTRIBUTOR,
    }
)
# What every type that names people declares: who reads them, and by whose nation.
PERSONAL = {
    "personal_data": True,
    "view_roles": PEOPLE_READERS,
    "nation_readers": NATION_CONTRIBUTORS,
}
# ...and what every record about a person but the person declares: training writes it, an
# import may bring it, and the dataset (the mission's record, not its people) leaves it out.
PERSON_RECORD = {
    **PERSONAL,
    "write_roles": TRAINING_WRITERS,
    "importable": True,
    "in_dataset": False,
}

register(
    m.Course,
    slug="courses",
    columns=[
        "code",
        "title",
        "title_ar",
        "discipline",
        "level",
        "audience",
        "delivery",
        "provider",
        "length",
        "length_unit",
        "minimum_slp",
        "prerequisites",
        "max_unexcused_absence_hours",
        "max_excused_absence_hours",
        "pass_mark",
        "validity_months",
    ],
    filters={
        "discipline": ["exact"],
        "level": ["exact"],
        "audience": ["exact"],
        "delivery": ["exact"],
    },
    m2m_filters=["sources"],
    search=["code", "title", "title_ar", "provider"],
    ordering=["code", "title"],
    write_roles=TRAINING_WRITERS,
    service=s.CourseService,
    prefetch_related=["prerequisites", "sources"],
    importable=True,
)
register(
    m.Person,
    slug="people",
    columns=[
        "key",
        "family_name",
        "given_name",
        "name_ar",
        "nation",
        "service",
        "unit",
        "rank",
        "rank_group",
        "generated",
    ],
    filters={
        "nation": ["exact"],
        "service": ["exact"],
        "rank_group": ["exact"],
        "generated": ["exact"],
    },
    search=["family_name", "given_name", "name_ar", "unit"],
    ordering=["family_name", "key"],
    nation_field="nation",
    nation_writers=NATION_CONTRIBUTORS,
    service=s.PersonService,
    select_related=["nation"],
    **PERSON_RECORD,
)
register(
    m.Session,
    slug="sessions",
    columns=[
        "key",
        "course",
        "start",
        "end",
        "location",
        "capacity",
        "language",
        "providing_nation",
        "status",
        "minimum_enrolments",
        "go_no_go_on",
        "generated",
    ],
    filters={
        "course": ["exact"],
        "status": ["exact"],
        "generated": ["exact"],
        "location": ["exact"],
        "providing_nation": ["exact"],
        "mission": ["exact"],
    },
    search=["key", "course__title", "course__code"],
    ordering=["start", "key"],
    write_roles=TRAINING_WRITERS,
    service=s.SessionService,
    select_related=["course", "location", "providing_nation"],
    prefetch_related=["sources"],
    importable=True,
)
register(
    m.SeatAllotment,
    slug="seat-allotments",
    columns=["key", "session", "nation", "seats", "note", "released_on", "released_seats"],
    filters={"session": ["exact"], "nation": ["exact"]},
    search=["nation__name", "session__key"],
    ordering=["key"],
    write_roles=TRAINING_WRITERS,
    service=s.SeatAllotmentService,
    select_related=["session__course", "nation"],
    importable=True,
    in_dataset=False,
)
register(
    m.LanguageTest,
    slug="language-tests",
    columns=["key", "person", "taken_on", "tested_by", "slp"],
    filters={"person": ["exact"], "slp": ["exact"]},
    search=["person__family_name", "person__given_name"],
    ordering=["taken_on", "key"],
    nation_field="person__nation",
    service=s.LanguageTestService,
    select_related=["person"],
    **PERSON_RECORD,
)
register(
    m.VettingCase,
    slug="vetting-cases",
    columns=["key", "person", "kind", "status", "decided_on", "valid_until", "reviewer"],
    filters={"person": ["exact"], "kind": ["exact"], "status": ["exact"]},
    search=["person__family_name", "person__given_name", "reviewer"],
    ordering=["valid_until", "key"],
    nation_field="person__nation",
    service=s.VettingCaseService,
    select_related=["person"],
    **PERSON_RECORD,
)
register(
    m.AllocationRound,
    slug="allocation-rounds",
    columns=["key", "title", "status", "ran_at", "mode", "confirmed_at", "seats_confirmed"],
    filters={"status": ["exact"]},
    search=["title", "key"],
    ordering=["key"],
    write_roles=frozenset({Role.ADMIN, Role.TRAINING_OFFICER}),
    service=AllocationRoundService,
    api_actions="cadre.training.api.AllocationRoundActions",
    in_dataset=False,
)
register(
    m.Nomination,
    slug="nominations",
    columns=[
        "key",
        "person",
        "session",
        "nominated_by",
        "priority",
        "status",
        "allocation_round",
        "preference",
    ],
    filters={"session": ["exact"], "status": ["exact"], "allocation_round": ["exact"]},
    search=["person__family_name", "person__given_name"],
    ordering=["priority", "key"],
    write_roles=TRAINING_WRITERS | {Role.HOST_LIAISON},
    nation_field="person__nation",
    service=s.NominationService,
    select_related=["person", "session__course", "nominated_by", "allocation_round"],
    importable=True,
    in_dataset=False,
    **PERSONAL,
)
register(
    m.Enrolment,
    slug="enrolments",
    columns=["key", "session", "person", "status", "decided_on", "graduation_reason", "waivers"],
    filters={"session": ["exact"], "status": ["exact"]},
    search=["person__family_name", "person__given_name"],
    ordering=["key"],
    nation_field="person__nation",
    service=s.EnrolmentService,
    api_actions="cadre.training.api.EnrolmentActions",
    select_related=["person", "session__course"],
    **PERSON_RECORD,
)
register(
    m.TravelOrder,
    slug="travel-orders",
    columns=["key", "person", "session", "issued_on", "passport_name"],
    filters={"session": ["exact"]},
    search=["passport_name"],
    ordering=["issued_on", "key"],
    nation_field="person__nation",
    service=s.TravelOrderService,
    select_related=["person", "session__course"],
    **PERSON_RECORD,
)
register(
    m.Attendance,
    slug="attendance",
    columns=["key", "enrolment", "day", "status", "hours_absent", "note"],
    filters={"enrolment": ["exact"], "status": ["exact"], "day": ["exact", "gte", "lte"]},
    search=["enrolment__person__family_name", "enrolment__person__given_name"],
    ordering=["day", "key"],
    nation_field="enrolment__person__nation",
    service=s.AttendanceService,
    select_related=["enrolment__person", "enrolment__session"],
    **PERSON_RECORD,
)
register(
    m.AssessmentResult,
    slug="assessment-results",
    columns=["key", "enrolment", "assessment", "score", "outcome", "assessed_on"],
    filters={"enrolment": ["exact"], "outcome": ["exact"]},
    search=["assessment", "enrolment__person__family_name"],
    ordering=["assessed_on", "key"],
    nation_field="enrolment__person__nation",
    service=s.AssessmentResultService,
    select_related=["enrolment__person", "enrolment__session"],
    **PERSON_RECORD,
)
# A waiver is granted one at a time, with its reason, by a training officer: not imported.
register(
    m.EligibilityOverride,
    slug="overrides",
    columns=["key", "person", "session", "rule", "reason", "granted_by", "granted_at"],
    filters={"session": ["exact"], "rule": ["exact"]},
    search=["person__family_name", "person__given_name", "reason"],
    ordering=["granted_at", "key"],
    write_roles=frozenset({Role.ADMIN, Role.TRAINING_OFFICER}),
    nation_field="person__nation",
    service=s.EligibilityOverrideService,
    select_related=["person", "session"],
    in_dataset=False,
    **PERSONAL,
)

# A certificate is issued, revoked and superseded only by its service's actions, by those
# who decide graduations; it is read as the enrolment it certifies is.
register(
    m.Certificate,
    slug="certificates",
    columns=[
        "code",
        "key",
        "person",
        "enrolment",
        "name",
        "course",
        "start",
        "end",
        "result",
        "issuer",
        "issued_on",
        "expires_on",
        "status",
        "status_changed_on",
        "status_reason",
        "superseded_by",
        "key_id",
    ],
    filters={
        "status": ["exact"],
        "issued_on": ["exact", "gte", "lte"],
        "expires_on": ["exact", "gte", "lte"],
        "person": ["exact"],
    },
    search=["name", "name_ar", "course", "code"],
    ordering=["issued_on", "expires_on", "key"],
    write_roles=frozenset({Role.ADMIN, Role.TRAINING_OFFICER}),
    nation_field="person__nation",
    service=s.CertificateService,
    generic_writes=False,
    in_dataset=False,
    select_related=["person", "enrolment__person", "enrolment__session", "superseded_by"],
    **PERSONAL,
)
# The instructor cadre: its levels are part of the mission's record (the dataset seeds
# the Carabinieri model); who holds them and who taught what name people.
register(
    m.InstructorLevel,
    slug="instructor-levels",
    columns=["code", "name", "name_ar", "requires", "certified_by", "currency_months"],
    m2m_filters=["sources"],
    search=["code", "name", "name_ar"],
    ordering=["code"],
    write_roles=TRAINING_WRITERS,
    service=s.InstructorLevelService,
    select_related=["requires", "certified_by"],
    prefetch_related=["sources"],
    importable=True,
)
register(
    m.InstructorQualification,
    slug="instructor-qualifications",
    columns=["key", "person", "level", "certified_on", "certified_by", "note"],
    filters={"level": ["exact"], "certified_on": ["exact", "gte", "lte"]},
    search=["person__family_name", "person__given_name", "certified_by__family_name"],
    ordering=["certified_on", "key"],
    nation_field="person__nation",
    service=s.InstructorQualificationService,
    select_related=["person", "level", "certified_by"],
    **PERSON_RECORD,
)
register(
    m.SessionInstructor,
    slug="session-instructors",
    columns=["key", "session", "person", "role"],
    filters={"session": ["exact"], "person": ["exact"], "role": ["exact"]},
    search=["person__family_name", "person__given_name", "session__key"],
    ordering=["key"],
    nation_field="person__nation",
    service=s.SessionInstructorService,
    select_related=["session", "person"],
    **PERSON_RECORD,
)

# Made and moved only by the waiting list's service: a nomination put on the waiting list
# joins it, and a seat is offered, accepted, declined or expired by its actions.
register(
    m.WaitingListEntry,
    slug="waiting-list",
    columns=[
        "key",
        "session",
        "person",
        "nomination",
        "nominated_at",
        "status",
        "offered_at",
        "offer_expires_at",
        "answered_at",
        "enrolment",
    ],
    filters={"session": ["exact"], "status": ["exact"]},
    search=["person__family_name", "person__given_name"],
    ordering=["nominated_at", "key"],
    write_roles=TRAINING_WRITERS,
    nation_field="person__nation",
    service=s.WaitingListService,
    generic_writes=False,
    api_actions="cadre.training.api.WaitingListActions",
    select_related=[
        "person",
        "session",
        "nomination__person",
        "nomination__session",
        "enrolment__person",
        "enrolment__session",
    ],
    in_dataset=False,
    **PERSONAL,
)

ABSENCE_WATCHERS = frozenset({Role.TRAINING_OFFICER, Role.HOST_LIAISON})


def absences_without_leave(user) -> dict:
    """For the training officer and the liaison: trainees absent without leave too long."""
    if role_of(user) not in ABSENCE_WATCHERS:
        return {}
    enrolments = permissions.restrict(m.Enrolment.objects.all(), user)
    return {
        "absent": list(selectors.absent_without_leave(enrolments)[:20]),
        "hours": selectors.ABSENT_WITHOUT_LEAVE_HOURS,
    }


def session_timeline(session, user) -> dict:
    steps = selectors.seat_timeline(session)
    return {"steps": steps, "next": next((step for step in steps if not step.done), None)}


def enrolment_graduation(enrolment, user) -> dict:
    """Where the enrolment stands on graduation, and the form to decide it for who may."""
    from .views import GraduationForm

    session = enrolment.session
    return {
        "enrolment": enrolment,
        "reasons": enrolment.graduation_reason.splitlines(),
        "last_day": session.end or session.start,
        "form": GraduationForm()
        if enrolment.status == m.Enrolment.Status.ENROLLED and s.may_graduate(user, enrolment)
        else None,
    }


def enrolment_certificates(enrolment, user) -> dict:
    return {"certificates": list(enrolment.certificates.order_by("-issued_on", "-pk"))}


def certificate_actions(certificate, user) -> dict:
    return {
        "certificate": certificate,
        "may_act": s.may_graduate(user, certificate.enrolment),
    }


def instructor_record(person, user) -> dict:
    """On a person's page: the levels they hold, whether each is current, what they taught."""
    today = timezone.localdate()
    qualifications = permissions.restrict(
        m.InstructorQualification.objects.filter(person=person), user
    )
    taught = permissions.restrict(
        m.SessionInstructor.objects.filter(person=person), user
    ).select_related("session__course")
    return {
        "currencies": selectors.currencies(qualifications, today),
        "taught": list(taught.order_by("-session__start")[:10]),
        "taught_count": taught.count(),
        "today": today,
    }


def session_instructors(session, user) -> dict:
    """On a session's page: its lead and co-teachers, for who may read them; a count else."""
    rows = m.SessionInstructor.objects.filter(session=session)
    readable = permissions.restrict(rows, user).select_related("person__nation")
    return {
        "instructors": list(readable.order_by("role", "person__family_name")),
        "counted": permissions.restrict(rows, user, "count").count(),
    }


def session_waiting_list(session, user) -> dict:
    """The session's waiting list in order, each entry's state and why a waiting one is
    passed over now; only for those who read the people on it."""
    if not permissions.may(user, "view", m.WaitingListEntry):
        return {"hidden": True}
    entries = permissions.restrict(selectors.waiting_list(session.pk), user)
    today = timezone.localdate()
    session = m.Session.objects.select_related("course").get(pk=session.pk)
    held = selectors.held_seats(session.pk)
    # While every seat is held nobody is passed over: they wait for the next seat freed.
    full = session.capacity is not None and held >= session.capacity
    rows = []
    for entry in entries[:WAITING_LIST_SHOWN]:
        passed_over = []
        if entry.status == m.WaitingListEntry.Status.WAITING and not full:
            passed_over = selectors.promotion_refusal(entry, session, today=today)
        rows.append({"entry": entry, "passed_over": passed_over})
    closed = (
        permissions.restrict(m.WaitingListEntry.objects.all(), user)
        .filter(session=session)
        .exclude(status__in=m.WaitingListEntry.LIVE)
    )
    return {
        "rows": rows,
        "closed": closed.count(),
        "held": held,
        "capacity": session.capacity,
        "offer_hours": settings.WAITLIST_OFFER_HOURS,
    }


WAITING_LIST_SHOWN = 50


def waiting_list_offer(entry, user) -> dict:
    """An entry's offer, with accept and decline for those who may answer it."""
    return {
        "entry": entry,
        "may_answer": entry.status == m.WaitingListEntry.Status.OFFERED
        and s.may_answer_offer(user, entry),
    }


register_home_panel("training/_absences.html", absences_without_leave)
register_detail_panel(m.Person, "training/_instructor_record.html", instructor_record)
register_detail_panel(m.Session, "training/_session_instructors.html", session_instructors)
register_detail_panel(m.Session, "training/_waiting_list.html", session_waiting_list)
register_detail_panel(m.WaitingListEntry, "training/_offer.html", waiting_list_offer)
register_detail_panel(m.AllocationRound, "training/_round_comparison.html", round_comparison)
register_detail_panel(m.Session, "training/_seat_timeline.html", session_timeline)
register_detail_panel(m.Enrolment, "training/_graduation.html", enrolment_graduation)
register_detail_panel(m.Enrolment, "training/_certificates.html", enrolment_certificates)
register_detail_panel(m.Certificate, "training/_certificate.html", certificate_actions)

register_page(
    "core:list",
    _("Sessions"),
    m.Session,
    args=("sessions",),
    shortcut_for={Role.TRAINING_OFFICER},
    section="training",
    position=50,
)
register_page(
    "core:list",
    _("Courses"),
    m.Course,
    args=("courses",),
    section="training",
    position=55,
)
register_page(
    "core:list",
    _("People"),
    m.Person,
    args=("people",),
    shortcut_for={Role.TRAINING_OFFICER, Role.HOST_LIAISON},
    section="training",
    position=60,
)
register_page(
    "core:list",
    _("Allocation rounds"),
    m.AllocationRound,
    args=("allocation-rounds",),
    section="training",
    position=62,
)
register_page(
    "core:list",
    _("Eligibility overrides"),
    m.EligibilityOverride,
    args=("overrides",),
    section="training",
    position=65,
)
register_page(
    "training_dashboard:dashboard",
    _("Training dashboard"),
    m.Enrolment,
    visible=lambda user: dashboard.scope_of(user)[0],
    shortcut_for={Role.TRAINING_OFFICER, Role.MISSION_STAFF, Role.GENDER_ADVISER},
    section="training",
    position=52,
)
register_page(
    "core:list",
    _("Certificates"),
    m.Certificate,
    args=("certificates",),
    section="training",
    position=66,
)
register_page(
    "training:certificates-expiring",
    _("Qualifications expiring"),
    m.Certificate,
    shortcut_for={Role.TRAINING_OFFICER},
    section="training",
    position=67,
)
register_page(
    "training:instructor-currency",
    _("Instructor currency"),
    m.InstructorQualification,
    shortcut_for={Role.TRAINING_OFFICER},
    section="training",
    position=68,
)
register_page(
    "training:self-sustainment",
    _("Self-sustainment"),
    visible=lambda user: permissions.may(user, "count", m.SessionInstructor),
    shortcut_for={Role.MISSION_STAFF, Role.HOST_LIAISON},
    section="training",
    position=69,
)
