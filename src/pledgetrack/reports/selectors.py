"""Read-only queries behind the dashboard: the proposals × actors matrix and reflection rates.

Only tasks (top-level proposals) are rows; a task's budget is its own or, if it has none,
the sum of its projects'. Rates count the effective verdict (a person's review wins).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet, Sum

from pledgetrack.audit.models import AuditEntry
from pledgetrack.engine.types import VERDICT_LABELS
from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Actor, Campaign, Proposal

STATE_LABELS: dict[str, str] = {**VERDICT_LABELS, "review": "검토 필요", "none": "—"}
LEVEL_LABELS: dict[str, str] = dict(Proposal.Level.choices)


def needs_review(machine_verdict: str, reviewed_verdict: str, reasons: Any = ()) -> bool:
    """An unreviewed cell the matcher is unsure of: a partial verdict, or a reason that asks for review."""
    if reviewed_verdict:
        return False
    return machine_verdict == "partial" or any("검토 필요" in str(r) for r in reasons or ())


@dataclass(frozen=True)
class MatrixCell:
    cell_id: int | None
    state: str
    verdict: str
    reviewed: bool

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class MatrixRow:
    proposal_id: int
    code: str
    title: str
    level: str
    owner: str
    budget_won: int | None
    cells: tuple[MatrixCell, ...]


@dataclass(frozen=True)
class ActorRate:
    actor: str
    total: int
    reflected: int
    partial: int
    absent: int
    review: int
    budget_total: int
    budget_reflected: int
    budget_partial: int

    @property
    def rate(self) -> float:
        return self.reflected / self.total if self.total else 0.0

    @property
    def partial_rate(self) -> float:
        return self.partial / self.total if self.total else 0.0

    @property
    def budget_rate(self) -> float:
        return self.budget_reflected / self.budget_total if self.budget_total else 0.0

    @property
    def budget_partial_rate(self) -> float:
        return self.budget_partial / self.budget_total if self.budget_total else 0.0


@dataclass(frozen=True)
class Filters:
    level: str = ""
    owner: str = ""
    verdict: str = ""


@dataclass(frozen=True)
class Dashboard:
    campaign: str
    actors: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    rates: tuple[ActorRate, ...]
    budget_total: int
    owners: tuple[str, ...]
    recent: tuple[dict[str, Any], ...]
    filters: Filters


def _tasks(campaign: Campaign, filters: Filters) -> QuerySet[Proposal]:
    tasks = Proposal.objects.filter(campaign=campaign, parent__isnull=True)
    if filters.level:
        tasks = tasks.filter(level=filters.level)
    if filters.owner:
        tasks = tasks.filter(owner=filters.owner)
    return tasks.order_by("position", "code")


def _budgets(campaign: Campaign, tasks: list[dict[str, Any]]) -> dict[int, int | None]:
    sums = dict(
        Proposal.objects.filter(campaign=campaign, parent__isnull=False)
        .values_list("parent_id")
        .annotate(total=Sum("budget_won"))
        .values_list("parent_id", "total")
    )
    return {t["id"]: t["budget_won"] if t["budget_won"] is not None else sums.get(t["id"]) for t in tasks}


def _cells(task_ids: list[int]) -> tuple[list[Actor], dict[tuple[int, int], MatrixCell]]:
    rows = MatchCell.objects.filter(proposal_id__in=task_ids).values_list(
        "id", "proposal_id", "actor_id", "machine_verdict", "reviewed_verdict", "reasons"
    )
    cells: dict[tuple[int, int], MatrixCell] = {}
    for cell_id, proposal_id, actor_id, machine, reviewed, reasons in rows.iterator(chunk_size=5000):
        verdict = reviewed or machine
        state = "review" if needs_review(machine, reviewed, reasons) else verdict
        cells[(proposal_id, actor_id)] = MatrixCell(cell_id, state, verdict, bool(reviewed))
    actor_ids = {actor_id for _, actor_id in cells}
    return list(Actor.objects.filter(pk__in=actor_ids).order_by("name")), cells


def _rate(actor: Actor, rows: list[MatrixRow], column: int) -> ActorRate:
    counts: dict[str, int] = defaultdict(int)
    budget: dict[str, int] = defaultdict(int)
    for row in rows:
        cell = row.cells[column]
        if cell.cell_id is None:
            continue
        counts[cell.verdict] += 1
        counts["review"] += cell.state == "review"
        budget[cell.verdict] += row.budget_won or 0
        budget["total"] += row.budget_won or 0
    total = counts["reflected"] + counts["partial"] + counts["absent"]
    return ActorRate(
        actor.name,
        total,
        counts["reflected"],
        counts["partial"],
        counts["absent"],
        counts["review"],
        budget["total"],
        budget["reflected"],
        budget["partial"],
    )


EMPTY = MatrixCell(None, "none", "", False)


def dashboard(campaign: Campaign, filters: Filters | None = None, *, recent: int = 10) -> Dashboard:
    """The matrix, per-actor rates (by count and budget-weighted) and the latest changes."""
    filters = filters or Filters()
    tasks = list(_tasks(campaign, filters).values("id", "code", "title", "level", "owner", "budget_won"))
    budgets = _budgets(campaign, tasks)
    actors, cells = _cells([t["id"] for t in tasks])
    rows = [
        MatrixRow(
            t["id"],
            t["code"],
            t["title"],
            LEVEL_LABELS.get(t["level"], ""),
            t["owner"],
            budgets[t["id"]],
            tuple(cells.get((t["id"], a.pk), EMPTY) for a in actors),
        )
        for t in tasks
    ]
    if filters.verdict:
        rows = [r for r in rows if any(c.state == filters.verdict for c in r.cells)]
    owners = Proposal.objects.filter(campaign=campaign, parent__isnull=True).exclude(owner="")
    return Dashboard(
        campaign=campaign.name,
        actors=tuple(a.name for a in actors),
        rows=tuple(rows),
        rates=tuple(_rate(a, rows, i) for i, a in enumerate(actors)),
        budget_total=sum(r.budget_won or 0 for r in rows),
        owners=tuple(owners.order_by("owner").values_list("owner", flat=True).distinct()),
        recent=tuple(recent_changes(recent)),
        filters=filters,
    )


def recent_changes(limit: int = 10, *, query: Q | None = None) -> list[dict[str, Any]]:
    entries = AuditEntry.objects.filter(query or Q()).order_by("-created_at", "-id")[:limit]
    return list(
        entries.values("id", "created_at", "actor_label", "action", "object_type", "object_label", "reason")
    )


def rates_chart(board: Dashboard) -> dict[str, Any]:
    """A plotly figure (as plain JSON) of reflection rates per actor, by count and by budget."""
    names = list(board.actors)
    return {
        "data": [
            {
                "type": "bar",
                "name": "반영(건수)",
                "x": names,
                "y": [round(r.rate * 100, 1) for r in board.rates],
                "marker": {"color": "#1b6e3a"},
            },
            {
                "type": "bar",
                "name": "부분반영(건수)",
                "x": names,
                "y": [round(r.partial_rate * 100, 1) for r in board.rates],
                "marker": {"color": "#c98a00"},
            },
            {
                "type": "bar",
                "name": "반영(예산 가중)",
                "x": names,
                "y": [round(r.budget_rate * 100, 1) for r in board.rates],
                "marker": {"color": "#0b4f9c"},
            },
        ],
        "layout": {
            "barmode": "group",
            "yaxis": {"title": {"text": "%"}, "range": [0, 100]},
            "height": 320,
            "margin": {"t": 20, "b": 60, "l": 50, "r": 10},
            "font": {"family": "NanumGothic, sans-serif"},
            "legend": {"orientation": "h"},
        },
    }
