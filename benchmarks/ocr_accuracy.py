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

from tests.engine.ingest.truth import char_accuracy, load_truth, read_cases, word_recall

from pledgetrack.engine.ingest.ocr import OcrOptions

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


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
        texts = read_cases(cases, SHARED, options, Path(name))
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
