from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "cadre.missions"
    label = "missions"

    def ready(self):
        from . import objects  # noqa: F401
