from django.urls import path

from . import views_deliveries as views

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("reconciliation/", views.ReconciliationView.as_view(), name="reconciliation"),
    path("3w.csv", views.ThreeWView.as_view(), name="export-3w"),
    path("deliveries/<slug:key>/receipt/", views.ReceiptView.as_view(), name="delivery-receipt"),
    path("deliveries/<slug:key>/confirm/", views.ConfirmView.as_view(), name="delivery-confirm"),
    path("offers/<slug:key>/make-session/", views.MakeSessionView.as_view(), name="offer-session"),
    path(
        "offers/<slug:key>/make-allotment/",
        views.MakeAllotmentView.as_view(),
        name="offer-allotment",
    ),
]
