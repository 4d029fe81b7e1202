"""The import pages: upload a file, see what it would do, then apply it (see imports.py)."""

from django import forms
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
    drop_upload,
    import_columns,
    import_table,
    keep_upload,
    kept_upload,
    read_table,
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
    """/record/<slug>/import/: upload a file and see what it would do; a second step applies it."""

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
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            table = read_table(upload.name, data)
        except ImportFileError as exc:
            form.add_error("file", str(exc))
            return self.page(form, status=400)
        report = import_table(
            self.object_type, request.user, table, file_name=upload.name, commit=False
        )
        if report.errors:
            return self.page(form, report, status=400)
        token = keep_upload(request.user, self.object_type, upload.name, data)
        return self.page(ImportForm(), report, token)


class ImportConfirmView(ImportView):
    """Apply the file kept at preview, checked again in full: the records may have changed since."""

    def get(self, request, *args, **kwargs):
        return redirect("core:import", self.object_type.slug)

    def post(self, request, *args, **kwargs):
        self.allow()
        token = str(kwargs["upload"])
        file_name, data = kept_upload(token, request.user, self.object_type)
        report = import_table(
            self.object_type,
            request.user,
            read_table(file_name, data),
            file_name=file_name,
            commit=True,
        )
        drop_upload(token)
        if report.errors:
            return self.page(ImportForm(), report, status=400)
        messages.success(
            request,
            _(
                "Imported %(rows)s rows from %(file)s: %(created)s created, "
                "%(changed)s changed, %(unchanged)s unchanged."
            )
            % {
                "rows": len(report.outcomes),
                "file": file_name,
                "created": report.created,
                "changed": report.changed,
                "unchanged": report.unchanged,
            },
        )
        return redirect("core:list", self.object_type.slug)
