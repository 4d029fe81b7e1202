from django.urls import reverse

from . import registry
from .pages import may_see


def navigation(request):
    """The main navigation: every page the apps declare that this user may see."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = []
    for page in registry.pages():
        if page.in_navigation and may_see(user, page):
            url = reverse(page.url_name, args=page.args)
            items.append({"url": url, "label": page.label, "active": request.path.startswith(url)})
    return {"nav_items": items}
