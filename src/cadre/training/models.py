"""Training: the course catalogue, sessions and their seats, the people trained, their
vetting and language tests, nominations, enrolments and travel orders; the instructor
cadre (levels, who was certified at which, who led and co-taught each session).

The rules that span records (seats, eligibility, the vetting block on travel orders,
status transitions) live in `services`; the models hold what one record can check alone.
"""

import decimal
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    validate_slug,
)
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cadre.accounts.models import Nation
from cadre.core.dates import precision_field
from cadre.core.models import RecordModel, VersionedModel
from cadre.missions.models import Location, Mission, Organisation
from cadre.sources.models import Source

SKILLS = (_("listening"), _("speaking"), _("reading"), _("writing"))

validate_slp = RegexValidator(
    r"^[0-5]{4}$",
    _(
        "Write the SLP as four STANAG 6001 levels from 0 to 5, in the order listening, "
        "speaking, reading, writing, e.g. 3232."
    ),
)


def generated_key():
    """A record's key, made by its service when a create gives none (`services.KeyedService`)."""
    return models.SlugField(
        _("key"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("A short stable identifier; made from the record when left empty."),
    )


class RankGroup(models.TextChoices):
    OFFICER = "officer", _("officer")
    NCO = "nco", _("non-commissioned officer")
    ENLISTED = "enlisted", _("enlisted")
    SHURTA = "shurta", _("Shurta (police constable)")
    CIVILIAN = "civilian", _("civilian")


class Course(VersionedModel):
    """A course of the catalogue, known by its code (e.g. C-IED-1); a Session is one run of it."""

    class Discipline(models.TextChoices):
        C_IED = "c_ied", _("countering improvised explosive devices (C-IED)")
        EOD = "eod", _("explosive ordnance disposal (EOD)")
        MILITARY_MEDICINE = "military_medicine", _("military medicine")
        CIVIL_MILITARY = "civil_military_planning", _("civil-military planning")
        LEADERSHIP = "leadership", _("leadership")
        POLICE = "police_procedures", _("police procedures")
        HUMAN_RIGHTS = "human_rights_ethics", _("human rights and ethics")
        LANGUAGE = "language", _("language")
        OTHER = "other", _("other")

    class Level(models.TextChoices):
        BASIC = "basic", _("basic")
        INTERMEDIATE = "intermediate", _("intermediate")
        ADVANCED = "advanced", _("advanced")
        SENIOR = "senior", _("senior and strategic")
        TRAINERS = "trainers", _("train the trainers")

    class Audience(models.TextChoices):
        MILITARY = "military", _("military")
        POLICE = "police", _("police")
        CIVILIAN = "civilian", _("civilian")

    class Delivery(models.TextChoices):
        IN_COUNTRY = "in_country", _("in country, at a host-nation school")
        OUT_OF_COUNTRY = "out_of_country", _("out of country, at a NATO school or national centre")
        THIRD_COUNTRY = "third_country", _("in a third country")
        MOBILE_TEAM = "mobile_team", _("by a mobile training team")

    class LengthUnit(models.TextChoices):
        DAYS = "days", _("days")
        WEEKS = "weeks", _("weeks")

    class Classification(models.TextChoices):
        UNCLASSIFIED = "unclassified", _("unclassified")
        RESTRICTED = "restricted", _("NATO restricted")
        CONFIDENTIAL = "confidential", _("NATO confidential")

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[validate_slug],
        help_text=_("The course's code, e.g. C-IED-1: letters, digits, hyphens."),
    )
    title = models.CharField(_("title"), max_length=200)
    title_ar = models.CharField(_("title in Arabic"), max_length=200, blank=True)
    discipline = models.CharField(
        _("discipline"), max_length=30, choices=Discipline.choices, default=Discipline.OTHER
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.MILITARY
    )
    delivery = models.CharField(
        _("delivery"), max_length=20, choices=Delivery.choices, default=Delivery.IN_COUNTRY
    )
    provider = models.CharField(
        _("provider"), max_length=200, blank=True, help_text=_("Who teaches it, e.g. Carabinieri.")
    )
    length = models.PositiveSmallIntegerField(_("length"), null=True, blank=True)
    length_unit = models.CharField(
        _("length in"), max_length=5, choices=LengthUnit.choices, default=LengthUnit.WEEKS
    )
    aim = models.TextField(_("aim"), blank=True)
    classification = models.CharField(
        _("classification"),
        max_length=20,
        choices=Classification.choices,
        default=Classification.UNCLASSIFIED,
    )
    admits_officers = models.BooleanField(_("admits officers"), default=True)
    admits_ncos = models.BooleanField(_("admits NCOs"), default=True)
    admits_enlisted = models.BooleanField(_("admits enlisted"), default=True)
    admits_shurta = models.BooleanField(_("admits Shurta"), default=True)
    admits_civilians = models.BooleanField(_("admits civilians"), default=True)
    minimum_slp = models.CharField(
        _("minimum SLP"),
        max_length=4,
        blank=True,
        validators=[validate_slp],
        help_text=_(
            "STANAG 6001 levels for listening, speaking, reading, writing, e.g. 2222; each "
            "skill must reach its level. Empty: no language requirement."
        ),
    )
    prerequisites = models.ManyToManyField(
        "self",
        verbose_name=_("prerequisite courses"),
        symmetrical=False,
        blank=True,
        related_name="required_for",
    )
    audience_nations = models.ManyToManyField(
        Nation,
        verbose_name=_("audience nations"),
        blank=True,
        related_name="courses_open_to",
        help_text=_("The nations whose people it admits; empty admits every nation."),
    )
    max_unexcused_absence_hours = models.PositiveSmallIntegerField(
        _("most hours of unexcused absence"),
        null=True,
        blank=True,
        default=24,
        help_text=_("A trainee absent without leave longer than this does not graduate."),
    )
    max_excused_absence_hours = models.PositiveSmallIntegerField(
        _("most hours of excused absence"),
        null=True,
        blank=True,
        help_text=_(
            "A trainee excused for longer than this has missed too much to graduate. "
            "Empty: no limit."
        ),
    )
    pass_mark = models.DecimalField(
        _("pass mark"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The score out of 100 every scored assessment must reach. Empty: none."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How long the qualification holds after graduation; its certificate expires then. "
            "Empty: it does not expire."
        ),
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        indexes = [models.Index(fields=["title"], name="course_title")]

    def __str__(self):
        return f"{self.code} {self.title}"

    def natural_key(self):
        return (self.code,)

    ADMITS = {
        RankGroup.OFFICER: "admits_officers",
        RankGroup.NCO: "admits_ncos",
        RankGroup.ENLISTED: "admits_enlisted",
        RankGroup.SHURTA: "admits_shurta",
        RankGroup.CIVILIAN: "admits_civilians",
    }

    def admits(self, rank_group) -> bool:
        return getattr(self, self.ADMITS[rank_group])

    @property
    def admitted_rank_groups(self) -> list:
        return [group for group in RankGroup if self.admits(group)]


class Person(RecordModel):
    """A trainee or instructor, named as in the passport (Latin script) and in Arabic."""

    class Sex(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")

    class Service(models.TextChoices):
        ARMY = "army", _("army")
        NAVY = "navy", _("navy")
        AIR_FORCE = "air_force", _("air force")
        FEDERAL_POLICE = "federal_police", _("federal police")
        OIL_POLICE = "oil_police", _("oil police")
        COUNTER_TERRORISM = "counter_terrorism", _("Counter-Terrorism Service")
        ONSA = "onsa", _("Office of the National Security Advisor")
        CIVIL_SERVANT = "civil_servant", _("civil servant")
        OTHER = "other", _("other")

    key = generated_key()
    family_name = models.CharField(_("family name"), max_length=100)
    given_name = models.CharField(_("given name"), max_length=100)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    place_of_birth = models.CharField(_("place of birth"), max_length=100, blank=True)
    nation = models.ForeignKey(
        Nation, verbose_name=_("nation"), on_delete=models.PROTECT, related_name="people"
    )
    service = models.CharField(_("service"), max_length=20, choices=Service.choices, blank=True)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    rank = models.CharField(_("rank"), max_length=60, blank=True)
    rank_group = models.CharField(
        _("rank group"), max_length=10, choices=RankGroup.choices, blank=True
    )
    generated = models.BooleanField(
        _("generated"),
        default=False,
        editable=False,
        help_text=_(
            "Made up by `cadre generate-training` to try Cadre out: no such person exists."
        ),
    )

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["family_name", "given_name"], name="person_name")]

    def __str__(self):
        return self.passport_name

    @property
    def passport_name(self) -> str:
        return f"{self.family_name.upper()}, {self.given_name}"

    def clean(self):
        errors = {
            name: _("Write the name as in the passport, in Latin letters.")
            for name in ("family_name", "given_name")
            if not _latin(getattr(self, name))
        }
        if errors:
            raise ValidationError(errors)


