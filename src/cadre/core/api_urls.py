"""/api/: one endpoint per registered object type, the OpenAPI schema and its docs."""

from csp.decorators import csp_update
from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import SimpleRouter

from . import registry
from .api_views import viewset_for

app_name = "api"

router = SimpleRouter()
for object_type in registry.object_types():
    router.register(object_type.slug, viewset_for(object_type), basename=object_type.slug)

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:docs"), name="root"),
    path(
        "schema/",
        SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]),
        name="schema",
    ),
    path(
        "docs/",
        # Swagger UI sets style attributes from its script; its script itself is a file.
        csp_update({"style-src": ["'unsafe-inline'"]})(
            login_required(SpectacularSwaggerSplitView.as_view(url_name="api:schema"))
        ),
        name="docs",
    ),
    *router.urls,
]
