"""Find the heading path that governs each line of a document ("광주 7대 공약", "■ 광주광역시").

The matcher needs it: pledges listed under "전남 7대 공약" are about 전남, not 광주.

Each non-blank line gets a rank ``(indent, kind)``; a line governs the lines after it that have a
greater rank, until a line of equal or smaller rank comes. Kinds, from the top:

0. marked headings ("■ …", "【…】", "제1장", "Ⅰ.") and lines naming only a region ("광주광역시");
1. block titles: the first line of a block (lines between blank lines) that has no sentence ending
   and either introduces list items or indented lines, or names a list ("… 공약", "… 과제");
   a block title governs only its own block;
2. other lines without a sentence ending ("광주: AI 생태계 표준도시 조성"); those longer than
   ``MAX_HEADING_CHARS`` end the scope of their siblings but govern nothing themselves;
3. numbered items ("1.", "(1)", "①"); 4. "○ ●" bullets; 5. other bullets ("-", "•"); 6. "※" notes.

Prose lines (ending a sentence) never govern anything nor end anything. Only marked headings and
region lines carry over blank lines; every other heading stops at the end of its block, so that a
document's one-line title or a lone pledge line does not govern what follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgetrack.engine.text.sentences import line_bounds

REGIONS = frozenset(
    [
        "서울",
        "부산",
        "대구",
        "인천",
        "광주",
        "대전",
        "울산",
        "세종",
        "경기",
        "강원",
        "충북",
        "충남",
        "전북",
        "전남",
        "경북",
        "경남",
        "제주",
        "서울특별시",
        "부산광역시",
        "대구광역시",
        "인천광역시",
        "광주광역시",
        "대전광역시",
        "울산광역시",
        "세종특별자치시",
        "경기도",
        "강원도",
        "강원특별자치도",
        "충청북도",
        "충청남도",
        "전라북도",
        "전북특별자치도",
        "전라남도",
        "경상북도",
        "경상남도",
        "제주도",
        "제주특별자치도",
        "호남",
        "영남",
        "충청",
        "수도권",
        "부울경",
        "대구경북",
        "광주전남",
        "광주·전남",
        "대구·경북",
        "호남권",
        "영남권",
        "충청권",
        "동남권",
        "서남권",
        "대경권",
        "강원권",
        "제주권",
    ]
)
SEPARATOR = " > "
MAX_HEADING_CHARS = 80
MAX_TITLE_CHARS = 50
_MARKED = re.compile(
    r"(?:[■□◆◇▣▶►【《〈\[]|제\s?\d+\s?[장절편부]\b|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\.?\s|(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s)"
)
_NUMBERED = re.compile(r"(?:\d{1,3}[.)](?!\d)|\(\d{1,3}\)|[①-⑳]|[가나다라마바사아자차카타파하][.)]\s)")
_BULLET_KINDS: dict[str, int] = {**dict.fromkeys("○●◎◦", 4), **dict.fromkeys("-–—•▪▫·*ㅇ➢✓✔", 5), "※": 6}
_MASKED_NAME = re.compile(r"[○●◎◦]+(?:번|호|씨|의원|후보|[가-힣]?\s*(?:후보|의원|위원장|대표|시장|지사))")
_SENTENCE_END = re.compile(r"(?:[.!?。]|[다요함음]|니다)[\"'”’」』)\]]*$")
_TITLE_WORDS = re.compile(r"공약|과제|약속|정책|비전|전략|목표|분야|계획|현안")
_REGION_DECOR = re.compile(r"[\s■□◆◇▣▶►【】《》〈〉\[\]<>():·•\-]+|지역공약$|공약$|지역$")
_BLOCK_TITLE, _PLAIN = 1, 2


@dataclass(frozen=True)
class _Open:
    rank: tuple[int, int]
    text: str
    persistent: bool
    block: int


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def is_region_line(line: str) -> bool:
    """A line that names only a region ("광주광역시", "【전남】", "< 부산 >", "광주 지역공약")."""
    stripped = line.strip()
    core = _REGION_DECOR.sub("", stripped)
    return bool(core) and (core in REGIONS or stripped.strip("【】[]<>《》〈〉 ■□:") in REGIONS)


def _list_kind(stripped: str) -> int | None:
    if _NUMBERED.match(stripped):
        return 3
    kind = _BULLET_KINDS.get(stripped[:1])
    if kind is None or (kind == 5 and stripped[:1] in "-–—*·ㅇ" and stripped[1:2] not in (" ", "\t")):
        return None
    if _MASKED_NAME.match(stripped):
        return None  # "○번 후보: …", "○○○ 의원은 …": a masked name, not a bullet
    return kind


def _kind(stripped: str) -> int | None:
    """The line's kind (see the module docstring), or None for prose; block titles are decided later."""
    if _MARKED.match(stripped) or is_region_line(stripped):
        return 0
    listed = _list_kind(stripped)
    if listed is not None:
        return listed
    return None if _SENTENCE_END.search(stripped) else _PLAIN


def _is_block_title(lines: list[str], kinds: list[int | None]) -> bool:
    first = lines[0].strip()
    if kinds[0] != _PLAIN or len(lines) < 2 or len(first) > MAX_TITLE_CHARS:
        return False
    structured = any(k is not None and k >= 3 for k in kinds[1:]) or any(_indent(x) > 0 for x in lines[1:])
    return structured or bool(_TITLE_WORDS.search(first))


def _block_paths(lines: list[str], stack: list[_Open], block: int) -> list[str]:
    """Heading path of each line of one block; ``stack`` carries persistent headings across blocks."""
    kinds = [_kind(line.strip()) for line in lines]
    if _is_block_title(lines, kinds):
        kinds[0] = _BLOCK_TITLE
    paths = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind is None:
            paths.append(SEPARATOR.join(item.text for item in stack))
            continue
        rank = (_indent(line), kind)
        while stack and stack[-1].rank >= rank:
            stack.pop()
        paths.append(SEPARATOR.join(item.text for item in stack))
        if kind != _PLAIN or len(line.strip()) <= MAX_HEADING_CHARS:
            stack.append(_Open(rank, line.strip(), persistent=kind == 0, block=block))
    ended = (i for i, item in enumerate(stack) if item.block == block and not item.persistent)
    del stack[next(ended, len(stack)) :]
    return paths


def heading_paths(text: str) -> list[tuple[int, int, str]]:
    """(line start, line end, heading path) for every non-blank line of ``text``, in order."""
    result: list[tuple[int, int, str]] = []
    stack: list[_Open] = []
    block: list[tuple[int, int]] = []
    for start, end in [*line_bounds(text), (len(text), len(text))]:
        if text[start:end].strip():
            block.append((start, end))
            continue
        if block:
            paths = _block_paths([text[s:e] for s, e in block], stack, block[0][0])
            result.extend((s, e, path) for (s, e), path in zip(block, paths, strict=True))
            block = []
    return result
