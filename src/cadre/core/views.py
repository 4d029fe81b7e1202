"""Generic pages every registered object type gets: list, detail, add, edit, delete.

Views stay thin: permissions come from `permissions`, filters from `filtersets`,
columns from `tables`; writes go through the object type's service (`services`).
"""

import datetime
import secrets

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import FileField, ProtectedError
from django.forms import modelform_factory
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views import View

from cadre.audit.models import ChangeRecord

from . import dates, exchange, idempotency, paging, permissions, pickers, registry, services
from .filtersets import filterset_for
from .forms import RecordForm
from .tables import table_for
from .text import records_listed, with_records


class ObjectTypeMixin(LoginRequiredMixin):
    """Resolves the object type from the URL (or a fixed `slug` on a subclass)."""

    slug: str | None = None

    def dispatch(self, request, *args, **kwargs):
        try:
            self.object_type = registry.get(self.slug or kwargs["slug"])
        except KeyError as exc:
            raise Http404 from exc
        return super().dispatch(request, *args, **kwargs)

    def restricted(self, action="view"):
        if not permissions.may(self.request.user, action, self.object_type.model):
            raise PermissionDenied
        return readable(self.object_type, self.request.user, action)

    def refusal(self, action, obj):
        """When the type's service would refuse this user `action` on `obj`: the object's
        page, saying why. None when it would not."""
        try:
            services.service_for(self.object_type).require_object(self.request.user, action, obj)
        except PermissionDenied as exc:
            messages.error(self.request, str(exc))
            return redirect("core:detail", self.object_type.slug, obj.pk)
        return None

    def type_context(self):
        user, model = self.request.user, self.object_type.model
        generic = self.object_type.generic_writes
        return {
            "object_type": self.object_type,
            "can_add": generic and permissions.may(user, "add", model),
            "can_change": generic and permissions.may(user, "change", model),
            "can_delete": generic and permissions.may(user, "delete", model),
        }


def readable(object_type, user, action="view", prefetch=()):
    """The rows of the type this user may act on, showing only the related rows they may view."""
    queryset = object_type.base_queryset(permissions.viewable(user), prefetch)
    return permissions.restrict(queryset, user, action)


def filtered_queryset(object_type, request, action="view", prefetch=()):
    """The restricted queryset with the request's filters applied: what a list shows and exports."""
    queryset = readable(object_type, request.user, action, prefetch)
    filterset = filterset_for(object_type)(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and filterset.is_valid():
        queryset = filterset.qs
    return filterset, queryset


def sort_from(object_type, request):
    """(field, descending) from ?sort=, limited to the orderings the type declares."""
    requested = request.GET.get("sort", "")
    name = requested.lstrip("-")
    if name in object_type.ordering:
        return name, requested.startswith("-")
    return (object_type.ordering[0] if object_type.ordering else "pk"), False


class ObjectListView(ObjectTypeMixin, View):
    template_name = "core/object_list.html"
    partial_template = "core/_object_list_results.html"

    def get(self, request, *args, **kwargs):
        self.restricted("view")
        filterset, queryset = filtered_queryset(self.object_type, request)
        sort_field, descending = sort_from(self.object_type, request)
        page = paging.keyset_page(
            queryset,
            sort_field=sort_field,
            descending=descending,
            cursor=request.GET.get("cursor"),
            size=paging.PAGE_SIZE,
            known_count=filterset.found,
        )
        table = table_for(self.object_type)(page.rows)
        query = request.GET.copy()
        query.pop("cursor", None)
        context = {
            **self.type_context(),
            "filterset": filterset,
            "table": table,
            "page": page,
            "sort": ("-" if descending else "") + sort_field,
            "query": query.urlencode(),
            "sort_options": self.object_type.ordering,
            "partial_template": self.partial_template,
        }
        template = self.partial_template if request.htmx else self.template_name
        return render(request, template, context)


class SuggestionsView(ObjectTypeMixin, View):
    """The records of a type that match what a writer typed into a picker (`pickers`),
    among those they may view, as choices to add to the form."""

    template_name = "core/_suggestions.html"
    most = 20

    def get(self, request, *args, **kwargs):
        queryset = self.restricted("view")
        text = request.GET.get("q", "").strip()
        records = []
        if text:
            filterset = filterset_for(self.object_type)({"q": text}, queryset=queryset)
            if filterset.is_valid():
                order = self.object_type.ordering[0] if self.object_type.ordering else "pk"
                records = filterset.qs.order_by(order, "pk")[: self.most]
        key = self.object_type.key_field
        context = {
            "suggestions": [(getattr(record, key), str(record)) for record in records],
            "field": request.GET.get("field", ""),
            "input_type": "checkbox" if request.GET.get("multiple") else "radio",
            "searched": bool(text),
        }
        return render(request, self.template_name, context)


class ObjectDetailView(ObjectTypeMixin, View):
    template_name = "core/object_detail.html"

    def get(self, request, *args, **kwargs):
        obj = get_object_or_404(self.restricted("view"), pk=kwargs["pk"])
        context = {**self.type_context(), "object": obj}
        context["fields"] = detail_fields(obj, request.user)
        context["history"] = history_of(request.user, obj)
        context["panels"] = [
            (panel.template, panel.context(obj, request.user))
            for panel in registry.detail_panels(self.object_type.model)
        ]
        generic = self.object_type.generic_writes
        service = services.service_for(self.object_type)
        context["can_change_object"] = generic and service.permits(request.user, "change", obj)
        context["can_delete_object"] = generic and service.permits(request.user, "delete", obj)
        return render(request, self.template_name, context)


def detail_fields(obj, user):
    """(label, value) for every field a reader should see, dates at their precision."""
    model = type(obj)
    pairs = exchange.precision_pairs(model)
    rows = []
    for field in model._meta.concrete_fields:
        if field.name in ("id", "version") or field.name in pairs.values():
            continue
        value = getattr(obj, field.name)
        if field.name in pairs:
            value = dates.show(value, getattr(obj, pairs[field.name]))
        elif field.choices:
            value = getattr(obj, f"get_{field.name}_display")()
        elif isinstance(value, datetime.datetime):
            value = formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        elif isinstance(field, FileField):
            # A file is read at its download address, which checks who reads it: where it
            # is stored is no business of the reader's.
            value = format_html('<a href="{}">{}</a>', value.url, _("Download")) if value else ""
        rows.append((field.verbose_name, value, field))
    for field in model._meta.many_to_many:
        related = permissions.restrict(getattr(obj, field.name).all(), user)
        rows.append((field.verbose_name, list(related), field))
    return rows


def history_of(user, obj, limit=20):
    if not permissions.may_read_audit(user):
        return None
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).select_related("user")[:limit]


