"""Cells with their evidence passages cut out of the stored documents, ready to show."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models.functions import Substr

from pledgetrack.documents.models import Document
from pledgetrack.matching.models import MatchCell
from pledgetrack.reports.selectors import needs_review, state_label

CONTEXT_CHARS = 160


@dataclass(frozen=True)
class EvidenceView:
    document_id: int | None
    document: str
    page: int | None
    start: int
    end: int
    quote: str
    before: str
    after: str
    score: float
    exact: bool
    heading: str = ""  # the item line or heading the passage sits under


@dataclass(frozen=True)
class CellView:
    cell: MatchCell
    state: str
    evidence: tuple[EvidenceView, ...]

    @property
    def state_label(self) -> str:
        return state_label(self.state, self.cell.verdict)

    @property
    def machine_differs(self) -> bool:
        """Reviewed, and the matcher (re-run since) now says something else."""
        return self.cell.is_reviewed and self.cell.machine_verdict != self.cell.reviewed_verdict


def _latest_documents(keys: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
    names = {name for _, name in keys}
    found: dict[tuple[int, str], tuple[int, int]] = {}
    rows = Document.objects.filter(filename__in=names).values_list(
        "id", "filename", "source__actor_id", "version"
    )
    for doc_id, name, actor_id, version in rows:
        key = (actor_id, name)
        if key in keys and (key not in found or found[key][1] < version):
            found[key] = (doc_id, version)
    return {key: doc_id for key, (doc_id, _) in found.items()}


def _contexts(spans: dict[int, set[tuple[int, int]]]) -> dict[tuple[int, int, int], str]:
    """``{(doc, start, end): text[start-C : end+C]}``, one query per document."""
    result: dict[tuple[int, int, int], str] = {}
    for doc_id, pairs in spans.items():
        ordered = sorted(pairs)
        annotations = {
            f"c{i}": Substr(
                "text", max(start - CONTEXT_CHARS, 0) + 1, end - max(start - CONTEXT_CHARS, 0) + CONTEXT_CHARS
            )
            for i, (start, end) in enumerate(ordered)
        }
        values = Document.objects.filter(pk=doc_id).annotate(**annotations).values(*annotations).first() or {}
        for i, (start, end) in enumerate(ordered):
            result[(doc_id, start, end)] = values.get(f"c{i}") or ""
    return result


def _evidence_view(raw: dict[str, Any], doc_id: int | None, context: str | None) -> EvidenceView:
    start, end, quote = int(raw.get("start", 0)), int(raw.get("end", 0)), str(raw.get("quote", ""))
    offset = start - max(start - CONTEXT_CHARS, 0)
    exact = context is not None and context[offset : offset + (end - start)] == quote
    before = context[:offset] if exact and context else ""
    after = context[offset + (end - start) :] if exact and context else ""
    return EvidenceView(
        doc_id,
        str(raw.get("document", "")),
        raw.get("page"),
        start,
        end,
        quote,
        before,
        after,
        float(raw.get("score", 0.0)),
        exact,
        str(raw.get("heading") or ""),
    )


def cell_views(cells: Iterable[MatchCell]) -> list[CellView]:
    """Each cell with its state and evidence in context (``text[start:end] == quote`` checked)."""
    cells = list(cells)
    keys = {(c.actor_id, str(e.get("document", ""))) for c in cells for e in c.evidence or ()}
    docs = _latest_documents(keys)
    spans: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for c in cells:
        for e in c.evidence or ():
            doc_id = docs.get((c.actor_id, str(e.get("document", ""))))
            if doc_id is not None:
                spans[doc_id].add((int(e.get("start", 0)), int(e.get("end", 0))))
    contexts = _contexts(spans)
    views = []
    for c in cells:
        evidence = []
        for e in c.evidence or ():
            doc_id = docs.get((c.actor_id, str(e.get("document", ""))))
            key = (doc_id or 0, int(e.get("start", 0)), int(e.get("end", 0)))
            evidence.append(_evidence_view(e, doc_id, contexts.get(key)))
        state = "review" if needs_review(c.machine_verdict, c.reviewed_verdict, c.reasons) else c.verdict
        views.append(CellView(c, state, tuple(evidence)))
    return views
