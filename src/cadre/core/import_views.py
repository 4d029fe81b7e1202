"""The import pages: upload a file, see what it would do, then apply it (see imports.py)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from . import permissions
from .imports import (
    MAX_FILE_BYTES,
    ImportFileError,
    Table,
    drop_upload,
    import_columns,
    import_file,
    in_background,
    keep_upload,
    kept_upload,
    start_import_job,
)
from .views import ObjectTypeMixin


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV or XLSX file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise ValidationError(_("Choose a .csv or .xlsx file."))
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)s MB; split it into several files.")
                % {"size": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


class ImportView(ObjectTypeMixin, View):
    """/record/<slug>/import/: upload a file and see what it would do; a second step applies it.

    A long file is previewed by a background job: the upload leads to the job's page.
    """

    template_name = "core/import.html"

    def allow(self):
        if not self.object_type.importable:
            raise Http404
        model = self.object_type.model
        if not (
            permissions.may(self.request.user, "add", model)
            and permissions.may(self.request.user, "change", model)
        ):
            raise PermissionDenied

    def page(self, form, report=None, token=None, status=200):
        required, optional = import_columns(self.object_type)
        context = {
            **self.type_context(),
            "form": form,
            "report": report,
            "token": token,
            "required_columns": required,
            "optional_columns": optional,
            "background_rows": settings.IMPORT_IN_BACKGROUND_FROM_ROWS,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, *args, **kwargs):
        self.allow()
        return self.page(ImportForm())

    def post(self, request, *args, **kwargs):
        self.allow()
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(form, status=400)
        token = keep_upload(request.user, self.object_type, form.cleaned_data["file"])
        try:
            return self.apply(token, form, commit=False)
        except ImportFileError as exc:
            drop_upload(token)
            form.add_error("file", str(exc))
            return self.page(form, status=400)

    def apply(self, token, form, *, commit):
        """Preview (or with `commit`, import) the kept upload, here or in a background job."""
        user = self.request.user
        file_name, path = kept_upload(token, user, self.object_type)
        if in_background(Table(path, file_name)):
            job = start_import_job(user, self.object_type, token, file_name, commit=commit)
            return redirect("jobs:detail", job.pk)
        report = import_file(self.object_type, user, path, file_name=file_name, commit=commit)
        if report.errors or commit:
            drop_upload(token)
        if report.errors:
            return self.page(form, report, status=400)
        if commit:
            messages.success(self.request, imported_message(report))
            return redirect("core:list", self.object_type.slug)
        return self.page(ImportForm(), report, token)


class ImportConfirmView(ImportView):
    """Apply the file kept at preview, checked again in full: the records may have changed since."""

    def get(self, request, *args, **kwargs):
        return redirect("core:import", self.object_type.slug)

    def post(self, request, *args, **kwargs):
        self.allow()
        return self.apply(str(kwargs["upload"]), ImportForm(), commit=True)


def imported_message(report) -> str:
    return _(
        "Imported %(rows)s rows from %(file)s: %(created)s created, "
        "%(changed)s changed, %(unchanged)s unchanged."
    ) % {
        "rows": report.rows,
        "file": report.file_name,
        "created": report.created,
        "changed": report.changed,
        "unchanged": report.unchanged,
    }
