from django.urls import path

from . import views

app_name = "advising"

urlpatterns = [
    path("advising/", views.CapabilityView.as_view(), name="capability"),
    path(
        "advising/institutions/<slug:key>/",
        views.InstitutionView.as_view(),
        name="institution",
    ),
    path(
        "record/assessments/<int:pk>/approve/",
        views.ApproveView.as_view(),
        name="approve",
    ),
    path(
        "record/assessments/<int:pk>/gender-review/",
        views.GenderReviewView.as_view(slug="assessments"),
        name="assessment-gender-review",
    ),
    path(
        "record/capability-objectives/<int:pk>/gender-review/",
        views.GenderReviewView.as_view(slug="capability-objectives"),
        name="objective-gender-review",
    ),
]
