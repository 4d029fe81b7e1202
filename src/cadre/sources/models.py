"""Where Cadre's facts come from: source documents and the figures they state."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadre.core.dates import precision_field, show
from cadre.core.models import RecordModel

# Words that qualify a number without saying what is counted ("over 5,000").
FIGURE_QUALIFIERS = {"about", "around", "over", "nearly", "almost", "more", "than", "some", "under"}


class Source(RecordModel):
    """What a fact of the record rests on.

    Most sources are captured public pages. A fact no page states is kept only with a
    source of its own that says so: a standard public reference (a gazetteer, the dates
    the Allies joined NATO) or a judgement of Cadre's editors, its `note` saying which
    facts it backs and what they rest on.
    """

    class Kind(models.TextChoices):
        PAGE = "page", _("captured public page")
        REFERENCE = "reference", _("standard public reference")
        EDITORIAL = "editorial", _("editorial judgement")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PAGE)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    page_date = models.DateField(_("page date"), null=True, blank=True)
    page_date_precision = precision_field(verbose_name=_("page date precision"))
    page_date_note = models.CharField(
        _("about the page date"),
        max_length=200,
        blank=True,
        help_text=_("What is known when the page shows no date, e.g. 'written during 2010-2011'."),
    )
    file_name = models.CharField(
        _("file"),
        max_length=200,
        blank=True,
        help_text=_("The captured copy under shared/sources/"),
    )
    note = models.TextField(
        _("what it rests on"),
        blank=True,
        help_text=_(
            "For a reference or an editorial judgement: which facts it backs and what they rest on."
        ),
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title

    def clean(self):
        if self.kind != self.Kind.PAGE and not self.note.strip():
            raise ValidationError(
                {"note": _("Say which facts this source backs and what they rest on.")}
            )

    @property
    def page_date_display(self):
        return show(self.page_date, self.page_date_precision) or self.page_date_note


class Claim(RecordModel):
    """One figure as one source states it.

    Claims on the same `subject` are compared: where their values differ, Cadre
    shows each beside its source instead of choosing one.
    """

    subject = models.SlugField(
        _("subject"),
        max_length=100,
        help_text=_("What is being counted or stated; claims on one subject are compared."),
    )
    subject_label = models.CharField(_("subject, in words"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True, blank=True)
    value_text = models.CharField(
        _("value as stated"),
        max_length=200,
        help_text=_("The figure as the source puts it, e.g. 'over 5,000' or 'several hundred'."),
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    as_of_precision = precision_field(verbose_name=_("as-of precision"))
    statement = models.TextField(_("statement"), help_text=_("The claim in Cadre's own words."))
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="claims"
    )

    class Meta:
        ordering = ["subject", "as_of", "key"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        indexes = [models.Index(fields=["subject", "source"])]

    def __str__(self):
        return f"{self.subject_label}: {self.value_text}"

    @property
    def value_display(self):
        """The figure as stated, with its unit where the statement leaves it out."""
        words = re.findall(r"[^\W\d_]+", self.value_text)
        if self.unit and all(word.lower() in FIGURE_QUALIFIERS for word in words):
            return f"{self.value_text} {self.unit}"
        return self.value_text

    @property
    def as_of_display(self):
        return show(self.as_of, self.as_of_precision)
