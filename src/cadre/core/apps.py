from django.apps import AppConfig
from django.core import checks


class CoreConfig(AppConfig):
    name = "cadre.core"
    label = "core"

    def ready(self):
        from .checks import check_object_types

        checks.register(check_object_types, "cadre")
