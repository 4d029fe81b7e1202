from django.urls import path

from . import home

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("language/", home.set_language, name="set-language"),
    path("healthz", home.health, name="health"),
]
