from django.contrib.contenttypes.models import ContentType

from .context import current_actor
from .models import ChangeRecord


def record_change(
    *, instance=None, model=None, action, before=None, after=None, message="", label=""
):
    """Write one row of the audit trail for the current actor.

    A change of one object names it (`instance`), a change of many objects of one type
    names the type (`model`); a change across types (a dataset load) names neither and
    is called by its `label`.
    """
    actor = current_actor()
    user = actor.resolve_user()
    model = model or (type(instance) if instance is not None else None)
    content_type = None
    if model is not None:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
        label = str(instance) if instance is not None else str(model._meta.verbose_name_plural)
    return ChangeRecord.objects.create(
        user=user,
        username=user.get_username() if user else "",
        channel=actor.channel,
        request_id=actor.request_id,
        action=action,
        content_type=content_type,
        object_id=str(instance.pk) if instance is not None and instance.pk is not None else "",
        object_repr=label[:200],
        before=before,
        after=after,
        message=message,
    )
