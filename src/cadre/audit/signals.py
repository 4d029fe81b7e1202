"""One mechanism records every change to an audited model, whoever makes it.

Pages, the admin, the API and the CLI all end in Model.save()/delete() or in
many-to-many changes, so the receivers here see them all. The state before an
update is read from the database just before the save, so reading objects costs nothing
extra; only writes pay one query.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from .context import current_actor
from .models import AuditedModel, ChangeAction
from .services import record_change
from .snapshot import snapshot, stored_state


def _audited(sender):
    return isinstance(sender, type) and issubclass(sender, AuditedModel)


def on_pre_save(sender, instance, raw=False, **kwargs):
    if raw or not _audited(sender) or not current_actor().record_fields:
        return
    # An object made with an explicit pk may still be an update of a stored row.
    instance._state_before_save = None if instance.pk is None else stored_state(instance)


def on_save(sender, instance, created, raw=False, **kwargs):
    if raw or not _audited(sender) or not current_actor().record_fields:
        return
    after = snapshot(instance)
    before = None if created else getattr(instance, "_state_before_save", None)
    if before is not None:
        for name in after.keys() - before.keys():
            before[name] = after[name]  # many-to-many values are recorded by on_m2m
        if before == after:
            return
    record_change(
        instance=instance,
        action=ChangeAction.CREATE if created else ChangeAction.UPDATE,
        before=before,
        after=after,
    )


def on_pre_delete(sender, instance, **kwargs):
    if _audited(sender) and current_actor().record_fields:
        instance._state_before_delete = snapshot(instance)


def on_delete(sender, instance, **kwargs):
    before = getattr(instance, "_state_before_delete", None)
    if before is None:
        return
    record_change(instance=instance, action=ChangeAction.DELETE, before=before, after=None)


def on_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if reverse or not isinstance(instance, AuditedModel) or not current_actor().record_fields:
        return
    field = next((f for f in instance._meta.many_to_many if f.remote_field.through is sender), None)
    if field is None:
        return
    if action in ("pre_add", "pre_remove", "pre_clear"):
        instance._m2m_before = sorted(getattr(instance, field.name).values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    before_values = getattr(instance, "_m2m_before", [])
    after_values = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    if before_values == after_values:
        return
    record_change(
        instance=instance,
        action=ChangeAction.UPDATE,
        before={field.name: before_values},
        after={field.name: after_values},
    )


pre_save.connect(on_pre_save, dispatch_uid="cadre_audit_pre_save")
post_save.connect(on_save, dispatch_uid="cadre_audit_save")
pre_delete.connect(on_pre_delete, dispatch_uid="cadre_audit_pre_delete")
post_delete.connect(on_delete, dispatch_uid="cadre_audit_delete")
m2m_changed.connect(on_m2m, dispatch_uid="cadre_audit_m2m")
