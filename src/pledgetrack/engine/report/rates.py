"""Reflection rates: per actor, per task and overall, by count and weighted by budget.

Definitions (also in docs/reports.md):

- Rate by count = (reflected + w × partial) / total, where w is ``ReportInput.partial_weight``
  (default 0.5) and total counts every proposal, judged or not (an unjudged proposal counts 0);
  if nothing at all was judged the rate is None, not 0.
  Share = (reflected + partial) / total. Tasks and projects are counted separately.
- Budget-weighted rate = (reflected won + w × partial won) / won asked. The won asked are split
  into *budget units* so that no won is counted twice: each project with a budget is one unit
  (judged by the project's cell, or by its task's cell if the project was not judged); whatever
  of the task's budget its projects do not account for is one more unit judged by the task's cell.
  A task without a budget of its own is worth the sum of its projects' budgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pledgetrack.engine.report.model import ReportInput
from pledgetrack.engine.types import ProposalRow, Verdict

_RANK: dict[Verdict | None, int] = {None: 0, "absent": 1, "partial": 2, "reflected": 3}
ALL_ACTORS = "전체"
ANY_ACTOR = "어느 한 곳이라도"


@dataclass(frozen=True)
class CountRate:
    """Verdict counts over a set of proposals, with the weighted rate and the plain share."""

    reflected: int
    partial: int
    absent: int
    unjudged: int
    total: int
    rate: float | None
    share: float | None


@dataclass(frozen=True)
class BudgetRate:
    """Won asked and how many of them fall under each verdict."""

    asked_won: int
    reflected_won: int
    partial_won: int
    absent_won: int
    unjudged_won: int
    rate: float | None
    share: float | None


@dataclass(frozen=True)
class ActorRate:
    """All rates of one actor (or of the pooled / best-of rows)."""

    actor: str
    tasks: CountRate
    projects: CountRate
    budget: BudgetRate
    reviewed: int = 0
    needs_review: int = 0


@dataclass(frozen=True)
class TaskActorRate:
    """One task for one actor: the task's verdict, its projects' counts and its budget split."""

    actor: str
    verdict: Verdict | None
    projects: CountRate
    budget: BudgetRate


@dataclass(frozen=True)
class TaskRate:
    """One task across actors."""

    task: str
    title: str
    budget_won: int
    by_actor: tuple[TaskActorRate, ...]
    actors: CountRate
    budget: BudgetRate


@dataclass(frozen=True)
class BudgetUnit:
    """A slice of won judged by one cell: ``proposal``'s, else ``fallback``'s if that is unjudged."""

    task: str
    proposal: str
    amount_won: int
    fallback: str | None = None


@dataclass(frozen=True)
class RateTable:
    partial_weight: float
    asked_won: int
    actors: tuple[ActorRate, ...]
    tasks: tuple[TaskRate, ...]
    overall: ActorRate
    best: ActorRate
    notes: tuple[str, ...] = ()

    def for_actor(self, actor: str) -> ActorRate:
        for row in self.actors:
            if row.actor == actor:
                return row
        raise KeyError(actor)


def count_rate(verdicts: Iterable[Verdict | None], weight: float) -> CountRate:
    """Count verdicts (None = unjudged) and compute the weighted rate and the share."""
    items = list(verdicts)
    n = {v: sum(1 for x in items if x == v) for v in ("reflected", "partial", "absent")}
    total = len(items)
    judged = sum(n.values()) > 0  # nothing judged: no rate, rather than a misleading 0%
    return CountRate(
        reflected=n["reflected"],
        partial=n["partial"],
        absent=n["absent"],
        unjudged=total - sum(n.values()),
        total=total,
        rate=(n["reflected"] + weight * n["partial"]) / total if judged else None,
        share=(n["reflected"] + n["partial"]) / total if judged else None,
    )


def budget_rate(amounts: Iterable[tuple[int, Verdict | None]], weight: float) -> BudgetRate:
    """Sum won per verdict (None = unjudged) and compute the weighted rate and the share."""
    won: dict[Verdict | None, int] = {"reflected": 0, "partial": 0, "absent": 0, None: 0}
    for amount, verdict in amounts:
        won[verdict] += amount
    asked = sum(won.values())
    judged = asked > won[None]  # no judged won: no rate, rather than a misleading 0%
    return BudgetRate(
        asked_won=asked,
        reflected_won=won["reflected"],
        partial_won=won["partial"],
        absent_won=won["absent"],
        unjudged_won=won[None],
        rate=(won["reflected"] + weight * won["partial"]) / asked if judged else None,
        share=(won["reflected"] + won["partial"]) / asked if judged else None,
    )


def task_budget_units(task: ProposalRow, projects: Sequence[ProposalRow]) -> tuple[list[BudgetUnit], str]:
    """Split one task's won into units; return them and a note (empty if the registry is consistent)."""
    units = [
        BudgetUnit(task.id, p.id, p.budget_won, fallback=task.id)
        for p in projects
        if p.budget_won  # None or 0: nothing to weigh
    ]
    covered = sum(u.amount_won for u in units)
    note = ""
    if task.budget_won is not None and task.budget_won < covered:
        note = (
            f"과제 '{task.id}'의 예산({task.budget_won:,}원)이 소속 사업 예산의 합({covered:,}원)보다 작아 "
            "사업 예산의 합을 과제 예산으로 썼습니다."
        )
    elif task.budget_won is not None and task.budget_won > covered:
        units.append(BudgetUnit(task.id, task.id, task.budget_won - covered))
    return units, note


