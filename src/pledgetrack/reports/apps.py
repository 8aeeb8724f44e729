from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "pledgetrack.reports"
    verbose_name = "보고서"
