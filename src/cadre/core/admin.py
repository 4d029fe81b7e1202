"""Django admin pages for the admin role, built from the registry like everything else."""

from django.contrib import admin

from . import registry


def register_admin(app_label: str):
    for object_type in registry.object_types():
        model = object_type.model
        if model._meta.app_label != app_label or admin.site.is_registered(model):
            continue
        options = {
            "list_display": [c for c in object_type.columns if not _is_many(model, c)][:8],
            "search_fields": object_type.search,
            "list_select_related": object_type.select_related or False,
        }
        if model._meta.many_to_many:
            options["filter_horizontal"] = [f.name for f in model._meta.many_to_many]
        admin.site.register(model, type(f"{model.__name__}Admin", (admin.ModelAdmin,), options))


def _is_many(model, name):
    return model._meta.get_field(name).many_to_many
