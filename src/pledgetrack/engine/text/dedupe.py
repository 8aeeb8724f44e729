"""Remove repeated paragraphs and running page headers/footers.

Scraped articles often repeat their sub-headings or their whole body; PDF pages repeat a
running header and a page number. Both would outrank real evidence when matching.

A repeated line (compared without whitespace) is removed, keeping its first occurrence, when
it is a long paragraph (``LONG_LINE`` characters or more) or part of a run of at least two
repeated lines. A single short line that repeats (a list item such as "달빛철도 조기 착공"
listed under two regions) is kept: its place under another heading carries meaning. Lines
shorter than ``MIN_LINE`` characters ("1.", "추진 배경") are never duplicates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MIN_LINE = 8
LONG_LINE = 40
EDGE_LINES = 3  # how many non-blank lines at the top and bottom of a page may be running lines
_SPACE = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(r"[-–—<(\[]*(?:p\.?|page)?\d+(?:/\d+|쪽|페이지)?[-–—>)\]]*", re.IGNORECASE)


@dataclass(frozen=True)
class RemovedBlock:
    """A removed repeated line: ``original[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DedupeResult:
    text: str
    removed: tuple[RemovedBlock, ...] = ()


def _key(line: str) -> str:
    return _SPACE.sub("", line)


def _line_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for line in text.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def _repeated_lines(text: str, seen: set[str]) -> set[int]:
    """Indexes of lines to remove; ``seen`` (keys met so far) is updated, so pages can share it."""
    lines = [text[s:e] for s, e in _line_bounds(text)]
    keys = [_key(line) for line in lines]
    content = [i for i, key in enumerate(keys) if key]
    repeated = set()
    for i in content:
        if len(keys[i]) >= MIN_LINE and keys[i] in seen:
            repeated.add(i)
        seen.add(keys[i])
    removed = set()
    for position, i in enumerate(content):
        neighbours = content[max(position - 1, 0) : position] + content[position + 1 : position + 2]
        if i in repeated and (len(keys[i]) >= LONG_LINE or any(n in repeated for n in neighbours)):
            removed.add(i)
    return removed


def _rebuild(text: str, removed: set[int]) -> DedupeResult:
    bounds = _line_bounds(text)
    kept = [text[s:e] for i, (s, e) in enumerate(bounds) if i not in removed]
    blocks = tuple(RemovedBlock(s, e, text[s:e]) for i, (s, e) in enumerate(bounds) if i in removed)
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(kept))
    return DedupeResult(joined.strip("\n") if removed else text, blocks)


def remove_repeated_blocks(text: str) -> DedupeResult:
    """Drop repeated paragraphs/lines, keeping the first occurrence; report what was removed.

    >>> long = "강 시장은 매주 수요일 서울 여의도에 있는 광주시 대외협력본부에 ‘주간 여의도 집무실’을 연다."
    >>> result = remove_repeated_blocks(f"{long}\\n둘\\n{long}")
    >>> result.text == f"{long}\\n둘", len(result.removed)
    (True, 1)
    """
    return _rebuild(text, _repeated_lines(text, set()))


def remove_repeated_blocks_in_pages(pages: Sequence[str]) -> list[DedupeResult]:
    """Like :func:`remove_repeated_blocks` across the pages of one document (first occurrence wins)."""
    seen: set[str] = set()
    return [_rebuild(page, _repeated_lines(page, seen)) for page in pages]


def _edge_lines(page: str) -> list[int]:
    """Indexes of the first and last ``EDGE_LINES`` non-blank lines of a page."""
    content = [i for i, line in enumerate(page.split("\n")) if line.strip()]
    return sorted(set(content[:EDGE_LINES] + content[-EDGE_LINES:]))


def _running_key(line: str) -> str:
    """Page numbers of any style ("- 3 -", "3 / 18", "p. 3", "3쪽") count as one running line."""
    key = _key(line)
    return "#page-number#" if _PAGE_NUMBER.fullmatch(key) else key


def drop_running_lines(pages: Sequence[str]) -> tuple[list[str], list[str]]:
    """Drop lines repeating at the top or bottom of most pages (running headers, footers, page numbers).

    Returns the pages without those lines and the dropped lines in order (every occurrence).
    Documents of fewer than two pages are returned as they are.
    """
    if len(pages) < 2:
        return list(pages), []
    counts: Counter[str] = Counter()
    for page in pages:
        lines = page.split("\n")
        counts.update({_running_key(lines[i]) for i in _edge_lines(page)})
    running = {key for key, count in counts.items() if count * 2 > len(pages) and count >= 2}
    kept_pages: list[str] = []
    dropped: list[str] = []
    for page in pages:
        lines = page.split("\n")
        drop = {i for i in _edge_lines(page) if _running_key(lines[i]) in running}
        dropped.extend(lines[i].strip() for i in sorted(drop))
        kept = "\n".join(line for i, line in enumerate(lines) if i not in drop)
        kept_pages.append(re.sub(r"\n{3,}", "\n\n", kept).strip("\n") if drop else page)
    return kept_pages, dropped
