"""Report exports: JSON, CSV, XLSX, HTML and PDF, each stating its provenance.

``WRITERS`` maps a format name to a writer ``(data, out_path) -> None``;
:func:`write_report` picks one by name or by the output file's suffix.
The JSON schema is documented in docs/reports.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pledgetrack
from pledgetrack.engine.errors import InputError
from pledgetrack.engine.report.formatting import day, moment, won
from pledgetrack.engine.report.matrix import build_matrix, verdict_label
from pledgetrack.engine.report.model import ReportCell, ReportInput
from pledgetrack.engine.report.provenance import provenance, sources_of
from pledgetrack.engine.report.rates import reflection_rates
from pledgetrack.engine.report.timeline import timeline_events
from pledgetrack.engine.report.xlsx import to_xlsx
from pledgetrack.engine.types import Evidence, ProposalRow

SCHEMA = "pledgetrack.report"
SCHEMA_VERSION = 1
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "제안ID",
    "구분",
    "상위과제ID",
    "제안명",
    "예산(원)",
    "정당·후보",
    "판정",
    "판정코드",
    "자동판정",
    "검토",
    "점수",
    "사유",
    "근거",
    "출처문서(sha256)",
    "데이터기준일",
    "생성시각",
    "도구버전",
    "판정설정",
)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def _plain(value: Any) -> Any:
    """Dates to ISO text and tuples to lists, recursively, so the dict is JSON-native."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _proposal_json(row: ProposalRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": "task" if row.parent is None else "project",
        "parent": row.parent,
        "title": row.title,
        "budget_won": row.budget_won,
        "budget_label": won(row.budget_won) if row.budget_won is not None else "",
        "description": row.description,
        "owner": row.owner,
        "level": row.level,
    }


def _cell_json(cell: ReportCell) -> dict[str, Any]:
    return {
        "proposal": cell.proposal,
        "actor": cell.actor,
        "verdict": cell.verdict,
        "verdict_label": verdict_label(cell.verdict),
        "machine_verdict": cell.machine_verdict,
        "reviewed": cell.reviewed,
        "needs_review": cell.needs_review and not cell.reviewed,
        "review_note": cell.review_note,
        "score": cell.score,
        "reasons": list(cell.reasons),
        "evidence": [asdict(e) for e in cell.evidence],
    }


def report_dict(data: ReportInput) -> dict[str, Any]:
    """The JSON document as a JSON-native dict (schema in docs/reports.md)."""
    cells = [c for row in data.ordered for a in data.actors if (c := data.cell(row.id, a))]
    document = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "title": data.title,
        "provenance": asdict(provenance(data)),
        "actors": list(data.actors),
        "proposals": [_proposal_json(row) for row in data.ordered],
        "cells": [_cell_json(c) for c in cells],
        "rates": asdict(reflection_rates(data)),
        "events": [{**asdict(e), "kind_label": e.kind_label} for e in timeline_events(data)],
    }
    return dict(_plain(document))


def to_json(data: ReportInput) -> str:
    """The report as stable, indented JSON (UTF-8 text, Korean unescaped)."""
    return json.dumps(report_dict(data), ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _evidence_text(evidence: tuple[Evidence, ...]) -> str:
    return "\n".join(f"[{e.document}{f' {e.page}쪽' if e.page is not None else ''}] {e.quote}" for e in evidence)


def _csv_cell_fields(cell: ReportCell | None) -> list[str]:
    """The CSV columns 자동판정, 점수, 사유 and 근거 of one cell (empty if not judged)."""
    if cell is None:
        return ["", "", "", ""]
    reasons = "\n".join(cell.reasons)
    return [verdict_label(cell.machine_verdict), f"{cell.score:.4f}", reasons, _evidence_text(cell.evidence)]


def _csv_rows(data: ReportInput) -> list[list[str]]:
    settings = json.dumps(dict(data.matcher_settings), ensure_ascii=False, sort_keys=True, default=str)
    common = [day(data.data_date), moment(data.generated_at), pledgetrack.__version__, settings]
    rows = []
    for row in build_matrix(data).rows:
        p = row.proposal
        budget = "" if p.budget_won is None else str(p.budget_won)
        for mc in row.cells:
            machine, score, reasons, evidence = _csv_cell_fields(data.cell(p.id, mc.actor))
            sources = "; ".join(f"{s.name} ({s.sha256})" for s in sources_of(data, mc.actor))
            head = [
                p.id,
                row.kind_label,
                p.parent or "",
                p.title,
                budget,
                mc.actor,
                mc.label,
                mc.verdict or "",
            ]
            rows.append([*head, machine, mc.review_label, score, reasons, evidence, sources, *common])
    return rows


def _csv_safe(value: str) -> str:
    """Keep spreadsheet apps from reading text as a formula ('- 광주…' or '=…'): prefix an apostrophe."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def to_csv(data: ReportInput) -> str:
    """One row per proposal × actor (unjudged rows say 미판정), with a UTF-8 BOM for Excel.

    Text cells that start with = + - @ (or a tab / carriage return) get a leading apostrophe so that
    Excel shows them as text instead of evaluating them.

    Write the returned text with ``encoding="utf-8"`` (the BOM is part of the text).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([_csv_safe(v) for v in row] for row in _csv_rows(data))
    return "\ufeff" + buffer.getvalue()


def _write_json(data: ReportInput, out: Path) -> None:
    out.write_text(to_json(data), encoding="utf-8")


def _write_csv(data: ReportInput, out: Path) -> None:
    out.write_bytes(to_csv(data).encode("utf-8"))


def _write_xlsx(data: ReportInput, out: Path) -> None:
    with out.open("wb") as handle:
        to_xlsx(data, handle)


def _write_html(data: ReportInput, out: Path) -> None:
    from pledgetrack.engine.report.html import render_html

    out.write_text(render_html(data), encoding="utf-8")


def _write_pdf(data: ReportInput, out: Path) -> None:
    from pledgetrack.engine.report.html import render_html
    from pledgetrack.engine.report.pdf import html_to_pdf

    html_to_pdf(render_html(data), out)


WRITERS: dict[str, Callable[[ReportInput, Path], None]] = {
    "json": _write_json,
    "csv": _write_csv,
    "xlsx": _write_xlsx,
    "html": _write_html,
    "pdf": _write_pdf,
}


def writer_for(fmt: str) -> Callable[[ReportInput, Path], None]:
    """The writer of a format name (case-insensitive); InputError naming the known formats otherwise."""
    try:
        return WRITERS[fmt.lower().lstrip(".")]
    except KeyError:
        raise InputError(
            f"지원하지 않는 보고서 형식입니다: '{fmt}'. 다음 중 하나를 쓰세요: {', '.join(WRITERS)}."
        ) from None


def write_report(data: ReportInput, out: Path, fmt: str | None = None) -> Path:
    """Write the report to ``out`` in ``fmt`` (default: the file's suffix) and return ``out``."""
    name = fmt or out.suffix
    if not name:
        raise InputError(
            f"보고서 형식을 알 수 없습니다: '{out}' (확장자가 없습니다). "
            f"형식을 지정하거나 확장자를 붙여 주세요: {', '.join(WRITERS)}."
        )
    writer = writer_for(name)
    out.parent.mkdir(parents=True, exist_ok=True)
    writer(data, out)
    return out
