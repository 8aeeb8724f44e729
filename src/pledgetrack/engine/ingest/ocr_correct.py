"""Conservative post-OCR correction against a domain lexicon.

Tesseract's Korean model misreads a few things in pledge documents in the same way
every time ("AI" → "시"/"Al", "문화" → "문회", "달빛" → "달빚", "5·18" → "5-18"). For every
lexicon term we generate its misread forms (from ``CONFUSIONS`` and from forms listed
in the lexicon) and replace a misread form only where it stands as written:

- a misread form never replaces text that is itself a lexicon term;
- a term that starts with a Latin letter or digit ("AI반도체", "5·18 정신") is fixed only
  when the misread form does not follow a Hangul syllable, letter or digit
  ("광주시반도체", "2518 정신" stay as they are);
- a term that ends with a Latin letter or digit is fixed only when none follows.

Nothing else is touched, so text without misread forms comes back unchanged.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# right -> the ways Tesseract (kor+eng) was seen to misread it
CONFUSIONS: dict[str, tuple[str, ...]] = {
    "AI": ("시", "Al", "씨"),
    "화": ("회",),
    "빛": ("빚",),
    "·": ("-", "ㆍ", ":", ".", "‧", ""),
}
MAX_VARIANTS_PER_TERM = 64


@dataclass(frozen=True)
class Correction:
    start: int
    end: int
    found: str
    replacement: str


@dataclass(frozen=True)
class Lexicon:
    """Misread form -> term, and the compiled pattern that finds the misread forms."""

    variants: dict[str, str]
    pattern: re.Pattern[str] | None


def parse_lexicon(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """Term -> misread forms listed after ``<-`` (comments and blank lines skipped)."""
    terms: dict[str, tuple[str, ...]] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        term, _, listed = line.partition("<-")
        terms[term.strip()] = tuple(v.strip() for v in listed.split(",") if v.strip())
    return terms


def misread_forms(term: str) -> set[str]:
    """Every form of ``term`` with one or more confusable parts replaced by a misreading."""
    pieces = re.split(f"({'|'.join(map(re.escape, CONFUSIONS))})", term)
    options = [(piece, *CONFUSIONS.get(piece, ())) for piece in pieces]
    forms = {
        "".join(choice) for choice in itertools.islice(itertools.product(*options), MAX_VARIANTS_PER_TERM)
    }
    forms.discard(term)
    return forms


def build_lexicon(terms: dict[str, tuple[str, ...]]) -> Lexicon:
    variants: dict[str, str] = {}
    for term, listed in terms.items():
        for form in misread_forms(term) | set(listed):
            if form not in terms and form.strip():
                variants.setdefault(form, term)
    if not variants:
        return Lexicon({}, None)
    alternatives = "|".join(_guarded(v, variants[v]) for v in sorted(variants, key=len, reverse=True))
    return Lexicon(variants, re.compile(alternatives))


def _guarded(form: str, term: str) -> str:
    before = "(?<![가-힣A-Za-z0-9])" if _ascii_alnum(term[:1]) else ""
    after = "(?![A-Za-z0-9])" if _ascii_alnum(term[-1:]) else ""
    return f"{before}{re.escape(form)}{after}"


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``data/ocr_lexicon.txt``."""
    text = resources.files("pledgetrack.engine.ingest").joinpath("data/ocr_lexicon.txt").read_text("utf-8")
    return build_lexicon(parse_lexicon(text.splitlines()))


def find_corrections(text: str, lexicon: Lexicon | None = None) -> list[Correction]:
    """The replacements ``correct_text`` would make, in order."""
    lexicon = lexicon or default_lexicon()
    if lexicon.pattern is None:
        return []
    return [
        Correction(m.start(), m.end(), m.group(), lexicon.variants[m.group()])
        for m in lexicon.pattern.finditer(text)
    ]


def correct_text(text: str, lexicon: Lexicon | None = None) -> str:
    """``text`` with every misread lexicon form replaced by its term."""
    out: list[str] = []
    position = 0
    for fix in find_corrections(text, lexicon):
        out += [text[position : fix.start], fix.replacement]
        position = fix.end
    out.append(text[position:])
    return "".join(out)
