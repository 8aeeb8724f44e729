"""Read-only queries for the document list and the viewer (pages with highlighted spans)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pledgetrack.documents.models import Document, DocumentKind
from pledgetrack.registry.models import Campaign
from pledgetrack.site.campaign import campaign_q


def document_rows(campaign: Campaign, limit: int = 500) -> list[dict[str, Any]]:
    """The campaign's newest documents without their text."""
    documents = Document.objects.filter(campaign_q(campaign, "source__campaign"))
    rows = list(
        documents.order_by("-created_at").values(
            "id",
            "filename",
            "version",
            "status",
            "progress",
            "error",
            "format",
            "size_bytes",
            "created_at",
            "source__actor__name",
            "source__kind",
        )[:limit]
    )
    labels = dict(DocumentKind.choices)
    return [row | {"kind_label": labels.get(row["source__kind"], row["source__kind"])} for row in rows]


@dataclass(frozen=True)
class Segment:
    text: str
    highlighted: bool
    anchor: bool = False


@dataclass(frozen=True)
class PageView:
    page: int | None
    start: int
    segments: tuple[Segment, ...]


def parse_spans(values: list[str]) -> list[tuple[int, int]]:
    """``["10-20", "x"]`` → ``[(10, 20)]`` (bad values are ignored)."""
    spans = []
    for value in values:
        start, _, end = value.partition("-")
        if start.isdigit() and end.isdigit() and int(start) < int(end):
            spans.append((int(start), int(end)))
    return sorted(spans)


def _segments(text: str, offset: int, spans: list[tuple[int, int]]) -> tuple[Segment, ...]:
    parts: list[Segment] = []
    cursor = 0
    first = True
    for start, end in spans:
        s, e = max(start - offset, cursor), min(end - offset, len(text))
        if e <= s:
            continue
        parts.append(Segment(text[cursor:s], False))
        parts.append(Segment(text[s:e], True, anchor=first))
        first = False
        cursor = e
    parts.append(Segment(text[cursor:], False))
    return tuple(p for p in parts if p.text)


def page_ranges(document: Document) -> list[tuple[int | None, int, int]]:
    pages = [(p.get("page"), int(p["start"]), int(p["end"])) for p in document.pages or ()]
    return pages or [(None, 0, len(document.text))]


def viewer_pages(document: Document, spans: list[tuple[int, int]], page: int | None) -> list[PageView]:
    """The requested page (or the page of the first highlight, or all pages of a short document)."""
    ranges = page_ranges(document)
    if page is None and spans:
        page = next((p for p, s, e in ranges if s <= spans[0][0] < e), None)
    chosen = [r for r in ranges if r[0] == page] if page is not None else ranges[:20]
    return [PageView(p, s, _segments(document.text[s:e], s, spans)) for p, s, e in chosen or ranges[:1]]
