"""Pages about deliveries: the coordination overview, donor against recipient figures, the
who-does-what-where download, a delivery's receipt and its confirmation, and turning a
training-seat offer into a session or an allotment. Thin: reads from the selectors,
writes through the services; who may read what is decided by `permissions`."""

import io

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from cadre.accounts.models import Nation
from cadre.core import permissions, pickers
from cadre.core.services import RecordConflict, service_for
from cadre.training.models import Course, Session

from . import charts_deliveries, selectors_deliveries, selectors_reconciliation
from .exports_deliveries import write_3w
from .models import Delivery, Offer, Requirement
from .models.receipts import receipt_response
from .services_seat_offers import (
    offer_make_allotment,
    offer_make_session,
    sessions_open_to_allotment,
)


def may_see_overview(user) -> bool:
    return permissions.may(user, "view", Offer) or permissions.may(user, "view", Requirement)


def _delivery_page(delivery):
    return reverse("core:detail", args=["deliveries", delivery.pk])


def _readable_delivery(user, key):
    """The delivery of this key if the reader may read it; 404 otherwise, as for a record
    that does not exist."""
    return get_object_or_404(permissions.restrict(Delivery.objects.all(), user), key=key)


class OverviewView(LoginRequiredMixin, View):
    def get(self, request):
        if not may_see_overview(request.user):
            raise PermissionDenied
        tiers = selectors_deliveries.tiers_by_kind(request.user)
        by_month = selectors_deliveries.requirements_met_by_month(request.user)
        value_charts = [
            (currency, charts_deliveries.tiers_chart(values), values)
            for currency, values in sorted(tiers["value"].items())
        ]
        differences = selectors_deliveries.differences(request.user)
        context = {
            "met_chart": charts_deliveries.met_over_time(by_month),
            "met_total": by_month[-1][1] if by_month else 0,
            "value_charts": value_charts,
            "quantities": tiers["quantity"],
            "tier_labels": charts_deliveries.tier_labels(),
            "tiers": selectors_deliveries.TIERS,
            "differences": differences,
            "may_read_deliveries": permissions.may(request.user, "view", Delivery),
        }
        return render(request, "coordination/deliveries/overview.html", context)


class ReconciliationView(LoginRequiredMixin, View):
    def get(self, request):
        if not may_see_overview(request.user):
            raise PermissionDenied
        only_differences = request.GET.get("only") == "differences"
        # Each list has a page cursor of its own: paging one keeps the other where it is.
        offer_page, offers = selectors_reconciliation.offers_page(
            request.user, only_differences=only_differences, cursor=request.GET.get("offers")
        )
        requirement_page, requirements = selectors_reconciliation.requirements_page(
            request.user,
            only_differences=only_differences,
            cursor=request.GET.get("requirements"),
        )
        context = {
            "offers": offers,
            "offer_page": offer_page,
            "offer_pager": _pager(request, "offers", offer_page),
            "requirements": requirements,
            "requirement_page": requirement_page,
            "requirement_pager": _pager(request, "requirements", requirement_page),
            "only_differences": only_differences,
        }
        return render(request, "coordination/deliveries/reconciliation.html", context)


def _pager(request, name, page) -> dict:
    """Links to the first and the next page of one list, the page's other parameters kept."""

    def link(cursor):
        query = request.GET.copy()
        query.pop(name, None)
        if cursor:
            query[name] = cursor
        return f"?{query.urlencode()}#{name}"

    return {
        "first": None if page.is_first else link(None),
        "next": link(page.next_cursor) if page.next_cursor else None,
    }


class ThreeWView(LoginRequiredMixin, View):
    """The who-does-what-where CSV of the deliveries the reader may read."""

    def get(self, request):
        if not permissions.may(request.user, "view", Delivery):
            raise PermissionDenied
        stream = io.StringIO()
        write_3w(stream, request.user)
        return HttpResponse(
            stream.getvalue(),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="cadre-3w.csv"'},
        )


class ReceiptForm(forms.Form):
    receipt = forms.FileField(
        label=gettext_lazy("Receipt"),
        help_text=gettext_lazy("A PDF, PNG or JPEG file of at most 10 MB."),
    )


class ReceiptView(LoginRequiredMixin, View):
    """GET: the receipt, to those who may read the delivery. POST: add or replace it."""

    def get(self, request, key):
        delivery = _readable_delivery(request.user, key)
        if not delivery.receipt:
            raise Http404
        return receipt_response(delivery.receipt)

    def post(self, request, key):
        delivery = _readable_delivery(request.user, key)
        form = ReceiptForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                service_for(Delivery).attach_receipt(
                    delivery, user=request.user, upload=form.cleaned_data["receipt"]
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            except RecordConflict as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("The receipt was added."))
        else:
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(_delivery_page(delivery))


class ConfirmView(LoginRequiredMixin, View):
    """The recipient confirms it received the delivery."""

    def post(self, request, key):
        delivery = _readable_delivery(request.user, key)
        try:
            service_for(Delivery).confirm(delivery, user=request.user)
        except RecordConflict as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The receipt of this delivery is confirmed."))
        return redirect(_delivery_page(delivery))


class MakeSessionForm(forms.Form):
    course = forms.ModelChoiceField(queryset=Course.objects.none(), label=gettext_lazy("Course"))
    start = forms.DateField(label=gettext_lazy("Start"), widget=forms.DateInput({"type": "date"}))
    end = forms.DateField(
        label=gettext_lazy("End"), required=False, widget=forms.DateInput({"type": "date"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = permissions.restrict(Course.objects.all(), user)


class MakeAllotmentForm(forms.Form):
    session = forms.ModelChoiceField(queryset=Session.objects.none(), label=gettext_lazy("Session"))
    nation = forms.ModelChoiceField(
        queryset=Nation.objects.none(),
        label=gettext_lazy("Nation whose trainees take the seats"),
        to_field_name="code",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions_open_to_allotment(user)
        # Beyond a few hundred open sessions, a search rather than every one as an option.
        pickers.use_picker_beyond_most_options(self.fields["session"])
        self.fields["nation"].queryset = Nation.objects.order_by("name")


class SeatOfferView(LoginRequiredMixin, View):
    """POST: a training-seat offer becomes a session or an allotment (training's services)."""

    form_class = None
    make = None

    def post(self, request, key):
        offer = get_object_or_404(permissions.restrict(Offer.objects.all(), request.user), key=key)
        if not permissions.may_write_object(request.user, "change", offer):
            raise PermissionDenied
        form = self.form_class(request.POST, user=request.user)
        if not form.is_valid():
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return redirect("core:detail", "offers", offer.pk)
        try:
            made = type(self).make(offer, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except RecordConflict as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Made: %(made)s.") % {"made": made})
        return redirect("core:detail", "offers", offer.pk)


class MakeSessionView(SeatOfferView):
    form_class = MakeSessionForm
    make = offer_make_session


class MakeAllotmentView(SeatOfferView):
    form_class = MakeAllotmentForm
    make = offer_make_allotment
