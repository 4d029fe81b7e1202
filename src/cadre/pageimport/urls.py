from django.urls import path

from . import views

app_name = "pageimport"

CANDIDATE = "page-imports/<slug:key>/<slug:candidate>/"
act = views.CandidateActionView.as_view()

urlpatterns = [
    path("page-imports/", views.ImportListView.as_view(), name="list"),
    path("page-imports/<slug:key>/", views.ReviewView.as_view(), name="review"),
    path(CANDIDATE + "accept/", act, {"verb": "accept"}, name="accept"),
    path(CANDIDATE + "merge/", act, {"verb": "merge"}, name="merge"),
    path(CANDIDATE + "reject/", act, {"verb": "reject"}, name="reject"),
]
