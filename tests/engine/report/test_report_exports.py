"""JSON, CSV and XLSX exports and the format mapping (예시 자료)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_sample import JO, make_cells, make_input

import pledgetrack
from pledgetrack.engine.errors import InputError
from pledgetrack.engine.report.exports import (
    CSV_COLUMNS,
    SCHEMA,
    WRITERS,
    to_csv,
    to_json,
    to_xlsx,
    write_report,
)
from pledgetrack.engine.report.model import ReportInput
from pledgetrack.engine.types import Evidence


def test_json_schema_and_provenance(report_input: ReportInput) -> None:
    doc = json.loads(to_json(report_input))
    keys = ["schema", "schema_version", "title", "provenance", "actors", "proposals", "cells", "rates"]
    assert list(doc) == [*keys, "events"]
    assert doc["schema"] == SCHEMA and doc["schema_version"] == 1
    prov = doc["provenance"]
    assert prov["version"] == pledgetrack.__version__
    assert prov["data_date"] == "2025-05-31"
    assert prov["generated_at"] == "2025-06-01T09:30:00+09:00"
    assert prov["matcher_settings"] == {"retriever": "bm25+dense", "threshold": 0.62, "top_k": 5}
    assert [s["actor"] for s in prov["sources"]] == ["가람당", "나래당", "다온 후보"]
    assert all(len(s["sha256"]) == 64 for s in prov["sources"])
    assert len(doc["cells"]) == 28  # 30 proposal × actor pairs, 2 not judged
    assert doc["proposals"][1]["budget_label"] == "20조원"
    garam = doc["rates"]["actors"][0]
    assert garam["actor"] == "가람당"
    assert garam["budget"]["rate"] == pytest.approx(56 / 81)
    assert doc["rates"]["asked_won"] == 81 * JO
    reviewed = next(c for c in doc["cells"] if c["proposal"] == "T1-2" and c["actor"] == "가람당")
    assert (reviewed["verdict"], reviewed["machine_verdict"], reviewed["reviewed"]) == (
        "partial",
        "reflected",
        True,
    )
    assert reviewed["evidence"][0]["page"] == 12
    # source publication dates join the advocacy events, sorted by date
    assert [e["date"] for e in doc["events"]][:2] == ["2025-04-08", "2025-04-14"]
    assert doc["events"][-1]["kind_label"] == "문서 발표"


def test_json_is_stable(report_input: ReportInput) -> None:
    assert to_json(report_input) == to_json(make_input())


def test_csv_has_bom_and_one_row_per_cell(report_input: ReportInput) -> None:
    text = to_csv(report_input)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 30
    missing = next(r for r in rows if r["제안ID"] == "T4-2" and r["정당·후보"] == "나래당")
    assert (missing["판정"], missing["판정코드"], missing["근거"]) == ("미판정", "", "")
    reviewed = next(r for r in rows if r["제안ID"] == "T1-2" and r["정당·후보"] == "가람당")
    assert (reviewed["판정"], reviewed["자동판정"], reviewed["검토"]) == ("부분반영", "반영", "검토 완료")
    assert reviewed["근거"].startswith("[가람당_공약집_예시.pdf 12쪽]")
    assert reviewed["도구버전"] == pledgetrack.__version__
    assert "a32b57e2" in reviewed["출처문서(sha256)"]


def test_csv_keeps_formula_like_text_as_text() -> None:
    cells = list(make_cells())
    quote = "- 광주 AI 실증 (예시)"
    ev = Evidence(document="=HYPERLINK(1)", page=None, start=0, end=len(quote), quote=quote)
    cells[0] = replace(cells[0], evidence=(ev,), reasons=("=1+1",))
    rows = list(csv.DictReader(io.StringIO(to_csv(make_input(cells=tuple(cells)))[1:])))
    assert rows[0]["사유"] == "'=1+1"
    assert rows[0]["근거"] == "[=HYPERLINK(1)] - 광주 AI 실증 (예시)"  # starts with '[', so not prefixed


def test_xlsx_sheets_fills_and_provenance(report_input: ReportInput) -> None:
    buffer = io.BytesIO()
    to_xlsx(report_input, buffer)
    wb = load_workbook(io.BytesIO(buffer.getvalue()))
    assert wb.sheetnames == ["요약", "매트릭스", "근거", "출처", "일정"]
    summary = wb["요약"]
    assert summary["A6"].value == "가람당"
    assert summary["N6"].value == pytest.approx(56 / 81)
    assert summary["N6"].number_format == "0.0%"
    matrix = wb["매트릭스"]
    assert [c.value for c in matrix[1]] == ["구분", "ID", "제안명", "예산", "가람당", "나래당", "다온 후보"]
    assert matrix["E2"].value == "● 반영"
    assert matrix["E2"].fill.fgColor.rgb.endswith("B7E1C1")
    assert matrix["F11"].value == "– 미판정"
    assert matrix["C3"].alignment.indent == 2
    evidence = wb["근거"]
    assert evidence["J2"].value.startswith("가람당은(는) T1 관련")
    sources = {row[0]: row[1] for row in wb["출처"].iter_rows(values_only=True) if row[0]}
    assert sources["도구"] == f"pledgetrack {pledgetrack.__version__}"
    assert sources["데이터 기준일"] == "2025-05-31"
    assert sources["판정 설정: threshold"] == "0.62"
    hashes = [row[2] for row in wb["출처"].iter_rows(min_row=2, max_row=4, values_only=True)]
    assert all(h and len(h) == 64 for h in hashes)


def test_xlsx_never_writes_formulas() -> None:
    cells = list(make_cells())
    cells[0] = replace(cells[0], reasons=("=SUM(A1:A2)",))
    buffer = io.BytesIO()
    to_xlsx(make_input(cells=tuple(cells)), buffer)
    ws = load_workbook(io.BytesIO(buffer.getvalue()))["근거"]
    assert ws["G2"].value == "=SUM(A1:A2)" and ws["G2"].data_type == "s"


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_write_report_by_suffix(tmp_path: Path, report_input: ReportInput, fmt: str) -> None:
    out = write_report(report_input, tmp_path / "sub" / f"report.{fmt.upper()}")
    assert out.stat().st_size > 1000


def test_unknown_format_lists_known_ones(tmp_path: Path, report_input: ReportInput) -> None:
    with pytest.raises(InputError) as info:
        write_report(report_input, tmp_path / "report.docx")
    for name in WRITERS:
        assert name in str(info.value)
    with pytest.raises(InputError, match="확장자"):
        write_report(report_input, tmp_path / "report")


def test_report_dict_is_json_native(report_input: ReportInput) -> None:
    from pledgetrack.engine.report.exports import report_dict

    doc = report_dict(report_input)
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc  # no dates or tuples left
    assert doc["provenance"]["sources"][0]["published"] == "2025-05-10"


def test_docs_describe_the_schema_formats_and_columns(report_input: ReportInput) -> None:
    docs = (Path(__file__).resolve().parents[3] / "docs" / "reports.md").read_text(encoding="utf-8")
    doc = json.loads(to_json(report_input))
    for key in doc:
        assert f"\n{key} " in docs, f"docs/reports.md does not describe the JSON key '{key}'"
    for name in WRITERS:
        assert f"| `{name}` |" in docs
    for column in CSV_COLUMNS:
        assert column in docs
    for key in doc["rates"]["actors"][0]["budget"]:
        assert key in docs
