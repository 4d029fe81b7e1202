"""Base classes every object type of Cadre builds on."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cadre.audit.models import AuditedModel

__all__ = ["AuditedModel", "BilingualName", "RecordModel"]


class RecordModel(AuditedModel):
    """An object of the mission record, known by a stable key across exports and imports."""

    key = models.SlugField(
        _("key"),
        max_length=100,
        unique=True,
        help_text=_("A short stable identifier, used by imports, exports and the dataset."),
    )

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.key,)


class BilingualName(models.Model):
    """A name stored in Latin and Arabic script, shown in the script the reader reads."""

    name = models.CharField(_("name"), max_length=200)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.name_ar if self.display_language == "ar" else self.name

    @property
    def display_language(self):
        """The language display_name is in: Arabic when the reader reads it and we have it."""
        if self.name_ar and (get_language() == "ar" or not self.name):
            return "ar"
        return "en"
