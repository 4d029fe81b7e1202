from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("enrolments/<int:pk>/graduate/", views.GraduateView.as_view(), name="graduate"),
    path("allocation-rounds/<int:pk>/run/", views.RoundActionView.as_view(), name="round-run"),
    path(
        "allocation-rounds/<int:pk>/confirm/",
        views.RoundActionView.as_view(action="confirm"),
        name="round-confirm",
    ),
]