def _latin(text: str) -> bool:
    return all(
        not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text or ""
    )


class Session(RecordModel):
    """One run of a course: dates, place, seats and who provides it."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        OPEN = "open", _("open for nominations")
        ALLOCATED = "allocated", _("seats allocated")
        RUNNING = "running", _("running")
        COMPLETED = "completed", _("completed")
        CANCELLED = "cancelled", _("cancelled")

    key = generated_key()
    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="sessions"
    )
    # A session of the record may be known only to the month ("October 2010"), and its
    # end or capacity not at all: it then takes no enrolments until they are set.
    start = models.DateField(_("start"))
    start_precision = precision_field(verbose_name=_("start precision"))
    end = models.DateField(_("end"), null=True, blank=True)
    end_precision = precision_field(verbose_name=_("end precision"))
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_sessions",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats in the session.")
    )
    language = models.CharField(_("language of instruction"), max_length=40, blank=True)
    providing_nation = models.ForeignKey(
        Nation,
        verbose_name=_("providing nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions_provided",
    )
    mission = models.ForeignKey(
        Mission,
        verbose_name=_("mission"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_sessions",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    minimum_enrolments = models.PositiveIntegerField(
        _("minimum enrolments"),
        null=True,
        blank=True,
        help_text=_(
            "Four weeks before the start the session goes ahead only with at least this "
            "many seats held. Empty: one."
        ),
    )
    go_no_go_on = models.DateField(
        _("go/no-go decided on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day the session was confirmed or cancelled four weeks before it."),
    )
    note = models.TextField(_("note"), blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)
    generated = models.BooleanField(
        _("generated"),
        default=False,
        editable=False,
        help_text=_(
            "Made up by `cadre generate-training` to try Cadre out: no such session exists."
        ),
    )

    class Meta:
        ordering = ["start", "key"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["start", "key"], name="session_start")]

    def __str__(self):
        # The key names the course and the start; lists and drop-downs of many sessions
        # then need no query for each one's course.
        return self.key

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A session cannot end before it starts.")})


class SeatAllotment(RecordModel):
    """Seats of a session set aside for one nation; the seats no nation holds are the pool."""

    key = generated_key()
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="allotments"
    )
    nation = models.ForeignKey(
        Nation, verbose_name=_("nation"), on_delete=models.PROTECT, related_name="seat_allotments"
    )
    seats = models.PositiveIntegerField(_("seats"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    released_on = models.DateField(
        _("unfilled seats released on"), null=True, blank=True, editable=False
    )
    released_seats = models.PositiveIntegerField(
        _("seats released to the pool"), default=0, editable=False
    )

    class Meta:
        ordering = ["session", "nation"]
        verbose_name = _("seat allotment")
        verbose_name_plural = _("seat allotments")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nation"],
                name="one_allotment_per_nation",
                violation_error_message=_("This nation already has an allotment in the session."),
            )
        ]

    def __str__(self):
        return f"{self.session}: {self.nation}"


class LanguageTest(RecordModel):
    """A person's STANAG 6001 result; it counts for a limited time (LANGUAGE_TEST_VALID_DAYS)."""

    key = generated_key()
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="language_tests"
    )
    taken_on = models.DateField(_("taken on"))
    tested_by = models.CharField(_("tested by"), max_length=200, blank=True)
    slp = models.CharField(
        _("SLP"),
        max_length=4,
        validators=[validate_slp],
        help_text=_("Listening, speaking, reading, writing, e.g. 3232."),
    )

    class Meta:
        ordering = ["-taken_on"]
        verbose_name = _("language test")
        verbose_name_plural = _("language tests")
        indexes = [models.Index(fields=["person", "-taken_on"], name="language_test_person")]

    def __str__(self):
        return f"{self.person} {self.slp} ({self.taken_on:%Y-%m-%d})"


