import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cadre.core.models import AuditedModel, BilingualName, VersionedModel
from cadre.core.roles import NATION_BOUND_ROLES, Role


class NationStatus(models.TextChoices):
    ALLY = "ally", _("Ally")
    PARTNER = "partner", _("Partner")
    HOST = "host", _("Host nation")
    OTHER = "other", _("Other")


class Nation(VersionedModel, BilingualName):
    code = models.CharField(
        _("ISO 3166 code"), max_length=3, unique=True, help_text=_("ISO 3166-1 alpha-3, e.g. IRQ")
    )
    status = models.CharField(_("status"), max_length=10, choices=NationStatus.choices)
    member_since = models.DateField(_("Ally since"), null=True, blank=True)
    # What the status and the date of joining rest on. The sources app loads before this one
    # (INSTALLED_APPS), so a dataset's nations can cite its sources.
    sources = models.ManyToManyField(
        "sources.Source", verbose_name=_("sources"), blank=True, related_name="nations"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("nation")
        verbose_name_plural = _("nations")

    def natural_key(self):
        return (self.code,)

    def clean(self):
        self.code = (self.code or "").upper()
        if len(self.code) != 3 or not self.code.isalpha():
            raise ValidationError({"code": _("Use the three-letter ISO 3166-1 code, e.g. IRQ.")})


class User(AbstractUser, AuditedModel):
    audit_secrets = {"password": "password"}

    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    nation = models.ForeignKey(
        Nation,
        verbose_name=_("nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.NATION_CONTRIBUTOR) | models.Q(nation__isnull=False),
                name="nation_contributor_has_nation",
            )
        ]

    def clean(self):
        super().clean()
        if self.role in NATION_BOUND_ROLES and self.nation_id is None:
            raise ValidationError(
                {"nation": _("A contributing-nation officer must have a nation.")}
            )


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(AuditedModel):
    """A personal API token. Only its hash is stored; the key is shown once."""

    # The prefix is a piece of the key itself: the trail keeps neither.
    audit_secrets = {"digest": "token key", "prefix": "token key"}

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8)
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        # The name only: the prefix is a piece of the key, and names reach the audit trail.
        return self.name

    @staticmethod
    def new_key() -> str:
        return secrets.token_urlsafe(32)

    @staticmethod
    def digest_of(key: str) -> str:
        return _hash(key)
