"""Matching text for passages read by OCR: undo recognition errors that break key terms.

Only the text used for matching changes; evidence quotes always come from the document text itself.
Fixes are general confusions of Tesseract on Korean policy documents (see FINDINGS: "AI" read as
"Al"), never words of a particular document.
"""

from __future__ import annotations

import bisect
import re

from pledgetrack.engine.types import PreparedDocument

# (pattern, replacement): a capital I read as a small l next to a capital A ("Al 생태계" -> "AI 생태계").
OCR_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![A-Za-z])Al(?![a-z])"), "AI"),
    (re.compile(r"(?<![A-Za-z])A/(?=\s|[가-힣])"), "AI"),
)


def fix_ocr(text: str) -> str:
    """``text`` with the known OCR confusions undone."""
    for pattern, replacement in OCR_FIXES:
        text = pattern.sub(replacement, text)
    return text


class OcrSpans:
    """Which offsets of a document lie on pages that were read by OCR."""

    def __init__(self, document: PreparedDocument) -> None:
        spans = sorted((p.start, p.end) for p in document.pages if p.method == "ocr")
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]


def match_text(text: str, ocr: bool) -> str:
    return fix_ocr(text) if ocr else text
