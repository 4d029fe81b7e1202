from django.urls import reverse

from . import registry
from .pages import may_see


def navigation(request):
    """The main navigation: a menu per part of the mission's work, each holding the pages
    the apps declare in it that this user may see; a menu left empty is not shown."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = {key: [] for key in registry.NAVIGATION_SECTIONS}
    for page in registry.pages():
        if page.in_navigation and may_see(user, page):
            url = reverse(page.url_name, args=page.args)
            active = request.path.startswith(url)
            items[page.section].append({"url": url, "label": page.label, "active": active})
    sections = [
        {
            "key": key,
            "label": label,
            "items": items[key],
            "active": any(item["active"] for item in items[key]),
        }
        for key, label in registry.NAVIGATION_SECTIONS.items()
        if items[key]
    ]
    return {"nav_sections": sections}
