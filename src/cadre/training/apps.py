from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "cadre.training"
    verbose_name = _("Training")
    default_auto_field = "django.db.models.BigAutoField"
