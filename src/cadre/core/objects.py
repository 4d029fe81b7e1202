"""Core's own pages: the audit trail and the administration."""

from django.utils.translation import gettext_lazy as _

from .permissions import may_read_audit
from .registry import register_page
from .roles import Role, role_of

register_page(
    "audit:list",
    _("Audit trail"),
    visible=may_read_audit,
    shortcut_for={Role.ADMIN, Role.AUDITOR},
    section="oversight",
    position=900,
)
register_page(
    "admin:index",
    _("Administration"),
    visible=lambda user: role_of(user) == Role.ADMIN,
    shortcut_for={Role.ADMIN},
    section="oversight",
    position=910,
)
