"""Latin acronyms inside Korean lines, read from an ``eng`` pass with character boxes.

``-l kor`` turns the acronyms of pledge documents into junk ("CTX" → "ㄴ1>", "SMR" → "5078",
"TK" → "<", "RE100" → "6ㄷ100") and ``kor+eng`` reads only some of them, while it also puts
Latin junk in place of Hangul it is unsure of ("새싹" → "OMA", "갯벌" → "ZH"). ``-l eng`` reads
the acronyms right (measured on rendered pages), and reads every Hangul syllable as junk Latin
too, but that junk is as tall as the Hangul, while capitals and digits are clearly lower
(0.79–0.87 of the line's Hangul height, measured). So from the ``eng`` reading only runs of
capitals, digits and "&" of one height, clearly lower than the line's Hangul, are taken, with at
least one capital and two characters ("5" of "5대" is never taken alone), and they replace the
``kor`` words under their box unless ``kor`` read a confident syllable or number there. An
acronym of the field's list (``data/acronyms.txt``: KTX, SMR, RE100 …) is taken on that; any other
needs three characters or more and no Hangul syllable at all in the ``kor`` reading beneath.
Measured on rendered dev pages: junk runs ("EA" over "후보", "S0" over "(50") are otherwise as
low as capitals, so the list is what keeps two-letter junk out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from xml.etree import ElementTree

from pledgetrack.engine.ingest.ocr_words import OcrWord, median_hangul_height

ACRONYM_CHAR = re.compile(r"[A-Z0-9&]")
CAPITAL = re.compile(r"[A-Z]")
DIGIT_LIKE = re.compile(r"[0-9OISBZ]+")
JAMO = re.compile(r"[ㄱ-ㅣ]")
MAX_CAPS_HEIGHT = 0.88  # of the line's median Hangul height (capitals measured at 0.79–0.87)
MIN_CAPS_HEIGHT = 0.6  # a fragment of a Hangul glyph read as a letter is lower still
MAX_HEIGHT_SPREAD = 1.15  # tallest / lowest character of a run: capitals and digits are one height
MIN_RUN_CONFIDENCE = 60.0
MIN_UNLISTED_LENGTH = 3
MIN_WIDTH_SHARE = 0.5  # of a kor word's width that must lie under the acronym to be replaced
MIN_CONFIDENT_HANGUL = 80.0
# eng's readings of common acronyms at low resolution ("T" read as "I" in "KTX")
ACRONYM_MISREADINGS = {"KIX": "KTX"}
_BOX = re.compile(r"(?:bbox|x_bboxes) (\d+) (\d+) (\d+) (\d+)")
_CONF = re.compile(r"x_conf ([\d.]+)")


@dataclass(frozen=True)
class OcrChar:
    """One recognised character with its box (left, top, right, bottom) and confidence (0–100)."""

    text: str
    box: tuple[int, int, int, int]
    confidence: float


def parse_hocr_chars(hocr: str) -> list[list[OcrChar]]:
    """The words of Tesseract hOCR written with ``hocr_char_boxes=1``, each as its characters."""
    root = ElementTree.fromstring(hocr.encode("utf-8"))
    words: list[list[OcrChar]] = []
    for element in root.iter():
        if element.get("class") != "ocrx_word":
            continue
        chars = [_char(c) for c in element.iter() if c.get("class") == "ocrx_cinfo"]
        words.append([c for c in chars if c is not None])
    return words


def _char(element: ElementTree.Element) -> OcrChar | None:
    title, text = element.get("title", ""), (element.text or "").strip()
    box, conf = _BOX.search(title), _CONF.search(title)
    if not text or box is None:
        return None
    left, top, right, bottom = (int(v) for v in box.groups())
    return OcrChar(text, (left, top, right, bottom), float(conf.group(1)) if conf else 0.0)


def acronym_splices(kor_words: list[OcrWord], eng_words: list[list[OcrChar]]) -> list[tuple[int, int, str]]:
    """(start, end, acronym) replacements in the ``kor`` text, in order, not overlapping."""
    splices: list[tuple[int, int, str]] = []
    heights: dict[tuple[int, int], float] = {}  # by a box's top and bottom, all the line height depends on
    for chars in eng_words:
        for run in _runs(chars, kor_words, heights):
            splice = _splice(run, kor_words)
            if splice is not None and (not splices or splice[0] >= splices[-1][1]):
                splices.append(splice)
    return splices


@cache
def known_acronyms() -> frozenset[str]:
    """The field's acronyms (``data/acronyms.txt``)."""
    text = (resources.files("pledgetrack.engine.ingest") / "data" / "acronyms.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _runs(chars: list[OcrChar], kor_words: list[OcrWord],
          heights: dict[tuple[int, int], float]) -> list[list[OcrChar]]:
    """Maximal runs of acronym characters lower than the Hangul of their line."""
    runs: list[list[OcrChar]] = [[]]
    for char in chars:
        span = (char.box[1], char.box[3])
        if span not in heights:
            heights[span] = _hangul_height(char.box, kor_words)
        height = heights[span]
        share = (char.box[3] - char.box[1]) / height if height > 0 else 0.0
        if ACRONYM_CHAR.fullmatch(char.text) and MIN_CAPS_HEIGHT <= share <= MAX_CAPS_HEIGHT:
            runs[-1].append(char)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if _is_acronym(r)]


