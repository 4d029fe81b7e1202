from django.urls import path

from . import exports, job_views

app_name = "jobs"

urlpatterns = [
    path("<int:pk>/", job_views.JobView.as_view(), name="detail"),
    path("<int:pk>/download/", exports.ExportDownloadView.as_view(), name="download"),
]
