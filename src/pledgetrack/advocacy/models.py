"""The advocacy log: meetings and visits, recurring office days, budget asks."""

from __future__ import annotations

from django.db import models

from pledgetrack.registry.models import Actor, Campaign, Proposal


class Meeting(models.Model):
    """A meeting or visit: who, when, where, which proposals were handed over."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="meetings", null=True, blank=True)
    date = models.DateField("날짜")
    time = models.TimeField("시각", null=True, blank=True)
    place = models.CharField("장소", max_length=300, blank=True)
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, null=True, blank=True, verbose_name="방문 대상")
    title = models.CharField("제목", max_length=300)
    people = models.TextField("참석자", blank=True)
    notes = models.TextField("내용", blank=True)
    proposals = models.ManyToManyField(Proposal, blank=True, verbose_name="전달한 제안", related_name="meetings")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "면담·방문"
        verbose_name_plural = "면담·방문"
        ordering = ["-date", "-time"]

    def __str__(self) -> str:
        return f"{self.date} {self.title}"


class FollowUp(models.Model):
    """Something to do after a meeting, with a due date."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.CharField("후속 조치", max_length=500)
    due_date = models.DateField("기한", null=True, blank=True)
    done = models.BooleanField("완료", default=False)

    class Meta:
        verbose_name = "후속 조치"
        verbose_name_plural = "후속 조치"
        ordering = ["done", "due_date"]

    def __str__(self) -> str:
        return self.text


class OfficeDay(models.Model):
    """A recurring office day, e.g. every Wednesday at the Yeouido office."""

    class Weekday(models.IntegerChoices):
        MON = 0, "월요일"
        TUE = 1, "화요일"
        WED = 2, "수요일"
        THU = 3, "목요일"
        FRI = 4, "금요일"
        SAT = 5, "토요일"
        SUN = 6, "일요일"

    title = models.CharField("이름", max_length=200)
    weekday = models.IntegerField("요일", choices=Weekday.choices)
    place = models.CharField("장소", max_length=300)
    start_date = models.DateField("시작일")
    end_date = models.DateField("종료일", null=True, blank=True)
    agenda = models.TextField("의제", blank=True)

    class Meta:
        verbose_name = "정기 집무일"
        verbose_name_plural = "정기 집무일"

    def __str__(self) -> str:
        return f"{self.title} (매주 {self.get_weekday_display()})"


class BudgetAsk(models.Model):
    """A budget request (e.g. a 670억원 supplementary budget) and what became of it."""

    class Status(models.TextChoices):
        ASKED = "asked", "요청"
        PLEDGED = "pledged", "약속"
        REFLECTED = "reflected", "반영"
        PARTIAL = "partial", "일부 반영"
        REJECTED = "rejected", "미반영"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, null=True, blank=True)
    proposal = models.ForeignKey(Proposal, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="관련 제안")
    title = models.CharField("사업명", max_length=300)
    budget_kind = models.CharField("예산 구분", max_length=50, blank=True, help_text="본예산, 추경 등")
    asked_won = models.BigIntegerField("요청액(원)", null=True, blank=True)
    pledged_won = models.BigIntegerField("약속액(원)", null=True, blank=True)
    reflected_won = models.BigIntegerField("반영액(원)", null=True, blank=True)
    status = models.CharField("상태", max_length=20, choices=Status.choices, default=Status.ASKED)
    asked_on = models.DateField("요청일", null=True, blank=True)
    decided_on = models.DateField("결정일", null=True, blank=True)
    notes = models.TextField("메모", blank=True)

    class Meta:
        verbose_name = "예산 요청"
        verbose_name_plural = "예산 요청"
        ordering = ["-asked_on"]

    def __str__(self) -> str:
        return self.title
