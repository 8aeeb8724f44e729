from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "pledgetrack.audit"
    verbose_name = "변경 기록"
