"""Stance, scale and timing aspects, and their effect on a verdict (예시 문장)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.aspects import amounts_in, find_stance, find_timing
from pledgetrack.engine.types import ProposalRow
from tests.engine.match.helpers import doc


def test_stance_markers() -> None:
    assert find_stance("산업은행 부산 이전은 실현이 어렵다며 공약에서 제외", ["산업은행"]) is not None
    assert find_stance("해양수산부 부산 이전에는 유보적", ["해양수산부"])[0] == "defer"  # type: ignore[index]
    assert find_stance("달빛철도 조기 착공", ["달빛철도"]) is None


def test_stance_reaches_a_following_predicate_clause_only() -> None:
    text = "5·18 정신 헌법 전문 수록은 국민적 합의를 거쳐 다룰 사안으로, 이번 공약에는 포함하지 않습니다"
    assert find_stance(text, ["헌법"]) is not None
    assert find_stance("가덕도신공항 완성, 해수부 이전은 유보적", ["가덕도신공항"]) is None


def test_amounts_and_timing() -> None:
    assert amounts_in("총사업비 1조 1천억원 중 국비 60%") == (1_100_000_000_000,)
    assert find_timing("달빛철도 조기 착공", "urgent") == "조기 착공"
    assert find_timing("중장기 과제로 추진", "later") == "중장기"


def _verdict(pledge: str, row: ProposalRow, settings: MatchSettings) -> tuple[str, tuple[str, ...]]:
    text = f"가나당 광주 지역공약 (예시)\n\n광주 공약\n{pledge}\n"
    cell = analyze([row], [doc(text)], settings=settings, home_region="광주").cells[0]
    return cell.verdict, cell.reasons


def test_excluded_pledge_is_absent(settings: MatchSettings) -> None:
    row = ProposalRow("P1", "광주 군공항 이전")
    verdict, reasons = _verdict("- 군공항 이전 문제는 합의가 먼저이므로 이번 공약에서는 제외합니다.", row, settings)
    assert verdict == "absent"
    assert any(r.startswith("유보·제외 표현") for r in reasons)


def test_smaller_amount_is_partial(settings: MatchSettings) -> None:
    row = ProposalRow("P2", "광주 도시철도 2호선 3단계 건설", budget_won=10 * 10**12)
    verdict, reasons = _verdict("- 광주 도시철도 2호선 3단계 건설 (1조원)", row, settings)
    assert verdict == "partial"
    assert any(r.startswith("규모 축소") for r in reasons)
    verdict, _ = _verdict("- 광주 도시철도 2호선 3단계 건설 (10조원)", row, settings)
    assert verdict == "reflected"


def test_other_region_pledge_is_absent(settings: MatchSettings) -> None:
    row = ProposalRow("P3", "해상풍력 연계 RE100 산업단지 조성")
    text = "가나당 공약 (예시)\n\n전남 공약\n1. 해상풍력 연계 RE100 산업단지 조성\n"
    cell = analyze([row], [doc(text)], settings=settings, home_region="광주").cells[0]
    assert cell.verdict == "absent"
    assert any(r.startswith("타 지역 공약: 전남") for r in cell.reasons)


def test_stance_after_an_ocr_line_break(settings: MatchSettings) -> None:
    from pledgetrack.engine.text.prepare import prepare_document
    from pledgetrack.engine.types import Extraction, PageText

    text = ("마바당 광주 공약 (예시)\n광주 공약\n바. 5·18 정신 헌법 전문 수록은 개헌 논의에서 국민적 합의를 거쳐 다룰\n"
            "사안으로, 이번 공약에는 포함하지 않습니다.\n사. 광주 청년 월세 지원\n- 청년 주거 지원 확대\n")
    page = PageText(1, text, method="ocr")
    document = prepare_document(Extraction("공약집.png", "0" * 64, "png", (page,)), actor="마바당", name="공약집.png")
    row = ProposalRow("P", "5·18 민주화운동 정신 헌법 전문 수록")
    cell = analyze([row], [document], settings=settings, home_region="광주").cells[0]
    assert cell.verdict == "absent"
    assert any(r.startswith("유보·제외 표현") for r in cell.reasons)
    # a list item after an unfinished line is not read as its continuation
    other = analyze([ProposalRow("Q", "광주 청년 월세 지원")], [document], settings=settings, home_region="광주")
    assert other.cells[0].verdict == "reflected"


def test_counted_scale_and_year_ranges() -> None:
    from pledgetrack.engine.match.aspects import counts_in, later_than, smaller_count

    assert counts_in("임대형 스마트팜 100동, 공공병원 2개소, 1만 명, 1호선 3단계") == (
        ("동", 100.0), ("곳", 2.0), ("명", 10_000.0))
    assert smaller_count(counts_in("스마트팜 100동"), counts_in("스마트팜 10동 시범 조성"), 0.5) == ("100동", "10동")
    assert smaller_count(counts_in("스마트팜 100동"), counts_in("스마트팜 80동"), 0.5) is None
    assert later_than("2027~2030년 단계적 개통", "2027년 개통") == ""  # the period starts by the deadline
    assert later_than("2029~2032년", "2027년 개통") == "2029"


def test_fewer_units_than_asked_is_partial(settings: MatchSettings) -> None:
    row = ProposalRow("P", "광주 청년 임대형 스마트팜 100동 조성")
    verdict, reasons = _verdict("- 광주 청년 임대형 스마트팜 10동 조성", row, settings)
    assert verdict == "partial"
    assert "규모 축소: 제안 100동, 공약 10동" in reasons
    assert _verdict("- 광주 청년 임대형 스마트팜 100동 조성", row, settings)[0] == "reflected"


def test_a_table_row_does_not_take_the_stance_of_the_next_row(settings: MatchSettings) -> None:
    rows = ("| 광주-1 | 교통 | 광주 도시철도 2호선 3단계 건설 | 2027년 | 국비 |\n"
            "| 광주-2 | 공항 | 군공항 이전 부지 | 미정 | 미정 |")
    verdict, reasons = _verdict(rows, ProposalRow("P", "광주 도시철도 2호선 3단계 건설"), settings)
    assert verdict == "reflected", reasons


def test_deciding_later_whether_to_go_ahead_is_a_deferral() -> None:
    assert find_stance("재조사 결과에 따라 추진 여부를 정하겠습니다", ["재조사"]) is not None
    assert find_stance("주민 의견을 수렴해 결정하겠습니다", []) is not None
    assert find_stance("제2경인선을 2030년에 개통하겠습니다", ["제2경인선"]) is None
