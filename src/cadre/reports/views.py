"""The mission report's pages: the report for a mission and period in a language, its
PDF made in the background, and the PDF's download.

Who reads it: every role that may view the mission record. The report names no person;
its counts of people trained are in the reader's scope (a contributing nation's officer
counts their own nation's people only: training/report.py).
"""

from django import forms
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views import View

from cadre.core.models import Job
from cadre.core.permissions import require, restrict
from cadre.missions.models import Mission

from . import jobs, sections


class ReportForm(forms.Form):
    mission = forms.ModelChoiceField(
        label=_("mission"), queryset=Mission.objects.none(), to_field_name="key"
    )
    start = forms.DateField(
        label=_("from"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("to"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    language = forms.ChoiceField(label=_("language"), choices=settings.LANGUAGES)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["mission"].queryset = restrict(Mission.objects.order_by("start"), user)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The period must end on or after its first day."))
        return data


class ReportView(LoginRequiredMixin, View):
    """/reports/?mission=&start=&end=&language=: the form, and the report when it is filled."""

    def get(self, request):
        require(request.user, "view", Mission)
        form = ReportForm(request.GET or None, user=request.user)
        if not form.is_valid():
            return render(request, "reports/report_form.html", {"form": form})
        data = form.cleaned_data
        with translation.override(data["language"]):
            report = sections.build(
                data["mission"],
                data["start"],
                data["end"],
                language=data["language"],
                user=request.user,
            )
            return render(
                request,
                "reports/report.html",
                {"form": form, "report": report, "query": request.GET.urlencode()},
            )

    def post(self, request):
        require(request.user, "view", Mission)
        form = ReportForm(request.POST, user=request.user)
        if not form.is_valid():
            return render(request, "reports/report_form.html", {"form": form})
        data = form.cleaned_data
        job = jobs.start_report_job(
            request.user, data["mission"], data["start"], data["end"], data["language"]
        )
        return redirect("jobs:detail", job.pk)


class ReportPdfView(LoginRequiredMixin, View):
    """/reports/pdf/<job>/: a finished report's PDF, for whoever made it."""

    def get(self, request, pk):
        job = get_object_or_404(
            Job.objects.filter(user=request.user, kind="report", status=Job.Status.FINISHED),
            pk=pk,
        )
        path = jobs.report_file(job)
        if not path.exists():
            raise Http404
        return FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=job.result["file_name"],
            content_type="application/pdf",
        )
