from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisingConfig(AppConfig):
    name = "cadre.advising"
    verbose_name = _("Advising and capability")
    default_auto_field = "django.db.models.BigAutoField"
