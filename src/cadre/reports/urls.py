from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportView.as_view(), name="report"),
    path("pdf/<int:pk>/", views.ReportPdfView.as_view(), name="pdf"),
]
