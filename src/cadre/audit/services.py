from django.contrib.contenttypes.models import ContentType

from .context import current_actor
from .models import ChangeRecord


def record_change(*, instance=None, model=None, action, before=None, after=None, message=""):
    """Write one row of the audit trail for the current actor."""
    actor = current_actor()
    user = actor.resolve_user()
    model = model or type(instance)
    return ChangeRecord.objects.create(
        user=user,
        username=user.get_username() if user else "",
        channel=actor.channel,
        request_id=actor.request_id,
        action=action,
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=True),
        object_id=str(instance.pk) if instance is not None and instance.pk is not None else "",
        object_repr=str(instance)[:200]
        if instance is not None
        else str(model._meta.verbose_name_plural),
        before=before,
        after=after,
        message=message,
    )
