"""The audit trail's pages, for auditors and administrators: read and filter, never change.

The trail itself (cadre.audit) sits below core; its pages are here, above both.
"""

import django_filters
from django.apps import apps
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views import View

from cadre.audit.models import AuditedModel, ChangeAction, ChangeRecord, Channel

from . import paging
from .permissions import may_read_audit


def audited_types():
    """The content types of every model the trail records: the filter's choices."""
    models = [m for m in apps.get_models() if issubclass(m, AuditedModel)]
    ids = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
    return ContentType.objects.filter(pk__in=ids).order_by("app_label", "model")


class ChangeRecordFilterSet(django_filters.FilterSet):
    username = django_filters.CharFilter(label=_("user name"), lookup_expr="iexact")
    action = django_filters.ChoiceFilter(choices=ChangeAction.choices, label=_("action"))
    channel = django_filters.ChoiceFilter(choices=Channel.choices, label=_("channel"))
    content_type = django_filters.ModelChoiceFilter(
        queryset=ContentType.objects.none(), label=_("object type")
    )
    object_id = django_filters.CharFilter(label=_("object id"))
    since = django_filters.DateFilter(
        field_name="time", lookup_expr="date__gte", label=_("from date")
    )
    until = django_filters.DateFilter(
        field_name="time", lookup_expr="date__lte", label=_("to date")
    )

    class Meta:
        model = ChangeRecord
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["content_type"].queryset = audited_types()


class AuditListView(LoginRequiredMixin, View):
    def get(self, request):
        if not may_read_audit(request.user):
            raise PermissionDenied
        filterset = ChangeRecordFilterSet(request.GET or None, queryset=ChangeRecord.objects.all())
        queryset = (
            filterset.qs
            if filterset.is_bound and filterset.is_valid()
            else ChangeRecord.objects.all()
        )
        page = paging.keyset_page(
            queryset.select_related("content_type"),
            sort_field="time",
            descending=True,
            cursor=request.GET.get("cursor"),
            size=paging.PAGE_SIZE,
        )
        query = request.GET.copy()
        query.pop("cursor", None)
        return render(
            request,
            "audit/list.html",
            {"filterset": filterset, "page": page, "query": query.urlencode()},
        )


class AuditDetailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        if not may_read_audit(request.user):
            raise PermissionDenied
        record = get_object_or_404(ChangeRecord.objects.select_related("content_type"), pk=pk)
        return render(request, "audit/detail.html", {"record": record})
