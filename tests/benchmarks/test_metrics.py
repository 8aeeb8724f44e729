"""Metric functions on small hand-computed examples."""

from __future__ import annotations

import numpy as np
import pytest
from benchmarks.baselines.metrics import (
    Prediction,
    best_window_similarity,
    compact,
    detection,
    evidence_hit,
    evidence_located,
    score,
)
from benchmarks.baselines.sets import GoldRow
from benchmarks.baselines.threshold import Ranked, Thresholds, predict, rank_cells, tune


def g(proposal: str, verdict: str, evidence: str = "", case: str = "plain") -> GoldRow:
    return GoldRow(proposal, "가나당", tuple(verdict.split("|")), evidence, case)


GOLD = [
    g("P1", "reflected", "달빛철도 조기착공"),
    g("P2", "partial|reflected", "AX 실증밸리"),
    g("P3", "absent", case="other_region"),
    g("P4", "partial|absent", case="national_vs_regional"),
    g("P5", "absent", case="stance_excluded"),
]


def test_compact_removes_spaces_and_punctuation() -> None:
    assert compact("광주~대구 '달빛철도', 5·18!") == "광주대구달빛철도518"


def test_score_on_a_hand_computed_example() -> None:
    preds = {
        ("P1", "가나당"): Prediction("partial", ("…광주-대구 달빛철도 조기 착공…", "x")),
        ("P2", "가나당"): Prediction("reflected", ("a", "b", "c", "AX 실증밸리 조성")),  # 4th quote: miss
        ("P3", "가나당"): Prediction("reflected"),
        ("P4", "가나당"): Prediction("absent"),
        # P5 missing → counted as absent
    }
    m = score(GOLD, preds)
    # correct: P2 (reflected ∈ partial|reflected), P4 (absent ∈ partial|absent), P5 → 3 of 5
    assert m.strict_accuracy == pytest.approx(3 / 5)
    # detection: P1 TP, P2 TP, P3 FP, P4 mixed → agrees (TN), P5 TN → P = 2/3, R = 2/2
    assert m.detection_precision == pytest.approx(2 / 3)
    assert m.detection_recall == 1.0
    assert m.detection_f1 == pytest.approx(0.8)
    # evidence: P1 hit, P2 miss (only in the 4th quote)
    assert m.evidence_rows == 2 and m.evidence_hit_at_3 == pytest.approx(0.5)
    assert m.missing_cells == 1
    assert m.confusion["reflected"] == {"reflected": 0, "partial": 1, "absent": 0}
    assert m.confusion["absent"] == {"reflected": 1, "partial": 0, "absent": 1}
    assert m.per_class["reflected"]["precision"] == pytest.approx(1 / 2)  # P2 ok, P3 wrong
    assert m.per_class["reflected"]["recall"] == 0.0  # P1 (primary reflected) predicted partial
    assert m.per_class["absent"]["recall"] == pytest.approx(1 / 2)  # P3 wrong, P5 right
    assert m.per_case["other_region"] == {"n": 1, "accuracy": 0.0}
    assert m.per_case["plain"] == {"n": 2, "accuracy": 0.5}


def test_detection_all_absent_predictions_score_zero() -> None:
    assert detection(GOLD, [Prediction("absent")] * 5) == (0.0, 0.0, 0.0)


def test_evidence_hit_uses_only_the_first_three_quotes() -> None:
    row = g("P1", "reflected", "AX실증밸리")
    assert evidence_hit(row, Prediction("reflected", ("", "", "AX 실증 밸리")))
    assert not evidence_hit(row, Prediction("reflected", ("", "", "", "AX 실증밸리")))


def test_evidence_located_tolerates_a_misread_character_only() -> None:
    row = g("P1", "reflected", "상주 스마트팜 혁신밸리 2단계 확장")
    ocr = Prediction("reflected", ("마. 상주 스마트팡 혁신밸리 2단계 확장과 청년 농업인",))
    assert not evidence_hit(row, ocr) and evidence_located(row, ocr)
    other = Prediction("reflected", ("마. 상주 곶감 축제 2단계 확대와 청년 농업인 지원",))
    assert not evidence_located(row, other)
    assert best_window_similarity("abc", "xxabcxx") == 1.0 and best_window_similarity("abc", "") == 0.0


def test_rank_cells_and_thresholds() -> None:
    scores = np.array([[0.1, 0.9, 0.5, 0.2], [0.3, 0.2, 0.1, 0.8]])
    passages = [("가나당", "a"), ("가나당", "b"), ("다라당", "c"), ("다라당", "d")]
    ranked = rank_cells(scores, ["P1", "P2"], passages)
    assert ranked[("P1", "가나당")] == Ranked(0.9, ("b", "a"))
    assert ranked[("P2", "다라당")] == Ranked(0.8, ("d", "c"))
    verdicts = predict(ranked, Thresholds(0.85, 0.4))
    assert [verdicts[k].verdict for k in sorted(verdicts)] == ["reflected", "partial", "absent", "partial"]


def test_tune_finds_thresholds_that_separate_the_classes() -> None:
    gold = [g("A", "reflected"), g("B", "partial"), g("C", "absent"), g("D", "absent")]
    ranked = {
        ("A", "가나당"): Ranked(0.9, ()),
        ("B", "가나당"): Ranked(0.6, ()),
        ("C", "가나당"): Ranked(0.3, ()),
        ("D", "가나당"): Ranked(0.1, ()),
    }
    t = tune(gold, ranked)
    assert 0.6 < t.reflected <= 0.9 and 0.3 < t.partial <= 0.6


def test_review_flags_share_and_errors_flagged() -> None:
    preds = {
        ("P1", "가나당"): Prediction("partial", flagged=True),  # wrong, flagged
        ("P2", "가나당"): Prediction("partial"),
        ("P3", "가나당"): Prediction("partial"),  # wrong, not flagged
        ("P4", "가나당"): Prediction("absent", flagged=True),
        ("P5", "가나당"): Prediction("absent"),
    }
    m = score(GOLD, preds)
    assert m.flagged_share == pytest.approx(2 / 5)
    assert m.errors_flagged == pytest.approx(1 / 2)
