"""Hand-made OCR ground truth for the real campaign documents, and the scores used on it.

The truth files (``tests/data/ingest/real-truth``) are transcriptions of a few real pages
and cards (see the README there); the documents themselves stay in ``../shared/data``.

Scores, after normalising both sides the same way (``normalise``):
- ``char_accuracy``: 1 − (Levenshtein distance / truth length), whitespace removed;
- ``word_recall``: share of the truth's words (runs of Hangul, Latin letters, digits)
  found in the OCR text, counted as multisets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from pledgetrack.engine.ingest.image import read_image
from pledgetrack.engine.ingest.ocr import OcrOptions
from pledgetrack.engine.ingest.pdf import read_pdf

TRUTH_DIR = Path(__file__).resolve().parents[2] / "data" / "ingest" / "real-truth"
REAL_PDF = "real-2025/docs/더불어민주당/21대대선_더불어민주당_광역공약_20250528.pdf"
CARDS = "real-2025/docs/개혁신당"
DOTS = str.maketrans({c: "·" for c in "ㆍ•‧・∙⋅"} | {"‘": "'", "’": "'", "“": '"', "”": '"'})
DECORATION = re.compile(r"[■□▪◼|│]")
WORD = re.compile(r"[0-9A-Za-z가-힣]+")


@dataclass(frozen=True)
class TruthCase:
    """One transcribed page: ``source`` is relative to the shared data folder; ``page`` is 1-based."""

    name: str
    source: str
    page: int
    text: str


def load_truth(folder: Path = TRUTH_DIR) -> list[TruthCase]:
    """``pdfNN_이름.txt`` → page NN of the real pledge book; ``card_이름.txt`` → card ``이름.png``."""
    cases: list[TruthCase] = []
    for path in sorted(folder.glob("*.txt")):
        kind, _, rest = path.stem.partition("_")
        text = path.read_text(encoding="utf-8")
        if kind == "card":
            cases.append(TruthCase(path.stem, f"{CARDS}/{rest}.png", 1, text))
        else:
            cases.append(TruthCase(path.stem, REAL_PDF, int(kind.removeprefix("pdf")), text))
    return cases


def normalise(text: str) -> str:
    """NFKC, one middle dot and plain quotes, bullets and rules dropped."""
    return DECORATION.sub(" ", unicodedata.normalize("NFKC", text).translate(DOTS))


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]


def char_accuracy(truth: str, ocr: str) -> float:
    a, b = (re.sub(r"\s+", "", normalise(t)) for t in (truth, ocr))
    return max(0.0, 1.0 - levenshtein(a, b) / len(a)) if a else 1.0


def word_recall(truth: str, ocr: str) -> float:
    want, got = Counter(WORD.findall(normalise(truth))), Counter(WORD.findall(normalise(ocr)))
    total = sum(want.values())
    return sum((want & got).values()) / total if total else 1.0


def read_cases(cases: list[TruthCase], shared: Path, options: OcrOptions, folder: Path) -> dict[str, str]:
    """OCR text per case name: the PDF pages through ``read_pdf`` (one subset PDF), cards through ``read_image``."""
    pages = [c for c in cases if c.source == REAL_PDF]
    out: dict[str, str] = {}
    if pages:
        source, subset = pdfium.PdfDocument(shared / REAL_PDF), pdfium.PdfDocument.new()
        subset.import_pages(source, [c.page - 1 for c in pages])
        subset.save(folder / "subset.pdf")
        [extraction] = read_pdf(folder / "subset.pdf", "x", options=options)
        out |= {c.name: p.text for c, p in zip(pages, extraction.pages, strict=True)}
    for case in cases:
        if case.source != REAL_PDF:
            [extraction] = read_image(shared / case.source, "x", options=options)
            out[case.name] = extraction.pages[0].text
    return out
