from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "cadre.sources"
    label = "sources"
