"""An append-only log of every change a person or the system makes."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """Who changed what, when, from what to what, and why. Never updated or deleted."""

    created_at = models.DateTimeField("시각", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="사용자", null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField("주체", max_length=150, blank=True, help_text="사용자가 없을 때(CLI, 시스템)")
    action = models.CharField("동작", max_length=50)
    object_type = models.CharField("대상 종류", max_length=50)
    object_id = models.CharField("대상 ID", max_length=64)
    object_label = models.CharField("대상", max_length=300, blank=True)
    before = models.JSONField("변경 전", null=True, blank=True)
    after = models.JSONField("변경 후", null=True, blank=True)
    reason = models.TextField("사유", blank=True)

    class Meta:
        verbose_name = "변경 기록"
        verbose_name_plural = "변경 기록"
        ordering = ["-created_at", "-id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("변경 기록은 수정할 수 없습니다 (추가만 가능).")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("변경 기록은 삭제할 수 없습니다 (추가만 가능).")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_type}#{self.object_id}"
