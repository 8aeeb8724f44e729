"""The proposal registry's files: read and write CSV, XLSX and YAML; validate the whole import.

Example::

    rows = read_proposals(Path("proposals.csv"))          # ImportRowError names file, row, column
    with open("proposals.yaml", "wb") as out:
        write_proposals(rows, "yaml", out)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from pledgetrack.engine.errors import InputError
from pledgetrack.engine.proposals.rows import RawRow, to_proposal
from pledgetrack.engine.proposals.tabular import read_csv, read_xlsx, write_csv, write_xlsx
from pledgetrack.engine.proposals.validate import validate_proposals
from pledgetrack.engine.proposals.yaml_io import read_yaml, write_yaml
from pledgetrack.engine.types import ProposalRow

__all__ = ["READERS", "WRITERS", "read_proposals", "validate_proposals", "write_proposals"]

READERS: dict[str, Callable[[bytes, str], list[RawRow]]] = {
    "csv": read_csv,
    "xlsx": read_xlsx,
    "yaml": read_yaml,
    "yml": read_yaml,
}
WRITERS: dict[str, Callable[[Sequence[ProposalRow], BinaryIO, bool], None]] = {
    "csv": write_csv,
    "xlsx": write_xlsx,
    "yaml": write_yaml,
    "yml": write_yaml,
}


def _format(fmt: str, choices: Sequence[str], file: str) -> str:
    key = fmt.lower().lstrip(".")
    if key not in choices:
        raise InputError(
            f"지원하지 않는 정책 제안 파일 형식 '{fmt}' ({file}). 쓸 수 있는 형식: {', '.join(choices)}."
        )
    return key


def read_proposals(path: Path, fmt: str | None = None) -> list[ProposalRow]:
    """Read a whole registry file; all or nothing (``ImportRowError`` on the first bad row)."""
    file = path.name
    reader = READERS[_format(fmt or path.suffix, list(READERS), file)]
    raws = reader(path.read_bytes(), file)
    rows = [to_proposal(raw, file) for raw in raws]
    headers = raws[0].headers if raws else {}
    validate_proposals(rows, file=file, row_numbers=[raw.row for raw in raws], columns=headers)
    return rows


def write_proposals(
    rows: Sequence[ProposalRow], fmt: str, out: BinaryIO, *, korean_headers: bool = False
) -> None:
    """Write rows as ``fmt`` (csv, xlsx, yaml): budgets as Korean amounts in CSV/XLSX, integers in YAML."""
    writer = WRITERS[_format(fmt, list(WRITERS), "내보내기")]
    validate_proposals(rows, file="내보내기")
    writer(rows, out, korean_headers)
