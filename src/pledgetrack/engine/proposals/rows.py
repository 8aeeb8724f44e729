"""Cells of one registry row ⇄ ``ProposalRow``, with errors naming file, row and column."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pledgetrack.engine.errors import ImportRowError, MoneyFormatError
from pledgetrack.engine.proposals.columns import BUDGET_FIELDS, COLUMNS, LEVEL_LABELS, LEVELS, REQUIRED
from pledgetrack.engine.text.money import format_won, parse_won
from pledgetrack.engine.types import ProposalRow

Cell = str | int | float | list[str] | None
_KEYWORD_SPLIT = re.compile(r"[;,、]")


@dataclass(frozen=True)
class RawRow:
    """One row as read: its number as the user sees it, and its cells by canonical column."""

    row: int
    cells: Mapping[str, Cell]
    headers: Mapping[str, str] = field(default_factory=dict)  # canonical -> header in the file

    def header(self, column: str) -> str:
        return self.headers.get(column, column)


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value).strip()


def _budget(raw: RawRow, column: str, file: str) -> int | None:
    value = raw.cells.get(column)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0 or (isinstance(value, float) and not value.is_integer()):
            message = f"금액 {value}은(는) 0 이상의 원 단위 정수여야 합니다."
            raise ImportRowError(message, file=file, row=raw.row, column=raw.header(column))
        return int(value)
    text = _text(value)
    if not text:
        return None
    try:
        return parse_won(text)
    except MoneyFormatError as error:
        raise ImportRowError(str(error), file=file, row=raw.row, column=raw.header(column)) from None


def _priority(raw: RawRow, file: str) -> int | None:
    text = _text(raw.cells.get("priority"))
    if not text:
        return None
    if not text.isdigit():
        message = f"우선순위 '{text}'는 1, 2, 3 같은 자연수여야 합니다."
        raise ImportRowError(message, file=file, row=raw.row, column=raw.header("priority"))
    return int(text)


def _keywords(value: Cell) -> tuple[str, ...]:
    items = value if isinstance(value, list) else _KEYWORD_SPLIT.split(_text(value))
    return tuple(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))


def _level(raw: RawRow, file: str) -> str:
    text = _text(raw.cells.get("level"))
    if not text:
        return ""
    if text.lower() not in LEVELS:
        allowed = ", ".join(LEVELS)
        message = f"알 수 없는 수준 '{text}'입니다. 다음 중 하나로 적어 주세요: {allowed}."
        raise ImportRowError(message, file=file, row=raw.row, column=raw.header("level"))
    return LEVELS[text.lower()]


def to_proposal(raw: RawRow, file: str) -> ProposalRow:
    """Convert one raw row; raises ``ImportRowError`` naming the row and column at fault."""
    row_id, title = _text(raw.cells.get("id")), _text(raw.cells.get("title"))
    if not row_id:
        raise ImportRowError("번호(id)가 비어 있습니다.", file=file, row=raw.row, column=raw.header("id"))
    if not title:
        message = f"'{row_id}'의 제목이 비어 있습니다. 과제·사업 이름을 적어 주세요."
        raise ImportRowError(message, file=file, row=raw.row, column=raw.header("title"))
    budgets = {name: _budget(raw, column, file) for column, name in BUDGET_FIELDS.items()}
    return ProposalRow(
        id=row_id,
        title=title,
        parent=_text(raw.cells.get("parent")) or None,
        description=_text(raw.cells.get("description")),
        owner=_text(raw.cells.get("owner")),
        priority=_priority(raw, file),
        keywords=_keywords(raw.cells.get("keywords")),
        level=_level(raw, file),  # type: ignore[arg-type]
        **budgets,
    )


def used_columns(rows: list[ProposalRow]) -> list[str]:
    """The required columns plus every optional column that some row fills, in canonical order."""
    cells = [to_cells(row, structured=True) for row in rows]
    return [c for c in COLUMNS if c in REQUIRED or any(cell[c] not in (None, "", []) for cell in cells)]


def to_cells(row: ProposalRow, *, structured: bool, korean: bool = False) -> dict[str, Cell]:
    """A row's cells by canonical column. ``structured``: budgets as integers and keywords as a list
    (YAML); otherwise budgets as Korean amounts and keywords joined by "; " (CSV, XLSX)."""
    cells: dict[str, Cell] = {
        "id": row.id,
        "parent": row.parent or "",
        "title": row.title,
        "description": row.description,
        "owner": row.owner,
        "priority": row.priority,
        "keywords": list(row.keywords) if structured else "; ".join(row.keywords),
        "level": LEVEL_LABELS.get(row.level, row.level) if korean else row.level,
    }
    for column, name in BUDGET_FIELDS.items():
        won = getattr(row, name)
        cells[column] = won if structured or won is None else format_won(won)
    return cells
