"""A page read for the timeline, and the dated events it proposes for review."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadre.core.dates import precision_field, show
from cadre.core.models import RecordModel
from cadre.missions.models import Mission, Organisation, TimelineEvent
from cadre.sources.models import Source


class PageImport(RecordModel):
    """One public page as read for the timeline: its text (offsets of the candidates point
    into it) and the Source its accepted events cite."""

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="page_imports"
    )
    title = models.CharField(_("title"), max_length=300)
    address = models.CharField(_("address"), max_length=500, blank=True)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    text = models.TextField(
        _("page text"),
        help_text=_("The page as read: HTML or plain text when sent; its text once read."),
    )
    reference_date = models.DateField(
        _("reference date"),
        null=True,
        blank=True,
        help_text=_("The page's own date: the year of a date the page gives without one."),
    )
    created = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("page import")
        verbose_name_plural = _("page imports")

    def __str__(self):
        return self.title

    @property
    def link(self) -> str:
        """The address as a link, only when it is a web address (never a javascript: one)."""
        return self.address if self.address.startswith(("https://", "http://")) else ""


class ImportCandidate(RecordModel):
    """A dated event a page states, as read, for a reviewer to accept, edit or reject."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("to review")
        ACCEPTED = "accepted", _("accepted")
        MERGED = "merged", _("added as a source of an event")
        REJECTED = "rejected", _("rejected")

    class ReadPrecision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")
        SEASON = "season", _("season")
        QUARTER = "quarter", _("quarter")
        HALF = "half", _("half year")
        YEAR = "year", _("year")
        DECADE = "decade", _("decade")
        CENTURY = "century", _("century")
        RANGE = "range", _("range")

    class Qualifier(models.TextChoices):
        EARLY = "early", _("early")
        MID = "mid", _("mid")
        LATE = "late", _("late")
        END = "end", _("end")
        APPROXIMATE = "approximate", _("approximate")

    page_import = models.ForeignKey(
        PageImport,
        verbose_name=_("page import"),
        on_delete=models.CASCADE,
        related_name="candidates",
    )
    position = models.PositiveIntegerField(_("position"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    # As read from the page.
    edtf = models.CharField(_("date as read (EDTF)"), max_length=60, blank=True)
    read_precision = models.CharField(
        _("precision as read"), max_length=10, choices=ReadPrecision.choices, blank=True
    )
    qualifier = models.CharField(
        _("qualifier"), max_length=12, choices=Qualifier.choices, blank=True
    )
    inferred_year = models.BooleanField(
        _("year inferred"),
        default=False,
        help_text=_("The sentence does not state the year: it was taken from the context."),
    )
    relative = models.CharField(
        _("relative date"),
        max_length=100,
        blank=True,
        help_text=_("A date the page gives relative to another ('three weeks later')."),
    )
    first_day = models.DateField(_("first day it can mean"), null=True, blank=True)
    last_day = models.DateField(_("last day it can mean"), null=True, blank=True)
    sentence = models.TextField(_("sentence"))
    sentence_start = models.PositiveIntegerField(_("sentence starts at"))
    sentence_end = models.PositiveIntegerField(_("sentence ends at"))
    date_start = models.PositiveIntegerField(_("date phrase starts at"))
    date_end = models.PositiveIntegerField(_("date phrase ends at"))
    actors_named = models.CharField(_("actors named"), max_length=500, blank=True)
    # As the event will be recorded: proposed by the reader, edited by the reviewer.
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = precision_field(verbose_name=_("date precision"))
    summary = models.TextField(_("summary"))
    kind = models.CharField(_("kind"), max_length=12, choices=TimelineEvent.Kind.choices)
    actors = models.ManyToManyField(
        Organisation, verbose_name=_("actors"), blank=True, related_name="+"
    )
    missions = models.ManyToManyField(
        Mission, verbose_name=_("missions"), blank=True, related_name="+"
    )
    event = models.ForeignKey(
        TimelineEvent,
        verbose_name=_("timeline event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_candidates",
    )

    class Meta:
        ordering = ["page_import", "position"]
        verbose_name = _("import candidate")
        verbose_name_plural = _("import candidates")
        indexes = [
            models.Index(fields=["page_import", "position"], name="candidate_batch_position")
        ]

    def __str__(self):
        return f"{self.date_display or self.relative}: {self.summary[:80]}"

    def clean(self):
        if self.sentence_end < self.sentence_start:
            raise ValidationError({"sentence_end": _("A sentence cannot end before it starts.")})
        done = (self.Status.ACCEPTED, self.Status.MERGED)
        if self.status in done and self.event_id is None:
            raise ValidationError({"event": _("An accepted candidate names its timeline event.")})

    @property
    def date_display(self):
        return show(self.date, self.date_precision)
