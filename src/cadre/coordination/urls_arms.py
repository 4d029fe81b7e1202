from django.urls import path

from . import views_arms

urlpatterns = [
    path("small-arms/", views_arms.SmallArmsReportView.as_view(), name="small-arms"),
    path("items/<int:pk>/custody/", views_arms.RecordCustodyView.as_view(), name="custody-record"),
    path("custody/import/", views_arms.CustodyImportView.as_view(), name="custody-import"),
    path(
        "custody/import/<uuid:upload>/",
        views_arms.CustodyImportConfirmView.as_view(),
        name="custody-import-confirm",
    ),
]
