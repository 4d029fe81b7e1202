from django.urls import path

from . import views, views_certificates

app_name = "training"

urlpatterns = [
    path("enrolments/<int:pk>/graduate/", views.GraduateView.as_view(), name="graduate"),
    path(
        "certificates/expiring/",
        views_certificates.ExpiringView.as_view(),
        name="certificates-expiring",
    ),
    path(
        "certificates/<int:pk>/pdf/",
        views_certificates.CertificatePdfView.as_view(),
        name="certificate-pdf",
    ),
    path(
        "certificates/<int:pk>/revoke/",
        views_certificates.CertificateActionView.as_view(action="revoke"),
        name="certificate-revoke",
    ),
    path(
        "certificates/<int:pk>/supersede/",
        views_certificates.CertificateActionView.as_view(action="supersede"),
        name="certificate-supersede",
    ),
]
