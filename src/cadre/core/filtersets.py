"""One filterset per object type, built from its registry declaration.

The list page, its CSV/XLSX export and the API list all filter through the same
filterset, so a filter means the same thing everywhere. A filter on a related record
offers and accepts only the records the reader may view: build the filterset with
`request=` (or `user=` where there is no request).
"""

from functools import cache

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from . import exchange, paging, permissions, pickers, registry, search


class RecordFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))

    search_fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, request=None, user=None, prefix=None):
        if data is not None and "search" in data and "q" not in data:
            # API clients commonly send ?search=; it means what the list's box (q) means.
            data = data.copy()
            data["q"] = data["search"]
        super().__init__(data, queryset, request=request, prefix=prefix)
        # Whose related records the choices are: nobody's, when neither is given.
        self.user = user if user is not None else getattr(request, "user", None)
        self.inside_words = False
        # How many records the search found, when it found no more than the count's cap.
        self.found: int | None = None

    def search(self, queryset, name, value):
        value = value.strip()
        if not value or not self.search_fields:
            return queryset
        if self.inside_words:
            return search.by_substring(queryset, self.search_fields, value)
        return search.by_words(queryset, self.search_fields, value)

    def filter_queryset(self, queryset):
        """The filtered records; with a search, the search runs here, once.

        It gives the ids of the records found (up to the count's cap), and the list's
        count and page then read those rows by id instead of searching again each. When
        the words are found nowhere, the text is looked for inside words instead (see
        `search`). Beyond the cap the page has to search again, in its own order.
        """
        found = super().filter_queryset(queryset)
        text = (self.form.cleaned_data.get("q") or "").strip()
        if not text or not self.search_fields:
            return found
        ids = _first_ids(found)
        if not ids and search.may_look_inside_words(text):
            self.inside_words = True
            found = super().filter_queryset(queryset)
            ids = _first_ids(found)
        if len(ids) > paging.COUNT_CAP:
            return found
        self.found = len(ids)
        return search.among(queryset, ids)


def _first_ids(queryset) -> list:
    return list(queryset.order_by().values_list("pk", flat=True)[: paging.COUNT_CAP + 1])


class KeyOrSelect(forms.Select):
    """A drop-down while the choices are few; a box for the key once they are many.

    A list page offering ten thousand organisations as options spends most of its time
    drawing them and sends a page nobody can scroll (see bench/README.md).
    """

    def render(self, name, value, attrs=None, renderer=None):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is not None and pickers.has_many_options(queryset):
            key_box = forms.TextInput(attrs={"placeholder": _("key")})
            return key_box.render(name, value, attrs, renderer)
        return super().render(name, value, attrs, renderer)


class KeyedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """Choose a related object by its key (or ISO code), as the dataset and imports name it,
    among those the filterset's user may view: another key is not a valid choice."""

    def __init__(self, *args, to_field_name="key", **kwargs):
        super().__init__(*args, to_field_name=to_field_name, widget=KeyOrSelect, **kwargs)

    def get_queryset(self, request):
        return permissions.restrict(super().get_queryset(request), self.parent.user)


def _relation_filter(field):
    target = registry.for_model(field.related_model)
    to_field = target.key_field if target else "pk"
    choices = field.related_model._default_manager.all()
    if target and target.select_related:
        # An option is named by its record's str(), which may read the rows it points to
        # (an enrolment names its person): joined here, not asked for option by option.
        choices = choices.select_related(*target.select_related)
    return KeyedModelChoiceFilter(
        field_name=field.name,
        queryset=choices,
        to_field_name=to_field,
        label=field.verbose_name,
    )


@cache
def filterset_for(object_type: registry.ObjectType) -> type[RecordFilterSet]:
    model = object_type.model
    attrs = {"search_fields": object_type.search}
    plain = {}
    for name, lookups in object_type.filters.items():
        field = model._meta.get_field(name)
        if field.is_relation:
            attrs[name] = _relation_filter(field)
        else:
            plain[name] = lookups
    for name in object_type.m2m_filters:
        attrs[name] = _relation_filter(model._meta.get_field(name))
    # Every historical date gets a year range.
    for field in model._meta.concrete_fields:
        if field.name in exchange.precision_pairs(model):
            attrs[f"{field.name}_year_from"] = django_filters.NumberFilter(
                field_name=field.name,
                lookup_expr="year__gte",
                label=_("from year"),
                min_value=1,
                max_value=9999,
            )
            attrs[f"{field.name}_year_to"] = django_filters.NumberFilter(
                field_name=field.name,
                lookup_expr="year__lte",
                label=_("to year"),
                min_value=1,
                max_value=9999,
            )
            break
    meta = type("Meta", (), {"model": model, "fields": plain})
    attrs["Meta"] = meta
    filterset = type(f"{model.__name__}FilterSet", (RecordFilterSet,), attrs)
    # django-filter turns the field's name into a plain string when the class is built,
    # in whatever language is active then; keep the lazy one so each reader gets theirs.
    for name in plain:
        filterset.base_filters[name].label = model._meta.get_field(name).verbose_name
    return filterset