class VettingCase(RecordModel):
    """Whether a person may be trained: NMI trains only people whose force the Iraqi
    government directly and effectively controls (`nmi-2020`, `relations-with-iraq`)."""

    class Kind(models.TextChoices):
        GOVERNMENT_CONTROL = "government_control", _("force under government control")
        SECURITY = "security", _("security")
        HUMAN_RIGHTS = "human_rights", _("human rights record")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        CLEARED = "cleared", _("cleared")
        WITHHELD = "withheld", _("withheld")
        EXPIRED = "expired", _("expired")

    key = generated_key()
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="vetting_cases"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.GOVERNMENT_CONTROL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    reviewer = models.CharField(_("reviewer"), max_length=200, blank=True)

    class Meta:
        ordering = ["person", "-valid_until"]
        verbose_name = _("vetting case")
        verbose_name_plural = _("vetting cases")

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"

    def clean(self):
        if self.status == self.Status.CLEARED and not self.valid_until:
            raise ValidationError(
                {"valid_until": _("A clearance needs the date it is valid until.")}
            )


class AllocationRound(RecordModel):
    """A round that shares out the seats of oversubscribed sessions among the people
    nominated to them: each person ranks up to five sessions (the round's nominations,
    with their `preference`), each nomination has a priority, and nobody gets two seats.

    Running the round (`AllocationRoundService.run`) compares the two modes and first-come
    and keeps the figures in `comparison`; confirming it in one mode writes the enrolments.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        COMPARED = "compared", _("compared")
        CONFIRMED = "confirmed", _("confirmed")

    class Mode(models.TextChoices):
        MAX_PRIORITY = "max_priority", _("highest total priority")
        STABLE = "stable", _("stable (deferred acceptance)")

    key = generated_key()
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    ran_at = models.DateTimeField(_("compared at"), null=True, blank=True, editable=False)
    comparison = models.JSONField(_("comparison"), default=dict, blank=True, editable=False)
    mode = models.CharField(
        _("confirmed in mode"), max_length=12, choices=Mode.choices, blank=True, editable=False
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    seats_confirmed = models.PositiveIntegerField(
        _("seats given"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-ran_at", "key"]
        verbose_name = _("allocation round")
        verbose_name_plural = _("allocation rounds")

    def __str__(self):
        return self.title


class Nomination(RecordModel):
    """A person put forward for a session, from draft to a decision on the seat."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        WAITLISTED = "waitlisted", _("on the waiting list")
        ALLOCATED = "allocated", _("seat allocated")
        ACCEPTED = "accepted", _("accepted")
        REFUSED = "refused", _("refused")
        WITHDRAWN = "withdrawn", _("withdrawn")

    LIVE = (
        Status.DRAFT,
        Status.SUBMITTED,
        Status.WAITLISTED,
        Status.ALLOCATED,
        Status.ACCEPTED,
    )

    key = generated_key()
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="nominations"
    )
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="nominations"
    )
    nominated_by = models.ForeignKey(
        Organisation,
        verbose_name=_("nominated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=1, help_text=_("1 is the first choice of who nominates.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    nominated_at = models.DateTimeField(
        _("nominated at"),
        default=timezone.now,
        editable=False,
        help_text=_("When the nomination was made; a waiting list takes it in this order."),
    )
    allocation_round = models.ForeignKey(
        AllocationRound,
        verbose_name=_("allocation round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    preference = models.PositiveSmallIntegerField(
        _("preference"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("In an allocation round: the person's choice, 1 (first) to 5."),
    )

    class Meta:
        ordering = ["session", "priority"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "session"],
                condition=models.Q(
                    status__in=[
                        "draft",
                        "submitted",
                        "waitlisted",
                        "allocated",
                        "accepted",
                    ]
                ),
                name="one_live_nomination_per_person_and_session",
                violation_error_message=_(
                    "This person already has a live nomination for this session."
                ),
            )
        ]

    def __str__(self):
        return f"{self.person} for {self.session}"


class Enrolment(RecordModel):
    """A person holding a seat in a session. Only EnrolmentService makes one (services)."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("enrolled")
        WITHDRAWN = "withdrawn", _("withdrawn")
        GRADUATED = "graduated", _("graduated")
        FAILED = "failed", _("did not graduate")

    # Every status but withdrawn holds a seat.
    SEATED = (Status.ENROLLED, Status.GRADUATED, Status.FAILED)

    key = generated_key()
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="enrolments"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ENROLLED
    )
    decided_on = models.DateField(
        _("graduation decided on"),
        null=True,
        blank=True,
        help_text=_("The day the person graduated or was found not to graduate."),
    )
    graduation_reason = models.TextField(
        _("why not graduated"),
        blank=True,
        help_text=_("Every reason the person did not graduate."),
    )
    waivers = models.CharField(
        _("eligibility rules waived"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("The overrides the seat was given under, by key."),
    )

    class Meta:
        ordering = ["session", "person"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=models.Q(status__in=["enrolled", "graduated", "failed"]),
                name="one_seat_per_person_and_session",
                violation_error_message=_("This person already holds a seat in this session."),
            )
        ]

    def __str__(self):
        return f"{self.person} in {self.session}"

    def clean(self):
        if self.status == self.Status.FAILED and not self.graduation_reason.strip():
            raise ValidationError({"graduation_reason": _("Say why the person does not graduate.")})


class TravelOrder(RecordModel):
    """An order to travel to an out-of-country session, issued only to a person whose every
    vetting case is cleared and unexpired from the issue date to the session's last day."""

    key = generated_key()
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="travel_orders"
    )
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="travel_orders"
    )
    issued_on = models.DateField(_("issued on"), blank=True)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    passport_name = models.CharField(
        _("name on the order"),
        max_length=210,
        blank=True,
        help_text=_("Set from the person's passport names when the order is saved."),
    )

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("travel order")
        verbose_name_plural = _("travel orders")

    def __str__(self):
        return f"{self.passport_name or self.person} to {self.session}"


