"""One django-tables2 table per object type, from its registry declaration."""

import inspect
from functools import cache

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import dates, exchange, registry
from .text import language_of_field


class HistoricalDateColumn(tables.Column):
    """A date shown at its precision: "December 2008", not 1 December 2008."""

    def __init__(self, *args, precision_field, **kwargs):
        self.precision_field = precision_field
        super().__init__(*args, **kwargs)

    def render(self, value, record):
        return dates.show(value, getattr(record, self.precision_field))


class YesNoColumn(tables.Column):
    """A yes-or-no field in words of the reader's language, not True and False."""

    def render(self, value):
        return yes_no(value)


class GeneratedColumn(tables.Column):
    """A record made up to try Cadre out is labelled so wherever it is listed; a real one
    shows nothing."""

    def render(self, value):
        return generated_badge() if value else ""


def generated_badge():
    return format_html('<span class="badge">{}</span>', _("generated"))


def yes_no(value) -> str:
    if value is None:
        return ""
    return str(_("yes") if value else _("no"))


class ListColumn(tables.ManyToManyColumn):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, separator=", ", **kwargs)


class RecordTable(tables.Table):
    def render_key(self, value, record):
        return format_html('<a href="{}">{}</a>', record_url(record), value)

    def rendered_rows(self):
        """Each row of the page as [(the cell's attributes as HTML, the rendered cell)].

        The same cells django-tables2's `BoundRow.get_cell` gives, with what it works out
        again for every cell (the accessor, the field and its choices, which arguments
        `render` takes, the cell's attributes) worked out once per column: a list page of
        50 rows and a dozen columns spent most of its time there."""
        plans = [_CellPlan(self, bound) for bound in self.columns]
        return [[plan.cell(row) for plan in plans] for row in self.paginated_rows]


class _CellPlan:
    ARGUMENTS = ("value", "record", "column", "bound_column", "bound_row", "table")

    def __init__(self, table, bound):
        self.bound, self.table = bound, table
        self.name = bound.name
        self.td = bound.attrs["td"].as_html()
        self.render = bound.render
        wanted = inspect.signature(self.render).parameters
        takes_all = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in wanted.values())
        self.arguments = [a for a in self.ARGUMENTS if takes_all or a in wanted]
        self.default = bound.default
        self.empty = bound.column.empty_values
        self.many = isinstance(bound.column, tables.ManyToManyColumn)
        self.attribute = None
        self.display = None
        accessor = str(bound.accessor)
        if "__" in accessor or "." in accessor:
            return  # a path through relations: left to django-tables2, cell by cell
        self.attribute = accessor
        try:
            field = table._meta.model._meta.get_field(accessor)
        except FieldDoesNotExist:
            return
        if getattr(field, "choices", None):
            self.display = f"get_{accessor}_display"

    def cell(self, row):
        if self.attribute is None:
            return self.td, row.get_cell(self.name)
        record = row.record
        display = self.display and getattr(record, self.display, None)
        value = display() if display else getattr(record, self.attribute)
        if value in self.empty or (self.many and not value.exists()):
            return self.td, self.default
        given = {
            "value": value,
            "record": record,
            "column": self.bound.column,
            "bound_column": self.bound,
            "bound_row": row,
            "table": self.table,
        }
        content = self.render(**{name: given[name] for name in self.arguments})
        if self.bound.link:
            content = self.bound.link(content, **given)
        return self.td, content


def record_url(record):
    from django.urls import reverse

    object_type = registry.for_model(type(record))
    if object_type.page_url_name:
        return reverse(object_type.page_url_name, args=[getattr(record, object_type.key_field)])
    return reverse("core:detail", args=[object_type.slug, record.pk])


@cache
def table_for(object_type: registry.ObjectType) -> type[RecordTable]:
    model = object_type.model
    pairs = exchange.precision_pairs(model)
    attrs = {}
    columns = [c for c in object_type.columns if c not in pairs.values()]
    for name in columns:
        field = model._meta.get_field(name)
        label = field.verbose_name
        if isinstance(field, models.ManyToManyField):
            attrs[name] = ListColumn(verbose_name=label, orderable=False)
        elif isinstance(field, models.BooleanField) and name == "generated":
            attrs[name] = GeneratedColumn(verbose_name=label, orderable=False)
        elif isinstance(field, models.BooleanField):
            attrs[name] = YesNoColumn(verbose_name=label, orderable=False)
        elif name in pairs:
            attrs[name] = HistoricalDateColumn(
                verbose_name=label, precision_field=pairs[name], orderable=False
            )
        else:
            language = language_of_field(field)
            cell = {"td": {"lang": language, "dir": "auto"}} if language else {}
            attrs[name] = tables.Column(verbose_name=label, orderable=False, attrs=cell)
    first = columns[0]
    if first != "key":
        attrs[first] = tables.Column(
            verbose_name=model._meta.get_field(first).verbose_name,
            linkify=lambda record: record_url(record),
            orderable=False,
        )
    meta = type("Meta", (), {"model": model, "fields": columns, "sequence": columns})
    attrs["Meta"] = meta
    return type(f"{model.__name__}Table", (RecordTable,), attrs)
