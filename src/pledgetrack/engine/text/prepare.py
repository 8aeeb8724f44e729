"""Turn an extraction into a prepared document: normalised, de-duplicated text split into passages.

Steps: normalise each page; drop running headers/footers; remove repeated paragraphs (across
pages, first occurrence kept); join the pages with a blank line, recording where each lies; split
each page into sentences and list items (long ones cut near ``MAX_PASSAGE_CHARS`` on a clause
boundary); give each passage its page and the heading path governing it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence

from pledgetrack.engine.text.dedupe import drop_running_lines, remove_repeated_blocks_in_pages
from pledgetrack.engine.text.headings import heading_paths
from pledgetrack.engine.text.normalize import normalize_text
from pledgetrack.engine.text.sentences import split_sentences
from pledgetrack.engine.types import Extraction, PageSpan, PageText, Passage, PreparedDocument

PAGE_SEPARATOR = "\n\n"
MAX_PASSAGE_CHARS = 400
WRAPPING_FORMATS = frozenset({"pdf", "image"})  # lines wrap at the page width there
_CLAUSE_END = re.compile(r"(?:[,;:·)]|[며고서면나데지만]|하여|해)\s")
_SPACE = re.compile(r"\s")


def _join_pages(pages: Sequence[PageText], texts: Sequence[str]) -> tuple[str, tuple[PageSpan, ...]]:
    spans: list[PageSpan] = []
    parts: list[str] = []
    position = 0
    for page, text in zip(pages, texts, strict=True):
        if parts:
            position += len(PAGE_SEPARATOR)
        spans.append(PageSpan(page.page, position, position + len(text), page.method))
        parts.append(text)
        position += len(text)
    return PAGE_SEPARATOR.join(parts), tuple(spans)


def _cut(text: str, start: int, end: int) -> int:
    """Where to cut ``text[start:end]`` (longer than allowed): the last clause end, else space."""
    limit = start + MAX_PASSAGE_CHARS
    for pattern in (_CLAUSE_END, _SPACE):
        found = [m.end() for m in pattern.finditer(text, start + MAX_PASSAGE_CHARS // 2, limit)]
        if found:
            return found[-1]
    return limit


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as pieces of at most ``MAX_PASSAGE_CHARS``, without surrounding spaces."""
    pieces = []
    while end - start > MAX_PASSAGE_CHARS:
        cut = _cut(text, start, end)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    trimmed = []
    for left, right in pieces:
        piece = text[left:right]
        left += len(piece) - len(piece.lstrip())
        right -= len(piece) - len(piece.rstrip())
        if right > left:
            trimmed.append((left, right))
    return trimmed


def _passages(text: str, pages: Sequence[PageSpan], wrapping: bool) -> tuple[Passage, ...]:
    lines = heading_paths(text)
    line_starts = [start for start, _end, _path in lines]
    passages: list[Passage] = []
    for page in pages:
        join = wrapping or page.method == "ocr"
        for sentence in split_sentences(text[page.start : page.end], join_wrapped_lines=join):
            for start, end in _windows(text, page.start + sentence.start, page.start + sentence.end):
                line = bisect.bisect_right(line_starts, start) - 1
                heading = lines[line][2] if line >= 0 else ""
                passages.append(Passage(len(passages), start, end, text[start:end], page.page, heading))
    return tuple(passages)


def _warnings(running: Sequence[str], duplicates: int) -> list[str]:
    warnings = []
    if running:
        examples = ", ".join(f"'{line}'" for line in dict.fromkeys(running) if line)
        warnings.append(f"쪽마다 되풀이되는 머리말·꼬리말·쪽번호 {len(running)}줄을 지웠습니다 ({examples}).")
    if duplicates:
        warnings.append(f"반복된 문단 {duplicates}개를 지웠습니다 (처음 나온 것만 남겼습니다).")
    return warnings


def prepare_document(extraction: Extraction, *, actor: str, name: str) -> PreparedDocument:
    """Prepare an extraction for matching; ``doc.text[p.start:p.end] == p.text`` for every passage."""
    normalised = [normalize_text(page.text) for page in extraction.pages]
    texts, running = drop_running_lines(normalised)
    deduped = remove_repeated_blocks_in_pages(texts)
    text, spans = _join_pages(extraction.pages, [result.text for result in deduped])
    duplicates = sum(len(result.removed) for result in deduped)
    return PreparedDocument(
        name=name,
        actor=actor,
        text=text,
        pages=spans,
        passages=_passages(text, spans, extraction.format in WRAPPING_FORMATS),
        sha256=extraction.sha256,
        format=extraction.format,
        metadata=extraction.metadata,
        duplicates_removed=duplicates,
        warnings=(*extraction.warnings, *_warnings(running, duplicates)),
    )


def prepare_text(text: str, *, actor: str, name: str) -> PreparedDocument:
    """Prepare a plain string (one unpaged document)."""
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    extraction = Extraction(file=name, sha256=sha256, format="txt", pages=(PageText(page=None, text=text),))
    return prepare_document(extraction, actor=actor, name=name)
