"""Provenance of a report: tool version, dates, settings and source documents with their hashes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pledgetrack
from pledgetrack.engine.report.formatting import day, moment
from pledgetrack.engine.report.model import ReportInput, SourceInfo

TOOL = "pledgetrack"
METHOD_LABELS = {"text": "텍스트 추출", "ocr": "OCR", "mixed": "텍스트+OCR"}


@dataclass(frozen=True)
class Provenance:
    tool: str
    version: str
    generated_at: str
    data_date: str | None
    partial_weight: float
    matcher_settings: dict[str, Any]
    sources: tuple[SourceInfo, ...]


def provenance(data: ReportInput) -> Provenance:
    return Provenance(
        tool=TOOL,
        version=pledgetrack.__version__,
        generated_at=data.generated_at.isoformat(),
        data_date=data.data_date.isoformat() if data.data_date else None,
        partial_weight=data.partial_weight,
        matcher_settings=dict(data.matcher_settings),
        sources=data.sources,
    )


def provenance_rows(data: ReportInput) -> list[tuple[str, str]]:
    """(항목, 값) pairs for human-readable provenance tables (HTML, XLSX)."""
    rows = [
        ("도구", f"{TOOL} {pledgetrack.__version__}"),
        ("생성 시각", moment(data.generated_at)),
        ("데이터 기준일", day(data.data_date)),
        ("부분반영 가중치", f"{data.partial_weight:g}"),
    ]
    rows += [(f"판정 설정: {key}", _setting(value)) for key, value in sorted(data.matcher_settings.items())]
    return rows


def method_label(method: str) -> str:
    return METHOD_LABELS.get(method, method)


def sources_of(data: ReportInput, actor: str) -> tuple[SourceInfo, ...]:
    return tuple(s for s in data.sources if s.actor == actor)


def _setting(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)
