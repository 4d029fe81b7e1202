from django.urls import path

from . import exports, import_views, views

app_name = "core"

urlpatterns = [
    path("<slug:slug>/", views.ObjectListView.as_view(), name="list"),
    path("<slug:slug>/add/", views.ObjectEditView.as_view(), name="add"),
    path("<slug:slug>/suggestions/", views.SuggestionsView.as_view(), name="suggestions"),
    path("<slug:slug>/<int:pk>/", views.ObjectDetailView.as_view(), name="detail"),
    path("<slug:slug>/<int:pk>/edit/", views.ObjectEditView.as_view(), name="edit"),
    path("<slug:slug>/<int:pk>/delete/", views.ObjectDeleteView.as_view(), name="delete"),
    path(
        "<slug:slug>/export.csv", exports.ExportView.as_view(file_format="csv"), name="export-csv"
    ),
    path(
        "<slug:slug>/export.xlsx",
        exports.ExportView.as_view(file_format="xlsx"),
        name="export-xlsx",
    ),
    path("<slug:slug>/import/", import_views.ImportView.as_view(), name="import"),
    path(
        "<slug:slug>/import/<uuid:upload>/",
        import_views.ImportConfirmView.as_view(),
        name="import-confirm",
    ),
]
