from django.apps import AppConfig


class MissionsConfig(AppConfig):
    name = "cadre.missions"
    label = "missions"
