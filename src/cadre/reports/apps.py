from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "cadre.reports"
    verbose_name = "Reports"
