"""The registry of Cadre's object types.

Each app declares its object types once (in its `objects.py`), saying who may write
them, which columns its list shows, which filters it offers and which fields a search
looks in. From that one declaration Cadre builds the list and detail pages, the
filters, the CSV/XLSX export, the bulk import, the API endpoints and the dataset
files, and applies the same permissions to all of them.
Declaration order is dependency order: the dataset is loaded in it.
"""

from dataclasses import dataclass, field

from django.db import models

from .roles import ALL_ROLES, Role

MISSION_RECORD_WRITERS = frozenset({Role.ADMIN, Role.MISSION_STAFF})


@dataclass
class ObjectType:
    model: type[models.Model]
    slug: str  # used in URLs, API paths and dataset file names
    columns: list[str]  # list page and export columns, besides the identifier
    filters: dict = field(default_factory=dict)  # django-filter `fields` declaration
    search: list[str] = field(default_factory=list)
    m2m_filters: list[str] = field(default_factory=list)  # many-to-many fields to filter on
    ordering: list[str] = field(default_factory=list)  # orderings a list may be sorted by
    view_roles: frozenset = ALL_ROLES
    write_roles: frozenset = MISSION_RECORD_WRITERS
    # Holders of `nation_writers` roles may write only rows whose `nation_field` (a foreign key
    # to Nation on the model itself) is their own nation.
    nation_field: str | None = None
    nation_writers: frozenset = frozenset()
    # A page of its own that shows an object better than the generic one: URL name taking the key.
    page_url_name: str | None = None
    importable: bool = False
    in_dataset: bool = True
    select_related: list[str] = field(default_factory=list)
    prefetch_related: list[str] = field(default_factory=list)

    @property
    def label(self):
        return self.model._meta.label_lower

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name

    @property
    def verbose_name_plural(self):
        return self.model._meta.verbose_name_plural

    @property
    def key_field(self) -> str:
        """The field that names an object across exports, imports and the dataset."""
        return "code" if any(f.name == "code" for f in self.model._meta.fields) else "key"

    def __hash__(self):
        return hash(self.slug)

    def base_queryset(self):
        qs = self.model._default_manager.all()
        if self.select_related:
            qs = qs.select_related(*self.select_related)
        if self.prefetch_related:
            qs = qs.prefetch_related(*self.prefetch_related)
        return qs


_registry: dict[str, ObjectType] = {}


def register(model, **declaration) -> ObjectType:
    object_type = ObjectType(model=model, **declaration)
    _registry[object_type.slug] = object_type
    return object_type


def object_types() -> list[ObjectType]:
    return list(_registry.values())


def get(slug: str) -> ObjectType:
    return _registry[slug]


def for_model(model) -> ObjectType | None:
    for object_type in _registry.values():
        if object_type.model is model:
            return object_type
    return None
