"""The mission record: missions, their legal basis, timeline, command, forces and places.

Modelled so that NATO's missions in Iraq fit without special cases, and so would
any other multinational training mission.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cadre.accounts.models import Nation
from cadre.core.dates import precision_field, show
from cadre.core.models import BilingualName, RecordModel
from cadre.sources.models import Source


class Term(models.Model):
    """A span from `start` until `end` (open when unset), each at its own precision."""

    start = models.DateField(_("from"))
    start_precision = precision_field(verbose_name=_("from precision"))
    end = models.DateField(_("until"), null=True, blank=True)
    end_precision = precision_field(verbose_name=_("until precision"))

    class Meta:
        abstract = True

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("A term cannot end before it starts.")})

    @property
    def term_display(self):
        start = show(self.start, self.start_precision)
        end = show(self.end, self.end_precision) if self.end else ""
        return f"{start} – {end}"


class Organisation(RecordModel, BilingualName):
    """An organisation, office or unit: a council, a command, a mission HQ, one of its
    divisions or teams, a ministry, a school. Who reports to whom is in ReportingLine."""

    class Kind(models.TextChoices):
        ALLIANCE = "alliance", _("alliance or international organisation")
        COUNCIL = "council", _("council")
        COMMITTEE = "committee", _("committee")
        COMMAND = "command", _("command or headquarters")
        MISSION_HQ = "mission_hq", _("mission headquarters")
        DIVISION = "division", _("division")
        TEAM = "team", _("team")
        CELL = "cell", _("cell or coordination group")
        GOVERNMENT = "government", _("government or head of government office")
        MINISTRY = "ministry", _("ministry")
        INSTITUTION = "institution", _("national security institution")
        SCHOOL = "school", _("school, academy or training centre")
        NATIONAL_FORCE = "national_force", _("national force")

    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    short_name_ar = models.CharField(_("short name in Arabic"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    nation = models.ForeignKey(
        Nation,
        verbose_name=_("nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    location = models.ForeignKey(
        "Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    mission = models.ForeignKey(
        "Mission",
        verbose_name=_("part of mission"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    established = models.DateField(_("established"), null=True, blank=True)
    established_precision = precision_field(verbose_name=_("established precision"))
    description = models.TextField(_("description"), blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")


class Location(RecordModel, BilingualName):
    class Kind(models.TextChoices):
        CITY = "city", _("city")
        CAMP = "camp", _("camp or base")
        SCHOOL = "school", _("school or academy")
        HEADQUARTERS = "headquarters", _("headquarters")
        TRAINING_CENTRE = "training_centre", _("training centre")
        GOVERNMENT = "government", _("government site")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    nation = models.ForeignKey(
        Nation, verbose_name=_("nation"), on_delete=models.PROTECT, related_name="locations"
    )
    within = models.ForeignKey(
        "self",
        verbose_name=_("within"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    description = models.TextField(_("description"), blank=True)
    sources = models.ManyToManyField(
        Source,
        verbose_name=_("sources"),
        blank=True,
        help_text=_("The sources that name the place and say what happened there."),
    )
    # No source page gives coordinates: they rest on a reference (a gazetteer) or, for a
    # site whose exact spot is not public, on the editors' placing of it.
    coordinates_source = models.ForeignKey(
        Source,
        verbose_name=_("source of the coordinates"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="located_places",
        help_text=_("What the coordinates, and the place it lies within, rest on."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90)
                & models.Q(longitude__gte=-180, longitude__lte=180),
                name="location_coordinates_in_range",
            )
        ]


class Mission(RecordModel, BilingualName):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        ENDED = "ended", _("ended")

    short_name = models.CharField(_("short name"), max_length=30)
    short_name_ar = models.CharField(_("short name in Arabic"), max_length=30, blank=True)
    parent_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        related_name="missions",
    )
    host_nation = models.ForeignKey(
        Nation,
        verbose_name=_("host nation"),
        on_delete=models.PROTECT,
        related_name="hosted_missions",
    )
    start = models.DateField(_("start"))
    start_precision = precision_field(verbose_name=_("start precision"))
    end = models.DateField(_("end"), null=True, blank=True)
    end_precision = precision_field(verbose_name=_("end precision"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    non_combat = models.BooleanField(_("non-combat"), default=True)
    mandate_rules = models.TextField(
        _("rules of the mandate"), blank=True, help_text=_("What the mandate allows and forbids.")
    )
    end_reason = models.TextField(_("why it ended"), blank=True)
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("predecessor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("mission")
        verbose_name_plural = _("missions")

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("A mission cannot end before it starts.")})

    @property
    def display_short_name(self):
        from django.utils.translation import get_language

        if get_language() == "ar" and self.short_name_ar:
            return self.short_name_ar
        return self.short_name

    @property
    def period_display(self):
        start = show(self.start, self.start_precision)
        end = show(self.end, self.end_precision) if self.end else ""
        return f"{start} – {end}" if end else f"{start} –"


class MissionName(RecordModel):
    """A name the mission had before, and when it stopped being used."""

    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.CASCADE, related_name="former_names"
    )
    name = models.CharField(_("name"), max_length=200)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    used_from = models.DateField(_("used from"))
    used_from_precision = precision_field(verbose_name=_("used-from precision"))
    renamed_on = models.DateField(_("renamed on"))
    renamed_on_precision = precision_field(verbose_name=_("renamed-on precision"))
    renamed_by = models.CharField(_("renamed by"), max_length=200, blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["mission", "used_from"]
        verbose_name = _("former name")
        verbose_name_plural = _("former names")

    def __str__(self):
        return self.name


class Mandate(RecordModel):
    """A piece of a mission's legal basis: a request, a resolution, a decision, an agreement."""

    class Kind(models.TextChoices):
        REQUEST_LETTER = "request_letter", _("request letter")
        UN_RESOLUTION = "un_resolution", _("UN Security Council resolution")
        SUMMIT_DECISION = "summit_decision", _("summit decision")
        COUNCIL_DECISION = "council_decision", _("council decision")
        ACTIVATION_ORDER = "activation_order", _("activation order")
        LEGAL_STATUS_AGREEMENT = "legal_status_agreement", _("legal-status agreement")
        PARTNERSHIP_PROGRAMME = "partnership_programme", _("partnership programme")
        HOST_CONSENT = "host_consent", _("host-nation consent")

    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.CASCADE, related_name="mandates"
    )
    kind = models.CharField(_("kind"), max_length=25, choices=Kind.choices)
    reference = models.CharField(_("reference"), max_length=200)
    title = models.CharField(_("title"), max_length=300)
    issued_by = models.CharField(_("issued by"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_on_precision = precision_field(verbose_name=_("signed-on precision"))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    governs_presence = models.BooleanField(
        _("governs the mission's presence"),
        default=False,
        help_text=_("The agreement whose end ends the mission unless it is extended."),
    )
    extended = models.BooleanField(_("extended"), default=False)
    outcome = models.TextField(_("what became of it"), blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["mission", "signed_on"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self):
        return self.title

    def clean(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("Validity cannot end before it starts.")})

    def is_valid_on(self, day: datetime.date) -> bool:
        starts = self.valid_from or self.signed_on
        return (starts is None or starts <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    @property
    def signed_on_display(self):
        return show(self.signed_on, self.signed_on_precision)


class TimelineEvent(RecordModel):
    class Kind(models.TextChoices):
        REQUEST = "request", _("request")
        DECISION = "decision", _("decision")
        APPROVAL = "approval", _("approval")
        ACTIVATION = "activation", _("activation")
        DEPLOYMENT = "deployment", _("deployment")
        EXPANSION = "expansion", _("expansion")
        SUSPENSION = "suspension", _("suspension")
        AGREEMENT = "agreement", _("agreement")
        VISIT = "visit", _("visit")
        WITHDRAWAL = "withdrawal", _("withdrawal")
        LAUNCH = "launch", _("launch")
        MEETING = "meeting", _("meeting")
        MILESTONE = "milestone", _("milestone")

    date = models.DateField(_("date"))
    date_precision = precision_field(verbose_name=_("date precision"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    summary = models.TextField(_("summary"))
    summary_ar = models.TextField(_("summary in Arabic"), blank=True)
    missions = models.ManyToManyField(
        Mission, verbose_name=_("missions"), blank=True, related_name="events"
    )
    actors = models.ManyToManyField(
        Organisation, verbose_name=_("actors"), blank=True, related_name="events"
    )
    locations = models.ManyToManyField(
        Location, verbose_name=_("locations"), blank=True, related_name="events"
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), related_name="events")
    created = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        indexes = [
            models.Index(fields=["date", "id"], name="event_date_id"),
            models.Index(fields=["kind", "date", "id"], name="event_kind_date_id"),
        ]

    def __str__(self):
        return f"{self.date_display}: {self.summary[:80]}"

    @property
    def date_display(self):
        return show(self.date, self.date_precision)

    @property
    def display_summary(self):
        return self.summary_ar if self.display_language == "ar" else self.summary

    @property
    def display_language(self):
        """The language display_summary is in: Arabic when the reader reads it and we have it."""
        return "ar" if get_language() == "ar" and self.summary_ar else "en"


class ReportingLine(RecordModel, Term):
    """`unit` reports to `superior` from `start` until `end` (open when unset)."""

    class Relation(models.TextChoices):
        COMMAND = "command", _("under command of")
        DIRECTION = "direction", _("under political direction of")
        ADVICE = "advice", _("advised through")
        COORDINATION = "coordination", _("coordinates with")

    unit = models.ForeignKey(
        Organisation, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="lines_up"
    )
    superior = models.ForeignKey(
        Organisation,
        verbose_name=_("reports to"),
        on_delete=models.CASCADE,
        related_name="lines_down",
    )
    relation = models.CharField(
        _("relation"), max_length=12, choices=Relation.choices, default=Relation.COMMAND
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["superior", "unit", "start"]
        verbose_name = _("reporting line")
        verbose_name_plural = _("reporting lines")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(unit=models.F("superior")), name="reporting_line_not_to_itself"
            )
        ]

    def __str__(self):
        return f"{self.unit} → {self.superior}"

    def clean(self):
        if self.unit_id and self.unit_id == self.superior_id:
            raise ValidationError({"superior": _("A unit cannot report to itself.")})
        super().clean()


class Appointment(RecordModel, Term):
    """A person holding a post in an organisation unit for a term."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation unit"),
        on_delete=models.CASCADE,
        related_name="appointments",
    )
    post = models.CharField(_("post"), max_length=200)
    holder = models.CharField(
        _("holder"),
        max_length=200,
        blank=True,
        help_text=_("Blank when no source names the holder."),
    )
    rank = models.CharField(_("rank"), max_length=60, blank=True)
    nation = models.ForeignKey(
        Nation, verbose_name=_("nation"), null=True, blank=True, on_delete=models.PROTECT
    )
    additional_post = models.CharField(
        _("also holds"),
        max_length=300,
        blank=True,
        help_text=_("A second hat worn at the same time."),
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["organisation", "start"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")

    def __str__(self):
        return f"{self.post}: {self.holder}" if self.holder else self.post


class Participation(RecordModel):
    """A nation's part in a mission."""

    class Role(models.TextChoices):
        HOST = "host", _("host nation")
        LEAD = "lead", _("lead nation")
        CONTRIBUTOR = "contributor", _("contributing nation")
        DONOR = "donor", _("donor")

    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.CASCADE, related_name="participations"
    )
    nation = models.ForeignKey(
        Nation, verbose_name=_("nation"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    start = models.DateField(_("from"), null=True, blank=True)
    start_precision = precision_field(verbose_name=_("from precision"))
    end = models.DateField(_("until"), null=True, blank=True)
    end_precision = precision_field(verbose_name=_("until precision"))
    note = models.TextField(_("note"), blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"))

    class Meta:
        ordering = ["mission", "nation__name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self):
        return f"{self.nation} – {self.mission.short_name}"


class MissionLocation(RecordModel):
    """A place where a mission works, trains or is commanded from."""

    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.CASCADE, related_name="sites"
    )
    location = models.ForeignKey(
        Location, verbose_name=_("location"), on_delete=models.PROTECT, related_name="mission_sites"
    )
    purpose = models.CharField(_("purpose"), max_length=200)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["mission", "location__name"]
        verbose_name = _("mission location")
        verbose_name_plural = _("mission locations")
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "location", "purpose"], name="mission_location_once"
            )
        ]

    def __str__(self):
        return f"{self.location} ({self.purpose})"


class ForceLevel(RecordModel):
    """A mission's strength at a date, or a change to it, as one source states it.

    An authorised or reported figure is a total. An increase is what a decision adds to
    the strength there already is ("300 more trainers"): it is never drawn as a total; the
    strength chart adds it to the latest total before it and shows the sum as computed.
    A source that gives no number ("fully staffed", "several hundred") is kept in words,
    with `strength` left empty.
    """

    class Kind(models.TextChoices):
        AUTHORISED = "authorised", _("authorised")
        REPORTED = "reported", _("reported")
        INCREASE = "increase", _("authorised increase")

    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.CASCADE, related_name="force_levels"
    )
    as_of = models.DateField(_("as of"))
    as_of_precision = precision_field(verbose_name=_("as-of precision"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    strength = models.PositiveIntegerField(
        _("strength"),
        null=True,
        blank=True,
        help_text=_(
            "People; for an increase, the people added. Empty when the source gives no number."
        ),
    )
    approximate = models.BooleanField(_("approximate"), default=False)
    stated = models.CharField(
        _("in the source's words"),
        max_length=200,
        blank=True,
        help_text=_("What the source says when it gives no number, e.g. 'several hundred'."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="force_levels"
    )

    class Meta:
        ordering = ["mission", "as_of", "kind"]
        verbose_name = _("force level")
        verbose_name_plural = _("force levels")

    def __str__(self):
        figure = self.stated if self.strength is None else self.strength
        if self.kind == self.Kind.INCREASE and self.strength is not None:
            figure = f"+{self.strength}"
        return f"{self.mission.short_name} {self.as_of_display}: {figure}"

    def clean(self):
        if self.strength is None and not self.stated.strip():
            raise ValidationError(
                {"strength": _("Give the number, or say in words what the source states.")}
            )

    @property
    def as_of_display(self):
        return show(self.as_of, self.as_of_precision)


class ScopeChange(RecordModel):
    """An area of work added to, or taken from, a mission's scope."""

    class Change(models.TextChoices):
        ADDED = "added", _("added")
        REMOVED = "removed", _("removed")
        SUSPENDED = "suspended", _("suspended")
        RESUMED = "resumed", _("resumed")

    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.CASCADE, related_name="scope_changes"
    )
    date = models.DateField(_("date"))
    date_precision = precision_field(verbose_name=_("date precision"))
    change = models.CharField(_("change"), max_length=10, choices=Change.choices)
    area = models.CharField(_("area"), max_length=200)
    area_ar = models.CharField(_("area in Arabic"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("sources"))

    class Meta:
        ordering = ["mission", "date"]
        verbose_name = _("scope change")
        verbose_name_plural = _("scope changes")

    def __str__(self):
        return f"{self.date_display}: {self.area}"

    @property
    def date_display(self):
        return show(self.date, self.date_precision)
