"""Naive baselines' decision rule: the best passage score per proposal × actor against two thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from benchmarks.baselines.metrics import Prediction, detection
from benchmarks.baselines.sets import GoldRow


@dataclass(frozen=True)
class Ranked:
    """The best passage score of one actor's documents for one proposal, and the top-3 quotes."""

    best: float
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Thresholds:
    reflected: float
    partial: float

    def verdict(self, value: float) -> str:
        if value >= self.reflected:
            return "reflected"
        return "partial" if value >= self.partial else "absent"


def rank_cells(scores: np.ndarray, proposal_ids: Sequence[str], passages: Sequence[tuple[str, str]],
               ) -> dict[tuple[str, str], Ranked]:
    """``scores[q, p]`` for query ``q`` and passage ``p`` (``passages`` = (actor, text)) → per cell."""
    actors = sorted({actor for actor, _ in passages})
    result = {}
    for actor in actors:
        columns = np.array([i for i, (a, _) in enumerate(passages) if a == actor])
        for row, proposal in enumerate(proposal_ids):
            values = scores[row, columns]
            order = np.argsort(-values, kind="stable")[:3]
            quotes = tuple(passages[columns[i]][1] for i in order)
            result[(proposal, actor)] = Ranked(float(values[order[0]]), quotes)
    return result


def predict(ranked: dict[tuple[str, str], Ranked], thresholds: Thresholds,
            ) -> dict[tuple[str, str], Prediction]:
    return {key: Prediction(thresholds.verdict(r.best), r.quotes) for key, r in ranked.items()}


def _objective(gold: Sequence[GoldRow], values: np.ndarray, t: Thresholds) -> tuple[float, float]:
    preds = [Prediction(t.verdict(v)) for v in values]
    accuracy = sum(p.verdict in row.options for row, p in zip(gold, preds, strict=True)) / len(gold)
    return accuracy, detection(gold, preds)[2]


def tune(gold: Sequence[GoldRow], ranked: dict[tuple[str, str], Ranked]) -> Thresholds:
    """Grid search over midpoints of the observed scores: best strict accuracy, then detection F1."""
    values = np.array([ranked[(row.proposal, row.actor)].best if (row.proposal, row.actor) in ranked
                       else -np.inf for row in gold])
    finite = np.unique(values[np.isfinite(values)])
    cuts = [*((finite[:-1] + finite[1:]) / 2), float(finite[-1]) + 1.0]
    best, best_key = Thresholds(cuts[-1], cuts[-1]), (-1.0, -1.0)
    for i, partial in enumerate(cuts):
        for reflected in cuts[i:]:
            candidate = Thresholds(float(reflected), float(partial))
            key = _objective(gold, values, candidate)
            if key > best_key:
                best, best_key = candidate, key
    return best
