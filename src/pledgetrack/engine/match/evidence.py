"""Evidence for a cell: the best passages, each followed by its parent line (the heading of the item
it sits under), so that a reviewer sees both the detail and what it belongs to.

Every entry is one exact span of its document: ``quote == document.text[start:end]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from pledgetrack.engine.match.aspects import Assessment
from pledgetrack.engine.match.index import PassageIndex
from pledgetrack.engine.match.settings import MatchSettings
from pledgetrack.engine.match.verdict import Judged
from pledgetrack.engine.types import Evidence, PreparedDocument


def _page(document: PreparedDocument, offset: int) -> int | None:
    return next((p.page for p in document.pages if p.start <= offset < p.end), None)


def _span(document: PreparedDocument, start: int, end: int, score: float) -> Evidence:
    quote = document.text[start:end]
    return Evidence(document.name, _page(document, start), start, end, quote, score)


def _shown(a: Assessment, s: MatchSettings) -> bool:
    """Worth showing: a partial-level score, a specific (not only generic) shared term, or a meaning
    close enough for a paraphrase review note."""
    return a.topic >= s.partial_threshold or (a.coverage > 0 and a.specific) or a.dense_scaled >= s.review_dense


def passage_evidence(index: PassageIndex, judged: Sequence[Judged]) -> tuple[Evidence, ...]:
    """The first ``top_k`` judged passages worth showing."""
    out = []
    k = index.settings.top_k
    for j in judged:
        a = j.assessment
        if not _shown(a, index.settings):
            continue
        entry = index.entries[a.entry]
        doc, p = index.documents[entry.doc], entry.passage
        if doc.text[p.start : p.end] != p.text:
            raise AssertionError(f"passage offsets do not match the text of {doc.name!r} at {p.start}")
        out.append(Evidence(doc.name, p.page, p.start, p.end, p.text, round(a.topic, 4)))
        if len(out) == k:
            break
    return tuple(out)


def parent_of(index: PassageIndex, actor: str, e: Evidence) -> Evidence | None:
    """The parent line of an evidence passage as evidence of its own (same score), or None."""
    i = index.document_ids.get((actor, e.document))
    if i is None:
        return None
    span = index.structures[i].parent_span(e.start)
    if span is None:
        return None
    return _span(index.documents[i], span[0], span[1], e.score)


def with_parents(index: PassageIndex, actor: str, evidence: Sequence[Evidence], k: int) -> tuple[Evidence, ...]:
    """Each passage followed by its parent line (once), at most ``2 * k`` entries."""
    out: dict[tuple[str, int, int], Evidence] = {}
    for e in evidence:
        out.setdefault((e.document, e.start, e.end), e)
        parent = parent_of(index, actor, e)
        if parent is not None:
            out.setdefault((parent.document, parent.start, parent.end), parent)
    return tuple(out.values())[: 2 * k]
