from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "cadre.sources"
    label = "sources"

    def ready(self):
        from . import objects  # noqa: F401
