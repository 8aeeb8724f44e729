"""Whole-registry checks: unique ids, existing parents, no cycles, every row titled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pledgetrack.engine.errors import ImportRowError
from pledgetrack.engine.types import ProposalRow


def _row_number(numbers: Sequence[int] | None, index: int) -> int:
    return numbers[index] if numbers is not None else index + 2  # header is row 1


def _check_ids(rows: Sequence[ProposalRow], file: str, numbers: Sequence[int] | None, id_column: str) -> None:
    first: dict[str, int] = {}
    for index, row in enumerate(rows):
        number = _row_number(numbers, index)
        if row.id in first:
            message = f"번호 '{row.id}'가 {first[row.id]}행에도 있습니다. 번호는 한 번씩만 써 주세요."
            raise ImportRowError(message, file=file, row=number, column=id_column)
        first[row.id] = number


def _check_cycle(start: str, parents: Mapping[str, str | None]) -> list[str] | None:
    """The cycle reached from ``start`` by following parents, or None."""
    path, current = [start], parents.get(start)
    while current is not None and current in parents:
        if current in path:
            return [*path[path.index(current) :], current]
        path.append(current)
        current = parents[current]
    return None


def validate_proposals(
    rows: Sequence[ProposalRow],
    *,
    file: str,
    row_numbers: Sequence[int] | None = None,
    columns: Mapping[str, str] | None = None,
) -> None:
    """Raise ``ImportRowError`` for the first problem; ``row_numbers`` as the user sees them
    (default: header on row 1, one row per proposal); ``columns`` maps canonical to shown headers."""
    shown = dict(columns or {})
    _check_ids(rows, file, row_numbers, shown.get("id", "id"))
    parents = {row.id: row.parent for row in rows}
    for index, row in enumerate(rows):
        number = _row_number(row_numbers, index)
        if not row.title.strip():
            raise ImportRowError(
                f"'{row.id}'의 제목이 비어 있습니다.",
                file=file,
                row=number,
                column=shown.get("title", "title"),
            )
        if row.parent is not None and row.parent not in parents:
            message = (
                f"상위 번호 '{row.parent}'인 과제가 파일에 없습니다. "
                "번호를 고치거나 상위 과제 행을 추가해 주세요."
            )
            raise ImportRowError(message, file=file, row=number, column=shown.get("parent", "parent"))
        cycle = _check_cycle(row.id, parents)
        if cycle:
            message = (
                f"상위 관계가 돌고 돕니다 ({' → '.join(cycle)}). 과제가 자기 자신의 하위가 될 수 없습니다."
            )
            raise ImportRowError(message, file=file, row=number, column=shown.get("parent", "parent"))
