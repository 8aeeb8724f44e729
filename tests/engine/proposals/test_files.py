"""Registry files: formats, encodings, round trips and row/column errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from pledgetrack.engine.errors import ImportRowError, InputError
from pledgetrack.engine.proposals import read_proposals, write_proposals
from pledgetrack.engine.types import ProposalRow

DATA = Path(__file__).resolve().parents[2] / "data" / "proposals"
ILLUSTRATIVE = DATA / "gwangju-2025-illustrative.csv"
HEADER = "id,parent,title,description,budget\n"


def _csv(tmp_path: Path, body: str, name: str = "제안.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


def _round_trip(rows: list[ProposalRow], tmp_path: Path) -> list[ProposalRow]:
    """CSV → XLSX → YAML → CSV, each written and read back from a file."""
    current = rows
    for fmt in ("csv", "xlsx", "yaml", "csv"):
        buffer = io.BytesIO()
        write_proposals(current, fmt, buffer)
        path = tmp_path / f"step.{fmt}"
        path.write_bytes(buffer.getvalue())
        current = read_proposals(path)
    return current


def test_round_trip_gwangju_2022(shared_data: Path, tmp_path: Path) -> None:
    rows = read_proposals(shared_data / "gwangju-2022" / "proposals.csv")
    assert len(rows) == 17 and rows[2].parent == "GJ22-2"
    assert _round_trip(rows, tmp_path) == rows


def test_round_trip_illustrative(tmp_path: Path) -> None:
    rows = read_proposals(ILLUSTRATIVE)
    assert len(rows) == 13
    first = rows[0]
    assert first.budget_won == 63_000 * 10**8 and first.budget_national_won == 41_000 * 10**8
    assert first.keywords == ("AI 모델시티", "더 브레인 광주", "인공지능") and first.level == "national"
    assert rows[4].budget_won == 670 * 10**8 and rows[7].budget_won is None
    assert _round_trip(rows, tmp_path) == rows


def test_utf8_bom_and_cp949_read_the_same() -> None:
    assert ILLUSTRATIVE.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_proposals(DATA / "gwangju-2025-illustrative.cp949.csv") == read_proposals(ILLUSTRATIVE)


def test_written_csv_has_korean_amounts_and_yaml_integers() -> None:
    row = ProposalRow(id="A", title="과제", budget_won=81_400_000_000_000, keywords=("AI", "달빛"))
    csv_out, yaml_out = io.BytesIO(), io.BytesIO()
    write_proposals([row], "csv", csv_out)
    write_proposals([row], "yaml", yaml_out)
    assert "81조 4,000억원" in csv_out.getvalue().decode("utf-8-sig")
    assert "AI; 달빛" in csv_out.getvalue().decode("utf-8-sig")
    task = yaml.safe_load(yaml_out.getvalue())["tasks"][0]
    assert task["budget"] == 81_400_000_000_000 and task["keywords"] == ["AI", "달빛"]


def test_korean_headers_written_and_read(tmp_path: Path) -> None:
    rows = read_proposals(ILLUSTRATIVE)
    buffer = io.BytesIO()
    write_proposals(rows, "csv", buffer, korean_headers=True)
    text = buffer.getvalue().decode("utf-8-sig")
    assert text.startswith("번호,상위,제목,설명,사업비,국비,지방비,민자,담당부서,우선순위,핵심어,수준")
    assert ",국가\r\n" in text
    assert read_proposals(_csv(tmp_path, text)) == rows


def test_flat_yaml_and_nested_yaml(tmp_path: Path) -> None:
    flat = tmp_path / "flat.yml"
    flat.write_text(
        "- id: T1\n  title: 과제\n  budget: 81조원\n  level: 초광역\n"
        "- id: P1\n  parent: T1\n  제목: 사업\n  핵심어: [AI, GPU]\n",
        encoding="utf-8",
    )
    nested = tmp_path / "nested.yaml"
    nested.write_text(
        "tasks:\n- id: T1\n  title: 과제\n  budget: 81000000000000\n  level: supra\n"
        "  projects:\n  - id: P1\n    title: 사업\n    keywords: [AI, GPU]\n",
        encoding="utf-8",
    )
    expected = [
        ProposalRow(id="T1", title="과제", budget_won=81 * 10**12, level="supra"),
        ProposalRow(id="P1", title="사업", parent="T1", keywords=("AI", "GPU")),
    ]
    assert read_proposals(flat) == expected
    assert read_proposals(nested) == expected


def test_xlsx_numeric_cells(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["번호", "상위", "제목", "설명", "사업비", "우선순위"])
    sheet.append([1, None, "과제", None, 67_000_000_000, 2.0])
    sheet.append(["1-1", 1, "사업", None, "670억원", None])
    path = tmp_path / "제안.xlsx"
    workbook.save(path)
    rows = read_proposals(path)
    assert rows[0] == ProposalRow(id="1", title="과제", budget_won=67_000_000_000, priority=2)
    assert rows[1].parent == "1" and rows[1].budget_won == 67_000_000_000


def _error(path: Path) -> ImportRowError:
    with pytest.raises(ImportRowError) as caught:
        read_proposals(path)
    return caught.value


def test_missing_title(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, HEADER + "A,,과제,,\nB,A,,,\n"))
    assert (error.file, error.row, error.column) == ("제안.csv", 3, "title")
    assert "제안.csv 3행 'title' 열" in str(error) and "제목이 비어" in str(error)


def test_missing_title_korean_header_named(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, "번호,상위,제목\nA,,\n", encoding="cp949"))
    assert (error.row, error.column) == (2, "제목")


def test_unknown_parent(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, HEADER + "A,,과제,,\nB,Z,사업,,\n"))
    assert (error.row, error.column) == (3, "parent") and "'Z'" in str(error)


def test_cycle(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, HEADER + "A,,과제,,\nB,C,사업,,\nC,B,사업,,\n"))
    assert (error.row, error.column) == (3, "parent") and "B → C → B" in str(error)


def test_duplicate_id(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, HEADER + "A,,과제,,\nB,A,사업,,\nA,,또 과제,,\n"))
    assert (error.row, error.column) == (4, "id") and "2행" in str(error)


def test_unparseable_amount(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, "번호,제목,예산\nA,과제,81조원\nB,과제,많이\n"))
    assert (error.row, error.column) == (3, "예산") and "금액을 읽을 수 없습니다" in str(error)


def test_unknown_level(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, "id,title,level\nA,과제,광역\n"))
    assert (error.row, error.column) == (2, "level") and "regional" in str(error)


def test_comment_and_blank_rows_keep_spreadsheet_numbering(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, "# 예시\n" + HEADER + "A,,과제,,\n,,,,\nB,,,,\n"))
    assert error.row == 5


def test_yaml_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "제안.yaml"
    path.write_text(
        "tasks:\n- id: T1\n  title: 과제\n  projects:\n  - id: P1\n    budget: 억원\n    title: 사업\n",
        encoding="utf-8",
    )
    error = _error(path)
    assert (error.row, error.column) == (5, "budget")


def test_unknown_column_and_missing_columns(tmp_path: Path) -> None:
    error = _error(_csv(tmp_path, "id,title,비고\nA,과제,메모\n"))
    assert (error.row, error.column) == (1, "비고")
    error = _error(_csv(tmp_path, "id,description\nA,설명\n"))
    assert error.row == 1 and "title" in str(error)


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="csv, xlsx, yaml, yml"):
        read_proposals(tmp_path / "제안.txt")
    with pytest.raises(InputError, match="csv, xlsx, yaml, yml"):
        write_proposals([], "json", io.BytesIO())


def test_undecodable_csv(tmp_path: Path) -> None:
    path = tmp_path / "깨짐.csv"
    path.write_bytes(HEADER.encode() + b"A,,\xff\xff\xff,,\n")
    assert "인코딩" in str(_error(path))
