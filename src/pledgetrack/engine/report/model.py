"""Frozen input types of the report engine.

A :class:`ReportInput` holds everything a report needs: the proposal registry
(tasks and their projects), the actors, one :class:`ReportCell` per judged
proposal × actor (the matcher's verdict plus a person's review), the source
documents with their hashes, the matcher settings and the advocacy events.
It is validated once when built; every report function trusts it afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from pledgetrack.engine.errors import InputError
from pledgetrack.engine.types import VERDICTS, Cell, Evidence, ProposalRow, Verdict

DEFAULT_PARTIAL_WEIGHT = 0.5
"""How much a partial (부분반영) verdict counts in weighted rates; reflected counts 1, absent 0."""

EVENT_KIND_LABELS: dict[str, str] = {
    "meeting": "면담·방문",
    "office_day": "정기 집무",
    "budget_ask": "예산 요청",
    "publication": "문서 발표",
    "announcement": "발표",
    "other": "기타",
}


@dataclass(frozen=True)
class ReportCell:
    """The verdict for one proposal × actor as the report counts it.

    ``verdict`` is the effective verdict: a person's reviewed verdict if ``reviewed``,
    else the matcher's ``machine_verdict``. ``needs_review`` marks an unreviewed cell
    the matcher was unsure of (shown as 검토 필요); it does not change the counts.
    """

    proposal: str
    actor: str
    verdict: Verdict
    machine_verdict: Verdict
    reviewed: bool = False
    score: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    reasons: tuple[str, ...] = ()
    needs_review: bool = False
    review_note: str = ""

    def __post_init__(self) -> None:
        for name in ("verdict", "machine_verdict"):
            value = getattr(self, name)
            if value not in VERDICTS:
                raise InputError(
                    f"판정 값이 올바르지 않습니다: '{value}' ({self.proposal} × {self.actor}). "
                    f"가능한 값: {', '.join(VERDICTS)}"
                )
        if not self.reviewed and self.verdict != self.machine_verdict:
            raise InputError(
                f"검토하지 않은 판정은 자동 판정과 같아야 합니다 ({self.proposal} × {self.actor}). "
                "검토 판정을 넣으려면 reviewed=True 로 표시해 주세요."
            )

    @classmethod
    def from_cell(
        cls,
        cell: Cell,
        reviewed_verdict: Verdict | None = None,
        *,
        needs_review: bool = False,
        review_note: str = "",
    ) -> ReportCell:
        """Build from the matcher's :class:`Cell` plus an optional review overlay."""
        return cls(
            proposal=cell.proposal,
            actor=cell.actor,
            verdict=reviewed_verdict or cell.verdict,
            machine_verdict=cell.verdict,
            reviewed=reviewed_verdict is not None,
            score=cell.score,
            evidence=cell.evidence,
            reasons=cell.reasons,
            needs_review=needs_review and reviewed_verdict is None,
            review_note=review_note,
        )


@dataclass(frozen=True)
class SourceInfo:
    """One source document an actor's verdicts were drawn from."""

    actor: str
    name: str
    sha256: str
    pages: int | None = None
    method: str = "text"
    published: date | None = None


@dataclass(frozen=True)
class TimelineEvent:
    """One dated advocacy event: a meeting, a budget ask, a document's publication."""

    date: date
    kind: str
    actor: str = ""
    title: str = ""
    detail: str = ""

    @property
    def kind_label(self) -> str:
        return EVENT_KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class ReportInput:
    """Everything one report needs; validated on construction (raises :class:`InputError`)."""

    title: str
    proposals: tuple[ProposalRow, ...]
    actors: tuple[str, ...]
    cells: tuple[ReportCell, ...]
    sources: tuple[SourceInfo, ...] = ()
    matcher_settings: Mapping[str, Any] = field(default_factory=dict)
    generated_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    data_date: date | None = None
    events: tuple[TimelineEvent, ...] = ()
    partial_weight: float = DEFAULT_PARTIAL_WEIGHT

    def __post_init__(self) -> None:
        if not 0.0 <= self.partial_weight <= 1.0:
            raise InputError(
                f"부분반영 가중치는 0과 1 사이여야 합니다: {self.partial_weight}. "
                f"기본값은 {DEFAULT_PARTIAL_WEIGHT}입니다."
            )
        _check_unique("정당·후보", self.actors)
        _check_unique("정책 제안 ID", [p.id for p in self.proposals])
        _check_parents(self.proposals)
        _check_cells(self.cells, {p.id for p in self.proposals}, set(self.actors))

    @cached_property
    def _cell_index(self) -> dict[tuple[str, str], ReportCell]:
        return {(c.proposal, c.actor): c for c in self.cells}

    def cell(self, proposal: str, actor: str) -> ReportCell | None:
        """The cell for a proposal × actor, or None if it was not judged."""
        return self._cell_index.get((proposal, actor))

    @cached_property
    def tasks(self) -> tuple[ProposalRow, ...]:
        """Tasks (top-level proposals) in registry order."""
        return tuple(p for p in self.proposals if p.parent is None)

    def projects_of(self, task_id: str) -> tuple[ProposalRow, ...]:
        """A task's projects in registry order."""
        return tuple(p for p in self.proposals if p.parent == task_id)

    @cached_property
    def ordered(self) -> tuple[ProposalRow, ...]:
        """Tasks in registry order, each followed by its projects."""
        return tuple(row for task in self.tasks for row in (task, *self.projects_of(task.id)))


def _check_unique(what: str, values: list[str] | tuple[str, ...]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise InputError(f"{what}이(가) 중복되었습니다: '{value}'. 하나만 남겨 주세요.")
        seen.add(value)


def _check_parents(proposals: tuple[ProposalRow, ...]) -> None:
    tasks = {p.id for p in proposals if p.parent is None}
    for row in proposals:
        if row.parent is not None and row.parent not in tasks:
            raise InputError(
                f"사업 '{row.id}'의 상위 과제 '{row.parent}'가 없습니다 (사업의 상위는 과제여야 합니다). "
                "과제를 먼저 등록하거나 상위 과제 ID를 고쳐 주세요."
            )
        if row.budget_won is not None and row.budget_won < 0:
            raise InputError(f"예산은 0 이상이어야 합니다: '{row.id}' {row.budget_won}원.")


def _check_cells(cells: tuple[ReportCell, ...], proposals: set[str], actors: set[str]) -> None:
    seen: set[tuple[str, str]] = set()
    for cell in cells:
        if cell.proposal not in proposals:
            raise InputError(f"판정의 정책 제안 '{cell.proposal}'이(가) 제안 목록에 없습니다. 제안 ID를 확인해 주세요.")
        if cell.actor not in actors:
            raise InputError(f"판정의 정당·후보 '{cell.actor}'이(가) 대상 목록에 없습니다. 이름을 확인해 주세요.")
        key = (cell.proposal, cell.actor)
        if key in seen:
            raise InputError(f"같은 판정이 두 번 있습니다: {cell.proposal} × {cell.actor}. 하나만 남겨 주세요.")
        seen.add(key)
