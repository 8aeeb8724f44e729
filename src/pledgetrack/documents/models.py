"""Sources, their versions (documents, identified by content hash) and passages."""

from __future__ import annotations

from django.db import models

from pledgetrack.registry.models import Actor, Campaign


class DocumentKind(models.TextChoices):
    PLEDGE = "pledge", "공약"
    PRESS = "press", "보도자료"
    NEWS = "news", "뉴스"
    SNS = "sns", "SNS"
    BILL = "bill", "법안"
    OTHER = "other", "기타"


class Source(models.Model):
    """A logical document (the same file name from the same actor); new content is a new version."""

    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="sources", verbose_name="정당·후보")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="sources", null=True, blank=True)
    name = models.CharField("이름", max_length=500)
    kind = models.CharField("종류", max_length=20, choices=DocumentKind.choices, default=DocumentKind.PLEDGE)
    url = models.URLField("출처 URL", max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "출처"
        verbose_name_plural = "출처"
        constraints = [models.UniqueConstraint(fields=["actor", "name"], name="unique_source_name_per_actor")]

    def __str__(self) -> str:
        return f"{self.actor.name} / {self.name}"


class Document(models.Model):
    """One version of a source: a stored file with its extracted, normalised text."""

    class Status(models.TextChoices):
        PENDING = "pending", "대기"
        PROCESSING = "processing", "처리 중"
        DONE = "done", "완료"
        FAILED = "failed", "실패"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField("버전", default=1)
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    filename = models.CharField("파일 이름", max_length=500)
    stored_path = models.CharField("저장 경로", max_length=1000)
    size_bytes = models.BigIntegerField("크기(바이트)")
    format = models.CharField("형식", max_length=20, blank=True)
    title = models.CharField("제목", max_length=500, blank=True)
    published = models.DateField("발표일", null=True, blank=True)
    byline = models.CharField("작성자", max_length=200, blank=True)
    status = models.CharField("상태", max_length=20, choices=Status.choices, default=Status.PENDING)
    progress = models.FloatField("진행률", default=0.0)
    error = models.TextField("오류", blank=True)
    warnings = models.JSONField("경고", default=list, blank=True)
    text = models.TextField("본문", blank=True)
    pages = models.JSONField("쪽 정보", default=list, blank=True, help_text="[{page, start, end, method}]")
    duplicates_removed = models.PositiveIntegerField("제거한 중복 문단", default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "문서"
        verbose_name_plural = "문서"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} (v{self.version})"


class Passage(models.Model):
    """A sentence window of a document; ``document.text[start:end] == text`` always."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    ordinal = models.PositiveIntegerField("순번")
    page = models.PositiveIntegerField("쪽", null=True, blank=True)
    start = models.PositiveIntegerField("시작")
    end = models.PositiveIntegerField("끝")
    text = models.TextField("본문")
    heading = models.CharField("제목 경로", max_length=500, blank=True)
    text_hash = models.CharField("본문 해시", max_length=64, db_index=True)

    class Meta:
        verbose_name = "문단"
        verbose_name_plural = "문단"
        ordering = ["document", "ordinal"]
        constraints = [models.UniqueConstraint(fields=["document", "ordinal"], name="unique_passage_ordinal")]

    def __str__(self) -> str:
        return self.text[:60]
