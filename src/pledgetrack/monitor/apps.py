from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "pledgetrack.monitor"
    verbose_name = "모니터링"
