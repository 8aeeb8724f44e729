"""OCR accuracy on the hand-made truth of real pages and cards (tests/data/ingest/real-truth).

Run from the repository root: ``.venv/bin/python -m benchmarks.ocr_accuracy [--options JSON]``,
e.g. ``--options '{"languages": "kor+eng", "merge_languages": ""}'`` for one OcrOptions variant.
Needs ../shared/data. Prints character accuracy and word recall per page and their means,
and the wall time of the whole run (one worker, so the times add up per page).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from tests.engine.ingest.truth import REAL_PDF, TruthCase, char_accuracy, load_truth, word_recall

from pledgetrack.engine.ingest.image import read_image
from pledgetrack.engine.ingest.ocr import OcrOptions
from pledgetrack.engine.ingest.pdf import read_pdf

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def read_cases(cases: list[TruthCase], options: OcrOptions, folder: Path) -> dict[str, str]:
    """OCR text per case name: the PDF pages through ``read_pdf`` (one subset PDF), cards through ``read_image``."""
    pages = [c for c in cases if c.source == REAL_PDF]
    out: dict[str, str] = {}
    if pages:
        source, subset = pdfium.PdfDocument(SHARED / REAL_PDF), pdfium.PdfDocument.new()
        subset.import_pages(source, [c.page - 1 for c in pages])
        subset.save(folder / "subset.pdf")
        [extraction] = read_pdf(folder / "subset.pdf", "x", options=options)
        out |= {c.name: p.text for c, p in zip(pages, extraction.pages, strict=True)}
    for case in cases:
        if case.source != REAL_PDF:
            [extraction] = read_image(SHARED / case.source, "x", options=options)
            out[case.name] = extraction.pages[0].text
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--options", default="{}", help="OcrOptions fields as JSON")
    parser.add_argument("--show", action="store_true", help="print the OCR text too")
    args = parser.parse_args()
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in json.loads(args.options).items()}
    options = OcrOptions(**{"workers": 1, **fields})
    cases = load_truth()
    with tempfile.TemporaryDirectory() as name:
        started = time.perf_counter()
        texts = read_cases(cases, options, Path(name))
        seconds = time.perf_counter() - started
    print(f"options: {options}\nload average {os.getloadavg()[0]:.1f}")
    print(f"{'page':<16} {'chars':>6} {'words':>6}")
    scores = [(char_accuracy(c.text, texts[c.name]), word_recall(c.text, texts[c.name])) for c in cases]
    for case, (chars, words) in zip(cases, scores, strict=True):
        print(f"{case.name:<16} {chars:6.3f} {words:6.3f}")
        if args.show:
            print(texts[case.name], "\n")
    n = len(scores)
    print(f"{'mean':<16} {sum(s[0] for s in scores) / n:6.3f} {sum(s[1] for s in scores) / n:6.3f}")
    print(f"time {seconds:.1f} s for {n} pages (1 worker)")


if __name__ == "__main__":
    main()
