from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "pledgetrack.matching"
    verbose_name = "반영 판정"
