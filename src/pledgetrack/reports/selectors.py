"""Read-only queries behind the dashboard: the proposals × actors matrix and the latest changes.

Only tasks (top-level proposals) are matrix rows; a task's budget is its own or, if it has none,
the sum of its projects'. The reflection rates are the report engine's (see ``reports.rates``),
so the dashboard and every exported report show the same numbers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Q, QuerySet, Sum

from pledgetrack.audit.models import AuditEntry
from pledgetrack.audit.selectors import campaign_entries
from pledgetrack.engine.report.rates import ActorRate, RateTable, reflection_rates
from pledgetrack.engine.types import VERDICT_LABELS
from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Actor, Campaign, Proposal

STATE_LABELS: dict[str, str] = {**VERDICT_LABELS, "review": "검토 필요", "none": "—"}
LEVEL_LABELS: dict[str, str] = dict(Proposal.Level.choices)


def needs_review(machine_verdict: str, reviewed_verdict: str, reasons: Any = ()) -> bool:
    """An unreviewed cell the matcher is unsure of: one of its reasons starts with 검토 필요."""
    if reviewed_verdict:
        return False
    return any(str(r).startswith("검토 필요") for r in reasons or ())


def state_label(state: str, verdict: str) -> str:
    """The label a person reads: the verdict, and 검토 필요 beside it when the matcher is unsure."""
    if state == "review":
        return f"{VERDICT_LABELS.get(verdict, verdict)} · 검토 필요"
    return STATE_LABELS[state]


@dataclass(frozen=True)
class MatrixCell:
    cell_id: int | None
    state: str
    verdict: str
    reviewed: bool

    @property
    def label(self) -> str:
        return state_label(self.state, self.verdict)


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
class Filters:
    level: str = ""
    owner: str = ""
    verdict: str = ""


@dataclass(frozen=True)
class Matrix:
    """The tasks × actors table for one campaign and one set of filters."""

    actors: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
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


EMPTY = MatrixCell(None, "none", "", False)


def matrix(campaign: Campaign, filters: Filters | None = None) -> Matrix:
    """The tasks × actors matrix (each cell's effective verdict, or 검토 필요), filtered."""
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
    return Matrix(actors=tuple(a.name for a in actors), rows=tuple(rows), filters=filters)


def owners(campaign: Campaign) -> list[str]:
    """The departments that own the campaign's tasks (for the filter)."""
    tasks = Proposal.objects.filter(campaign=campaign, parent__isnull=True).exclude(owner="")
    return list(tasks.order_by("owner").values_list("owner", flat=True).distinct())


def version_stamp(campaign: Campaign) -> str:
    """Changes whenever anything the dashboard shows could have changed (cheap: three indexed aggregates)."""
    cells = MatchCell.objects.filter(proposal__campaign=campaign).aggregate(n=Count("id"), last=Max("updated_at"))
    proposals = Proposal.objects.filter(campaign=campaign).aggregate(n=Count("id"), last=Max("updated_at"))
    audit = AuditEntry.objects.aggregate(last=Max("id"))["last"]  # actor renames, reviews, imports
    raw = f"{cells['n']}|{cells['last']}|{proposals['n']}|{proposals['last']}|{audit}"
    return f"{campaign.pk}-{hashlib.blake2b(raw.encode(), digest_size=10).hexdigest()}"


def recent_changes(campaign: Campaign, limit: int = 10, *, query: Q | None = None) -> list[dict[str, Any]]:
    """The latest audit entries about the campaign's objects (and shared ones)."""
    found = AuditEntry.objects.filter(campaign_entries(campaign))
    entries = found.filter(query or Q()).order_by("-created_at", "-id")[:limit]
    return list(
        entries.values("id", "created_at", "actor_label", "action", "object_type", "object_label", "reason")
    )




@dataclass(frozen=True)
class DashboardRates:
    """The report engine's per-actor rows (each actor, then 전체 and 어느 한 곳이라도), its notes, and the
    검토 필요 count per actor. Only what the dashboard shows, so a cache hit unpickles little."""

    actors: tuple[ActorRate, ...]
    overall: ActorRate
    best: ActorRate
    partial_weight: float
    asked_won: int
    notes: tuple[str, ...]
    needs_review: dict[str, int]

    @classmethod
    def from_table(cls, table: RateTable, needs_review: dict[str, int]) -> DashboardRates:
        return cls(
            table.actors, table.overall, table.best, table.partial_weight, table.asked_won, table.notes, needs_review
        )

    @property
    def rows(self) -> tuple[ActorRate, ...]:
        """One row per actor, then 전체 and 어느 한 곳이라도 (none when no actor has a verdict)."""
        return (*self.actors, self.overall, self.best) if self.actors else ()


def _review_counts(campaign: Campaign) -> dict[str, int]:
    counts: dict[str, int] = {}
    rows = MatchCell.objects.filter(proposal__campaign=campaign, reviewed_verdict="").values_list(
        "actor__name", "machine_verdict", "reasons"
    )
    for actor, machine, reasons in rows.iterator(chunk_size=5000):
        counts[actor] = counts.get(actor, 0) + needs_review(machine, "", reasons)
    return counts


def dashboard_rates(campaign: Campaign, stamp: str | None = None) -> DashboardRates:
    """The engine's ``reflection_rates(build_report_input(campaign))``, cached per ``version_stamp``."""
    stamp = stamp or version_stamp(campaign)
    key = f"pledgetrack:rates:{stamp}"
    found = cache.get(key)
    if found is None:
        from pledgetrack.reports.services import build_report_input  # heavy (engine): import on use

        table = reflection_rates(build_report_input(campaign))
        found = DashboardRates.from_table(table, _review_counts(campaign))
        cache.set(key, found, timeout=None)
    return found


def _percent(values: list[float | None]) -> list[float | None]:
    return [None if v is None else round(v * 100, 1) for v in values]


def rates_chart(rates: DashboardRates) -> dict[str, Any]:
    """A plotly figure (plain JSON) of each actor's task rate, share and budget-weighted rate."""
    actors = rates.actors
    names = [r.actor for r in actors]
    w = f"{rates.partial_weight:g}"
    series = (
        (f"과제 반영률(부분반영×{w})", [r.tasks.rate for r in actors], "#1b6e3a"),
        ("반영·부분 비율", [r.tasks.share for r in actors], "#8a5a00"),
        (f"예산 가중 반영률(부분반영×{w})", [r.budget.rate for r in actors], "#0b4f9c"),
    )
    return {
        "data": [
            {"type": "bar", "name": name, "x": names, "y": _percent(values), "marker": {"color": colour}}
            for name, values, colour in series
            if any(v is not None for v in values)  # e.g. no budgets registered: no empty budget bars
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
