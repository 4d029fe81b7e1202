from django.urls import path

from . import api, views, views_certificates

app_name = "training"

urlpatterns = [
    path("record/enrolments/<int:pk>/graduate/", views.GraduateView.as_view(), name="graduate"),
    path(
        "training/instructors/currency/",
        views.InstructorCurrencyView.as_view(),
        name="instructor-currency",
    ),
    path(
        "training/self-sustainment/",
        views.SelfSustainmentView.as_view(),
        name="self-sustainment",
    ),
    path(
        "api/self-sustainment/",
        api.SelfSustainmentAPIView.as_view(),
        name="self-sustainment-api",
    ),
    path(
        "record/certificates/expiring/",
        views_certificates.ExpiringView.as_view(),
        name="certificates-expiring",
    ),
    path(
        "record/certificates/<int:pk>/pdf/",
        views_certificates.CertificatePdfView.as_view(),
        name="certificate-pdf",
    ),
    path(
        "record/certificates/<int:pk>/revoke/",
        views_certificates.CertificateActionView.as_view(action="revoke"),
        name="certificate-revoke",
    ),
    path(
        "record/certificates/<int:pk>/supersede/",
        views_certificates.CertificateActionView.as_view(action="supersede"),
        name="certificate-supersede",
    ),
    path(
        "record/waiting-list/<int:pk>/accept/",
        views.AnswerOfferView.as_view(answer="accept"),
        name="accept-offer",
    ),
    path(
        "record/waiting-list/<int:pk>/decline/",
        views.AnswerOfferView.as_view(answer="decline"),
        name="decline-offer",
    ),
    path(
        "record/allocation-rounds/<int:pk>/run/", views.RoundActionView.as_view(), name="round-run"
    ),
    path(
        "record/allocation-rounds/<int:pk>/confirm/",
        views.RoundActionView.as_view(action="confirm"),
        name="round-confirm",
    ),
]
