"""The audit trail: one row per change, never edited, never deleted through Cadre.

The audit app sits at the bottom of Cadre: it imports no other Cadre app, and every
app above it (core first) records its changes here.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeAction(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("updated")
    DELETE = "delete", _("deleted")
    IMPORT = "import", _("imported")
    LOAD = "load", _("dataset loaded")


class Channel(models.TextChoices):
    WEB = "web", _("pages")
    API = "api", _("API")
    ADMIN = "admin", _("administration")
    CLI = "cli", _("command line")
    SYSTEM = "system", _("system")


class ImmutableRecord(Exception):
    pass


class AuditedModel(models.Model):
    """Every create, update and delete of a subclass lands in the audit trail."""

    class Meta:
        abstract = True


class ChangeRecord(models.Model):
    time = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    request_id = models.UUIDField(_("request"), db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=ChangeAction.choices)
    # Empty for a change across object types: a dataset load.
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("object type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-time", "-id"]
        verbose_name = _("change record")
        verbose_name_plural = _("audit trail")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.time:%Y-%m-%d %H:%M} {self.username or '-'} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableRecord("The audit trail cannot be edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecord("The audit trail cannot be deleted.")

    @property
    def changed_fields(self):
        """(field, before, after) for each field whose value differs."""
        before, after = self.before or {}, self.after or {}
        names = list(dict.fromkeys([*before, *after]))
        return [(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n)]

    @property
    def changed_fields_labelled(self):
        """changed_fields with each field named as the reader's pages name it."""
        model = self.content_type.model_class() if self.content_type else None
        fields = model._meta.get_fields() if model is not None else []
        labels = {f.name: f.verbose_name for f in fields if hasattr(f, "verbose_name")}
        return [(labels.get(n, n), b, a) for n, b, a in self.changed_fields]
