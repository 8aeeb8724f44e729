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
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[①-⑳]|[가-하][.)])")
_DASH = re.compile(r"^\s*[-–∙·•ㆍ]")
_HEADING = re.compile(r"^\s*(?:\[[^\]]{1,20}\]|【[^】]{1,20}】|〈[^〉]{1,20}〉|<[^>]{1,20}>|[■□◆◇▶])")
_LETTER = re.compile(r"[가-힣A-Za-z]")
# a short question ("양산은요?"), a labelled line ("진행자: 통영은 어떻습니까?", "재원: 국비") or a line of
# a question-and-answer record ("Q. 화순 방면 철도 요구가 큽니다.", "A. …") is not a section title
_NOT_TITLE = re.compile(r"\?\s*$|^[^:：]{1,20}[:：]\s*\S|^(?:Q|A|문|답)\s*[.)]\s")
TITLE_MAX = 30
PARENT_REACH = 8


@dataclass(frozen=True)
class Line:
    start: int
    text: str
    indent: int
    title: bool
    block: int  # lines of one block have no blank line between them

    @property
    def heading(self) -> bool:
        """A section or card heading: "[카드 1] …", "【충북】", "■ 대구광역시", or a short title line."""
        return self.title or bool(_HEADING.match(self.text))


def starts_item(text: str) -> bool:
    """Whether ``text`` begins a list item or a note (a bullet, a number, "※"), not a run-on line."""
    return bool(_ITEM.match(text))


def _lines(text: str) -> list[Line]:
    lines, pos, block = [], 0, 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            indent = len(raw) - len(raw.lstrip())
            title = (len(stripped) <= TITLE_MAX and not _ITEM.match(raw) and indent == 0
                     and not _NOT_TITLE.search(stripped))
            lines.append(Line(pos, stripped, indent, title, block))
        else:
            block += 1
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

    def parent_span(self, offset: int) -> tuple[int, int] | None:
        """(start, end) of the parent line of the line holding ``offset``: the nearest line above that is
        indented less. In flat text (OCR loses indentation): for a dash item, the nearest line above that
        is not a dash item; for a numbered item, a heading line of its own block ("[카드 1] …"); for
        another unnumbered line, the nearest numbered item, not past a heading. None at top level."""
        i = self._index(offset)
        if i < 0:
            return None
        line = self.lines[i]
        above = reversed(self.lines[max(0, i - PARENT_REACH) : i])
        found = next((other for other in above if self._governs(other, line)), None)
        if found is None:
            return None
        start = self._text.index(found.text, found.start)
        return start, start + len(found.text)

    @staticmethod
    def _governs(other: Line, line: Line) -> bool:
        """Whether ``other`` (a line above) is the parent of ``line`` by the rules of :meth:`parent_span`.
        A line with fewer than two letters (an OCR fragment such as "· 2ㅜ") governs nothing."""
        if len(_LETTER.findall(other.text)) < 2:
            return False
        if other.indent < line.indent:
            return True
        if line.indent > 0 or other.indent > 0:
            return False
        if _DASH.match(line.text):
            return not _DASH.match(other.text)
        if _NUMBERED.match(line.text):
            return other.block == line.block and other.heading and not _NUMBERED.match(other.text)
        if _HEADING.match(line.text):
            return False
        return bool(_NUMBERED.match(other.text)) or (other.heading and other.block == line.block)

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
