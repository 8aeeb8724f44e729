from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "pledgetrack.registry"
    verbose_name = "정책 제안"
