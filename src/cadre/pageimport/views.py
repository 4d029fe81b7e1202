"""Pages of the timeline import: upload a page, review its candidates."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cadre.core.permissions import may, require, restrict
from cadre.core.services import validation_messages
from cadre.missions.models import TimelineEvent
from cadre.sources.models import Source

from . import selectors, services
from .models import ImportCandidate, PageImport


class UploadForm(forms.Form):
    page = forms.FileField(
        label=gettext_lazy("Saved page"),
        required=False,
        help_text=gettext_lazy("An HTML page saved from the browser, or a plain text file."),
    )
    pasted = forms.CharField(
        label=gettext_lazy("Or paste its text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    title = forms.CharField(label=gettext_lazy("Title"), required=False, max_length=300)
    address = forms.CharField(label=gettext_lazy("Address (URL)"), required=False, max_length=500)
    source = forms.ModelChoiceField(
        label=gettext_lazy("Source"),
        queryset=Source.objects.none(),
        required=False,
        help_text=gettext_lazy("Leave empty to record the page as a new source."),
    )
    reference_date = forms.DateField(
        label=gettext_lazy("Page date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("The year of a date the page gives without one, if known."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = restrict(Source.objects.all(), user)

    def clean(self):
        data = super().clean()
        upload = data.get("page")
        if upload:
            data["raw"] = upload.read().decode("utf-8", errors="replace")
            data["file_name"] = upload.name
        elif data.get("pasted", "").strip():
            data["raw"], data["file_name"] = data["pasted"], ""
        else:
            raise ValidationError(_("Choose a saved page or paste its text."))
        return data


class ImportListView(LoginRequiredMixin, View):
    def get(self, request):
        return self._render(request, UploadForm(user=request.user))

    def post(self, request):
        require(request.user, "add", PageImport)
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                batch = services.import_page(
                    user=request.user,
                    raw=data["raw"],
                    file_name=data["file_name"],
                    source=data.get("source"),
                    title=data.get("title", ""),
                    address=data.get("address", ""),
                    reference_date=data.get("reference_date"),
                )
            except ValidationError as exc:
                for messages_ in validation_messages(exc).values():
                    for message in messages_:
                        form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("%(count)s candidate events read from the page, for review.")
                    % {"count": batch.candidates.count()},
                )
                return redirect("pageimport:review", batch.key)
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        require(request.user, "view", PageImport)
        context = {
            "batches": selectors.page_imports(request.user)[:50],
            "form": form,
            "can_import": may(request.user, "add", PageImport),
        }
        return render(request, "pageimport/import_list.html", context, status=status)


class ReviewView(LoginRequiredMixin, View):
    def get(self, request, key):
        require(request.user, "view", PageImport)
        batch = get_object_or_404(restrict(PageImport.objects.all(), request.user), key=key)
        status = request.GET.get("status", "")
        if status not in ImportCandidate.Status.values:
            status = ""
        rows = selectors.review_rows(batch, request.user, status=status)
        context = {
            "batch": batch,
            "rows": rows,
            "status": status,
            "statuses": ImportCandidate.Status.choices,
            "can_review": services.may_review(request.user),
        }
        return render(request, "pageimport/review.html", context)


class CandidateActionView(LoginRequiredMixin, View):
    """POST accept, merge (with `event`) or reject, then back to the review list."""

    def post(self, request, key, candidate, verb):
        if not services.may_review(request.user):
            raise PermissionDenied(services.NOT_A_REVIEWER)
        batch = get_object_or_404(restrict(PageImport.objects.all(), request.user), key=key)
        found = get_object_or_404(batch.candidates.all(), key=candidate)
        try:
            if verb == "accept":
                services.accept(found, user=request.user)
                messages.success(request, _("Added to the timeline."))
            elif verb == "merge":
                events = restrict(TimelineEvent.objects.all(), request.user)
                event = events.filter(key=request.POST.get("event", "")).first()
                if event is None:
                    raise ValidationError(_("Choose the event the page is a source of."))
                services.merge(found, event, user=request.user)
                messages.success(request, _("The page is now one more source of that event."))
            else:
                services.reject(found, user=request.user)
                messages.success(request, _("Rejected."))
        except ValidationError as exc:
            for messages_ in validation_messages(exc).values():
                for message in messages_:
                    messages.error(request, message)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        url = reverse("pageimport:review", args=[batch.key])
        return redirect(f"{url}#{found.key}")
