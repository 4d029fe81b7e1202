"""Reads about records that pages, the API and the services share."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from cadre.audit.models import ChangeAction, ChangeRecord

from . import registry


def last_change(record) -> ChangeRecord | None:
    """The newest entry of the audit trail that changed `record` as it is stored.

    A change made on a page, by the API or in the admin has an entry of its own; an
    import or a dataset load has one entry for all its rows, listing the keys it changed.
    """
    model = type(record)
    object_type = registry.for_model(model)
    key = getattr(record, object_type.key_field)
    content_type = ContentType.objects.get_for_model(model)
    own = Q(content_type=content_type, object_id=str(record.pk))
    imported = Q(content_type=content_type, action=ChangeAction.IMPORT, after__changed__has_key=key)
    loaded = Q(
        content_type=None,
        action=ChangeAction.LOAD,
        **{f"after__{object_type.slug}__changed__has_key": key},
    )
    return ChangeRecord.objects.filter(own | imported | loaded).order_by("-id").first()
