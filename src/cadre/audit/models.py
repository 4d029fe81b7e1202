"""The audit trail: one row per change, never edited, never deleted through Cadre.

The audit app sits at the bottom of Cadre: it imports no other Cadre app, and every
app above it (core first) records its changes here.

Each entry carries a hash of the previous entry's hash and of its own content, so an
entry changed or removed behind Cadre's back (in SQL, say) breaks the chain at that
entry: `cadre audit verify` walks it. The manager refuses bulk updates and deletes,
and on PostgreSQL a trigger refuses UPDATE and DELETE on the table itself.
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChangeAction(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("updated")
    DELETE = "delete", _("deleted")
    IMPORT = "import", _("imported")
    LOAD = "load", _("dataset loaded")
    SIGN_IN = "sign_in", _("signed in")
    SIGN_OUT = "sign_out", _("signed out")
    SIGN_IN_FAILED = "sign_in_failed", _("sign-in failed")


# Security events: who came and went, not changes of a record.
SECURITY_ACTIONS = frozenset(
    {ChangeAction.SIGN_IN, ChangeAction.SIGN_OUT, ChangeAction.SIGN_IN_FAILED}
)


class Channel(models.TextChoices):
    WEB = "web", _("pages")
    API = "api", _("API")
    ADMIN = "admin", _("administration")
    CLI = "cli", _("command line")
    SYSTEM = "system", _("system")


class ImmutableRecord(Exception):
    pass


class AuditedModel(models.Model):
    """Every create, update and delete of a subclass lands in the audit trail.

    `audit_secrets` maps fields whose values the trail must never hold (password hashes,
    token digests) to what a change of them is recorded as, with no value.
    """

    audit_secrets: dict = {}

    class Meta:
        abstract = True


class ChangeRecordQuerySet(models.QuerySet):
    """Entries are added one by one and never changed or removed, in bulk or not."""

    def update(self, **kwargs):
        raise ImmutableRecord("The audit trail cannot be edited.")

    def delete(self):
        raise ImmutableRecord("The audit trail cannot be deleted.")

    def bulk_update(self, *args, **kwargs):
        raise ImmutableRecord("The audit trail cannot be edited.")

    def bulk_create(self, *args, **kwargs):
        raise ImmutableRecord("Audit entries are added one at a time, each chained to the last.")

    def _raw_delete(self, using):
        raise ImmutableRecord("The audit trail cannot be deleted.")


def entry_hash(entry, type_label: str) -> str:
    """The hash of an entry: of the previous entry's hash and of everything the entry says.

    Also used by the migration that chained the entries written before the chain existed.
    """
    content = {
        "time": entry.time.astimezone(datetime.UTC).isoformat(),
        "user": entry.user_id,
        "username": entry.username,
        "channel": entry.channel,
        "request": str(entry.request_id),
        "action": entry.action,
        "type": type_label,
        "object_id": entry.object_id,
        "object": entry.object_repr,
        "before": entry.before,
        "after": entry.after,
        "message": entry.message,
    }
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((entry.previous_hash + text).encode()).hexdigest()


class ChangeRecord(models.Model):
    # Set before the entry is hashed, so not auto_now_add (which would set it after).
    time = models.DateTimeField(_("time"), default=timezone.now, editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        # The trail outlives its users and is never updated: the entry keeps the id and
        # the user name of a user deleted since.
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    request_id = models.UUIDField(_("request"), db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=ChangeAction.choices)
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
    previous_hash = models.CharField(_("previous entry's hash"), max_length=64, blank=True)
    hash = models.CharField(_("hash"), max_length=64, blank=True)

    objects = ChangeRecordQuerySet.as_manager()

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
        self.time = self.time or timezone.now()
        with transaction.atomic():
            lock_the_chain()
            last = ChangeRecord.objects.order_by("-id").values_list("hash", flat=True).first()
            self.previous_hash = last or ""
            self.hash = self.content_hash()
            super().save(*args, **kwargs)

    def content_hash(self) -> str:
        if self.content_type_id is None:
            return entry_hash(self, "")
        content_type = ContentType.objects.get_for_id(self.content_type_id)
        return entry_hash(self, f"{content_type.app_label}.{content_type.model}")

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
        """changed_fields with each field named, and each choice shown, as the reader's pages
        show them."""
        model = self.content_type.model_class() if self.content_type else None
        fields = model._meta.get_fields() if model is not None else []
        labels = {f.name: field_label(f) for f in fields if hasattr(f, "verbose_name")}
        # A choice is shown by its label, in the reader's language, as the record's page does.
        choices = {f.name: dict(f.flatchoices) for f in fields if getattr(f, "choices", None)}

        def shown(name, value):
            if name not in choices or not isinstance(value, str | int):
                return value
            return choices[name].get(value, value)

        return [(labels.get(n, n), shown(n, b), shown(n, a)) for n, b, a in self.changed_fields]


# Django names the primary key it adds to a model "ID", a label no catalogue translates.
AUTO_KEY_LABEL = _("ID")


def field_label(field):
    """A field's name as the trail shows it, in the reader's language."""
    if field.primary_key and field.auto_created:
        return AUTO_KEY_LABEL
    return field.verbose_name


def lock_the_chain():
    """Writers take turns at the end of the chain, so no two entries follow the same one.

    Runs inside the writer's transaction: on PostgreSQL a transaction-scoped advisory
    lock; SQLite lets one writer in at a time already (transaction_mode IMMEDIATE).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_CHAIN_LOCK])


AUDIT_CHAIN_LOCK = 0x0CAD_5E00
