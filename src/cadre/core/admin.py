"""Django admin pages for the admin role, built from the registry like everything else.

Every registered object type gets an admin whose saves and deletes go through the type's
service, so the admin keeps the rules every other path keeps. Types closed to the
generic writes are read only here.
"""

import itertools
from collections import Counter

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import router
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.http import HttpResponseRedirect
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import paging, registry, services
from .forms import RecordForm


class CappedPaginator(Paginator):
    """The admin's pages with a count that stops at paging.COUNT_CAP: an exact COUNT of a
    table of millions costs a second on every page (shared/PERFORMANCE.md), and pages past
    the cap are not offered, so no page is an OFFSET deeper than the cap."""

    @cached_property
    def count(self):
        return paging.capped_count(self.object_list)[0]


# Rows a delete confirmation names one by one; the rest are counted per type.
DELETION_LISTED = 100


class ServiceRefused(Exception):
    """A service refused the admin's change: the change view shows why, nothing is saved."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class RecordAdmin(admin.ModelAdmin):
    """Writes through the object type's service; the form's many-to-many values go with it."""

    object_type: registry.ObjectType
    form = RecordForm
    paginator = CappedPaginator
    list_per_page = paging.PAGE_SIZE
    # The filtered count is capped as well; the unfiltered total is not counted at all.
    show_full_result_count = False

    def has_add_permission(self, request):
        return self.object_type.generic_writes and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.object_type.generic_writes and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.object_type.generic_writes and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        # The record is saved with its many-to-many values in save_related, in one call
        # of the service.
        pass

    def save_related(self, request, form, formsets, change):
        many = {
            f.name: form.cleaned_data[f.name]
            for f in self.model._meta.many_to_many
            if f.name in form.cleaned_data
        }
        try:
            services.save(form.instance, user=request.user, many=many)
        except ValidationError as exc:
            raise ServiceRefused(" ".join(exc.messages)) from exc
        except (services.RecordConflict, PermissionDenied) as exc:
            raise ServiceRefused(str(exc)) from exc
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def get_deleted_objects(self, objs, request):
        """What deleting `objs` takes with it: every type counted, the first DELETION_LISTED
        rows named. Django's own page names every row with a link: for a mission whose
        timeline holds 10^6 events, 4 s and 13 MB. Rows deleted in one statement (links of
        many-to-many fields) are counted, never fetched."""
        objs = list(objs)
        if not objs:
            return [], {}, set(), []
        collector = Collector(using=router.db_for_write(self.model), origin=objs)
        try:
            collector.collect(objs)
        except ProtectedError as exc:
            return [], {}, set(), _named(exc.protected_objects)
        except RestrictedError as exc:
            return [], {}, set(), _named(exc.restricted_objects)
        counts = Counter()
        for model, instances in collector.data.items():
            counts[model] += len(instances)
        for queryset in collector.fast_deletes:
            counts[queryset.model] += queryset.count()
        perms_needed = {
            model._meta.verbose_name
            for model in counts
            if self.admin_site.is_registered(model)
            and not self.admin_site.get_model_admin(model).has_delete_permission(request)
        }
        rows = itertools.chain.from_iterable(collector.data.values())
        to_delete = _named(rows)
        listed = len(to_delete)
        if sum(counts.values()) > listed:
            to_delete.append(
                _("… and %(count)s more, counted below.") % {"count": sum(counts.values()) - listed}
            )
        model_count = {
            model._meta.verbose_name_plural: count for model, count in counts.items() if count
        }
        return to_delete, model_count, perms_needed, []

    def delete_model(self, request, obj):
        services.delete(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.delete(obj, user=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceRefused as exc:
            # The admin's transaction has been rolled back: nothing of the change was kept.
            self.message_user(request, exc.message, level=messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_view(self, request, object_id, extra_context=None):
        # A page the administrator may not use at all (a type closed to the generic writes)
        # is refused (403) by the admin itself; sending them back to it would loop.
        try:
            return super().delete_view(request, object_id, extra_context)
        except (ProtectedError, services.RecordConflict) as exc:
            self.message_user(request, str(exc), level=messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


def _named(rows) -> list[str]:
    """The first DELETION_LISTED rows as "Type: row"."""
    return [
        f"{capfirst(row._meta.verbose_name)}: {row}"
        for row in itertools.islice(rows, DELETION_LISTED)
    ]


def admin_for(object_type) -> type[RecordAdmin]:
    model = object_type.model
    options = {
        "object_type": object_type,
        "list_display": [c for c in object_type.columns if not _is_many(model, c)][:8],
        "search_fields": object_type.search,
        "list_select_related": object_type.select_related or False,
    }
    if model._meta.many_to_many:
        options["filter_horizontal"] = [f.name for f in model._meta.many_to_many]
    return type(f"{model.__name__}Admin", (RecordAdmin,), options)


def _is_many(model, name):
    return model._meta.get_field(name).many_to_many


for _object_type in registry.object_types():
    if not admin.site.is_registered(_object_type.model):
        admin.site.register(_object_type.model, admin_for(_object_type))
