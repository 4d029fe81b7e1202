from django.urls import path

from . import views_requirements as views

urlpatterns = [
    path(
        "requirements/<int:pk>/matching/",
        views.MatchingView.as_view(),
        name="matching",
    ),
    path(
        "requirements/<int:pk>/<slug:action>/",
        views.RequirementActionView.as_view(),
        name="requirement-action",
    ),
    path("offers/<int:pk>/<slug:step>/", views.OfferStepView.as_view(), name="offer-step"),
]
