from django.urls import path

from . import api, views

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
]
