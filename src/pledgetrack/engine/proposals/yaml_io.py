"""YAML registry files: written as a tree (tasks with ``projects:``), read nested or flat.

Row numbers in errors are the line numbers of the items in the YAML file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO

import yaml

from pledgetrack.engine.errors import ImportRowError
from pledgetrack.engine.proposals.columns import ALIASES, COLUMNS, canonical_column
from pledgetrack.engine.proposals.rows import Cell, RawRow, to_cells, used_columns
from pledgetrack.engine.proposals.tabular import decode_csv
from pledgetrack.engine.types import ProposalRow

CHILDREN_KEYS = ("projects", "사업", "하위")
TOP_KEYS = ("tasks", "proposals", "과제", "정책제안")
_LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records each mapping's line number."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _items(document: object, file: str) -> list[Any]:
    if isinstance(document, dict):
        for key in TOP_KEYS:
            if key in document:
                document = document[key]
                break
    if document is None:
        return []
    if not isinstance(document, list):
        keys = ", ".join(TOP_KEYS)
        raise ImportRowError(f"YAML 최상위는 목록이거나 {keys} 중 하나의 키여야 합니다.", file=file, row=1)
    return document


def _cells(item: Mapping[str, Any], line: int, file: str) -> tuple[dict[str, Cell], dict[str, str]]:
    cells: dict[str, Cell] = {}
    headers: dict[str, str] = {}
    for key, value in item.items():
        if key == _LINE or key in CHILDREN_KEYS:
            continue
        column = canonical_column(str(key))
        if column is None:
            accepted = ", ".join([*ALIASES, *CHILDREN_KEYS])
            raise ImportRowError(
                f"알 수 없는 키 '{key}'입니다 (쓸 수 있는 키: {accepted}).",
                file=file,
                row=line,
                column=str(key),
            )
        cells[column] = [str(v) for v in value] if isinstance(value, list) else value
        headers[column] = str(key)
    return cells, headers


def _flatten(items: Sequence[Any], parent: str | None, file: str, out: list[RawRow]) -> None:
    for item in items:
        if not isinstance(item, dict):
            raise ImportRowError(f"항목이 키: 값 묶음이 아닙니다: {item!r}", file=file)
        line = int(item.get(_LINE, 0))
        cells, headers = _cells(item, line, file)
        if parent is not None:
            given = str(cells.get("parent") or "").strip()
            if given and given != parent:
                message = f"'{given}' 아래라고 적혀 있지만 '{parent}'의 projects 안에 있습니다."
                raise ImportRowError(message, file=file, row=line, column=headers.get("parent", "parent"))
            cells["parent"] = parent
        out.append(RawRow(line, cells, headers))
        children = next((item[key] for key in CHILDREN_KEYS if key in item), None) or []
        row_id = str(cells.get("id") or "").strip()
        _flatten(children if isinstance(children, list) else [children], row_id or None, file, out)


def read_yaml(data: bytes, file: str) -> list[RawRow]:
    try:
        document = yaml.load(decode_csv(data, file), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        raise ImportRowError(f"YAML 문법 오류입니다: {error}", file=file, row=row) from None
    rows: list[RawRow] = []
    _flatten(_items(document, file), None, file, rows)
    return rows


def _node(
    row: ProposalRow, children: Mapping[str | None, list[ProposalRow]], columns: list[str], korean: bool
) -> dict[str, Any]:
    cells = to_cells(row, structured=True, korean=korean)
    node: dict[str, Any] = {
        (COLUMNS[c] if korean else c): cells[c]
        for c in columns
        if c != "parent" and cells[c] not in (None, "", [])
    }
    kids = children.get(row.id, [])
    if kids:
        node["사업" if korean else "projects"] = [_node(kid, children, columns, korean) for kid in kids]
    return node


def write_yaml(rows: Sequence[ProposalRow], out: BinaryIO, korean: bool = False) -> None:
    """A tree: tasks, each with its ``projects``; budgets as whole won (integers)."""
    children: dict[str | None, list[ProposalRow]] = {}
    for row in rows:
        children.setdefault(row.parent, []).append(row)
    columns = used_columns(list(rows))
    tree = [_node(row, children, columns, korean) for row in children.get(None, [])]
    text = yaml.safe_dump(
        {"과제" if korean else "tasks": tree}, allow_unicode=True, sort_keys=False, width=100
    )
    out.write(("# pledgetrack 정책 제안 (과제 → 사업)\n" + text).encode("utf-8"))
