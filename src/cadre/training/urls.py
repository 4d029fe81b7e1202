from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("enrolments/<int:pk>/graduate/", views.GraduateView.as_view(), name="graduate"),
    path(
        "waiting-list/<int:pk>/accept/",
        views.AnswerOfferView.as_view(answer="accept"),
        name="accept-offer",
    ),
    path(
        "waiting-list/<int:pk>/decline/",
        views.AnswerOfferView.as_view(answer="decline"),
        name="decline-offer",
    ),
]
