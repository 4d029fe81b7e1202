from django.urls import path

from . import views

app_name = "training_dashboard"

urlpatterns = [
    path("dashboard/", views.TrainingDashboardView.as_view(), name="dashboard"),
]