def _is_acronym(run: list[OcrChar]) -> bool:
    if len(run) < 2:
        return False
    text = "".join(c.text for c in run)
    heights = [c.box[3] - c.box[1] for c in run]
    even = max(heights) <= MAX_HEIGHT_SPREAD * max(1, min(heights))
    confident = sum(c.confidence for c in run) / len(run) >= MIN_RUN_CONFIDENCE
    return bool(CAPITAL.search(text)) and even and confident


def _hangul_height(box: tuple[int, int, int, int], kor_words: list[OcrWord]) -> float:
    """The median Hangul height of the ``kor`` line that overlaps ``box`` the most (0 when none)."""
    best = max(kor_words, key=lambda w: _vertical_overlap(box, w.box), default=None)
    if best is None or _vertical_overlap(box, best.box) <= 0:
        return 0.0
    return median_hangul_height(kor_words, best.line)


def _vertical_overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> int:
    return min(a[3], b[3]) - max(a[1], b[1])


def _splice(run: list[OcrChar], kor_words: list[OcrWord]) -> tuple[int, int, str] | None:
    """Replace the ``kor`` words mostly under the run, unless one of them is confident Hangul or
    they already read the same."""
    left, right = run[0].box[0], run[-1].box[2]
    top, bottom = min(c.box[1] for c in run), max(c.box[3] for c in run)
    under = [
        w for w in kor_words
        if w.start >= 0 and _vertical_overlap((left, top, right, bottom), w.box) > 0
        and min(right, w.box[2]) - max(left, w.box[0]) >= MIN_WIDTH_SHARE * max(1, w.box[2] - w.box[0])
    ]
    text = _digits_after_digit("".join(c.text for c in run))
    text = ACRONYM_MISREADINGS.get(text, text)
    listed = text in known_acronyms()
    if not under or len({w.line for w in under}) > 1 or any(_confident(w, listed) for w in under):
        return None
    if not listed and (len(text) < MIN_UNLISTED_LENGTH or any(_has_syllable(w.text) for w in under)):
        return None
    if not listed and DIGIT_LIKE.fullmatch(text) and any(ch.isdigit() for w in under for ch in w.text):
        return None  # "OOO" over "0(00": digits that eng read as letters
    if "".join(w.text for w in under) == text:
        return None
    return under[0].start, under[-1].end, text


def _digits_after_digit(text: str) -> str:
    """"RE1OO" → "RE100": after a digit, eng's "O" is a zero."""
    first = next((i for i, ch in enumerate(text) if ch.isdigit()), len(text))
    return text[:first] + text[first:].replace("O", "0")


def _has_syllable(text: str) -> bool:
    return any("가" <= ch <= "힣" for ch in text)


def _confident(word: OcrWord, listed: bool) -> bool:
    """A ``kor`` word read with confidence as Hangul, or (for an unlisted acronym) as a number with
    no jamo: junk Latin stands on such words ("수도로" → "EE", "5대" → "SC", "(50" → "S0"). A misread
    acronym reads as digits, jamo and symbols ("ㄴ1>", "ㅁㄷ100"), confidently only as digits ("17"
    for "IT")."""
    if word.confidence < MIN_CONFIDENT_HANGUL:
        return False
    number = any(ch.isdigit() for ch in word.text) and not JAMO.search(word.text)
    return _has_syllable(word.text) or (number and not listed)
