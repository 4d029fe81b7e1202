from django.urls import path

from . import job_views

app_name = "jobs"

urlpatterns = [
    path("<int:pk>/", job_views.JobView.as_view(), name="detail"),
]
