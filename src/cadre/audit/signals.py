"""One mechanism records every change to an audited model that no service recorded.

Records of the mission record are written by their services, which record each change
themselves (cadre.core.services) with these receivers held quiet. What is left comes
here: users and API tokens, changed by the account pages, the admin and Django itself.
The state before an update is read from the database just before the save, so reading
objects costs nothing extra; only writes pay one query.

Secrets never reach the trail: a model's `audit_secrets` (password hashes, token
digests) are left out of every before and after, and a change of one is recorded in
words ("password changed"). Signing in, signing out and failing to sign in are recorded
as security events, not as changes of the user: Django's own update of `last_login`
on sign-in is no change of the record.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from .context import current_actor
from .models import AuditedModel, ChangeAction
from .services import record_change
from .snapshot import related_state, snapshot, stored_state

# Updates of these fields alone are bookkeeping, not changes of the record.
QUIET_FIELDS = frozenset({"last_login", "last_used"})


def _audited(sender):
    return isinstance(sender, type) and issubclass(sender, AuditedModel)


def _bookkeeping(update_fields):
    return update_fields is not None and set(update_fields) <= QUIET_FIELDS


def _recording(sender, raw, update_fields=None):
    return (
        not raw
        and _audited(sender)
        and current_actor().record_fields
        and not _bookkeeping(update_fields)
    )


def on_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if not _recording(sender, raw, update_fields):
        return
    # An object made with an explicit pk may still be an update of a stored row.
    instance._state_before_save = None if instance.pk is None else stored_state(instance)


def _without_secrets(model, state):
    return {k: v for k, v in state.items() if k not in model.audit_secrets}


def _secret_changes(model, before, after, created) -> list[str]:
    changes = []
    for name, what in model.audit_secrets.items():
        old, new = (before or {}).get(name), after.get(name)
        if created and new:
            changes.append(f"{what} set")
        elif not created and old != new:
            changes.append(f"{what} changed")
    return sorted(set(changes))


def on_save(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if not _recording(sender, raw, update_fields):
        return
    after = snapshot(instance)
    before = None if created else getattr(instance, "_state_before_save", None)
    if before is not None:
        for name in after.keys() - before.keys():
            before[name] = after[name]  # many-to-many values are recorded by on_m2m
    secrets = _secret_changes(sender, before, after, created)
    after = _without_secrets(sender, after)
    before = None if before is None else _without_secrets(sender, before)
    if before is not None and before == after and not secrets:
        return
    record_change(
        instance=instance,
        action=ChangeAction.CREATE if created else ChangeAction.UPDATE,
        before=before,
        after=after,
        message="; ".join(secrets),
    )


def on_pre_delete(sender, instance, **kwargs):
    if _audited(sender) and current_actor().record_fields:
        instance._state_before_delete = _without_secrets(sender, snapshot(instance))


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
        instance._m2m_before = related_state(getattr(instance, field.name).all())
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    before_values = getattr(instance, "_m2m_before", [])
    after_values = related_state(getattr(instance, field.name).all())
    if before_values == after_values:
        return
    record_change(
        instance=instance,
        action=ChangeAction.UPDATE,
        before={field.name: before_values},
        after={field.name: after_values},
    )


def on_sign_in(sender, request, user, **kwargs):
    record_change(instance=user, model=get_user_model(), action=ChangeAction.SIGN_IN, user=user)


def on_sign_out(sender, request, user, **kwargs):
    if user is not None and user.is_authenticated:
        record_change(
            instance=user, model=get_user_model(), action=ChangeAction.SIGN_OUT, user=user
        )


def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    # `credentials` holds the password tried as well: only the user name is kept.
    username = str(credentials.get("username", ""))[:150]
    record_change(
        model=get_user_model(),
        action=ChangeAction.SIGN_IN_FAILED,
        object_repr=username,
        message=f"user name tried: {username}",
    )


pre_save.connect(on_pre_save, dispatch_uid="cadre_audit_pre_save")
post_save.connect(on_save, dispatch_uid="cadre_audit_save")
pre_delete.connect(on_pre_delete, dispatch_uid="cadre_audit_pre_delete")
post_delete.connect(on_delete, dispatch_uid="cadre_audit_delete")
m2m_changed.connect(on_m2m, dispatch_uid="cadre_audit_m2m")
user_logged_in.connect(on_sign_in, dispatch_uid="cadre_audit_sign_in")
user_logged_out.connect(on_sign_out, dispatch_uid="cadre_audit_sign_out")
user_login_failed.connect(on_sign_in_failed, dispatch_uid="cadre_audit_sign_in_failed")