class Attendance(RecordModel):
    """One trainee's attendance on one day of the session."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused absence")
        UNEXCUSED = "unexcused", _("unexcused absence")

    key = generated_key()
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="attendance"
    )
    day = models.DateField(_("day"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PRESENT
    )
    hours_absent = models.DecimalField(
        _("hours absent"),
        max_digits=3,
        decimal_places=1,
        default=decimal.Decimal(0),
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["enrolment", "day"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "day"],
                name="one_attendance_per_enrolment_and_day",
                violation_error_message=_("Attendance for this trainee and day is recorded."),
            )
        ]

    def __str__(self):
        return f"{self.enrolment} {self.day:%Y-%m-%d}"

    def clean(self):
        errors = {}
        if self.status == self.Status.PRESENT and self.hours_absent:
            errors["hours_absent"] = _(
                "A trainee present all day was absent no hours; choose an absence instead."
            )
        elif self.status != self.Status.PRESENT and not self.hours_absent:
            errors["hours_absent"] = _("Give the hours the trainee was absent.")
        if self.enrolment_id and self.day:
            session = self.enrolment.session
            last_day = session.end or session.start
            if not session.start <= self.day <= last_day:
                errors["day"] = _(
                    "%(day)s is not a day of the session, which runs from %(start)s to %(end)s."
                ) % {"day": self.day, "start": session.start, "end": last_day}
        if errors:
            raise ValidationError(errors)


class AssessmentResult(RecordModel):
    """How a trainee did in one assessment of the course: a score, a pass or fail, or both."""

    class Outcome(models.TextChoices):
        PASS = "pass", _("pass")
        FAIL = "fail", _("fail")

    key = generated_key()
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="results"
    )
    assessment = models.CharField(
        _("assessment"), max_length=200, help_text=_("e.g. written test, field exercise.")
    )
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Out of 100."),
    )
    outcome = models.CharField(_("pass or fail"), max_length=4, choices=Outcome.choices, blank=True)
    assessed_on = models.DateField(_("assessed on"))

    class Meta:
        ordering = ["enrolment", "assessed_on"]
        verbose_name = _("assessment result")
        verbose_name_plural = _("assessment results")

    def __str__(self):
        return f"{self.enrolment}: {self.assessment}"

    def clean(self):
        if self.score is None and not self.outcome:
            raise ValidationError({"score": _("Give a score, a pass or fail, or both.")})


class EligibilityRule(models.TextChoices):
    """The rules a person must meet to take a seat (selectors.eligibility_failures)."""

    VETTING = "vetting", _("vetting")
    SESSION = "session", _("session open, with its dates")
    LANGUAGE = "language", _("minimum SLP")
    PREREQUISITE = "prerequisite", _("prerequisite courses")
    RANK_GROUP = "rank_group", _("rank group")
    OVERLAP = "overlap", _("no overlapping session")
    AUDIENCE = "audience", _("audience nations")
    AFTER_GO_NO_GO = "after_go_no_go", _("no promotion from the waiting list after go/no-go")


# Vetting is the mission's condition for training anyone; a session's state and its seats
# are not a person's to be excused from. Only these may be waived.
WAIVABLE_RULES = (
    EligibilityRule.LANGUAGE,
    EligibilityRule.PREREQUISITE,
    EligibilityRule.RANK_GROUP,
    EligibilityRule.OVERLAP,
    EligibilityRule.AUDIENCE,
    EligibilityRule.AFTER_GO_NO_GO,
)


class EligibilityOverride(RecordModel):
    """A training officer's written waiver of one eligibility rule for one person in one
    session. Only the service makes one: it records who granted it and when."""

    key = generated_key()
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="overrides"
    )
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="overrides"
    )
    rule = models.CharField(
        _("rule waived"),
        max_length=20,
        choices=[(rule.value, rule.label) for rule in WAIVABLE_RULES],
    )
    reason = models.TextField(_("reason"), help_text=_("Why the rule is waived, in full."))
    granted_by = models.CharField(_("granted by"), max_length=150, blank=True, editable=False)
    granted_at = models.DateTimeField(_("granted at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("eligibility override")
        verbose_name_plural = _("eligibility overrides")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "session", "rule"],
                name="one_override_per_rule_person_and_session",
                violation_error_message=_(
                    "This rule is already waived for this person in this session."
                ),
            )
        ]

    def __str__(self):
        return f"{self.person} in {self.session}: {self.get_rule_display()}"

    def clean(self):
        if not self.reason.strip():
            raise ValidationError({"reason": _("Write why the rule is waived.")})


class TrainingSummary(models.Model):
    """How many distinct people trained, graduated and had their outcome decided, per year
    and category: the training dashboard's figures, kept current by the services that
    write enrolments, sessions, courses and people (`summary`), rebuilt by
    `cadre rebuild-training-summary`.

    One row per year, mission (0: all missions together), nation (0: all nations and
    services together), service, sex and category. A person has one nation, service and
    sex, so rows add up across them; a person may train in two missions in one year, so
    "all missions" has rows of its own.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    mission = models.PositiveIntegerField(_("mission"), help_text=_("0: all missions."))
    nation = models.PositiveIntegerField(_("nation"), help_text=_("0: all nations."))
    service = models.CharField(_("service"), max_length=20, blank=True)
    sex = models.CharField(_("sex"), max_length=6, blank=True)
    dimension = models.CharField(_("category"), max_length=12)
    value = models.CharField(_("value"), max_length=30, blank=True)
    trained = models.IntegerField(_("people trained"), default=0)
    graduated = models.IntegerField(_("people graduated"), default=0)
    decided = models.IntegerField(_("people with an outcome decided"), default=0)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("training summary row")
        verbose_name_plural = _("training summary rows")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "mission", "nation", "service", "sex", "dimension", "value"],
                name="one_training_summary_row_per_cell",
            )
        ]
        indexes = [
            models.Index(fields=["mission", "year"], name="training_summary_filter"),
            # The page shows when the figures last moved: MAX(changed_at).
            models.Index(fields=["changed_at"], name="training_summary_changed"),
        ]

    def __str__(self):
        return f"{self.year} {self.dimension}={self.value}: {self.trained}"


