"""Advising and capability: who advises which host-nation institution, what they met about,
what the institutions aim at, and how capable they are judged to be over time.

An advisory team is an organisation unit of the record of kind "team": for NTM-I, the three
mobile teams of its SSAMD division (see the dataset's organisations). The institutions a
team advises are those whose reporting line to it is "advised through"; the host nation's own
hierarchy (ministry -> department -> function) is the record's "under command of" lines.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cadre.core.models import BilingualName, RecordModel
from cadre.missions.models import Mission, Organisation

TEAM = {"kind": Organisation.Kind.TEAM}


class Advisor(RecordModel):
    """A member of an advisory team. `username` is the Cadre account they sign in with (role
    advisor): it is what lets them write their team's engagements and assessments. A person
    may be named without an account (a team member who never uses Cadre)."""

    team = models.ForeignKey(
        Organisation,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="advisors",
        limit_choices_to=TEAM,
    )
    name = models.CharField(_("name"), max_length=200)
    username = models.CharField(
        _("Cadre user name"),
        max_length=150,
        blank=True,
        help_text=_("The account this advisor signs in with; their team's records are theirs."),
    )
    generated = models.BooleanField(_("generated"), default=False)

    class Meta:
        ordering = ["team", "name"]
        verbose_name = _("advisor")
        verbose_name_plural = _("advisors")
        indexes = [models.Index(fields=["username"])]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.team_id and self.team.kind != Organisation.Kind.TEAM:
            raise ValidationError({"team": _("An advisor belongs to a unit of kind team.")})


class Engagement(RecordModel):
    """One meeting of advisors with their counterparts."""

    team = models.ForeignKey(
        Organisation,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="engagements",
        limit_choices_to=TEAM,
    )
    held_on = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=300)
    outcome = models.TextField(_("outcome"), blank=True)
    advisors = models.ManyToManyField(Advisor, verbose_name=_("advisors"), blank=True)
    counterparts = models.ManyToManyField(
        Organisation,
        verbose_name=_("institutions met"),
        blank=True,
        related_name="engagements_met",
    )
    counterparts_met = models.CharField(
        _("counterparts met"),
        max_length=300,
        blank=True,
        help_text=_("The posts of the people met, e.g. the centre's director and his deputy."),
    )
    generated = models.BooleanField(_("generated"), default=False)

    class Meta:
        ordering = ["-held_on", "key"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        indexes = [models.Index(fields=["held_on", "key"])]

    def __str__(self):
        return f"{self.held_on} {self.topic}"

    def clean(self):
        super().clean()
        if self.team_id and self.team.kind != Organisation.Kind.TEAM:
            raise ValidationError({"team": _("An engagement is held by a unit of kind team.")})


class FollowUpAction(RecordModel):
    """What an engagement left to do, who owns it and by when."""

    engagement = models.ForeignKey(
        Engagement, verbose_name=_("engagement"), on_delete=models.CASCADE, related_name="actions"
    )
    description = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        Advisor, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="actions"
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "key"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        indexes = [models.Index(fields=["due_on", "key"])]

    def __str__(self):
        return self.description

    def clean(self):
        super().clean()
        if self.owner_id and self.engagement_id and self.owner.team_id != self.engagement.team_id:
            raise ValidationError(
                {"owner": _("The owner must be an advisor of the engagement's team.")}
            )


class GenderReview(models.TextChoices):
    NOT_REVIEWED = "not_reviewed", _("not reviewed")
    NO_CONCERNS = "no_concerns", _("reviewed: no concerns")
    CONCERNS = "concerns", _("reviewed: concerns raised")


class GenderReviewed(models.Model):
    """The gender adviser's review of a plan or an assessment. Written only through the
    service's gender review (`services.review_gender`), never by the generic writes."""

    gender_review = models.CharField(
        _("gender review"),
        max_length=15,
        choices=GenderReview.choices,
        default=GenderReview.NOT_REVIEWED,
        editable=False,
    )
    gender_comments = models.TextField(_("gender adviser's comments"), blank=True, editable=False)
    gender_reviewed_by = models.CharField(
        _("gender review by"), max_length=150, blank=True, editable=False
    )
    gender_reviewed_on = models.DateField(
        _("gender review on"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    @property
    def gender_reviewed(self) -> bool:
        return self.gender_review != GenderReview.NOT_REVIEWED


class RatingScale(RecordModel, BilingualName):
    """A scale a mission rates its partner institutions on (five stages, CM4 to CM1...);
    each capability objective names the scale of its mission its assessments use."""

    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.CASCADE, related_name="rating_scales"
    )
    generated = models.BooleanField(_("generated"), default=False)

    class Meta:
        ordering = ["key"]
        verbose_name = _("rating scale")
        verbose_name_plural = _("rating scales")


class RatingLevel(RecordModel, BilingualName):
    """One level of a scale; `rank` orders them, 1 the least capable."""

    scale = models.ForeignKey(
        RatingScale, verbose_name=_("scale"), on_delete=models.CASCADE, related_name="levels"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("1 is the least capable."))
    short_name = models.CharField(
        _("short name"), max_length=20, help_text=_("As the level is written, e.g. CM4.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["scale", "rank"]
        verbose_name = _("rating level")
        verbose_name_plural = _("rating levels")
        constraints = [
            models.UniqueConstraint(fields=["scale", "rank"], name="rating_level_rank_once"),
            models.UniqueConstraint(
                fields=["scale", "short_name"], name="rating_level_short_name_once"
            ),
            models.CheckConstraint(condition=models.Q(rank__gte=1), name="rating_level_rank_1"),
        ]

    def __str__(self):
        return f"{self.short_name} {self.display_name}"


class CapabilityObjective(RecordModel, GenderReviewed):
    """A long-term objective agreed with the host nation for one institution, with its two
    milestones: initial and full operational capability, on the days they were reached."""

    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.PROTECT, related_name="objectives"
    )
    institution = models.ForeignKey(
        Organisation,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="capability_objectives",
    )
    scale = models.ForeignKey(
        RatingScale,
        verbose_name=_("rating scale"),
        on_delete=models.PROTECT,
        related_name="objectives",
    )
    title = models.CharField(_("objective"), max_length=300)
    title_ar = models.CharField(_("objective in Arabic"), max_length=300, blank=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    ioc_reached_on = models.DateField(_("initial operational capability"), null=True, blank=True)
    foc_reached_on = models.DateField(_("full operational capability"), null=True, blank=True)
    generated = models.BooleanField(_("generated"), default=False)

    class Meta:
        ordering = ["institution", "key"]
        verbose_name = _("capability objective")
        verbose_name_plural = _("capability objectives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ioc_reached_on__isnull=True)
                | models.Q(foc_reached_on__isnull=True)
                | models.Q(foc_reached_on__gte=models.F("ioc_reached_on")),
                name="objective_foc_after_ioc",
            ),
            models.CheckConstraint(
                condition=models.Q(foc_reached_on__isnull=True)
                | models.Q(ioc_reached_on__isnull=False),
                name="objective_foc_needs_ioc",
            ),
        ]

    def __str__(self):
        return self.title_ar if self.title_ar and get_language() == "ar" else self.title

    def clean(self):
        super().clean()
        if self.scale_id and self.mission_id and self.scale.mission_id != self.mission_id:
            raise ValidationError({"scale": _("The rating scale must be one of the mission's.")})
        ioc, foc = self.ioc_reached_on, self.foc_reached_on
        if foc and (not ioc or foc < ioc):
            raise ValidationError(
                {"foc_reached_on": _("Full operational capability comes after initial.")}
            )


class Assessment(RecordModel, GenderReviewed):
    """A periodic rating of an institution against an objective, on its mission's scale.
    It counts (trend, roll-up, report) only once the mission staff approved it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting approval")
        APPROVED = "approved", _("approved")

    objective = models.ForeignKey(
        CapabilityObjective,
        verbose_name=_("objective"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    assessed_on = models.DateField(_("assessed on"))
    level = models.ForeignKey(
        RatingLevel, verbose_name=_("rating"), on_delete=models.PROTECT, related_name="+"
    )
    evidence = models.TextField(_("evidence"))
    assessor = models.ForeignKey(
        Advisor, verbose_name=_("assessor"), on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.SUBMITTED,
        editable=False,
    )
    approved_by = models.CharField(_("approved by"), max_length=150, blank=True, editable=False)
    approved_on = models.DateField(_("approved on"), null=True, blank=True, editable=False)
    generated = models.BooleanField(_("generated"), default=False)

    class Meta:
        ordering = ["-assessed_on", "key"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [models.Index(fields=["assessed_on", "key"])]

    def __str__(self):
        return f"{self.objective.institution} {self.assessed_on}"

    def clean(self):
        super().clean()
        if not (self.level_id and self.objective_id):
            return
        if self.level.scale_id != self.objective.scale_id:
            raise ValidationError(
                {"level": _("The rating must be a level of the objective's rating scale.")}
            )
