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
from cadre.core.services import service_for

from . import dashboard, services
from .models import Enrolment


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
