"""Document metadata from plain text: Korean dates, titles and bylines.

>>> parse_korean_date("입력 : 2025. 04. 14(월) 17:56")
datetime.date(2025, 4, 14)
>>> find_byline("정상아 기자 sanga.jeong@jnilbo.com")
'정상아 기자'
"""

from __future__ import annotations

import re
from datetime import date

# Four-digit year: 2025-04-14, 2025.4.14, 2025. 04. 14, 2025/04/14, 2025년 4월 14일
_FULL_DATE = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})(?!\d)"
)
# Two-digit year, only as yy.mm.dd with two-digit month and day and no digit or dot around it.
_SHORT_DATE = re.compile(r"(?<![\d.])(\d{2})\.(\d{2})\.(\d{2})(?![\d.]*\d)")
_DATE_LABELS = re.compile(
    r"(?:기사\s*입력|입력|등록|작성|게시|발행|보도|송고|배포)\s*(?:일시|일자|일)?\s*[:：]?\s*"
)
_HEAD_CHARS = 3000
_BYLINE = re.compile(
    r"(?<![가-힣])([가-힣]{2,4})\s?(선임기자|수습기자|객원기자|기자|특파원|논설위원|편집위원|통신원)(?![가-힣])"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MAX_TITLE = 200
_NOT_TITLE = re.compile(r"^(?:입력|등록|수정|기사입력|작성|사진|출처|\[?광고\]?|메뉴|홈|로그인)\b")


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_korean_date(text: str) -> date | None:
    """The first valid calendar date written in ``text``, or None.

    Two-digit years (``25.04.14``) are read as 20yy only in the strict ``yy.mm.dd`` shape,
    so version numbers and decimals such as ``3.14`` or ``1.2.3`` are not taken for dates.
    """
    for match in _FULL_DATE.finditer(text):
        found = _make_date(int(match[1]), int(match[2]), int(match[3]))
        if found:
            return found
    for match in _SHORT_DATE.finditer(text):
        found = _make_date(2000 + int(match[1]), int(match[2]), int(match[3]))
        if found:
            return found
    return None


def find_published_date(text: str) -> date | None:
    """The publication date of an article or notice: a labelled date (입력, 등록 …) first,
    then the first date near the top of the text."""
    head = text[:_HEAD_CHARS]
    for label in _DATE_LABELS.finditer(head):
        found = parse_korean_date(head[label.end() : label.end() + 40])
        if found:
            return found
    return parse_korean_date(head)


def guess_title(text: str) -> str:
    """The first meaningful line: not blank, not a date or label line, not just symbols."""
    for raw in text.splitlines():
        line = raw.strip()
        if len(line) < 4 or not re.search(r"[가-힣A-Za-z]", line):
            continue
        if _NOT_TITLE.match(line) or (parse_korean_date(line) and len(line) < 30):
            continue
        return line[:_MAX_TITLE]
    return ""


def find_byline(text: str) -> str:
    """A reporter's byline such as ``정상아 기자``; a line that also holds an e-mail address wins."""
    fallback = ""
    for line in text.splitlines():
        match = _BYLINE.search(line)
        if not match:
            continue
        byline = f"{match[1]} {match[2]}"
        if _EMAIL.search(line):
            return byline
        fallback = fallback or byline
    return fallback
