"""Pages anyone may open, signed in or not: checking a certificate by its code."""

from django.urls import path

from . import views_certificates

urlpatterns = [
    path("", views_certificates.VerifyView.as_view(), name="verify"),
    path("<str:code>/", views_certificates.VerifyView.as_view(), name="verify-code"),
]
