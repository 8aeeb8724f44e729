"""Watched sources (a folder, a feed) and the alerts raised when new documents touch a proposal."""

from __future__ import annotations

from django.db import models

from pledgetrack.documents.models import Document, DocumentKind
from pledgetrack.registry.models import Actor, Proposal


class WatchedSource(models.Model):
    class Kind(models.TextChoices):
        FOLDER = "folder", "폴더"
        FEED = "feed", "RSS/Atom"

    kind = models.CharField("종류", max_length=10, choices=Kind.choices)
    location = models.CharField("위치", max_length=1000, help_text="폴더 경로 또는 피드 파일/URL")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, verbose_name="정당·후보")
    document_kind = models.CharField("문서 종류", max_length=20, choices=DocumentKind.choices, default="news")
    active = models.BooleanField("사용", default=True)
    last_checked = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "감시 대상"
        verbose_name_plural = "감시 대상"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.location}"


class Alert(models.Model):
    """A new document touches a proposal: "candidate X announced something about P"."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="alerts")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="alerts")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="alerts")
    verdict = models.CharField("판정", max_length=20)
    score = models.FloatField("점수")
    quote = models.TextField("인용")
    created_at = models.DateTimeField(auto_now_add=True)
    read = models.BooleanField("확인", default=False)

    class Meta:
        verbose_name = "알림"
        verbose_name_plural = "알림"
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["document", "proposal"], name="unique_alert")]
