"""The home page each role lands on, and the language switch."""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.http import require_POST

from . import pages, permissions, registry
from .roles import Role, role_of


class HomeView(LoginRequiredMixin, View):
    def get(self, request):
        user = request.user
        readable = [t for t in registry.object_types() if permissions.may(user, "view", t.model)]
        panels = [(panel.template, panel.context(user)) for panel in registry.home_panels()]
        return render(
            request,
            "core/home.html",
            {
                "role_label": Role(role_of(user)).label,
                "shortcuts": pages.shortcuts(user),
                "panels": panels,
                "readable_types": readable,
            },
        )


@require_POST
def set_language(request):
    """Save the chosen language for this session (and on the user), then go back."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
        if request.user.is_authenticated:
            request.session["cadre_language"] = language
            if request.user.language != language:
                request.user.language = language
                request.user.save(update_fields=["language"])
    return response


def health(request):
    return HttpResponse("ok", content_type="text/plain")
