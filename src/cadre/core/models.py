"""Base classes every object type of Cadre builds on, and the record of background jobs."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cadre.audit.models import AuditedModel

__all__ = [
    "AuditedModel",
    "BilingualName",
    "IdempotentRequest",
    "Job",
    "RecordModel",
    "VersionedModel",
]


class VersionedModel(AuditedModel):
    """A record that counts its changes, so that a writer who read it can tell whether it has
    changed since: the one write path (`cadre.core.services`) refuses a change made to an
    older version than the one stored, and adds one to it on every change it saves."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class RecordModel(VersionedModel):
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


class Job(models.Model):
    """Work that runs in the background (an import of a long file; later certificates,
    allocation rounds, reports), and how far it is: what its page shows while it runs.

    `kind` names the work; the page shows a finished job's `result` with the template
    `jobs/<kind>.html` where there is one. See `cadre.core.jobs`.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("running")
        FINISHED = "finished", _("finished")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveBigIntegerField(_("done"), default=0)
    total = models.PositiveBigIntegerField(_("total"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        indexes = [models.Index(fields=["user", "-created"], name="job_user_created")]

    def __str__(self):
        return self.title

    @property
    def ended(self) -> bool:
        return self.status in (self.Status.FINISHED, self.Status.FAILED)

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)


class IdempotentRequest(models.Model):
    """A create that a client may send again: the answer it got, kept for a day, so that a
    retried call or a second click makes no second record (`cadre.core.idempotency`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="idempotent_requests",
    )
    key = models.CharField(_("key"), max_length=200)
    scope = models.CharField(_("scope"), max_length=300, help_text=_("The address it was sent to."))
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    status = models.PositiveSmallIntegerField(_("status"), null=True)
    body = models.JSONField(_("body"), null=True, encoder=DjangoJSONEncoder)
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "scope", "key"], name="one_answer_per_idempotency_key"
            )
        ]

    def __str__(self):
        return f"{self.scope} {self.key}"
