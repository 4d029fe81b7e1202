"""Related records on an edit form: a drop-down while they are few, a search once they are many.

A form offering every organisation and event as an option costs a second and a megabyte
at a million events (see bench/README.md). Beyond MOST_OPTIONS a related field becomes a
search box: as the writer types, the suggestions endpoint (`SuggestionsView`) lists the
matching records the writer may view, each as a radio button (or checkbox, for a
many-to-many field) carrying the record's key, which the form submits. The field still
validates the key against the records the writer may view. No script of ours: htmx sends
the typed text and swaps the suggestions in.
"""

from urllib.parse import urlencode

from django import forms
from django.urls import reverse

from . import registry

MOST_OPTIONS = 200


def has_many_options(queryset) -> bool:
    return queryset.order_by()[: MOST_OPTIONS + 1].count() > MOST_OPTIONS


def use_picker_beyond_most_options(field) -> None:
    """Turn a ModelChoiceField or ModelMultipleChoiceField with many choices into a picker."""
    target = registry.for_model(field.queryset.model)
    if target is None or not has_many_options(field.queryset):
        return
    field.to_field_name = target.key_field
    multiple = isinstance(field, forms.ModelMultipleChoiceField)
    field.widget = RecordPicker(target, field.queryset, multiple=multiple, required=field.required)


class RecordPicker(forms.Widget):
    template_name = "core/widgets/record_picker.html"

    def __init__(self, object_type, queryset, *, multiple, required, attrs=None):
        super().__init__(attrs)
        self.object_type = object_type
        self.queryset = queryset
        self.allow_multiple_selected = multiple
        self.is_required = required

    def value_from_datadict(self, data, files, name):
        if self.allow_multiple_selected:
            return data.getlist(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False if self.allow_multiple_selected else name not in data

    def format_value(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [v for v in value if v not in (None, "")]
        return [value]

    def chosen(self, values):
        """(key, label) of the chosen records the field offers, whether named by key or by id.

        A bound form names them by key; an unbound one by the foreign key's id.
        """
        queryset, key = self.queryset, self.object_type.key_field
        ids = [v for v in values if isinstance(v, int)]
        keys = [str(v) for v in values if not isinstance(v, int)]
        found = list(queryset.filter(pk__in=ids)) + list(queryset.filter(**{f"{key}__in": keys}))
        return [(getattr(record, key), str(record)) for record in found]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        query = urlencode({"field": name, "multiple": "1" if self.allow_multiple_selected else ""})
        suggestions = reverse("core:suggestions", args=[self.object_type.slug])
        context["picker"] = {
            "chosen": self.chosen(context["widget"]["value"]),
            "input_type": "checkbox" if self.allow_multiple_selected else "radio",
            "may_be_empty": not self.is_required and not self.allow_multiple_selected,
            "suggestions_url": f"{suggestions}?{query}",
        }
        return context
