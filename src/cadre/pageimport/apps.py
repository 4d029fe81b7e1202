from django.apps import AppConfig


class PageImportConfig(AppConfig):
    name = "cadre.pageimport"
    label = "pageimport"
