from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("enrolments/<int:pk>/graduate/", views.GraduateView.as_view(), name="graduate"),
]
