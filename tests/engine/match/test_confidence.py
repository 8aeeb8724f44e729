"""검토 필요: scores near a threshold and aspects that disagree (예시 문장)."""

from __future__ import annotations

from dataclasses import replace

from pledgetrack.engine.match import REVIEW, MatchSettings, analyze, needs_review
from pledgetrack.engine.types import Cell, ProposalRow
from tests.engine.match.helpers import doc


def _cell(pledge: str, row: ProposalRow, settings: MatchSettings, home: str = "광주") -> Cell:
    return analyze([row], [doc(f"가나당 공약 (예시)\n\n{pledge}\n")], settings=settings, home_region=home).cells[0]


def test_clear_match_needs_no_review(settings: MatchSettings) -> None:
    row = ProposalRow("P", "광주 도시철도 2호선 3단계 건설")
    cell = _cell("광주 공약\n1. 광주 도시철도 2호선 3단계 건설", row, settings)
    assert cell.verdict == "reflected" and not needs_review(cell)


def test_strong_topic_without_region_is_flagged(settings: MatchSettings) -> None:
    row = ProposalRow("P", "광주 도시철도 2호선 3단계 건설")
    cell = _cell("1. 도시철도 2호선 3단계 건설을 지원하겠습니다", row, settings)
    assert cell.verdict == "partial"
    assert any(r.startswith(REVIEW) and "지역" in r for r in cell.reasons)


def test_stance_over_a_strong_match_is_flagged(settings: MatchSettings) -> None:
    pledge = "광주 공약\n- 군공항 이전 문제는 합의가 먼저이므로 이번 공약에서는 제외합니다."
    cell = _cell(pledge, ProposalRow("P", "광주 군공항 이전"), replace(settings, review_stance=True))
    assert cell.verdict == "absent"
    assert any(r.startswith(REVIEW) and "유보·제외" in r for r in cell.reasons)
    # off by default: on the dev sets it flagged 11 cells and caught no error
    assert not any(r.startswith(REVIEW) for r in _cell(pledge, ProposalRow("P", "광주 군공항 이전"), settings).reasons)


def test_score_near_a_threshold_is_flagged(settings: MatchSettings) -> None:
    row = ProposalRow("P", "광주 도시철도 2호선 3단계 건설")
    pledge = "광주 공약\n1. 광주 도시철도 2호선 3단계 건설"
    score = _cell(pledge, row, settings).score
    near = replace(settings, reflected_threshold=score + 0.01)
    cell = _cell(pledge, row, near)
    assert cell.verdict == "partial"
    assert any(r.startswith(REVIEW) and "문턱" in r for r in cell.reasons)
    far = replace(settings, reflected_threshold=score - 0.2)
    assert not any("문턱" in r for r in _cell(pledge, row, far).reasons)


def test_task_whose_title_and_projects_disagree_is_flagged(settings: MatchSettings) -> None:
    rows = [ProposalRow("T", "광주 미래차 국가산업단지 조성"), ProposalRow("T-1", "수소 트램 도입", parent="T"),
            ProposalRow("T-2", "자율주행 셔틀 운행", parent="T")]
    text = "가나당 공약 (예시)\n\n광주 공약\n1. 광주 미래차 국가산업단지 조성\n"
    cell = analyze(rows, [doc(text)], settings=settings, home_region="광주").cell("T", "가나당")
    assert cell.verdict == "reflected"
    assert any(r.startswith(REVIEW) and "크게 다름" in r for r in cell.reasons)


def test_reflected_on_few_terms_is_flagged(settings: MatchSettings) -> None:
    row = ProposalRow("P", "국립아시아문화전당 위상 강화", description="운영 예산 확대와 아시아 문화수도 완성")
    pledge = "광주 공약\n라. 국립아시아문화전당의 콘텐츠 제작 지원을 늘리겠습니다"
    cell = _cell(pledge, row, replace(settings, review_low_coverage=True))
    assert cell.verdict == "reflected"
    assert any(r.startswith(REVIEW) and "일부 측면" in r for r in cell.reasons)
    assert not any("일부 측면" in r for r in _cell(pledge, row, settings).reasons)  # off by default


def test_dense_calibration_is_a_named_choice() -> None:
    import pytest

    from pledgetrack.engine.errors import ConfigurationError
    from pledgetrack.engine.match.aspects import scaled_cosine

    s = MatchSettings()
    assert scaled_cosine(0.86, replace(s, dense_calibration="fixed")) == pytest.approx(0.5)
    # the same cosine is worth more for a query whose unrelated-sentence baseline is low
    low, high = scaled_cosine(0.86, s, baseline=0.80), scaled_cosine(0.86, s, baseline=0.84)
    assert low > high
    with pytest.raises(ConfigurationError, match="fixed, background"):
        scaled_cosine(0.86, replace(s, dense_calibration="zscore"))


def test_task_found_only_through_a_weak_project_is_flagged() -> None:
    from pledgetrack.engine.match.confidence import task_notes

    own, missing = Cell("T", "가나당", "absent", 0.1), Cell("T-2", "가나당", "absent", 0.1)
    weak, strong = Cell("T-1", "가나당", "partial", 0.4), Cell("T-1", "가나당", "reflected", 0.8)
    assert any("부분반영 수준으로만" in n for n in task_notes(own, [weak, missing], "partial"))
    assert not task_notes(own, [strong, missing], "partial")
    assert not task_notes(replace(own, verdict="partial"), [weak], "partial")
