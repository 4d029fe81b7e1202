"""The pages apps declare in the registry: who sees them, and each role's shortcuts."""

from django.urls import reverse

from . import permissions, registry
from .roles import role_of


def may_see(user, page: registry.PageEntry) -> bool:
    if page.visible is not None:
        return page.visible(user)
    return page.model is not None and permissions.may(user, "view", page.model)


def shortcuts(user) -> list[tuple[str, str]]:
    """(URL, label) of the pages this user's role comes to Cadre for first."""
    role = role_of(user)
    return [
        (reverse(page.url_name, args=page.args), page.label)
        for page in registry.pages()
        if role in page.shortcut_for and may_see(user, page)
    ]
