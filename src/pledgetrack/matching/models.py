"""Match cells (proposal × actor verdicts), their runs and people's reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from pledgetrack.registry.models import Actor, Proposal


class Verdict(models.TextChoices):
    REFLECTED = "reflected", "반영"
    PARTIAL = "partial", "부분반영"
    ABSENT = "absent", "미반영"


class MatchRun(models.Model):
    """One run of the matcher over the workspace, with its settings for provenance."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    settings = models.JSONField("설정", default=dict)
    tool_version = models.CharField(max_length=40)
    cells_written = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "판정 실행"
        verbose_name_plural = "판정 실행"
        ordering = ["-started_at"]


class MatchCell(models.Model):
    """The verdict for one proposal and one actor: the matcher's and, if reviewed, a person's."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="cells")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="cells")
    run = models.ForeignKey(MatchRun, null=True, blank=True, on_delete=models.SET_NULL)
    machine_verdict = models.CharField("자동 판정", max_length=20, choices=Verdict.choices)
    score = models.FloatField("점수", default=0.0)
    reasons = models.JSONField("근거 설명", default=list)
    evidence = models.JSONField("근거 문단", default=list)
    reviewed_verdict = models.CharField("검토 판정", max_length=20, choices=Verdict.choices, blank=True)
    review_note = models.TextField("검토 메모", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "판정"
        verbose_name_plural = "판정"
        constraints = [models.UniqueConstraint(fields=["proposal", "actor"], name="unique_cell")]

    @property
    def verdict(self) -> str:
        """The verdict that counts: a person's review wins over the matcher."""
        return self.reviewed_verdict or self.machine_verdict

    @property
    def is_reviewed(self) -> bool:
        return bool(self.reviewed_verdict)

    def __str__(self) -> str:
        return f"{self.proposal.code} × {self.actor.name}: {self.verdict}"
