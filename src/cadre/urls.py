from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("cadre.training.urls")),
    path("", include("cadre.advising.urls")),
    path("api/", include("cadre.core.api_urls")),
    path("accounts/", include("cadre.accounts.urls")),
    path("audit/", include("cadre.core.audit_urls")),
    path("training/", include("cadre.training.dashboard_urls")),
    path("record/", include("cadre.core.urls")),
    path("jobs/", include("cadre.core.job_urls")),
    path("verify/", include("cadre.training.public_urls")),
    path("coordination/", include("cadre.coordination.urls")),
    path("reports/", include("cadre.reports.urls")),
    path("", include("cadre.missions.urls")),
    path("", include("cadre.pageimport.urls")),
    path("", include("cadre.sources.urls")),
    path("", include("cadre.core.home_urls")),
]
