"""Pages of requirements, offers and matches: the requirement's actions, the offer's
tiers (panels on their detail pages) and the matching page of a published requirement."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cadre.core import permissions
from cadre.core.roles import role_of
from cadre.core.services import RecordConflict, service_for

from . import selectors_requirements as selectors
from . import services_requirements as services
from .models import Match, Offer, Requirement


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("reason"), max_length=300, required=False, widget=forms.TextInput
    )


class QuantityForm(forms.Form):
    quantity = forms.IntegerField(label=gettext_lazy("quantity"), min_value=1)


class ConfirmForm(QuantityForm):
    offer = forms.CharField(widget=forms.HiddenInput)


def may_match(user) -> bool:
    return role_of(user) in services.CELL


def requirement_panel(requirement, user) -> dict:
    """The requirement's status, its actions for who may take them, its matches."""
    return {
        "requirement": requirement,
        "actions": [
            (name, rule, reverse(f"coordination:requirement-{name}", args=[requirement.pk]))
            for name, rule in services.transitions_for(user, requirement)
        ]
        if permissions.may_write_object(user, "change", requirement)
        else [],
        "form": ReasonForm(),
        "may_match": may_match(user) and requirement.status in services.OPEN,
        "matches": list(selectors.matches_of(requirement, user)),
    }


def offer_panel(offer, user) -> dict:
    """The offer's tiers, with the steps for who may change the offer."""
    may_step = permissions.may_write_object(user, "change", offer)
    return {
        "offer": offer,
        "steps": [
            (
                name,
                services.TIER_LABELS[name],
                getattr(offer, limit) - getattr(offer, field),
                reverse(f"coordination:offer-{name}", args=[offer.pk]),
            )
            for name, (field, limit) in services.OfferService.STEPS.items()
        ]
        if may_step
        else [],
        "form": QuantityForm(),
    }


def _errors(exc) -> str:
    return " ".join(getattr(exc, "messages", None) or [str(exc)])


class RequirementActionView(LoginRequiredMixin, View):
    """POST: submit, validate, publish, withdraw or reject a requirement."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        requirement = get_object_or_404(
            permissions.restrict(Requirement.objects.all(), request.user), pk=pk
        )
        if action not in services.TRANSITIONS:
            raise Http404
        form = ReasonForm(request.POST)
        form.is_valid()
        try:
            done = service_for(Requirement).transition(
                requirement, action, user=request.user, reason=form.cleaned_data.get("reason", "")
            )
        except (ValidationError, RecordConflict) as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(
                request,
                _("The requirement is now %(status)s.") % {"status": done.get_status_display()},
            )
        return redirect("core:detail", "requirements", pk)


class OfferStepView(LoginRequiredMixin, View):
    """POST: commit, ship or receive part of an offer."""

    http_method_names = ["post"]

    def post(self, request, pk, step):
        offer = get_object_or_404(permissions.restrict(Offer.objects.all(), request.user), pk=pk)
        if step not in services.OfferService.STEPS:
            raise Http404
        if not permissions.may_write_object(request.user, "change", offer):
            raise PermissionDenied
        form = QuantityForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a quantity above zero."))
            return redirect("core:detail", "offers", pk)
        try:
            service_for(Offer).step(offer, step, form.cleaned_data["quantity"], user=request.user)
        except (ValidationError, RecordConflict) as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(request, _("The offer's tiers are updated."))
        return redirect("core:detail", "offers", pk)


class MatchingView(LoginRequiredMixin, View):
    """The offers that could meet a published requirement, best fit first; the coordination
    cell confirms a match with a quantity (POST)."""

    def requirement(self, request, pk):
        if not may_match(request.user):
            raise PermissionDenied
        return get_object_or_404(
            permissions.restrict(Requirement.objects.select_related("institution"), request.user),
            pk=pk,
            status__in=services.OPEN,
        )

    def get(self, request, pk):
        requirement = self.requirement(request, pk)
        return render(
            request,
            "coordination/requirements/matching.html",
            {
                "requirement": requirement,
                "unmatched": requirement.quantity - requirement.matched_quantity,
                "candidates": selectors.candidates(requirement, request.user),
                "matches": selectors.matches_of(requirement, request.user),
                "most": selectors.MOST_CANDIDATES,
            },
        )

    def post(self, request, pk):
        requirement = self.requirement(request, pk)
        form = ConfirmForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a quantity above zero."))
            return redirect("coordination:matching", pk)
        offer = get_object_or_404(
            permissions.restrict(Offer.objects.all(), request.user), key=form.cleaned_data["offer"]
        )
        try:
            match = service_for(Match).confirm(
                requirement, offer, form.cleaned_data["quantity"], user=request.user
            )
        except (ValidationError, RecordConflict, PermissionDenied) as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(
                request,
                _("Match %(key)s confirmed: %(quantity)s %(unit)s.")
                % {"key": match.key, "quantity": match.quantity, "unit": requirement.unit},
            )
        return redirect("coordination:matching", pk)
