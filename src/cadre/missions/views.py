"""Pages of the mission record: missions, the mission page, timeline, chain of command."""

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from cadre.core import registry
from cadre.core.permissions import may, require
from cadre.core.views import ObjectListView

from . import selectors
from .models import Mission, ReportingLine, TimelineEvent


class OnDateForm(forms.Form):
    """The day a page shows the record as it stood on (?on=YYYY-MM-DD, today by default)."""

    on = forms.DateField(
        label=_("As on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    @classmethod
    def from_request(cls, request):
        today = timezone.localdate()
        form = cls({"on": request.GET.get("on") or today.isoformat()})
        return form, (form.cleaned_data["on"] if form.is_valid() else today)


class MissionListView(ObjectListView):
    slug = "missions"
    partial_template = "missions/_mission_list_results.html"


class LocationListView(ObjectListView):
    slug = "locations"
    partial_template = "missions/_location_list_results.html"


class MissionView(LoginRequiredMixin, View):
    def get(self, request, key):
        require(request.user, "view", Mission)
        form, on = OnDateForm.from_request(request)
        record = selectors.mission_record(request.user, key, on)
        if record is None:
            raise Http404
        record["can_change"] = may(request.user, "change", Mission)
        return render(request, "missions/mission_detail.html", {**record, "form": form, "on": on})


class TimelineView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "view", TimelineEvent)
        newest_first = request.GET.get("sort") == "-date"
        filterset, page = selectors.timeline(
            request.user, request.GET, cursor=request.GET.get("cursor"), newest_first=newest_first
        )
        query = request.GET.copy()
        query.pop("cursor", None)
        context = {
            "object_type": registry.get("events"),
            "can_add": may(request.user, "add", TimelineEvent),
            "can_change": may(request.user, "change", TimelineEvent),
            "filterset": filterset,
            "page": page,
            "newest_first": newest_first,
            "query": query.urlencode(),
        }
        template = "missions/_timeline_results.html" if request.htmx else "missions/timeline.html"
        return render(request, template, context)


class ChainOfCommandView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "view", ReportingLine)
        form, on = OnDateForm.from_request(request)
        chain = selectors.chain_of_command(request.user, on)
        return render(
            request, "missions/chain_of_command.html", {"form": form, "on": on, "chain": chain}
        )
