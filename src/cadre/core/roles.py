"""The roles people hold in Cadre, and which of them may do what.

Every page, API call, import and export asks `may(user, action, model)` or
`restrict(queryset, user, action)` from `cadre.core.permissions`; the answers
come from the tables here and from each object type's declaration in the registry.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MISSION_STAFF = "mission_staff", _("Mission HQ staff")
    TRAINING_OFFICER = "training_officer", _("Training officer")
    ADVISOR = "advisor", _("Advisory team member")
    COORDINATION_CELL = "coordination_cell", _("Coordination cell")
    NATION_CONTRIBUTOR = "nation_contributor", _("Contributing-nation officer")
    HOST_LIAISON = "host_liaison", _("Host-nation liaison")
    GENDER_ADVISER = "gender_adviser", _("Gender adviser")
    AUDITOR = "auditor", _("Auditor")


ALL_ROLES = frozenset(Role.values)
# Roles whose holders must be bound to one nation.
NATION_BOUND_ROLES = frozenset({Role.NATION_CONTRIBUTOR})
READ_ONLY_ROLES = frozenset({Role.AUDITOR})
# Roles that read the audit trail.
AUDIT_READERS = frozenset({Role.ADMIN, Role.AUDITOR})


def role_of(user) -> str | None:
    """The role a user acts in: a superuser acts as an administrator; nobody signed in has none."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return Role.ADMIN if user.is_superuser else user.role
