"""Typed results shared across the engine. Frozen dataclasses, never bare tuples or dicts.

Contracts:
- ``PreparedDocument.text[p.start:p.end] == p.text`` for every passage ``p``.
- ``Evidence.quote == document_text[start:end]`` for the document it names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Verdict = Literal["reflected", "partial", "absent"]
VERDICTS: tuple[Verdict, ...] = ("reflected", "partial", "absent")
VERDICT_LABELS: dict[str, str] = {"reflected": "반영", "partial": "부분반영", "absent": "미반영"}
ExtractMethod = Literal["text", "ocr"]
Level = Literal["regional", "supra", "national", ""]


@dataclass(frozen=True)
class ProposalRow:
    """One row of the registry: a task (``parent`` is None) or a project under a task."""

    id: str
    title: str
    parent: str | None = None
    description: str = ""
    budget_won: int | None = None
    budget_national_won: int | None = None
    budget_local_won: int | None = None
    budget_private_won: int | None = None
    owner: str = ""
    priority: int | None = None
    keywords: tuple[str, ...] = ()
    level: Level = ""


@dataclass(frozen=True)
class DocumentMetadata:
    title: str = ""
    published: date | None = None
    url: str = ""
    byline: str = ""


@dataclass(frozen=True)
class PageText:
    """Text of one page as extracted (before normalisation). ``page`` is 1-based, None for unpaged formats."""

    page: int | None
    text: str
    method: ExtractMethod = "text"
    confidence: float | None = None


@dataclass(frozen=True)
class Extraction:
    """What a format reader returns for one document."""

    file: str
    sha256: str
    format: str
    pages: tuple[PageText, ...]
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageSpan:
    """Where a page lies in the joined, normalised document text."""

    page: int | None
    start: int
    end: int
    method: ExtractMethod = "text"


@dataclass(frozen=True)
class Passage:
    """A sentence window of a document's normalised text."""

    ordinal: int
    start: int
    end: int
    text: str
    page: int | None = None
    heading: str = ""


@dataclass(frozen=True)
class PreparedDocument:
    """A normalised, de-duplicated document split into passages, ready for matching."""

    name: str
    actor: str
    text: str
    pages: tuple[PageSpan, ...]
    passages: tuple[Passage, ...]
    sha256: str = ""
    format: str = ""
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    duplicates_removed: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """One exact span of a document (``text[start:end] == quote``) and, when the passage sits under an
    item line or heading of its document, that line's span and text (context, not a separate piece)."""

    document: str
    page: int | None
    start: int
    end: int
    quote: str
    score: float = 0.0
    heading_start: int | None = None
    heading_end: int | None = None
    heading: str = ""


@dataclass(frozen=True)
class Cell:
    """The verdict for one proposal and one actor, with evidence and reasons in Korean."""

    proposal: str
    actor: str
    verdict: Verdict
    score: float
    evidence: tuple[Evidence, ...] = ()
    reasons: tuple[str, ...] = ()
