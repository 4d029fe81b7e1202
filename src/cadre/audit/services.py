from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from .context import current_actor
from .models import ChangeRecord


def record_change(
    *,
    instance=None,
    model=None,
    action,
    before=None,
    after=None,
    message="",
    object_repr=None,
    user=None,
):
    """Write one row of the audit trail for the current actor (or for `user`, signing in).

    A change of one object names it (`instance`), a change of many objects of one type
    names the type (`model`); a change across types (a dataset load) names neither and
    is called by its `object_repr`.
    """
    actor = current_actor()
    user = user or actor.resolve_user()
    model = model or (type(instance) if instance is not None else None)
    content_type = None
    if model is not None:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    if object_repr is None:
        object_repr = (
            str(instance) if instance is not None else str(model._meta.verbose_name_plural)
        )
    return ChangeRecord.objects.create(
        user=user,
        username=user.get_username() if user else "",
        channel=actor.channel,
        request_id=actor.request_id,
        action=action,
        content_type=content_type,
        object_id=str(instance.pk) if instance is not None and instance.pk is not None else "",
        object_repr=object_repr[:200],
        before=before,
        after=after,
        message=message,
    )


@dataclass
class ChainCheck:
    entries: int
    problem: str | None = None
    entry_id: int | None = None

    @property
    def intact(self):
        return self.problem is None


def verify_chain(progress=None) -> ChainCheck:
    """Walk the trail in order and name the first entry that was changed or removed."""
    previous_hash, previous_id, count = "", None, 0
    for entry in ChangeRecord.objects.order_by("id").iterator(chunk_size=2000):
        if entry.previous_hash != previous_hash:
            where = f"after entry {previous_id}" if previous_id else "at the start"
            return ChainCheck(
                count,
                f"entry {entry.pk} does not follow entry {previous_id or '-'}: an entry "
                f"{where} was removed or changed",
                entry.pk,
            )
        if entry.content_hash() != entry.hash:
            return ChainCheck(count, f"entry {entry.pk} was changed after it was written", entry.pk)
        previous_hash, previous_id = entry.hash, entry.pk
        count += 1
        if progress:
            progress(1)
    return ChainCheck(count)
