"""Document structure a passage inherits: its parent line (a less indented line above it) and its
section title (the nearest short unnumbered line above it, such as "전남 7대 공약")."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from pledgetrack.engine.match.lexicon import compact
from pledgetrack.engine.types import PreparedDocument

_ITEM = re.compile(r"^\s*(?:[-•·*▶▷○●□■◆◇※]|\d+[.)]|[①-⑳]|[가-하][.)])")
TITLE_MAX = 30


@dataclass(frozen=True)
class Line:
    start: int
    text: str
    indent: int
    title: bool


def _lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            indent = len(raw) - len(raw.lstrip())
            title = len(stripped) <= TITLE_MAX and not _ITEM.match(raw) and indent == 0
            lines.append(Line(pos, stripped, indent, title))
        pos += len(raw) + 1
    return lines


class DocumentStructure:
    """Context lines for any offset of one document."""

    def __init__(self, document: PreparedDocument) -> None:
        self._text = document.text
        self.lines = _lines(document.text)
        self._starts = [line.start for line in self.lines]
        counts = Counter(compact(p.text) for p in document.passages)
        self.repeated = frozenset(k for k, n in counts.items() if n >= 3 and k)

    def _index(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def block_end(self, offset: int, end: int) -> int:
        """Where the block of the line holding ``offset`` ends: before the next line indented no deeper."""
        i = self._index(offset)
        if i < 0:
            return end
        indent = self.lines[i].indent
        for line in self.lines[i + 1 :]:
            if line.indent <= indent:
                return max(end, line.start - 1)
        return max(end, len(self._text))

    def context(self, offset: int) -> tuple[str, str]:
        """(parent line, section title) above the line holding ``offset``; empty when none."""
        i = self._index(offset)
        if i < 0:
            return "", ""
        indent, parent, title = self.lines[i].indent, "", ""
        for j in range(i - 1, -1, -1):
            line = self.lines[j]
            if not parent and line.indent < indent:
                parent = line.text
            if line.title:
                title = line.text
                break
        return parent, title