def budget_units(data: ReportInput) -> tuple[tuple[BudgetUnit, ...], tuple[str, ...]]:
    """All budget units of the registry, in registry order, and notes on inconsistent budgets."""
    units: list[BudgetUnit] = []
    notes: list[str] = []
    unbudgeted: list[str] = []
    for task in data.tasks:
        task_units, note = task_budget_units(task, data.projects_of(task.id))
        units.extend(task_units)
        if note:
            notes.append(note)
        if task.budget_won is None and not task_units:
            unbudgeted.append(task.id)
    if unbudgeted:
        notes.append(
            f"과제 {len(unbudgeted)}개({', '.join(unbudgeted)})와 소속 사업에 예산 정보가 없어 "
            "예산 가중 반영률에서 빠졌습니다. 예산을 등록하면 함께 계산됩니다."
        )
    return tuple(units), tuple(notes)


def _verdict(data: ReportInput, proposal: str, actor: str) -> Verdict | None:
    cell = data.cell(proposal, actor)
    return cell.verdict if cell else None


def _unit_verdict(data: ReportInput, unit: BudgetUnit, actor: str) -> Verdict | None:
    verdict = _verdict(data, unit.proposal, actor)
    if verdict is None and unit.fallback is not None:
        verdict = _verdict(data, unit.fallback, actor)
    return verdict


def _best(verdicts: Iterable[Verdict | None]) -> Verdict | None:
    return max(verdicts, key=lambda v: _RANK[v], default=None)


def _actor_rate(data: ReportInput, actor: str, units: Sequence[BudgetUnit]) -> ActorRate:
    w = data.partial_weight
    projects = [p for p in data.proposals if p.parent is not None]
    mine = [c for c in data.cells if c.actor == actor]
    return ActorRate(
        actor=actor,
        tasks=count_rate((_verdict(data, t.id, actor) for t in data.tasks), w),
        projects=count_rate((_verdict(data, p.id, actor) for p in projects), w),
        budget=budget_rate(((u.amount_won, _unit_verdict(data, u, actor)) for u in units), w),
        reviewed=sum(1 for c in mine if c.reviewed),
        needs_review=sum(1 for c in mine if c.needs_review and not c.reviewed),
    )


def _pooled(data: ReportInput, units: Sequence[BudgetUnit]) -> ActorRate:
    """All actors' cells pooled: every proposal counted once per actor."""
    w = data.partial_weight
    projects = [p for p in data.proposals if p.parent is not None]
    actors = data.actors
    return ActorRate(
        actor=ALL_ACTORS,
        tasks=count_rate((_verdict(data, t.id, a) for t in data.tasks for a in actors), w),
        projects=count_rate((_verdict(data, p.id, a) for p in projects for a in actors), w),
        budget=budget_rate(((u.amount_won, _unit_verdict(data, u, a)) for u in units for a in actors), w),
        reviewed=sum(1 for c in data.cells if c.reviewed),
        needs_review=sum(1 for c in data.cells if c.needs_review and not c.reviewed),
    )


def _best_of(data: ReportInput, units: Sequence[BudgetUnit]) -> ActorRate:
    """For each proposal (and budget unit) the best verdict any actor gave it."""
    w = data.partial_weight
    projects = [p for p in data.proposals if p.parent is not None]

    def best(proposal: str) -> Verdict | None:
        return _best(_verdict(data, proposal, a) for a in data.actors)

    return ActorRate(
        actor=ANY_ACTOR,
        tasks=count_rate((best(t.id) for t in data.tasks), w),
        projects=count_rate((best(p.id) for p in projects), w),
        budget=budget_rate(((u.amount_won, _best(_unit_verdict(data, u, a) for a in data.actors)) for u in units), w),
    )


def _task_rate(data: ReportInput, task: ProposalRow, units: Sequence[BudgetUnit]) -> TaskRate:
    w = data.partial_weight
    projects = data.projects_of(task.id)
    mine = [u for u in units if u.task == task.id]
    by_actor = tuple(
        TaskActorRate(
            actor=a,
            verdict=_verdict(data, task.id, a),
            projects=count_rate((_verdict(data, p.id, a) for p in projects), w),
            budget=budget_rate(((u.amount_won, _unit_verdict(data, u, a)) for u in mine), w),
        )
        for a in data.actors
    )
    return TaskRate(
        task=task.id,
        title=task.title,
        budget_won=sum(u.amount_won for u in mine),
        by_actor=by_actor,
        actors=count_rate((r.verdict for r in by_actor), w),
        budget=budget_rate(((u.amount_won, _unit_verdict(data, u, a)) for u in mine for a in data.actors), w),
    )


def reflection_rates(data: ReportInput) -> RateTable:
    """Compute every rate of the report from validated input."""
    units, notes = budget_units(data)
    return RateTable(
        partial_weight=data.partial_weight,
        asked_won=sum(u.amount_won for u in units),
        actors=tuple(_actor_rate(data, a, units) for a in data.actors),
        tasks=tuple(_task_rate(data, t, units) for t in data.tasks),
        overall=_pooled(data, units),
        best=_best_of(data, units),
        notes=notes,
    )