class TrainingSummaryBuild(models.Model):
    """When the training summary was last rebuilt from the enrolments, in full."""

    built_at = models.DateTimeField(_("built at"))
    rows = models.PositiveIntegerField(_("rows"))

    class Meta:
        verbose_name = _("training summary build")
        verbose_name_plural = _("training summary builds")

    def __str__(self):
        return f"{self.built_at:%Y-%m-%d %H:%M}"


class Certificate(RecordModel):
    """A graduate's certificate: the printed fields as issued, signed with the mission's key
    (`signed`, `signature`), and known to the public by its unguessable `code`. Only
    CertificateService makes or changes one (the type is closed to generic writes); its
    PDF is made by a background job."""

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")
        SUPERSEDED = "superseded", _("superseded")

    key = generated_key()
    code = models.CharField(_("verification code"), max_length=24, unique=True)
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="certificates"
    )
    # The printed fields, as they were on the day of issue: a later change of the person's
    # or the course's records does not change a certificate already in someone's hands.
    name = models.CharField(_("name"), max_length=210)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    course = models.CharField(_("course"), max_length=250)
    course_ar = models.CharField(_("course in Arabic"), max_length=250, blank=True)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    result = models.CharField(_("result"), max_length=100)
    issuer = models.CharField(_("issuer"), max_length=200)
    issuer_ar = models.CharField(_("issuer in Arabic"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    signed = models.TextField(_("signed fields"), editable=False)
    signature = models.CharField(_("signature"), max_length=100, editable=False)
    key_id = models.CharField(_("signing key"), max_length=16, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    status_changed_on = models.DateField(_("revoked or superseded on"), null=True, blank=True)
    status_reason = models.TextField(_("why revoked or superseded"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supersedes",
    )
    pdf_made_at = models.DateTimeField(_("PDF made at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-issued_on", "key"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        indexes = [
            models.Index(fields=["-issued_on", "key"], name="certificate_issued"),
            models.Index(fields=["expires_on", "key"], name="certificate_expires"),
        ]

    def __str__(self):
        return f"{self.name}: {self.course} ({self.code})"


class InstructorLevel(VersionedModel):
    """A level of the instructor cadre, e.g. the Carabinieri model's T3 (a basic instructor)
    and T5 (an experienced T3 who trains T3s). A level may require another, held first,
    and names the level whose holders certify it."""

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[validate_slug],
        help_text=_("The level's short name, e.g. T3: letters, digits, hyphens."),
    )
    name = models.CharField(_("name"), max_length=200)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    requires = models.ForeignKey(
        "self",
        verbose_name=_("requires"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="required_by",
        help_text=_("The level an instructor must hold before being certified at this one."),
    )
    certified_by = models.ForeignKey(
        "self",
        verbose_name=_("certified by holders of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certifies",
        help_text=_(
            "The level whose instructors certify this one, e.g. T5 for T3. Empty: the "
            "mission's own trainers certify it."
        ),
    )
    currency_months = models.PositiveSmallIntegerField(
        _("lapses after months without teaching"),
        null=True,
        blank=True,
        default=12,
        validators=[MinValueValidator(1)],
        help_text=_(
            "An instructor who has neither taught nor been certified for this many months "
            "is no longer current at this level. Empty: never lapses."
        ),
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("instructor level")
        verbose_name_plural = _("instructor levels")

    def __str__(self):
        return self.code

    def natural_key(self):
        return (self.code,)


class InstructorQualification(RecordModel):
    """A person certified as an instructor at a level, on a day, by an instructor whose
    level may certify it (`services.InstructorQualificationService`), or outside the cadre
    (a mission trainer's own level), as the note says: the cadre has to start somewhere."""

    key = generated_key()
    person = models.ForeignKey(
        Person,
        verbose_name=_("instructor"),
        on_delete=models.PROTECT,
        related_name="instructor_qualifications",
    )
    level = models.ForeignKey(
        InstructorLevel,
        verbose_name=_("level"),
        on_delete=models.PROTECT,
        related_name="qualifications",
    )
    certified_on = models.DateField(_("certified on"))
    certified_by = models.ForeignKey(
        Person,
        verbose_name=_("certified by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instructors_certified",
        help_text=_(
            "The instructor who certified them. Empty only for a level gained outside the "
            "cadre (e.g. a mission trainer's own), which the note then explains."
        ),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["person", "level"]
        verbose_name = _("instructor qualification")
        verbose_name_plural = _("instructor qualifications")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "level"],
                name="one_qualification_per_person_and_level",
                violation_error_message=_("This person is already certified at this level."),
            )
        ]

    def __str__(self):
        return f"{self.person}: {self.level}"

    def clean(self):
        if self.person_id and self.person_id == self.certified_by_id:
            raise ValidationError(
                {"certified_by": _("Nobody certifies themselves: name another instructor.")}
            )
        if not self.certified_by_id and not self.note.strip():
            raise ValidationError(
                {
                    "certified_by": _(
                        "Name the instructor who certified them; for a level gained outside "
                        "the cadre, say in the note who certified it."
                    )
                }
            )


class SessionInstructor(RecordModel):
    """Who taught a session: one lead, and any number of co-teachers. The teaching records
    keep instructors current and measure how far the host nation trains its own."""

    class Role(models.TextChoices):
        LEAD = "lead", _("lead instructor")
        CO_TEACHER = "co_teacher", _("co-teacher")

    key = generated_key()
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="instructors",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("instructor"),
        on_delete=models.PROTECT,
        related_name="sessions_taught",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.LEAD)

    class Meta:
        ordering = ["session", "role", "person"]
        verbose_name = _("session instructor")
        verbose_name_plural = _("session instructors")
        indexes = [models.Index(fields=["person", "session"], name="session_instructor_person")]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                name="one_role_per_instructor_and_session",
                violation_error_message=_("This instructor already teaches in this session."),
            ),
            # The self-sustainment measure counts each session once, by who led it.
            models.UniqueConstraint(
                fields=["session"],
                condition=models.Q(role="lead"),
                name="one_lead_per_session",
                violation_error_message=_(
                    "This session already has a lead instructor: make this one a co-teacher."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} in {self.session} ({self.get_role_display()})"


class WaitingListEntry(RecordModel):
    """A nominated person waiting for a seat in a full session, and the seat offered to them.

    Made when the nomination is put on the waiting list, never by hand: the entries of a
    session are taken in order (the priority the nominating nation gave the nomination, then
    the time of nomination) whenever a seat is free, and the next eligible one is offered the
    seat for a limited time (`services.WaitingListService`)."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        OFFERED = "offered", _("seat offered")
        ENROLLED = "enrolled", _("enrolled")
        DECLINED = "declined", _("offer declined")
        EXPIRED = "expired", _("offer expired")
        WITHDRAWN = "withdrawn", _("left the list")

    LIVE = (Status.WAITING, Status.OFFERED)

    key = generated_key()
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="waiting_list"
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="waiting_list_entries",
    )
    nominated_at = models.DateTimeField(
        _("nominated at"),
        default=timezone.now,
        editable=False,
        help_text=_("When the nomination was made: the order among nominations of one priority."),
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.CASCADE,
        related_name="waiting_list_entries",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING, editable=False
    )
    offered_at = models.DateTimeField(_("seat offered at"), null=True, blank=True, editable=False)
    offer_expires_at = models.DateTimeField(
        _("offer expires at"), null=True, blank=True, editable=False
    )
    answered_at = models.DateTimeField(
        _("closed at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the offer was accepted, declined or expired, or the entry left the list."
        ),
    )
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="waiting_list_entries",
        editable=False,
    )

    class Meta:
        ordering = ["session", "nominated_at", "key"]
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting list")
        indexes = [
            models.Index(fields=["session", "status", "nominated_at"], name="waiting_list_order")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=models.Q(status__in=["waiting", "offered"]),
                name="one_live_waiting_list_entry",
                violation_error_message=_("This person is already on the session's waiting list."),
            )
        ]

    def __str__(self):
        return f"{self.person} waiting for {self.session}"
