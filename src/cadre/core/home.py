"""The home page each role lands on, and the language switch."""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST

from . import permissions, registry
from .roles import Role

# What each role comes to Cadre for first, as (URL name, args, label) links.
ROLE_SHORTCUTS = {
    Role.ADMIN: [("audit:list", [], _("Audit trail")), ("admin:index", [], _("Administration"))],
    Role.MISSION_STAFF: [
        ("missions:list", [], _("Missions")),
        ("missions:timeline", [], _("Timeline")),
    ],
    Role.TRAINING_OFFICER: [
        ("missions:list", [], _("Missions")),
        ("missions:locations", [], _("Locations")),
    ],
    Role.ADVISOR: [
        ("missions:chain", [], _("Chain of command")),
        ("missions:timeline", [], _("Timeline")),
    ],
    Role.COORDINATION_CELL: [
        ("missions:list", [], _("Missions")),
        ("sources:claims", [], _("Sources and claims")),
    ],
    Role.NATION_CONTRIBUTOR: [("core:list", ["participations"], _("Participation of my nation"))],
    Role.HOST_LIAISON: [
        ("missions:list", [], _("Missions")),
        ("missions:timeline", [], _("Timeline")),
    ],
    Role.GENDER_ADVISER: [
        ("missions:timeline", [], _("Timeline")),
        ("sources:claims", [], _("Sources and claims")),
    ],
    Role.AUDITOR: [
        ("audit:list", [], _("Audit trail")),
        ("sources:claims", [], _("Sources and claims")),
    ],
}


class HomeView(LoginRequiredMixin, View):
    def get(self, request):
        user = request.user
        role = Role.ADMIN if user.is_superuser else user.role
        from cadre.missions.selectors import home_summary

        readable = [t for t in registry.object_types() if permissions.may(user, "view", t.model)]
        return render(
            request,
            "core/home.html",
            {
                "role_label": Role(role).label,
                "shortcuts": [
                    (reverse(name, args=args), label)
                    for name, args, label in ROLE_SHORTCUTS.get(role, [])
                ],
                "summary": home_summary(user),
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
