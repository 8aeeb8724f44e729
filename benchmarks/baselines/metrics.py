"""Scoring verdict cells against gold: strict 3-way accuracy, detection P/R/F1, evidence hit@3.

Rules:
- a cell is correct when its verdict is one of the gold options (``a|b``);
- detection is "reflected or partial" vs "absent". Gold that allows both sides (``partial|absent``)
  agrees with whatever was predicted, so it never counts as an error;
- evidence hit@3 covers gold rows with an evidence string: a hit when one of the cell's first three
  evidence quotes contains it after removing spaces and punctuation; "located@3" is the same with
  recognition errors tolerated (some window of a quote is at least 0.8 similar to the gold phrase,
  difflib ratio), so that in OCR mode it tells whether the evidence points at the right line even when
  a character of it was misread;
- per-class recall is over rows whose primary (first) gold option is the class; precision over cells
  predicted as the class. The confusion matrix is primary gold option × prediction.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from benchmarks.baselines.sets import GoldRow

CLASSES = ("reflected", "partial", "absent")
LOCATED_SIMILARITY = 0.8
POSITIVE = frozenset({"reflected", "partial"})


def compact(text: str) -> str:
    """Text without spaces, punctuation and symbols (what evidence strings are compared on)."""
    return re.sub(r"[\W_]+", "", text).lower()


@dataclass(frozen=True)
class Prediction:
    verdict: str
    quotes: tuple[str, ...] = ()
    flagged: bool = False  # the matcher asked for a person's review ("검토 필요")


@dataclass
class Metrics:
    cells: int = 0
    strict_accuracy: float = 0.0
    detection_precision: float = 0.0
    detection_recall: float = 0.0
    detection_f1: float = 0.0
    evidence_hit_at_3: float | None = None
    evidence_located_at_3: float | None = None
    evidence_rows: int = 0
    per_class: dict[str, dict[str, float | int]] = field(default_factory=dict)
    per_case: dict[str, dict[str, float | int]] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    missing_cells: int = 0
    flagged_share: float = 0.0  # cells marked for review
    errors_flagged: float = 0.0  # wrong cells among them, as a share of all wrong cells


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def detection(gold: Sequence[GoldRow], preds: Sequence[Prediction]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for row, pred in zip(gold, preds, strict=True):
        sides = {option in POSITIVE for option in row.options}
        said = pred.verdict in POSITIVE
        truth = said if len(sides) == 2 else sides.pop()
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return precision, recall, _ratio(2 * precision * recall, precision + recall) if tp else 0.0


def evidence_hit(row: GoldRow, pred: Prediction, k: int = 3) -> bool:
    needle = compact(row.evidence)
    return any(needle in compact(quote) for quote in pred.quotes[:k])


def evidence_located(row: GoldRow, pred: Prediction, k: int = 3) -> bool:
    """Like :func:`evidence_hit`, tolerating misread characters (see the module notes)."""
    needle = compact(row.evidence)
    return any(best_window_similarity(needle, compact(quote)) >= LOCATED_SIMILARITY for quote in pred.quotes[:k])


def best_window_similarity(needle: str, text: str) -> float:
    """The highest difflib ratio between ``needle`` and a window of ``text`` as long as it."""
    if needle in text:
        return 1.0
    if not needle or not text:
        return 0.0
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(needle)
    best = 0.0
    for start in range(max(1, len(text) - len(needle) + 1)):
        matcher.set_seq1(text[start : start + len(needle)])
        best = max(best, matcher.ratio())
    return best


def _per_class(gold: Sequence[GoldRow], preds: Sequence[Prediction]) -> dict[str, dict[str, float | int]]:
    result: dict[str, dict[str, float | int]] = {}
    for cls in CLASSES:
        predicted = [row for row, p in zip(gold, preds, strict=True) if p.verdict == cls]
        primary = [(row, p) for row, p in zip(gold, preds, strict=True) if row.options[0] == cls]
        result[cls] = {
            "precision": _ratio(sum(cls in row.options for row in predicted), len(predicted)),
            "recall": _ratio(sum(p.verdict in row.options for row, p in primary), len(primary)),
            "predicted": len(predicted),
            "gold": len(primary),
        }
    return result


def _per_case(gold: Sequence[GoldRow], preds: Sequence[Prediction]) -> dict[str, dict[str, float | int]]:
    totals: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for row, pred in zip(gold, preds, strict=True):
        case = row.case or "-"
        totals[case] += 1
        right[case] += pred.verdict in row.options
    return {case: {"n": n, "accuracy": _ratio(right[case], n)} for case, n in sorted(totals.items())}


def _confusion(gold: Sequence[GoldRow], preds: Sequence[Prediction]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(CLASSES, 0))
    for row, pred in zip(gold, preds, strict=True):
        table[row.options[0]][pred.verdict] += 1
    return {cls: table[cls] for cls in CLASSES}


def score(gold: Sequence[GoldRow], predictions: dict[tuple[str, str], Prediction]) -> Metrics:
    """Metrics of ``predictions`` keyed by (proposal, actor); a missing cell counts as absent."""
    missing = sum((row.proposal, row.actor) not in predictions for row in gold)
    preds = [predictions.get((row.proposal, row.actor), Prediction("absent")) for row in gold]
    precision, recall, f1 = detection(gold, preds)
    with_evidence = [(row, p) for row, p in zip(gold, preds, strict=True) if row.evidence]
    hits = sum(evidence_hit(row, p) for row, p in with_evidence)
    located = sum(evidence_located(row, p) for row, p in with_evidence)
    return Metrics(
        cells=len(gold),
        strict_accuracy=_ratio(sum(p.verdict in row.options for row, p in zip(gold, preds, strict=True)),
                               len(gold)),
        detection_precision=precision, detection_recall=recall, detection_f1=f1,
        evidence_hit_at_3=_ratio(hits, len(with_evidence)) if with_evidence else None,
        evidence_located_at_3=_ratio(located, len(with_evidence)) if with_evidence else None,
        evidence_rows=len(with_evidence),
        per_class=_per_class(gold, preds), per_case=_per_case(gold, preds),
        confusion=_confusion(gold, preds), missing_cells=missing,
        **_review(gold, preds),
    )


def _review(gold: Sequence[GoldRow], preds: Sequence[Prediction]) -> dict[str, float]:
    """How much the review flags ask of a person, and how many of the wrong cells they point at."""
    wrong = [p for row, p in zip(gold, preds, strict=True) if p.verdict not in row.options]
    return {"flagged_share": _ratio(sum(p.flagged for p in preds), len(preds)),
            "errors_flagged": _ratio(sum(p.flagged for p in wrong), len(wrong))}
