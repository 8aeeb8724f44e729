from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "pledgetrack.advocacy"
    verbose_name = "대외 활동"
