"""Training's pages of its own: the actions a record's generic pages do not offer."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cadre.core import exports, permissions
from cadre.core.services import RecordConflict, service_for
from cadre.core.text import with_records

from . import dashboard, rounds, selectors, self_sustainment, services
from .models import (
    AllocationRound,
    Enrolment,
    InstructorQualification,
    SessionInstructor,
    WaitingListEntry,
)


class GraduationForm(forms.Form):
    on = forms.DateField(
        label=gettext_lazy("decided on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Today when left empty."),
    )


class GraduateView(LoginRequiredMixin, View):
    """Decide whether an enrolled trainee graduates (`EnrolmentService.graduate`), then show
    the enrolment with the outcome: graduated, or not with every reason."""

    http_method_names = ["post"]

    def post(self, request, pk):
        enrolment = get_object_or_404(
            permissions.restrict(Enrolment.objects.all(), request.user), pk=pk
        )
        if not services.may_graduate(request.user, enrolment):
            raise PermissionDenied
        form = GraduationForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
            return redirect("core:detail", "enrolments", pk)
        try:
            decided = service_for(Enrolment).graduate(
                enrolment, user=request.user, on=form.cleaned_data["on"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if decided.status == Enrolment.Status.GRADUATED:
                messages.success(request, _("Graduated on %(day)s.") % {"day": decided.decided_on})
            else:
                messages.warning(
                    request,
                    _("Did not graduate, decided on %(day)s: every reason is listed below.")
                    % {"day": decided.decided_on},
                )
        return redirect("core:detail", "enrolments", pk)


class TrainingDashboardView(LoginRequiredMixin, View):
    """People trained by year and category, in the reader's nation scope; `?export=csv` or
    `xlsx` gives the same tables as a file."""

    def get(self, request):
        may_read, own_nation = dashboard.scope_of(request.user)
        if not may_read:
            raise PermissionDenied
        form = dashboard.DashboardFilters(request.GET or None, own_nation=own_nation)
        tables = dashboard.tables(dashboard.filtered_rows(request.user, form))
        file_format = request.GET.get("export")
        if file_format in exports.CONTENT_TYPES:
            return export_response(tables, file_format)
        query = request.GET.copy()
        query.pop("export", None)
        return render(
            request,
            "training/dashboard.html",
            {
                "form": form,
                "tables": tables,
                "sexes": dashboard.SEXES,
                "freshness": dashboard.freshness(),
                "query": query.urlencode(),
            },
        )


def export_response(tables, file_format):
    rows = dashboard.export_rows(tables)
    name = f"cadre-training-dashboard-{timezone.localdate():%Y-%m-%d}.{file_format}"
    if file_format == "csv":
        response = StreamingHttpResponse(
            exports.csv_lines(rows), content_type=exports.CONTENT_TYPES["csv"]
        )
    else:
        response = FileResponse(
            exports.xlsx_file(rows, "training"), content_type=exports.CONTENT_TYPES["xlsx"]
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def measure_for(request):
    """The self-sustainment measure for the filters in the query string, or the form's
    errors: the page and the API read it alike."""
    form = self_sustainment.SelfSustainmentFilter(request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    cleaned = form.cleaned_data if request.GET else {"by": "year"}
    result = self_sustainment.measure(
        request.user,
        today=timezone.localdate(),
        by=cleaned["by"],
        mission=cleaned.get("mission"),
        discipline=cleaned.get("discipline") or "",
        start=cleaned.get("start"),
        end=cleaned.get("end"),
    )
    return form, result


class SelfSustainmentView(LoginRequiredMixin, View):
    """The share of sessions led by host-nation instructors over time, per discipline."""

    def get(self, request):
        permissions.require(request.user, "count", SessionInstructor)
        form, result = measure_for(request)
        context = {"form": form, "result": result}
        if result is not None:
            context["chart"] = self_sustainment.chart(result)
            context["sparklines"] = [
                (row, self_sustainment.sparkline(row, result.periods)) for row in result.disciplines
            ]
            context["spark"] = {
                "width": self_sustainment.SPARK_WIDTH,
                "height": self_sustainment.SPARK_HEIGHT,
            }
        return render(request, "training/self_sustainment.html", context)


class InstructorCurrencyView(LoginRequiredMixin, View):
    """The instructors whose level has lapsed, or lapses soon, for want of teaching."""

    def get(self, request):
        permissions.require(request.user, "view", InstructorQualification)
        today = timezone.localdate()
        qualifications = permissions.restrict(InstructorQualification.objects.all(), request.user)
        rows = selectors.lapsed_or_lapsing(qualifications, today)
        return render(
            request,
            "training/instructor_currency.html",
            {"rows": rows, "today": today, "within": selectors.LAPSING_WITHIN_DAYS},
        )


class AnswerOfferView(LoginRequiredMixin, View):
    """Accept or decline the seat offered to a person from a waiting list
    (`WaitingListService.accept` / `decline`), then show the entry as it now stands."""

    http_method_names = ["post"]
    answer = "accept"

    def post(self, request, pk):
        entry = get_object_or_404(
            permissions.restrict(WaitingListEntry.objects.all(), request.user), pk=pk
        )
        if not services.may_answer_offer(request.user, entry):
            raise PermissionDenied
        waiting = service_for(WaitingListEntry)
        try:
            if self.answer == "accept":
                enrolment = waiting.accept(entry, user=request.user)
                messages.success(
                    request,
                    with_records(
                        _("%(person)s is enrolled in %(session)s."),
                        person=enrolment.person,
                        session=enrolment.session,
                    ),
                )
            else:
                waiting.decline(entry, user=request.user)
                messages.success(request, _("Declined: the seat goes to the next in line."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except RecordConflict as exc:
            messages.error(request, exc.message)
        return redirect("core:detail", "waiting-list", pk)


class RoundActionView(LoginRequiredMixin, View):
    """Run (compare) or confirm an allocation round from its page. A round of more than
    `rounds.BACKGROUND_FROM` nominations goes to a background job, whose page shows how far
    it is; a smaller one is done in the request."""

    http_method_names = ["post"]
    action = "run"

    def post(self, request, pk):
        allocation_round = get_object_or_404(
            permissions.restrict(AllocationRound.objects.all(), request.user), pk=pk
        )
        if not rounds.may_allocate(request.user, allocation_round):
            raise PermissionDenied
        mode = request.POST.get("mode", "")
        if self.action == "confirm" and mode not in rounds.MODES:
            messages.error(request, _("Choose the mode to confirm the round in."))
            return redirect("core:detail", "allocation-rounds", pk)
        if rounds.nominations_count(allocation_round) > rounds.BACKGROUND_FROM:
            job = rounds.start_job(
                allocation_round, action=self.action, user=request.user, mode=mode
            )
            return redirect("jobs:detail", job.pk)
        service = service_for(AllocationRound)
        try:
            if self.action == "confirm":
                done = service.confirm(allocation_round, mode=mode, user=request.user)
                messages.success(
                    request,
                    _("Confirmed: %(seats)s seats given.") % {"seats": done.seats_confirmed},
                )
            else:
                service.run(allocation_round, user=request.user)
                messages.success(request, _("Compared: the figures are below."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except RecordConflict as exc:
            messages.error(request, exc.message)
        return redirect("core:detail", "allocation-rounds", pk)
