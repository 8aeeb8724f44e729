"""Split normalised text into sentences and list items, with exact character offsets.

Pledge books are mostly bullet lines ("1. …", "- …", "• …", "○ …"): each list item is its own
unit. Other lines go through Kiwi's sentence splitter, one line (paragraph) at a time, so that
time and memory stay bounded on long documents. Text from PDF pages and OCR wraps at the page
width; with ``join_wrapped_lines=True`` a long line that does not end a sentence is joined with
the line after it before splitting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from pledgetrack.engine.text.kiwi import get_kiwi

_SYMBOL_BULLETS = "•◦▪▫○●◎◇◆□■▶▷►▸※☐✓✔➢❍"
LIST_ITEM = re.compile(
    rf"[ \t]*(?:[{_SYMBOL_BULLETS}]"
    r"|[-–—*·ㅇo]\s"
    r"|\d{1,3}[.)](?!\d)"
    r"|\(\d{1,3}\)|[①-⑳]"
    r"|[가나다라마바사아자차카타파하][.)]\s)"
)
_ENDS_UNIT = re.compile(r"(?:[.!?。…:;)\]」』]|[다요함음임됨짐][.]?)[\"'”’」』)]*$")
MAX_UNIT_CHARS = 4000  # longer lines are cut at a space before Kiwi sees them
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class TextSpan:
    """A sentence or list item: ``source[start:end] == text``, no surrounding whitespace."""

    start: int
    end: int
    text: str


def line_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, without the newline."""
    bounds, start = [], 0
    for line in text.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def is_list_item(line: str) -> bool:
    return LIST_ITEM.match(line) is not None


def _looks_wrapped(line: str, width: int) -> bool:
    stripped = line.strip()
    return len(stripped) >= 0.75 * width and width >= 30 and not _ENDS_UNIT.search(stripped)


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """Runs of non-blank lines."""
    block: list[tuple[int, int]] = []
    for start, end in line_bounds(text):
        if text[start:end].strip():
            block.append((start, end))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _units(text: str, join_wrapped: bool) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_list_item) of each line, or of wrapped lines joined."""
    for block in _blocks(text):
        width = max(len(text[s:e].strip()) for s, e in block)
        unit_start, unit_list = block[0][0], is_list_item(text[block[0][0] : block[0][1]])
        for index, (start, end) in enumerate(block):
            nxt = block[index + 1] if index + 1 < len(block) else None
            wrapped = join_wrapped and _looks_wrapped(text[start:end], width)
            if nxt and wrapped and not is_list_item(text[nxt[0] : nxt[1]]):
                continue
            yield unit_start, end, unit_list
            if nxt:
                unit_start, unit_list = nxt[0], is_list_item(text[nxt[0] : nxt[1]])


def _cut_point(window: str) -> int:
    """Where to cut a too-long window: after its last sentence end, else its last space (second half)."""
    half = len(window) // 2
    for pattern in (_SENTENCE_END, _SPACE):
        matches = list(pattern.finditer(window, half))
        if matches:
            return matches[-1].end()
    return len(window)


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a very long unit into pieces of at most ``MAX_UNIT_CHARS``."""
    while end - start > MAX_UNIT_CHARS:
        cut = _cut_point(text[start : start + MAX_UNIT_CHARS])
        yield start, start + cut
        start += cut
    yield start, end


def _trimmed(text: str, start: int, end: int) -> TextSpan | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return TextSpan(start, start + len(stripped), stripped)


def split_sentences(text: str, *, join_wrapped_lines: bool = False) -> list[TextSpan]:
    """Sentences and list items of ``text`` in order; together they cover every non-space character.

    >>> [s.text for s in split_sentences("광주 7대 공약\\n1. AI 도시. 2단계 추진\\n좋다. 참 좋다.")]
    ['광주 7대 공약', '1. AI 도시. 2단계 추진', '좋다.', '참 좋다.']
    """
    units: list[tuple[int, int, bool]] = []
    for start, end, listed in _units(text, join_wrapped_lines):
        units.extend((s, e, listed) for s, e in _pieces(text, start, end))
    prose = [(s, e) for s, e, listed in units if not listed]
    kiwi = get_kiwi()  # the shared instance is single-threaded: one call per unit
    cuts_by_unit = {}
    for start, end in prose:
        sentences = kiwi.split_into_sents(text[start:end], return_tokens=False)
        cuts_by_unit[start] = [start + sentence.start for sentence in sentences[1:]]
    spans = []
    for start, end, _listed in units:
        bounds = [start, *cuts_by_unit.get(start, []), end]
        for left, right in pairwise(bounds):
            span = _trimmed(text, left, right)
            if span is not None:
                spans.append(span)
    return spans
