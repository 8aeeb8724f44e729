"""Campaigns, actors (parties, candidates, government bodies) and proposals (task → project)."""

from __future__ import annotations

from django.db import models


class Campaign(models.Model):
    """An election or budget cycle in which proposals are pushed, e.g. 제21대 대통령선거."""

    name = models.CharField("이름", max_length=200, unique=True)
    election_date = models.DateField("선거일", null=True, blank=True)
    description = models.TextField("설명", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "캠페인"
        verbose_name_plural = "캠페인"

    def __str__(self) -> str:
        return self.name


class Actor(models.Model):
    """A party, candidate or government body whose documents are checked."""

    class Kind(models.TextChoices):
        PARTY = "party", "정당"
        CANDIDATE = "candidate", "후보"
        GOVERNMENT = "government", "정부·기관"

    name = models.CharField("이름", max_length=200, unique=True)
    kind = models.CharField("구분", max_length=20, choices=Kind.choices, default=Kind.PARTY)
    party = models.ForeignKey(
        "self", verbose_name="소속 정당", null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "정당·후보"
        verbose_name_plural = "정당·후보"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ActorAlias(models.Model):
    """Another name of an actor (민주당 = 더불어민주당)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField("별칭", max_length=200, unique=True)

    class Meta:
        verbose_name = "별칭"
        verbose_name_plural = "별칭"

    def __str__(self) -> str:
        return f"{self.alias} → {self.actor.name}"


class Proposal(models.Model):
    """A proposal row: a task (parent is None) or a project under a task."""

    class Level(models.TextChoices):
        REGIONAL = "regional", "지역"
        SUPRA_REGIONAL = "supra", "초광역"
        NATIONAL = "national", "국가"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="proposals")
    code = models.CharField("번호", max_length=64)
    parent = models.ForeignKey(
        "self", verbose_name="상위 과제", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    title = models.CharField("제목", max_length=500)
    description = models.TextField("설명", blank=True)
    budget_won = models.BigIntegerField("사업비(원)", null=True, blank=True)
    budget_national_won = models.BigIntegerField("국비(원)", null=True, blank=True)
    budget_local_won = models.BigIntegerField("지방비(원)", null=True, blank=True)
    budget_private_won = models.BigIntegerField("민자(원)", null=True, blank=True)
    owner = models.CharField("담당 부서", max_length=200, blank=True)
    priority = models.IntegerField("우선순위", null=True, blank=True)
    keywords = models.JSONField("핵심어", default=list, blank=True)
    level = models.CharField("수준", max_length=20, choices=Level.choices, blank=True)
    position = models.PositiveIntegerField("순서", default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "정책 제안"
        verbose_name_plural = "정책 제안"
        ordering = ["position", "code"]
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="unique_proposal_code_per_campaign")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_task(self) -> bool:
        return self.parent_id is None
