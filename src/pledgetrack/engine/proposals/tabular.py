"""CSV (UTF-8 with or without BOM, or CP949 as Korean Excel writes it) and XLSX registry files.

Rows are numbered as a spreadsheet shows them: the first line of the file is row 1. Lines starting
with "#" before the header are comments (e.g. "# 예시 데이터"); blank rows are skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import BinaryIO

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from pledgetrack.engine.errors import ImportRowError
from pledgetrack.engine.proposals.columns import ALIASES, COLUMNS, canonical_column
from pledgetrack.engine.proposals.rows import Cell, RawRow, to_cells, used_columns
from pledgetrack.engine.types import ProposalRow

ENCODINGS = ("utf-8", "cp949")


def decode_csv(data: bytes, file: str) -> str:
    """Decode a CSV file: UTF-8 (a BOM is dropped), else CP949."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    tried = ", ".join(ENCODINGS)
    raise ImportRowError(
        f"글자 인코딩을 알 수 없습니다 ({tried} 모두 아님). UTF-8로 저장해 다시 올려 주세요.", file=file
    )


def _header(values: Sequence[Cell], row: int, file: str) -> list[str | None]:
    columns: list[str | None] = []
    for value in values:
        text = "" if value is None else str(value).strip()
        column = canonical_column(text) if text else None
        if text and column is None:
            accepted = ", ".join(ALIASES)
            message = (
                f"알 수 없는 열 '{text}'입니다. 열 이름을 고치거나 지워 주세요 (쓸 수 있는 열: {accepted})."
            )
            raise ImportRowError(message, file=file, row=row, column=text)
        if column is not None and column in columns:
            raise ImportRowError(f"같은 열이 두 번 있습니다 ('{text}').", file=file, row=row, column=text)
        columns.append(column)
    missing = [name for name in ("id", "title") if name not in columns]
    if missing:
        names = ", ".join(f"{name}({COLUMNS[name]})" for name in missing)
        raise ImportRowError(f"꼭 있어야 할 열이 없습니다: {names}.", file=file, row=row)
    return columns


def _is_blank(values: Sequence[Cell]) -> bool:
    return all(value is None or str(value).strip() == "" for value in values)


def raw_rows(records: Iterable[tuple[int, Sequence[Cell]]], file: str) -> list[RawRow]:
    """Rows of a table given as (row number, cell values), the header being the first real row."""
    columns: list[str | None] | None = None
    headers: dict[str, str] = {}
    rows: list[RawRow] = []
    for number, values in records:
        if _is_blank(values) or (columns is None and str(values[0] or "").lstrip().startswith("#")):
            continue
        if columns is None:
            columns = _header(values, number, file)
            headers = {c: str(v).strip() for c, v in zip(columns, values, strict=False) if c is not None}
            continue
        cells = {c: v for c, v in zip(columns, values, strict=False) if c is not None}
        rows.append(RawRow(number, cells, headers))
    if columns is None:
        raise ImportRowError("머리글 행이 없습니다. 첫 행에 id, title 같은 열 이름을 적어 주세요.", file=file)
    return rows


def read_csv(data: bytes, file: str) -> list[RawRow]:
    text = decode_csv(data, file)
    reader = csv.reader(io.StringIO(text, newline=""))
    return raw_rows(((number, row) for number, row in enumerate(reader, start=1)), file)


def _xlsx_value(value: object) -> Cell:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def read_xlsx(data: bytes, file: str) -> list[RawRow]:
    """The first worksheet of an XLSX workbook."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (OSError, KeyError, ValueError) as error:
        raise ImportRowError(
            f"XLSX 파일을 열 수 없습니다 ({error}). 엑셀에서 다시 저장해 주세요.", file=file
        ) from None
    try:
        sheet = workbook.worksheets[0]
        records = (
            (number, [_xlsx_value(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        return raw_rows(records, file)
    finally:
        workbook.close()


def _table(rows: Sequence[ProposalRow], korean: bool) -> tuple[list[str], list[list[Cell]]]:
    columns = used_columns(list(rows))
    header = [COLUMNS[c] if korean else c for c in columns]
    body = []
    for row in rows:
        cells = to_cells(row, structured=False, korean=korean)
        body.append(["" if cells[c] is None else cells[c] for c in columns])
    return header, body


def write_csv(rows: Sequence[ProposalRow], out: BinaryIO, korean: bool = False) -> None:
    """UTF-8 with a BOM, so that Excel opens Korean text correctly."""
    header, body = _table(rows, korean)
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(body)
    text.flush()
    text.detach()


def write_xlsx(rows: Sequence[ProposalRow], out: BinaryIO, korean: bool = False) -> None:
    header, body = _table(rows, korean)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "정책제안"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in body:
        sheet.append(values)
    workbook.save(out)
