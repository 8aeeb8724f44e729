"""DOCX reader on documents written with python-docx (예시 보도자료)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
import pytest

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.docx import read_docx
from tests.data.ingest.make_zip import stored, write_zip


def make_docx(path: Path) -> Path:
    """An illustrative (예시) press release: heading, paragraphs, a table between them."""
    document = docx.Document()
    document.add_heading("광주시, 대선 공약 반영 요청 (예시 보도자료)", level=1)
    document.add_paragraph("광주시는 AI 중심도시 완성을 위한 과제를 각 정당에 전달했다.")
    document.add_heading("주요 과제", level=2)
    table = document.add_table(rows=3, cols=2)
    for row, cells in enumerate([("과제", "사업비"), ("AX 실증밸리", "6,000억원"), ("달빛철도", "4.5조원")]):
        for col, text in enumerate(cells):
            table.cell(row, col).text = text
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "병합된 칸"
    merged.cell(0, 2).text = "옆 칸"
    document.add_paragraph("")
    document.add_paragraph("문의: 광주시 대외협력과")
    props = document.core_properties
    props.title = "대선 공약 반영 요청"
    props.author = "광주광역시 대외협력과"
    props.created = datetime(2025, 4, 8, 9, 30)
    document.save(str(path))
    return path


def test_body_order_headings_tables_and_metadata(tmp_path: Path) -> None:
    [extraction] = read_docx(make_docx(tmp_path / "보도자료.docx"), "s")
    assert extraction.format == "docx" and extraction.file == "보도자료.docx"
    assert extraction.pages[0].text.split("\n") == [
        "# 광주시, 대선 공약 반영 요청 (예시 보도자료)",
        "광주시는 AI 중심도시 완성을 위한 과제를 각 정당에 전달했다.",
        "## 주요 과제",
        "과제\t사업비",
        "AX 실증밸리\t6,000억원",
        "달빛철도\t4.5조원",
        "병합된 칸\t옆 칸",
        "문의: 광주시 대외협력과",
    ]
    meta = extraction.metadata
    assert meta.title == "대선 공약 반영 요청"
    assert meta.byline == "광주광역시 대외협력과"
    assert meta.published is not None and meta.published.isoformat() == "2025-04-08"


def test_broken_docx_is_a_document_error(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "깨짐.docx", [stored("word/document.xml", b"<w:document")])
    with pytest.raises(DocumentError, match=r"깨짐\.docx"):
        read_docx(path, "x")
