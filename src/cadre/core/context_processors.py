from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .permissions import may

# The main navigation: (URL name, label, model whose view permission shows the link).
NAVIGATION = [
    ("missions:list", _("Missions"), "missions.Mission"),
    ("missions:timeline", _("Timeline"), "missions.TimelineEvent"),
    ("missions:chain", _("Chain of command"), "missions.ReportingLine"),
    ("missions:locations", _("Locations"), "missions.Location"),
    ("sources:claims", _("Sources and claims"), "sources.Claim"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from django.apps import apps

    from cadre.audit.views import may_read_audit

    items = []
    for name, label, model_label in NAVIGATION:
        if may(user, "view", apps.get_model(model_label)):
            url = reverse(name)
            items.append({"url": url, "label": label, "active": request.path.startswith(url)})
    if may_read_audit(user):
        url = reverse("audit:list")
        items.append(
            {"url": url, "label": _("Audit trail"), "active": request.path.startswith(url)}
        )
    return {"nav_items": items}
