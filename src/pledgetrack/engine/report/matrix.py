"""The proposals × actors matrix: rows in registry order (tasks, each followed by its projects).

Every cell carries its Korean label, a symbol and a CSS class, so colour is never the only signal.
The same colours fill the XLSX matrix (:data:`VERDICT_FILLS`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pledgetrack.engine.report.model import ReportCell, ReportInput
from pledgetrack.engine.text.money import format_won
from pledgetrack.engine.types import VERDICT_LABELS, ProposalRow, Verdict

UNJUDGED_LABEL = "미판정"
NEEDS_REVIEW_LABEL = "검토 필요"
REVIEWED_LABEL = "검토 완료"
KIND_LABELS = {0: "과제", 1: "사업"}

VERDICT_CSS: dict[Verdict | None, str] = {
    "reflected": "v-reflected",
    "partial": "v-partial",
    "absent": "v-absent",
    None: "v-unjudged",
}
VERDICT_SYMBOLS: dict[Verdict | None, str] = {"reflected": "●", "partial": "◐", "absent": "○", None: "–"}
# Light fills under dark (#1a1a1a) text: every pair has a contrast ratio above 12:1.
VERDICT_FILLS: dict[Verdict | None, str] = {
    "reflected": "#B7E1C1",
    "partial": "#FFE08A",
    "absent": "#E6E8EB",
    None: "#FFFFFF",
}
# Strong colours for chart marks (bars, heatmap ends).
VERDICT_COLOURS: dict[Verdict | None, str] = {
    "reflected": "#1B7F3B",
    "partial": "#C98A00",
    "absent": "#8A9099",
    None: "#CCCCCC",
}


def verdict_label(verdict: Verdict | None) -> str:
    return VERDICT_LABELS[verdict] if verdict else UNJUDGED_LABEL


@dataclass(frozen=True)
class MatrixCell:
    actor: str
    verdict: Verdict | None
    label: str
    css_class: str
    symbol: str
    fill: str
    reviewed: bool = False
    needs_review: bool = False
    machine_verdict: Verdict | None = None
    score: float | None = None

    @property
    def review_label(self) -> str:
        """검토 완료 / 검토 필요 / '' (the review state in words)."""
        if self.reviewed:
            return REVIEWED_LABEL
        return NEEDS_REVIEW_LABEL if self.needs_review else ""

    @property
    def text(self) -> str:
        """What a cell shows: symbol, label and, if any, the review state."""
        review = f" · {self.review_label}" if self.review_label else ""
        return f"{self.symbol} {self.label}{review}"


@dataclass(frozen=True)
class MatrixRow:
    proposal: ProposalRow
    depth: int
    budget_won: int | None
    cells: tuple[MatrixCell, ...]

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.depth]

    @property
    def budget_label(self) -> str:
        return format_won(self.budget_won) if self.budget_won is not None else ""


@dataclass(frozen=True)
class Matrix:
    actors: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


def matrix_cell(actor: str, cell: ReportCell | None) -> MatrixCell:
    """The display form of one cell (None = not judged)."""
    verdict = cell.verdict if cell else None
    return MatrixCell(
        actor=actor,
        verdict=verdict,
        label=verdict_label(verdict),
        css_class=VERDICT_CSS[verdict],
        symbol=VERDICT_SYMBOLS[verdict],
        fill=VERDICT_FILLS[verdict],
        reviewed=bool(cell and cell.reviewed),
        needs_review=bool(cell and cell.needs_review and not cell.reviewed),
        machine_verdict=cell.machine_verdict if cell else None,
        score=cell.score if cell else None,
    )


def _row_budget(data: ReportInput, row: ProposalRow) -> int | None:
    """A project's own budget; a task's own budget, or the sum of its projects' if it has none."""
    if row.budget_won is not None or row.parent is not None:
        return row.budget_won
    budgets = [p.budget_won for p in data.projects_of(row.id) if p.budget_won is not None]
    return sum(budgets) if budgets else None


def build_matrix(data: ReportInput) -> Matrix:
    """The matrix of the report, rows in registry order with projects under their task."""
    rows = tuple(
        MatrixRow(
            proposal=row,
            depth=0 if row.parent is None else 1,
            budget_won=_row_budget(data, row),
            cells=tuple(matrix_cell(a, data.cell(row.id, a)) for a in data.actors),
        )
        for row in data.ordered
    )
    return Matrix(actors=data.actors, rows=rows)
