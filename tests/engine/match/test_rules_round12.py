"""Round-12 rules: a 시군구 written with its suffix is still a place; a project found only on its task's
own title words does not lift a task whose title was not found; a name used as a landmark names no
project; a clause without a predicate is read with the next one; more wordings of not promising and of
a pilot (예시 문장 — 실제 정당의 공약이 아님)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.aspects import find_stance, find_timing, only_as_landmark
from pledgetrack.engine.match.tokens import key_terms
from pledgetrack.engine.types import ProposalRow
from tests.engine.match.helpers import doc


def _weights(text: str) -> dict[str, tuple[float, bool]]:
    return {t.form: (t.weight, t.named) for t in key_terms(text, generic_weight=0.25, named_weight=2.0)}


def test_a_city_written_with_its_suffix_is_a_place_not_a_project_name() -> None:
    weights = _weights("청주시 신청사 건립")
    assert weights["청주시"] == (0.25, False)
    assert weights["신청사"] == (1.0, False)


def test_a_short_name_that_is_a_common_word_is_not_made_a_place() -> None:
    # 상주시 is listed only with its suffix: "상주" (常駐) stays an ordinary word
    assert _weights("예술단 상주 연습동")["상주"] == (1.0, False)


def test_opening_words_are_generic_like_groundbreaking() -> None:
    weights = _weights("전용경기장 착공과 개관")
    assert weights["개관"][0] == weights["착공"][0] == 0.25


TASK = ProposalRow("T", "삼척 액화수소 산업 클러스터")
PROJECTS = [
    ProposalRow("T-1", "액화수소 생산 플랜트 유치", parent="T"),
    ProposalRow("T-2", "수소 배관망 구축", parent="T"),
]


def _task_cell(text: str, settings: MatchSettings):  # type: ignore[no-untyped-def]
    result = analyze([TASK, *PROJECTS], [doc(text)], settings=settings, home_region="강원")
    return result.cell("T", "가나당"), result.cell("T-2", "가나당")


def test_a_project_found_only_on_its_tasks_title_words_does_not_lift_the_task(settings: MatchSettings) -> None:
    text = "가나당 강원 공약 (예시)\n\n강원\n· 수소 버스 보조금 단가 유지와 수소 트럭 전환을 돕겠습니다.\n"
    task, project = _task_cell(text, settings)
    assert project.verdict == "partial", project.reasons  # the project alone still shows what was found
    assert task.verdict == "absent", task.reasons


def test_a_project_found_on_its_own_subject_still_lifts_the_task(settings: MatchSettings) -> None:
    text = "가나당 강원 공약 (예시)\n\n강원\n· 삼척 수소 배관망을 깔겠습니다.\n"
    task, project = _task_cell(text, settings)
    assert project.verdict != "absent", project.reasons
    assert task.verdict == "partial", task.reasons


def test_a_name_used_as_a_landmark_names_no_project() -> None:
    assert only_as_landmark(["원자력연구원"], "원자력연구원 앞 갑천 자전거길 끊긴 1.2km를 잇습니다")
    assert only_as_landmark(["시청"], "시청 앞에 광장을 만들겠습니다")
    assert not only_as_landmark(["원자력연구원"], "원자력연구원 방사성폐기물을 반출하겠습니다")
    assert not only_as_landmark(["원자력연구원"], "원자력연구원 앞 도로와 원자력연구원 안전 감시")
    assert not only_as_landmark(["영일만"], "영일만 앞바다에 풍력단지를 세우겠습니다")


def test_a_landmark_mention_is_not_a_match_on_the_project_name(settings: MatchSettings) -> None:
    proposal = ProposalRow("P", "한국원자력연구원 방사성폐기물 조기 반출")
    text = "가나당 대전 SNS (예시)\n\n대전\n한국원자력연구원 앞 갑천 자전거길 끊긴 1.2km를 잇습니다\n"
    cell = analyze([proposal], [doc(text)], settings=settings, home_region="대전").cells[0]
    assert cell.verdict == "absent", cell.reasons
    assert not any(r.startswith("사업명 일치") for r in cell.reasons)


def test_a_clause_without_a_predicate_is_read_with_the_next_one() -> None:
    text = "부곡온천 관광특구 재생 요구, 주민분들 말씀 충분히 공감합니다."
    assert find_stance(text, ["부곡온천"]) is not None
    assert find_stance("부곡온천 관광특구를 재생하겠습니다, 주민 말씀에 공감합니다.", ["부곡온천"]) is None


def test_deferring_to_a_negotiation_is_not_a_promise() -> None:
    assert find_stance("마창대교 통행료는 도와 사업자 협상 결과를 존중하겠습니다.", ["마창대교"]) is not None
    assert find_stance("마창대교 통행료를 2027년부터 1천 원으로 낮추겠습니다.", ["마창대교"]) is None


def test_a_pilot_is_smaller_than_asked() -> None:
    assert find_timing("잠수교는 우선 일요일마다 차를 막는 보행 시범을 1년 해 보겠습니다", "small")
    assert not find_timing("잠수교를 보행 전용 다리로 바꾸겠습니다", "small")


def test_company_tenancy_and_space_are_generic_words() -> None:
    weights = _weights("게임 기업 입주 공간")
    assert weights["게임"][0] == 1.0
    assert weights["기업"][0] == weights["입주"][0] == weights["공간"][0] == 0.25


def test_two_found_sentences_of_one_line_are_one_quote(settings: MatchSettings) -> None:
    proposal = ProposalRow("P", "동해신항 잡화부두 2030년 개장과 항만 배후단지 조성")
    text = ("가나당 강원 카드뉴스 (예시)\n\n강원\n"
            "동해신항 잡화부두 2030년 개장! 항만 배후단지 조성까지 한 번에 챙기겠습니다.\n")
    document = doc(text)
    cell = analyze([proposal], [document], settings=settings, home_region="강원").cells[0]
    first = cell.evidence[0]
    assert first.quote == "동해신항 잡화부두 2030년 개장! 항만 배후단지 조성까지 한 번에 챙기겠습니다.", cell.evidence
    assert document.text[first.start : first.end] == first.quote
    assert len([e for e in cell.evidence if "배후단지" in e.quote]) == 1


def _instance(title: str, passage: str) -> list[bool]:
    from pledgetrack.engine.match.instances import another_instance, qualified_terms

    terms = key_terms(title, generic_weight=0.25, named_weight=2.0)
    by_form = {t.form: t for t in terms}
    return [another_instance(by_form[term], by_form[q], passage) for q, term in qualified_terms(title, terms)]


def test_another_one_of_the_same_kind_is_not_the_proposals() -> None:
    assert _instance("일산 테크노밸리", "판교 제2테크노밸리 창업 공간 확대") == [True]
    assert _instance("전라선 고속철도", "부산~목포 남해안 고속철도(경전선) 전 구간 고속화") == [True]
    assert _instance("월미 문화의거리 해안 보행데크 재정비", "오전 11시, 부평 문화의거리.")[0]


def test_the_same_one_or_an_unqualified_mention_still_counts() -> None:
    assert _instance("일산 테크노밸리", "일산 테크노밸리에 기업을 모으겠습니다") == [False]
    assert _instance("일산 테크노밸리", "테크노밸리 2단계를 짓겠습니다") == [False]
    assert _instance("철원 한탄강", "경기·강원 한탄강 권역 관광") == [False]  # a 시도 name is the region's business
    assert _instance("전라선 고속철도", "여수까지 새 고속철도를 놓겠습니다") == [False]  # not a name before it


def test_a_table_row_cut_inside_its_line_is_read_to_its_end(settings: MatchSettings) -> None:
    proposal = ProposalRow("P", "하동 갈사만 산업단지 정상화")
    text = ("가나당 인수팀 과제표 (예시)\n\n[경상남도 과제]\n"
            "경남-7 | 산업 | 하동 갈사만 산단 | 투자 수요가 불확실해 다음 정부 국토종합계획 수립 때 "
            "다시 따져 보기로 함 | -\n"
            "경남-8 | 교통 | 남해안 관광도로 | 2029년 착공 | 2029\n")
    cell = analyze([proposal], [doc(text)], settings=settings, home_region="경남").cells[0]
    assert cell.verdict == "absent", cell.reasons
    assert any(r.startswith("유보·제외 표현") for r in cell.reasons), cell.reasons
