"""The registry of Cadre's object types and pages.

Each app declares its object types once, in its `objects.py`, saying who may read and
write them, which columns its list shows, which filters it offers, which fields a search
looks in and which service writes them. From that one declaration Cadre builds the list
and detail pages, the filters, the CSV/XLSX export, the bulk import, the API endpoints,
the admin and the dataset files, and applies the same permissions to all of them.
An app's `objects.py` also declares its own pages (for the navigation and the role
shortcuts on the home page), what it adds to the home page and what it adds to one
type's detail page (`register_detail_panel`).

Every app's `objects.py` is imported here, once, the first time the registry is read;
apps need not import it themselves. Declaration order is dependency order: the
dataset is loaded in it (apps in INSTALLED_APPS order, types in file order).
"""

import threading
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import ALL_ROLES, Role

MISSION_RECORD_WRITERS = frozenset({Role.ADMIN, Role.MISSION_STAFF})

# The menus of the main navigation, one per part of the mission's work, in their order.
# Every page in the navigation names the menu it belongs to (`register_page(section=...)`).
NAVIGATION_SECTIONS = {
    "record": _("Mission record"),
    "training": _("Training"),
    "advising": _("Advising"),
    "coordination": _("Coordination"),
    "reports": _("Reports"),
    "oversight": _("Audit and administration"),
}


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
    # `nation_field` names the nation a row belongs to: a foreign key to Nation on the model
    # itself, or a path to one ("person__nation"). Holders of `nation_writers` roles write
    # only their own nation's rows; holders of `nation_readers` roles read only those.
    nation_field: str | None = None
    nation_writers: frozenset = frozenset()
    nation_readers: frozenset = frozenset()
    # Holders of `published_readers` roles read only the rows `published_when` (a Q on the
    # model) holds for, e.g. the requirements published to the nations; the rest "does not
    # exist" for them, as another nation's rows do for a nation reader.
    published_readers: frozenset = frozenset()
    published_when: models.Q | None = None
    # Rows hold personal data: roles outside `view_roles` get counts, never names.
    personal_data: bool = False
    # The one write path of the type: a RecordService subclass (cadre.core.services);
    # None gives the generic service built from this declaration.
    service: type | None = None
    # False closes the generic add/edit/delete (pages, API, import, admin) to this type:
    # its records are then made and changed only by its service's own actions.
    generic_writes: bool = True
    # Actions of the type's own beyond the generic writes, on its API: the dotted path of a
    # class of DRF `@action` methods mixed into the type's viewset (imported when the API is
    # built, so that it may import the API's modules).
    api_actions: str | None = None
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

    def base_queryset(self, visible=None, prefetch=()):
        """Every row, with what every list needs joined and prefetched.

        `prefetch` names fields to prefetch besides the declared ones. `visible(model)`,
        when given, is the queryset each many-to-many prefetch draws from: the related
        rows the reader may view (`permissions.viewable(user)`).
        """
        qs = self.model._default_manager.all()
        if self.select_related:
            qs = qs.select_related(*self.select_related)
        names = [*self.prefetch_related, *(n for n in prefetch if n not in self.prefetch_related)]
        if names:
            qs = qs.prefetch_related(*(self._prefetch(name, visible) for name in names))
        return qs

    def _prefetch(self, name, visible):
        if visible is None or "__" in name:
            return name
        field = self.model._meta.get_field(name)
        if not field.many_to_many:
            return name
        return models.Prefetch(name, queryset=visible(field.related_model))


@dataclass(frozen=True)
class PageEntry:
    """A page of an app's own, in the main navigation and on some roles' home pages.

    Who may view `model` sees the link; `visible` (a function of the user) replaces
    that rule for a page that shows no object type (the audit trail, the admin).
    """

    url_name: str
    label: str
    model: type[models.Model] | None = None
    visible: object = None
    args: tuple = ()
    shortcut_for: frozenset = frozenset()  # roles whose home page links to it first
    in_navigation: bool = True
    section: str = ""  # its menu in the navigation: a key of NAVIGATION_SECTIONS
    position: int = 100  # a menu lists pages by position, then in declaration order


@dataclass(frozen=True)
class HomePanel:
    """A part of the home page: a template and the function that gives its context."""

    template: str
    context: object  # callable(user) -> dict


@dataclass(frozen=True)
class DetailPanel:
    """A part of one type's detail page, below its fields: a template and the function
    `context(obj, user) -> dict` that gives its context."""

    model: type[models.Model]
    template: str
    context: object


_registry: dict[str, ObjectType] = {}
_pages: list[PageEntry] = []
_home_panels: list[HomePanel] = []
_detail_panels: list[DetailPanel] = []
_discovered = False
_discovering = threading.RLock()


def discover():
    """Import every installed app's `objects.py`, once."""
    global _discovered
    if _discovered:
        return
    with _discovering:
        if _discovered:
            return
        from django.utils.module_loading import autodiscover_modules

        _discovered = True
        autodiscover_modules("objects")


def register(model, **declaration) -> ObjectType:
    object_type = ObjectType(model=model, **declaration)
    if object_type.slug in _registry:
        # The system check reports it with the declarations named (cadre.core.checks).
        _duplicates.append((object_type, _registry[object_type.slug]))
    _registry.setdefault(object_type.slug, object_type)
    return object_type


_duplicates: list[tuple[ObjectType, ObjectType]] = []


def register_page(url_name, label, model=None, **options) -> PageEntry:
    if "shortcut_for" in options:
        options["shortcut_for"] = frozenset(options["shortcut_for"])
    entry = PageEntry(url_name, label, model, **options)
    if entry.in_navigation and entry.section not in NAVIGATION_SECTIONS:
        raise ImproperlyConfigured(
            f"The page {url_name} {entry.args or ''} is in the navigation but names no menu: "
            f"give register_page() section= one of {', '.join(NAVIGATION_SECTIONS)}."
        )
    _pages.append(entry)
    return entry


def register_home_panel(template, context) -> HomePanel:
    panel = HomePanel(template, context)
    _home_panels.append(panel)
    return panel


def register_detail_panel(model, template, context) -> DetailPanel:
    panel = DetailPanel(model, template, context)
    _detail_panels.append(panel)
    return panel


def object_types() -> list[ObjectType]:
    discover()
    return list(_registry.values())


def get(slug: str) -> ObjectType:
    discover()
    return _registry[slug]


def for_model(model) -> ObjectType | None:
    discover()
    for object_type in _registry.values():
        if object_type.model is model:
            return object_type
    return None


def pages() -> list[PageEntry]:
    discover()
    return sorted(_pages, key=lambda page: page.position)


def home_panels() -> list[HomePanel]:
    discover()
    return list(_home_panels)


def detail_panels(model) -> list[DetailPanel]:
    discover()
    return [panel for panel in _detail_panels if panel.model is model]


def duplicate_declarations() -> list[tuple[ObjectType, ObjectType]]:
    discover()
    return list(_duplicates)
