from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "pledgetrack.documents"
    verbose_name = "문서"
