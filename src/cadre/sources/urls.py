from django.urls import path

from . import views

app_name = "sources"

urlpatterns = [
    path("sources/", views.SourcesView.as_view(), name="claims"),
    path("sources/<slug:key>/", views.SourceView.as_view(), name="detail"),
]
