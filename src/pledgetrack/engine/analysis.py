"""The stable RESULT.json of ``pledgetrack analyze`` (documented in docs/result-format.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pledgetrack
from pledgetrack.engine.types import VERDICTS, Cell, Evidence, PreparedDocument, ProposalRow

RESULT_FORMAT_VERSION = 1


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    """One evidence passage; ``heading`` is the item line or heading it sits under, or null."""
    heading = None
    if e.heading_start is not None and e.heading_end is not None:
        heading = {"start": e.heading_start, "end": e.heading_end, "quote": e.heading}
    return {"document": e.document, "page": e.page, "start": e.start, "end": e.end, "quote": e.quote,
            "heading": heading}


def cell_to_dict(cell: Cell) -> dict[str, Any]:
    return {
        "proposal": cell.proposal,
        "actor": cell.actor,
        "verdict": cell.verdict,
        "score": round(float(cell.score), 4),
        "evidence": [evidence_to_dict(e) for e in cell.evidence],
        "reasons": list(cell.reasons),
    }


def summarize(cells: Sequence[Cell], proposals: Sequence[ProposalRow]) -> dict[str, Any]:
    """Counts per actor and verdict, over tasks and over all rows."""
    tasks = {p.id for p in proposals if p.parent is None}
    per_actor: dict[str, dict[str, Any]] = {}
    for actor in dict.fromkeys(c.actor for c in cells):
        mine = [c for c in cells if c.actor == actor]
        task_counts = Counter(c.verdict for c in mine if c.proposal in tasks)
        all_counts = Counter(c.verdict for c in mine)
        per_actor[actor] = {
            "tasks": {v: task_counts.get(v, 0) for v in VERDICTS},
            "all_rows": {v: all_counts.get(v, 0) for v in VERDICTS},
        }
    return {"proposals": len(proposals), "tasks": len(tasks), "actors": per_actor}


def analysis_to_dict(
    cells: Sequence[Cell],
    proposals: Sequence[ProposalRow],
    documents: Sequence[PreparedDocument],
    *,
    settings: dict[str, Any],
    home_region: str | None,
    failures: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """The whole result: cells (every proposal row × actor), summary and provenance."""
    return {
        "format_version": RESULT_FORMAT_VERSION,
        "cells": [cell_to_dict(c) for c in cells],
        "summary": summarize(cells, proposals)
        | {
            "home_region": home_region,
            "documents": [
                {
                    "document": d.name,
                    "actor": d.actor,
                    "sha256": d.sha256,
                    "format": d.format,
                    "passages": len(d.passages),
                }
                for d in documents
            ],
            "failures": [{"document": f, "error": e} for f, e in failures],
            "settings": settings,
            "tool_version": pledgetrack.__version__,
        },
    }
