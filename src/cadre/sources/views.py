"""Pages of the sources: what each says, where they disagree, and what cites each."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import render
from django.views import View

from cadre.core.permissions import require

from . import selectors
from .models import Claim, Source


class SourcesView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "view", Source)
        require(request.user, "view", Claim)
        search = request.GET.get("q", "")
        page = selectors.sources_page(request.user, search=search, cursor=request.GET.get("cursor"))
        query = request.GET.copy()
        query.pop("cursor", None)
        context = {
            "page": page,
            "search": search,
            "query": query.urlencode(),
            "disagreements": selectors.disagreements(request.user) if page.is_first else None,
        }
        return render(request, "sources/sources.html", context)


class SourceView(LoginRequiredMixin, View):
    def get(self, request, key):
        require(request.user, "view", Source)
        record = selectors.source_record(request.user, key)
        if record is None:
            raise Http404
        return render(request, "sources/source_detail.html", record)
