from django.urls import path

from . import services_requirements as services
from . import views_requirements as views

urlpatterns = [
    path("requirements/<int:pk>/matching/", views.MatchingView.as_view(), name="matching"),
    # One URL name per action (coordination:requirement-submit, ...), so that each is named.
    *(
        path(
            f"requirements/<int:pk>/{action}/",
            views.RequirementActionView.as_view(),
            {"action": action},
            name=f"requirement-{action}",
        )
        for action in services.TRANSITIONS
    ),
    *(
        path(
            f"offers/<int:pk>/{step}/",
            views.OfferStepView.as_view(),
            {"step": step},
            name=f"offer-{step}",
        )
        for step in services.OfferService.STEPS
    ),
]
