"""The mission report in the navigation, for every role that reads the mission record."""

from django.utils.translation import gettext_lazy as _

from cadre.core.registry import register_page
from cadre.core.roles import Role
from cadre.missions.models import Mission

register_page(
    "reports:report",
    _("Mission report"),
    Mission,
    shortcut_for={Role.MISSION_STAFF},
    section="reports",
    position=90,
)
