"""Merge two Tesseract readings of one page word by word: Korean-only and Korean+English.

``-l kor`` reads Korean best (``kor+eng`` turns some bold words and the word after a "■"
bullet into uppercase junk: "m HANS 육성하여" for "미래산업을 육성하여") but mangles Latin
("RE100" → "ㅁㄷ100", "SOC" → "606"). The merged text is the ``kor`` text with, for every
``kor+eng`` word that holds Latin letters, the ``kor`` words under the same box replaced
by it, but only where the ``kor`` reading there is not confident Hangul.

Words come from Tesseract's TSV (boxes, confidences); their places in the plain-text
output (which keeps Tesseract's own spacing between Korean words) are found by walking
both in order, so the merge is a splice of the ``kor`` text and keeps its layout.
"""

from __future__ import annotations

import itertools
import re

from pledgetrack.engine.ingest.ocr_latin import acronym_splices, parse_hocr_chars
from pledgetrack.engine.ingest.ocr_words import HANGUL_WORD, OcrWord, median_hangul_height, parse_tsv, place_words

UPPER = re.compile(r"[A-Z]")
MIN_LATIN_CONFIDENCE = 30.0
MIN_HANGUL_CONFIDENCE = 80.0
MIN_OVERLAP = 0.5
# kor+eng's readings of "AI" seen on the real cards ("Al") and on NanumGothic renderings ("AL")
LATIN_MISREADINGS = {"Al": "AI", "AL": "AI"}
BULLET_MISREADINGS = frozenset("@©®■")
AI_MISREADINGS = frozenset({"시", "씨", "Al", "|"})  # "|": kor's reading once eng reads Latin (no kor+eng pass)
MIN_AI_ASPECT = 0.95  # width / height; measured: "AI" 1.00–1.28, a real "시" 0.46–0.77
MAX_BULLET_HEIGHT = 0.75  # of the line's median Hangul height; measured: "■" 0.62–0.66
MAX_AI_HEIGHT = 0.92  # of the line's median Hangul word height; measured: "AI" 0.81–0.87


def merge_readings(kor_text: str, kor_tsv: str, mixed_tsv: str | None = None, eng_hocr: str | None = None) -> str:
    """``kor_text`` with Latin words from the ``kor+eng`` reading (``mixed_tsv``) or acronyms from an
    ``eng`` reading with character boxes (``eng_hocr``, see ``ocr_latin``) spliced in where they
    belong, and "AI" read as a Hangul syllable put right (``caps_splices``); without a second
    reading only the latter."""
    kor_words = place_words(kor_text, parse_tsv(kor_tsv))
    latin = _splices(kor_words, parse_tsv(mixed_tsv)) if mixed_tsv else []
    if eng_hocr:
        latin += acronym_splices(kor_words, parse_hocr_chars(eng_hocr))
    fixes = latin + caps_splices(kor_words) + bullet_splices(kor_words)
    return _apply(kor_text, _without_overlaps(sorted(fixes)))


def bullet_splices(words: list[OcrWord]) -> list[tuple[int, int, str]]:
    """A "■" bullet read as a letter ("를", "@", "m"): the first word of a line, one letter (not
    an opening quote) in a square box clearly lower than the line's Hangul, set off by a gap."""
    splices: list[tuple[int, int, str]] = []
    for first, after in _line_starts(words):
        left, top, right, bottom = first.box
        size, height = bottom - top, median_hangul_height(words, first.line)
        square = abs((right - left) - size) <= 0.2 * size
        small = height > 0 and 0.4 * height <= size <= MAX_BULLET_HEIGHT * height
        letter = len(first.text) == 1 and (first.text.isalnum() or first.text in BULLET_MISREADINGS)
        if letter and first.start >= 0 and square and small and after.box[0] - right >= 0.4 * height:
            splices.append((first.start, first.end, "■"))
    return splices


def _line_starts(words: list[OcrWord]) -> list[tuple[OcrWord, OcrWord]]:
    """(first word, second word) of every line with two words or more."""
    pairs = enumerate(itertools.pairwise(words))
    return [(w, n) for i, (w, n) in pairs if w.line == n.line and (i == 0 or words[i - 1].line != w.line)]


def caps_splices(words: list[OcrWord]) -> list[tuple[int, int, str]]:
    """Splices for "AI" that Tesseract read as "시", "씨" or "Al": a one-syllable word wider than tall
    (a Hangul "시" is narrow) and shorter than the Hangul on its line (capitals are lower)."""
    splices: list[tuple[int, int, str]] = []
    for word in words:
        if word.text not in AI_MISREADINGS or word.start < 0:
            continue
        left, top, right, bottom = word.box
        line_height = median_hangul_height(words, word.line)
        wide = right - left >= MIN_AI_ASPECT * (bottom - top)
        if wide and line_height and bottom - top <= MAX_AI_HEIGHT * line_height:
            splices.append((word.start, word.end, "AI"))
    return splices


def _without_overlaps(splices: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for splice in splices:
        if not kept or splice[0] >= kept[-1][1]:
            kept.append(splice)
    return kept


def _apply(text: str, splices: list[tuple[int, int, str]]) -> str:
    out: list[str] = []
    position = 0
    for start, end, replacement in splices:
        out += [text[position:start], replacement]
        position = end
    out.append(text[position:])
    return "".join(out)


def _splices(kor_words: list[OcrWord], mixed_words: list[OcrWord]) -> list[tuple[int, int, str]]:
    """(start, end, text) replacements in the ``kor`` text, in order, not overlapping."""
    splices: list[tuple[int, int, str]] = []
    for word in mixed_words:
        if not _is_latin_candidate(word):
            continue
        under = [k for k in kor_words if k.start >= 0 and _covered(k.box, word.box)]
        if not under or len({k.line for k in under}) > 1 or not _replaceable(under, word):
            continue
        start, end = under[0].start, under[-1].end
        if splices and start < splices[-1][1]:
            continue
        splices.append((start, end, LATIN_MISREADINGS.get(word.text, word.text)))
    return splices


def _covered(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int]) -> bool:
    """Whether at least ``MIN_OVERLAP`` of ``inner``'s area lies inside ``outer``."""
    width = min(inner[2], outer[2]) - max(inner[0], outer[0])
    height = min(inner[3], outer[3]) - max(inner[1], outer[1])
    area = max(1, (inner[2] - inner[0]) * (inner[3] - inner[1]))
    return width > 0 and height > 0 and width * height >= MIN_OVERLAP * area


def _is_latin_candidate(word: OcrWord) -> bool:
    """A ``kor+eng`` word worth trying: two characters or more, a capital Latin letter, fair confidence
    (a lone Latin letter is how a "■" bullet is misread)."""
    latin = len(word.text) >= 2 and bool(UPPER.search(word.text))
    return latin and word.confidence >= MIN_LATIN_CONFIDENCE


def _replaceable(under: list[OcrWord], word: OcrWord) -> bool:
    """The ``kor`` words under a Latin word may go unless one is confident Hangul, or they are
    digits that the Latin reading only pads with letters ("10분" read "10H분")."""
    if any(_is_confident_hangul(k) for k in under):
        return False
    digits = "".join(k.text for k in under)
    return not (digits.isdigit() and digits in word.text)


def _is_confident_hangul(word: OcrWord) -> bool:
    return bool(HANGUL_WORD.fullmatch(word.text)) and word.confidence >= MIN_HANGUL_CONFIDENCE