class ObjectEditView(ObjectTypeMixin, View):
    """Add (no pk) or change (pk) an object, through its type's service."""

    template_name = "core/object_edit.html"

    def form_class(self):
        model = self.object_type.model
        pairs = exchange.precision_pairs(model)
        fields = [f.name for f in exchange.exchange_fields(model)]
        fields += [pairs[name] for name in fields if name in pairs]
        fields += [f.name for f in model._meta.many_to_many]
        return modelform_factory(model, form=RecordForm, fields=fields)

    def form(self, *args, **kwargs):
        """The edit form, offering and accepting only the related records the user may view."""
        form = self.form_class()(*args, **kwargs)
        for field in form.fields.values():
            if hasattr(field, "queryset"):
                field.queryset = permissions.restrict(field.queryset, self.request.user)
                pickers.use_picker_beyond_most_options(field)
        return form

    def get_object(self, kwargs):
        if not self.object_type.generic_writes:
            raise Http404
        if "pk" not in kwargs:
            self.restricted("add")
            return self.object_type.model()
        return get_object_or_404(self.restricted("change"), pk=kwargs["pk"])

    def page(self, form, obj, status=200):
        context = {**self.type_context(), "form": form, "object": obj}
        if obj._state.adding:
            # One token per add form: sending the form twice makes one record (`idempotency`).
            context["form_token"] = self.request.POST.get("form_token") or secrets.token_urlsafe()
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        obj = self.get_object(kwargs)
        if not obj._state.adding and (refused := self.refusal("change", obj)):
            return refused
        return self.page(self.form(instance=obj), obj)

    def post(self, request, *args, **kwargs):
        obj = self.get_object(kwargs)
        token = request.POST.get("form_token") if obj._state.adding else None
        if not token:
            return self.save_form(request, obj)
        sent = sorted(
            (name, request.POST.getlist(name))
            for name in request.POST
            if name != "csrfmiddlewaretoken"
        )
        with transaction.atomic():
            try:
                claimed, earlier = idempotency.claim(
                    user=request.user, key=token, scope=request.path, content=repr(sent).encode()
                )
            except idempotency.KeyReused:
                form = self.form(request.POST, instance=obj)
                form.add_error(None, _("This form was already sent. Open the add page again."))
                return self.page(form, obj, status=409)
            if earlier is not None:
                messages.info(request, _("This form was already sent; it made this record."))
                return redirect(earlier.body["location"])
            response = self.save_form(request, obj)
            if response.status_code == 302:
                idempotency.keep(claimed, response.status_code, {"location": response.url})
            else:
                transaction.set_rollback(True)
            return response

    def save_form(self, request, obj):
        form = self.form(request.POST, instance=obj)
        if not form.is_valid():
            return self.page(form, obj, status=400)
        many = {f.name: form.cleaned_data[f.name] for f in obj._meta.many_to_many}
        try:
            services.save(form.instance, user=request.user, many=many)
        except ValidationError as exc:
            for name, messages_ in services.validation_messages(exc).items():
                form.add_error(name if name in form.fields else None, messages_)
            return self.page(form, obj, status=400)
        except services.RecordConflict as exc:
            form.add_error(None, exc.message)
            return self.page(form, obj, status=409)
        except PermissionDenied as exc:
            form.add_error(None, str(exc) or _("You may not save this object as it now stands."))
            return self.page(form, obj, status=403)
        messages.success(request, with_records(_("Saved %(object)s."), object=obj))
        return redirect("core:detail", self.object_type.slug, obj.pk)


class ObjectDeleteView(ObjectTypeMixin, View):
    template_name = "core/object_delete.html"

    def get_deletable(self, kwargs):
        if not self.object_type.generic_writes:
            raise Http404
        return get_object_or_404(self.restricted("delete"), pk=kwargs["pk"])

    def get(self, request, *args, **kwargs):
        obj = self.get_deletable(kwargs)
        if refused := self.refusal("delete", obj):
            return refused
        return render(request, self.template_name, {**self.type_context(), "object": obj})

    def post(self, request, *args, **kwargs):
        obj = self.get_deletable(kwargs)
        try:
            services.delete(obj, user=request.user)
        except ProtectedError as exc:
            blocking = records_listed(list(exc.protected_objects)[:5])
            messages.error(
                request,
                with_records(
                    _("%(object)s is still referred to by: %(blocking)s. Change those first."),
                    object=obj,
                    blocking=blocking,
                ),
            )
            return redirect("core:detail", self.object_type.slug, obj.pk)
        except services.RecordConflict as exc:
            messages.error(request, exc.message)
            return redirect("core:detail", self.object_type.slug, obj.pk)
        messages.success(request, with_records(_("Deleted %(object)s."), object=obj))
        return redirect(reverse("core:list", args=[self.object_type.slug]))
