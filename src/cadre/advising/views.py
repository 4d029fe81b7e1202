"""Advising's pages of their own: capability as it rolls up, one institution's trend, and
the approval and gender review actions a record's generic pages do not offer."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cadre.core import permissions
from cadre.core.services import service_for
from cadre.missions.models import Mission, Organisation

from . import charts, selectors, services
from .models import Assessment, CapabilityObjective, GenderReview, RatingLevel


class MissionForm(forms.Form):
    mission = forms.ModelChoiceField(
        label=gettext_lazy("mission"), queryset=Mission.objects.order_by("start"), required=False
    )
    on = forms.DateField(
        label=gettext_lazy("as of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def _mission(request):
    form = MissionForm(request.GET or None)
    valid = form.is_valid()
    mission = form.cleaned_data["mission"] if valid else None
    on = form.cleaned_data["on"] if valid else None
    if mission is None:
        mission = Mission.objects.filter(objectives__isnull=False).order_by("start").first()
        form = MissionForm(initial={"mission": mission, "on": on})
    return form, mission, on or timezone.localdate()


class CapabilityView(LoginRequiredMixin, View):
    """The mission's institutions from ministry to function with their ratings rolled up,
    and the institutions that reached full operational capability."""

    def get(self, request):
        permissions.require(request.user, "view", Assessment)
        form, mission, on = _mission(request)
        rows = selectors.flatten(selectors.roll_up(mission, on)) if mission else []
        return render(
            request,
            "advising/capability.html",
            {
                "form": form,
                "mission": mission,
                "on": on,
                "rows": rows,
                "rule": selectors.ROLL_UP_RULE,
                "full": list(selectors.full_capability(mission)) if mission else [],
                "awaiting": permissions.restrict(
                    Assessment.objects.filter(status=Assessment.Status.SUBMITTED), request.user
                ).count(),
            },
        )


class InstitutionView(LoginRequiredMixin, View):
    """One institution: its objectives and milestones, and the trend of its ratings."""

    def get(self, request, key):
        permissions.require(request.user, "view", Assessment)
        institution = get_object_or_404(
            permissions.restrict(Organisation.objects.all(), request.user), key=key
        )
        objectives = CapabilityObjective.objects.filter(institution=institution).select_related(
            "mission"
        )
        missions = {objective.mission for objective in objectives}
        charts_by_mission = []
        for mission in sorted(missions, key=lambda m: m.start):
            points = selectors.trend(institution, mission)
            scales = objectives.filter(mission=mission).values("scale")
            levels = list(RatingLevel.objects.filter(scale__in=scales).order_by("rank"))
            charts_by_mission.append(
                {"mission": mission, "chart": charts.trend_chart(points, levels), "points": points}
            )
        assessments = (
            Assessment.objects.filter(objective__institution=institution)
            .select_related("level", "assessor", "objective")
            .order_by("-assessed_on", "-pk")
        )
        return render(
            request,
            "advising/institution.html",
            {
                "institution": institution,
                "objectives": objectives,
                "trends": charts_by_mission,
                "assessments": assessments,
                "rule": selectors.ROLL_UP_RULE,
            },
        )


class ApproveView(LoginRequiredMixin, View):
    """The mission staff approve an assessment (`AssessmentService.approve`)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        assessment = get_object_or_404(
            permissions.restrict(Assessment.objects.all(), request.user), pk=pk
        )
        if not services.may_approve(request.user):
            raise PermissionDenied
        try:
            service_for(Assessment).approve(assessment, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Assessment approved: it now counts."))
        return redirect("core:detail", "assessments", pk)


class GenderReviewForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("gender review"), choices=GenderReview.choices)
    comments = forms.CharField(
        label=gettext_lazy("comments"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


REVIEWED = {"assessments": Assessment, "capability-objectives": CapabilityObjective}


class GenderReviewView(LoginRequiredMixin, View):
    """The gender adviser's review of a plan or an assessment (`services.review_gender`)."""

    http_method_names = ["post"]
    slug = None

    def post(self, request, pk):
        slug = self.slug
        model = REVIEWED[slug]
        record = get_object_or_404(permissions.restrict(model.objects.all(), request.user), pk=pk)
        if not services.may_review_gender(request.user):
            raise PermissionDenied
        form = GenderReviewForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
            return redirect("core:detail", slug, pk)
        try:
            services.review_gender(
                record,
                user=request.user,
                status=form.cleaned_data["status"],
                comments=form.cleaned_data["comments"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Gender review saved."))
        return redirect("core:detail", slug, pk)
