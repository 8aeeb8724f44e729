"""Round-3 rules: nationwide headings, later years, wait-and-decide stances, places as generic words,
tasks found only in part (예시 문장 — 실제 정당의 공약이 아님)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.aspects import find_stance, later_than
from pledgetrack.engine.match.lexicon import get_lexicon
from pledgetrack.engine.match.region import resolve_region
from pledgetrack.engine.match.tokens import key_terms
from pledgetrack.engine.types import Cell, ProposalRow
from tests.engine.match.helpers import doc


def _cells(text: str, rows: list[ProposalRow], settings: MatchSettings, home: str = "울산") -> dict[str, Cell]:
    result = analyze(rows, [doc(f"가나당 공약 (예시)\n\n{text}\n", name="정책발표_울산.txt")],
                     settings=settings, home_region=home)
    return {c.proposal: c for c in result.cells}


def test_a_nationwide_heading_stops_the_search_for_a_region() -> None:
    contexts = [("text", "- 전국 산재보험 지정 의료기관을 확충"), ("heading", "■ 전국 공통"),
                ("document", "정책발표_울산")]
    assert resolve_region(contexts, "울산").scope == "national"
    under_heading = [("text", "- 산재 의료기관 확충"), ("heading", "■ 전국 공통"), ("document", "정책발표_울산")]
    assert resolve_region(under_heading, "울산").source == "heading"
    # "전국 최초" compares; the heading decides
    first = [("text", "- 전국 최초 수소 트램 도입"), ("heading", "■ 울산광역시")]
    assert resolve_region(first, "울산").scope == "home"


def test_a_later_year_or_plan_round_is_found() -> None:
    assert later_than("산재전문 공공병원을 2032년에 개원하겠습니다", "산재전문 공공병원 2029년 개원") == "2032"
    assert later_than("제8차 국가철도망 구축계획에 반영", "제7차 국가철도망 구축계획 반영") == "제8차"
    assert later_than("2028년에 개원하겠습니다", "2029년 개원") == ""
    assert later_than("2032년에 개원하겠습니다", "공공병원 개원") == ""  # the proposal names no year
    assert later_than("2040억원을 투입", "2030년 개통") == ""  # an amount, not a year


def test_wait_and_decide_statements_are_stances() -> None:
    assert find_stance("새만금 국제공항은 소송 결과를 지켜본 뒤 추진 여부를 판단하겠습니다", ["국제공항"])
    assert find_stance("이차전지 특화단지 추가 지원은 업황을 보고 판단하겠다", ["특화단지"])
    assert find_stance("울산 도심 융합특구 추가 지정은 재정 여건상 어렵다는 입장입니다", ["융합특구"])
    assert find_stance("도심 융합특구를 2028년까지 완성하겠습니다", ["융합특구"]) is None


def test_a_place_of_one_province_is_not_a_project_name() -> None:
    lexicon = get_lexicon()
    terms = {t.form: t for t in key_terms("새만금 국제공항 건설", generic_weight=0.25, named_weight=2.0)}
    place = next(t for form, t in terms.items() if form == "새만금")
    assert not place.named and place.weight == 0.25
    assert lexicon.place_names["새만금"] == ("전북",)


def test_a_later_year_makes_a_partial(settings: MatchSettings) -> None:
    row = ProposalRow("P", "울산 산재전문 공공병원 2029년 개원")
    text = "■ 울산광역시\n1. 산재전문 공공병원을 2032년에 개원하겠습니다"
    cell = _cells(text, [row], settings)["P"]
    assert cell.verdict == "partial"
    assert any("시기 차이" in r and "2032" in r for r in cell.reasons)


def test_a_nationwide_section_is_not_the_home_region(settings: MatchSettings) -> None:
    row = ProposalRow("P", "울산 부유식 해상풍력 클러스터 조성")
    text = "■ 전국 공통\n가. 2030년까지 전국 해상풍력 설비를 크게 늘리겠습니다"
    assert _cells(text, [row], settings)["P"].verdict == "absent"


def test_a_task_whose_projects_are_found_in_part_is_partial(settings: MatchSettings) -> None:
    rows = [ProposalRow("T", "반구천 암각화 보존과 세계유산 활용", description="침수 방지와 탐방 기반 조성"),
            ProposalRow("T-1", "사연댐 수문 설치와 대체 수원 확보", parent="T"),
            ProposalRow("T-2", "암각화 세계유산 탐방로 조성", parent="T")]
    text = "■ 울산광역시\n4. 반구천 암각화 세계유산 탐방로와 방문자센터를 만들겠습니다"
    cells = _cells(text, rows, settings)
    assert cells["T-1"].verdict == "absent" and cells["T-2"].verdict == "reflected"
    assert cells["T"].verdict == "partial"


def test_the_task_rule_can_be_turned_off(settings: MatchSettings) -> None:
    from dataclasses import replace

    rows = [ProposalRow("T", "반구천 암각화 보존과 세계유산 활용", description="침수 방지와 탐방 기반 조성"),
            ProposalRow("T-1", "사연댐 수문 설치와 대체 수원 확보", parent="T"),
            ProposalRow("T-2", "암각화 세계유산 탐방로 조성", parent="T")]
    text = "■ 울산광역시\n4. 반구천 암각화 세계유산 탐방로와 방문자센터를 만들겠습니다"
    assert _cells(text, rows, replace(settings, task_title_coverage=0.0))["T"].verdict == "reflected"


def test_a_place_name_the_proposal_uses_as_a_common_noun_is_not_another_region(settings: MatchSettings) -> None:
    row = ProposalRow("P", "사연댐 수문 설치·대체 수원 확보")
    text = "■ 울산광역시\n나. 반구천 암각화를 지키겠습니다\n  (1) 사연댐 수문 설치와 대체 수원 확보로 침수 방지"
    assert _cells(text, [row], settings)["P"].verdict == "reflected"
    contexts = [("text", "수원 군공항 이전"), ("heading", "■ 울산광역시")]
    assert resolve_region(contexts, "울산").scope == "other"  # without the proposal's own use, 수원 is the city
    assert resolve_region(contexts, "울산", frozenset({"수원"})).scope == "home"


def test_a_nationwide_pledge_without_the_concrete_project_is_absent(settings: MatchSettings) -> None:
    rows = [ProposalRow("A", "세계태권도연수원 건립"), ProposalRow("B", "지역의사제 도입")]
    text = "■ 전국 공통\n1. 국기 태권도 세계화와 전국 태권도장 지원\n2. 지역의사제를 도입하겠습니다"
    cells = _cells(text, rows, settings)
    assert cells["A"].verdict == "absent"  # 태권도 without the 연수원
    assert cells["B"].verdict == "partial"  # the concrete project itself, nationwide
    from dataclasses import replace

    assert _cells(text, rows, replace(settings, national_coverage=0.0))["A"].verdict == "partial"


def test_a_task_takes_its_projects_deadlines(settings: MatchSettings) -> None:
    rows = [ProposalRow("T", "새만금 국제공항과 인입철도 임기 내 완성"),
            ProposalRow("T-1", "새만금 국제공항 2029년 개항", parent="T"),
            ProposalRow("T-2", "새만금 인입철도 건설", parent="T")]
    text = "○ 전북\n1) 새만금 국제공항과 인입철도를 2033년까지 완성"
    cells = _cells(text, rows, settings, home="전북")
    assert cells["T"].verdict == "partial"
    assert any("시기 차이" in r for r in cells["T-1"].reasons)


def test_a_supra_regional_item_without_the_home_project_is_absent(settings: MatchSettings) -> None:
    from dataclasses import replace

    row = ProposalRow("P", "암각화 탐방·관광 기반 조성")
    vague = "□ 부울경 공동 공약\n나. 동남권 관광벨트 조성"
    named = "□ 부울경 공동 공약\n가. 울산 반구천 암각화 탐방·관광 기반 조성"
    assert _cells(vague, [row], settings)["P"].verdict == "absent"
    assert _cells(vague, [row], replace(settings, national_coverage=0.0))["P"].verdict == "partial"
    assert _cells(named, [row], settings)["P"].verdict == "reflected"


def test_a_task_is_reflected_when_most_or_its_core_projects_are() -> None:
    from pledgetrack.engine.match.analyze import projects_verdict

    def kids(*verdicts: str, budgets: tuple[int | None, ...] = ()) -> list[tuple[ProposalRow, Cell]]:
        money = budgets or (None,) * len(verdicts)
        return [(ProposalRow(f"P-{i}", f"사업 {i}", parent="P", budget_won=b), Cell(f"P-{i}", "가나당", v, 0.5))  # type: ignore[arg-type]
                for i, (v, b) in enumerate(zip(verdicts, money, strict=True))]

    assert projects_verdict(kids("absent", "reflected", "reflected")) == "reflected"  # two of three
    assert projects_verdict(kids("absent", "reflected", "absent")) == "partial"
    assert projects_verdict(kids("reflected", "absent")) == "partial"  # without budgets no core is guessed
    assert projects_verdict(kids("reflected", "absent", budgets=(10**11, 10**9))) == "reflected"
    assert projects_verdict(kids("partial", "reflected")) == "partial"
    assert projects_verdict(kids("absent", "reflected", budgets=(10**9, 10**11))) == "reflected"  # by budget
    # the task's budget left over goes to the project without one: 1,350억 of 2,000억 makes it the core
    port_only_budgeted = kids("reflected", "absent", budgets=(None, 65 * 10**9))
    assert projects_verdict(port_only_budgeted, task_budget=200 * 10**9) == "reflected"
    # no project holds half of the task's budget: its core is not among its projects
    three = kids("absent", "reflected", "absent", budgets=(8 * 10**11, 12 * 10**11, 15 * 10**10))
    assert projects_verdict(three, task_budget=6 * 10**12) == "partial"
    assert projects_verdict(kids("absent", "reflected", "reflected"), most=False) == "partial"
    assert projects_verdict(kids("absent", "absent")) == "absent"
    # a railway without a budget beside an 800억 station, and no task budget: the core cannot be known
    assert projects_verdict(kids("absent", "reflected", budgets=(None, 8 * 10**10))) == "partial"


def test_a_shared_year_alone_is_not_a_topic_match(settings: MatchSettings) -> None:
    text = "가나당 경북 공약 (예시)\n\n■ 경북\n3. 울릉 여객선 부두를 2027년에 넓히겠습니다\n"
    row = ProposalRow("P", "포항~영덕 고속도로 2027년 개통")
    cell = analyze([row], [doc(text)], settings=settings, home_region="경북").cells[0]
    assert cell.verdict == "absent", cell.reasons


def test_a_supra_item_of_the_area_the_proposal_names_is_home(settings: MatchSettings) -> None:
    text = "가나당 공약 (예시)\n\n■ 충청권 메가시티\n- 대전·세종·충북·충남 광역 환승 할인 도입\n"
    own_area = ProposalRow("P", "충청권 광역 환승 요금 통합")
    cell = analyze([own_area], [doc(text)], settings=settings, home_region="충남").cells[0]
    assert cell.verdict != "absent", cell.reasons
    single = ProposalRow("Q", "천안 광역 환승 요금 통합")
    cell = analyze([single], [doc(text)], settings=settings, home_region="충남").cells[0]
    assert any(r.startswith("초광역 구상") for r in cell.reasons), cell.reasons


def test_a_background_line_is_not_a_promise(settings: MatchSettings) -> None:
    text = ("가나당 대구 공약 (예시)\n\n■ 대구\n1. 동구 교통 개선\n"
            "- 추진 배경: 엑스코선 공사가 늦어져 출퇴근 불편이 커졌습니다\n")
    cell = analyze([ProposalRow("P", "엑스코선 2029년 개통")], [doc(text)], settings=settings,
                   home_region="대구").cells[0]
    assert cell.verdict == "absent"
    assert "배경·현황 설명(약속 아님)" in cell.reasons


def test_the_next_card_line_is_not_a_continuation(settings: MatchSettings) -> None:
    text = ("가나당 카드뉴스 (예시)\n\n■ 전남\n카드 3 | 전남 국립 의과대학 2027년 개교, 부속 대학병원 건립\n"
            "카드 4 | 흑산공항은 환경영향 재평가 결과에 따라 결정하겠습니다\n")
    cell = analyze([ProposalRow("P", "전남 국립 의과대학 2027년 개교")], [doc(text)], settings=settings,
                   home_region="전남").cells[0]
    assert cell.verdict == "reflected", cell.reasons


def test_names_that_differ_in_one_leading_syllable_are_different_places() -> None:
    from pledgetrack.engine.match.aspects import part_share

    assert part_share("동대구역", "서대구역앞환승정류장") == 0.0
    assert part_share("동대구역", "대구역앞") == 0.75  # a damaged or shortened name still counts in part
