"""Training's pages of its own: the actions a record's generic pages do not offer."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cadre.core import permissions
from cadre.core.services import RecordConflict, service_for

from . import services
from .models import Enrolment, WaitingListEntry


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
                    _("%(person)s is enrolled in %(session)s.")
                    % {"person": enrolment.person, "session": enrolment.session},
                )
            else:
                waiting.decline(entry, user=request.user)
                messages.success(request, _("Declined: the seat goes to the next in line."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except RecordConflict as exc:
            messages.error(request, exc.message)
        return redirect("core:detail", "waiting-list", pk)
