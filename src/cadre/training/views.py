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

from . import rounds, services
from .models import AllocationRound, Enrolment


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
