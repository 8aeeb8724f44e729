"""The words of a Tesseract reading: TSV rows with boxes and confidences, placed in the plain text.

Shared by the merge of two readings (``ocr_merge``) and the acronym pass (``ocr_latin``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HANGUL_WORD = re.compile(r"[가-힣]+[^\w\s]?")


@dataclass(frozen=True)
class OcrWord:
    """One TSV word: text, box (left, top, right, bottom in pixels), confidence (0–100), line key,
    and where it stands in the plain text (``start`` = -1 when it could not be placed)."""

    text: str
    box: tuple[int, int, int, int]
    confidence: float
    line: tuple[int, int, int]
    start: int = -1

    @property
    def end(self) -> int:
        return self.start + len(self.text) if self.start >= 0 else -1


def parse_tsv(tsv: str) -> list[OcrWord]:
    """The recognised words (level 5, non-blank) of Tesseract TSV, in reading order."""
    words: list[OcrWord] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(v) for v in cells[6:10])
        line = (int(cells[2]), int(cells[3]), int(cells[4]))
        box = (left, top, left + width, top + height)
        words.append(OcrWord(cells[11].strip(), box, float(cells[10]), line))
    return words


def place_words(text: str, words: list[OcrWord]) -> list[OcrWord]:
    """``words`` with ``start`` set to their offsets in ``text`` (only whitespace may lie between)."""
    placed: list[OcrWord] = []
    position = 0
    for word in words:
        found = text.find(word.text, position)
        if found < 0 or text[position:found].strip():
            placed.append(word)
            continue
        placed.append(OcrWord(word.text, word.box, word.confidence, word.line, found))
        position = found + len(word.text)
    return placed


def median_hangul_height(words: list[OcrWord], line: tuple[int, int, int]) -> float:
    heights = sorted(w.box[3] - w.box[1] for w in words if w.line == line and HANGUL_WORD.fullmatch(w.text))
    return float(heights[len(heights) // 2]) if heights else 0.0
