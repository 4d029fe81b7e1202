"""Pages of donated items of their own: the small-arms report, recording a custody change
on an item's page, and the custody import."""

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

from cadre.core import exports, permissions, registry
from cadre.core.import_views import ImportForm
from cadre.core.imports import ImportFileError, drop_upload, keep_upload, kept_upload
from cadre.core.pickers import use_picker_beyond_most_options
from cadre.core.services import service_for
from cadre.missions.models import Organisation

from . import custody_import, selectors_arms
from .models import CustodyChange, DonatedItem, ItemStatus
from .services_arms import may_record_custody

REPORT_LIMIT = 2000


class ReportForm(forms.Form):
    as_of = forms.DateField(
        label=gettext_lazy("as of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Today when left empty."),
    )
    stale = forms.TypedChoiceField(
        label=gettext_lazy("weapons"),
        choices=[
            ("", gettext_lazy("every weapon")),
            ("1", gettext_lazy("only weapons without a recent record")),
        ],
        coerce=bool,
        empty_value=False,
        required=False,
    )


class SmallArmsReportView(LoginRequiredMixin, View):
    """Every weapon the reader may read with its last known holder and date, flagged when
    it has had no custody record for over 90 days; `?export=csv` or `xlsx` gives it whole."""

    def get(self, request):
        permissions.require(request.user, "view", DonatedItem)
        form = ReportForm(request.GET or None)
        cleaned = form.cleaned_data if form.is_valid() else {}
        as_of = cleaned.get("as_of") or timezone.localdate()
        qs = selectors_arms.weapons(
            selectors_arms.readable_items(request.user), as_of, stale_only=cleaned.get("stale")
        )
        file_format = request.GET.get("export")
        if file_format in exports.CONTENT_TYPES:
            return export_response(selectors_arms.export_rows(qs, as_of), file_format, as_of)
        rows = selectors_arms.weapon_rows(qs[: REPORT_LIMIT + 1], as_of)
        query = request.GET.copy()
        query.pop("export", None)
        return render(
            request,
            "coordination/arms/small_arms.html",
            {
                "form": form,
                "rows": rows[:REPORT_LIMIT],
                "more": len(rows) > REPORT_LIMIT,
                "limit": REPORT_LIMIT,
                "as_of": as_of,
                "days": selectors_arms.STALE_AFTER_DAYS,
                "stale_count": sum(row.stale for row in rows[:REPORT_LIMIT]),
                "query": query.urlencode(),
            },
        )


def export_response(rows, file_format, as_of):
    name = f"cadre-small-arms-{as_of:%Y-%m-%d}.{file_format}"
    if file_format == "csv":
        response = StreamingHttpResponse(
            exports.csv_lines(rows), content_type=exports.CONTENT_TYPES["csv"]
        )
    else:
        response = FileResponse(
            exports.xlsx_file(rows, "small-arms"), content_type=exports.CONTENT_TYPES["xlsx"]
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class CustodyForm(forms.Form):
    changed_on = forms.DateField(
        label=gettext_lazy("date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    from_holder = forms.ModelChoiceField(
        label=gettext_lazy("from"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=gettext_lazy("Empty for the item's first hand-over from the donor."),
    )
    to_holder = forms.ModelChoiceField(
        label=gettext_lazy("to"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=gettext_lazy("Empty when the item is lost or destroyed."),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("status after"), choices=ItemStatus.choices, initial=ItemStatus.ISSUED
    )
    signed_by = forms.CharField(label=gettext_lazy("signed by"), max_length=200)
    note = forms.CharField(label=gettext_lazy("note"), max_length=300, required=False)

    def __init__(self, *args, item=None, **kwargs):
        if item is not None and item.holder_id:
            kwargs.setdefault("initial", {"from_holder": item.holder_id})
        super().__init__(*args, **kwargs)
        for name in ("from_holder", "to_holder"):
            use_picker_beyond_most_options(self.fields[name])


class RecordCustodyView(LoginRequiredMixin, View):
    """Record a custody change of an item from its page (`CustodyService.record`)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        item = get_object_or_404(selectors_arms.readable_items(request.user), pk=pk)
        if not may_record_custody(request.user):
            raise PermissionDenied
        form = CustodyForm(request.POST, item=item)
        if not form.is_valid():
            messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
            return redirect("core:detail", "items", pk)
        try:
            service_for(CustodyChange).record(item, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The custody change is recorded."))
        return redirect("core:detail", "items", pk)


class CustodyImportView(LoginRequiredMixin, View):
    """Upload a file of custody changes and see what it would record; a second step records
    it, checked again in full."""

    def allow(self):
        if not may_record_custody(self.request.user):
            raise PermissionDenied
        return registry.get("custody")

    def page(self, form, report=None, token=None, status=200):
        context = {
            "form": form,
            "report": report,
            "token": token,
            "required_columns": custody_import.REQUIRED,
            "optional_columns": custody_import.OPTIONAL,
            "statuses": ItemStatus.values,
        }
        return render(self.request, "coordination/arms/custody_import.html", context, status=status)

    def get(self, request):
        self.allow()
        return self.page(ImportForm())

    def post(self, request):
        object_type = self.allow()
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(form, status=400)
        token = keep_upload(request.user, object_type, form.cleaned_data["file"])
        try:
            return self.apply(token, form, commit=False)
        except ImportFileError as exc:
            drop_upload(token)
            form.add_error("file", str(exc))
            return self.page(form, status=400)

    def apply(self, token, form, *, commit):
        file_name, path = kept_upload(token, self.request.user, registry.get("custody"))
        report = custody_import.import_custody(
            self.request.user, path, file_name=file_name, commit=commit
        )
        if report.errors or commit:
            drop_upload(token)
        if report.errors:
            return self.page(form, report, status=400)
        if commit:
            messages.success(
                self.request,
                _("Recorded %(count)s custody changes from %(file)s.")
                % {"count": report.created, "file": file_name},
            )
            return redirect("core:list", "custody")
        return self.page(ImportForm(), report, token)


class CustodyImportConfirmView(CustodyImportView):
    http_method_names = ["post"]

    def post(self, request, upload):
        self.allow()
        return self.apply(str(upload), ImportForm(), commit=True)
