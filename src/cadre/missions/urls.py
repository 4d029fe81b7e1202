from django.urls import path

from . import views

app_name = "missions"

urlpatterns = [
    path("missions/", views.MissionListView.as_view(), name="list"),
    path("missions/<slug:key>/", views.MissionView.as_view(), name="detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("chain-of-command/", views.ChainOfCommandView.as_view(), name="chain"),
    path("locations/", views.LocationListView.as_view(), name="locations"),
]
