"""Round-6 rules: questions and labels are not promises, another city of the home 시도 is not the
proposal's, "결과를 본 뒤 판단" defers, a number's comma does not cut a clause
(예시 문장 — 실제 정당의 공약이 아님)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.aspects import find_stance, is_label, places_elsewhere
from pledgetrack.engine.match.region import find_regions
from pledgetrack.engine.types import ProposalRow
from tests.engine.match.helpers import doc


def test_questions_labels_and_place_headings_are_labels() -> None:
    assert is_label("— 해남 솔라시도 데이터센터는 어떻게 보나.")
    assert is_label("달빛철도, 언제 착공합니까?")
    assert is_label("홍성역 간담회 답변 정리:")
    assert is_label("안면도·태안")
    assert is_label("전남 편")
    assert not is_label("■ 광주 AI 모델시티 조성")
    assert not is_label("가. 광주: AI 집적단지 조성")
    assert not is_label("병상 추가")  # a noun ending in 가 is not a question


def test_an_interviewers_question_is_not_a_promise(settings: MatchSettings) -> None:
    text = ("가나당 후보 인터뷰 (예시)\n\n■ 전남\n— 해남 솔라시도 데이터센터는 어떻게 보나.\n"
            "\"솔라시도 데이터센터는 송전망 여건을 보고 추진 여부를 결정하겠습니다.\"\n")
    cell = analyze([ProposalRow("P", "솔라시도 데이터센터 집적단지 조성")], [doc(text)], settings=settings,
                   home_region="전남").cells[0]
    assert cell.verdict == "absent", cell.reasons


def test_deciding_after_seeing_a_result_is_a_stance() -> None:
    assert find_stance("장항선 복선화는 예타 재조사 결과를 본 뒤 판단하겠습니다.", ["장항선"])
    assert find_stance("용역 결과를 지켜본 후에 결정하겠습니다", ["용역"])
    assert find_stance("장항선 복선화를 2030년까지 완공하겠습니다", ["장항선"]) is None


def test_a_thousands_comma_does_not_cut_the_clause() -> None:
    text = ("○ 팔당 상수원 보호구역 규제 완화는 2,600만 시민의 식수가 걸린 문제라 환경부 연구용역 "
            "결과를 보고 신중히 판단하겠습니다")
    assert find_stance(text, ["팔당", "상수원"])


def test_places_elsewhere_in_the_home_province() -> None:
    wanted = frozenset(m.name for m in find_regions("포승~평택 철도 완공"))
    assert places_elsewhere("옥정~포천 광역철도 2030년 개통", wanted, "경기") == ("포천",)
    assert places_elsewhere("평택 포승 철도 2028년 완공", wanted, "경기") == ()
    assert places_elsewhere("경기 남부 철도망 확충", wanted, "경기") == ()  # the 시도 itself is not elsewhere
    assert places_elsewhere("옥정~포천 광역철도", frozenset(), "경기") == ()  # the proposal names no place


def test_another_city_of_the_home_province_is_absent(settings: MatchSettings) -> None:
    text = "가나당 경기 공약 (예시)\n\n■ 경기\n1. 옥정~포천 광역철도 2030년 개통으로 북부 철도망 완성\n"
    cell = analyze([ProposalRow("P", "포승~평택 철도 완공")], [doc(text)], settings=settings,
                   home_region="경기").cells[0]
    assert cell.verdict == "absent", cell.reasons
    assert any(r.startswith("같은 시도의 다른 곳: 포천") for r in cell.reasons), cell.reasons


def test_a_rail_line_named_after_two_towns_is_not_the_island_county() -> None:
    assert [m.regions for m in find_regions("신안산선 송산 연장")] == [("경기",)]


def test_more_ways_of_not_committing_are_stances() -> None:
    for text in ("군공항 이전은 당 차원에서 논의 중입니다", "정부와 협의가 먼저입니다", "주민 뜻에 맡기겠습니다",
                 "시의회와 시민이 결정할 일입니다", "예산이 확보되면 추진하겠습니다", "이번 발췌본 대상이 아님",
                 "필요성에는 공감합니다", "이번 공약집에는 담지 않았습니다"):
        assert find_stance(text, []), text
    for text in ("달빛철도를 2030년까지 개통하겠습니다", "정부와 협의해 2027년 착공하겠습니다",
                 "공공기관 이전을 적극 추진하겠습니다"):
        assert find_stance(text, []) is None, text


def test_reported_questions_and_position_headings_are_labels() -> None:
    assert is_label('한 참석자가 "어등산 관광단지를 도시공사가 맡아야 하지 않느냐"고 묻자')
    assert not is_label('기자가 "언제 착공하냐"고 묻자 후보는 "임기 내 착공하겠다"고 답했다')  # answered with a promise
    assert is_label("■ 광주-5. 광역 자원회수시설에 대한 당의 입장")
    assert is_label("◆ 강원 5. 영월·정선 — 아프면 어디로 가나")
    assert not is_label("1. 서울 도심 어디서나 10분 안에 닿는 공원")


def test_waiting_for_a_result_and_acknowledging_are_stances() -> None:
    assert find_stance("삼척 액화수소는 협상 결과가 나오기 전까지 재원을 배정하지 않음.", [])
    assert find_stance("감사 결과와 정부 방침이 나온 뒤에 말씀드리겠다", [])
    assert find_stance("트램이 좋은 교통수단인 건 압니다.", [])
    assert find_stance("트램 1단계를 2030년에 개통하겠습니다.", []) is None


def test_a_project_is_about_the_places_of_its_task(settings: MatchSettings) -> None:
    text = ("가나당 강원 공약 (예시)\n\n■ 강원\n1. 정선 5일장 관광 열차 증편과 주민 상생 관광 연계\n")
    task = ProposalRow("T", "홍천 양수발전소 건설과 주민 상생")
    project = ProposalRow("T-1", "주민 상생기금·관광 연계", parent="T")
    cells = {c.proposal: c for c in analyze([task, project], [doc(text)], settings=settings,
                                            home_region="강원").cells}
    assert cells["T-1"].verdict == "absent", cells["T-1"].reasons
    assert any(r.startswith("같은 시도의 다른 곳: 정선") for r in cells["T-1"].reasons)


def test_the_heading_tells_where_a_line_without_a_place_is(settings: MatchSettings) -> None:
    text = ("가나당 강원 공약 (예시)\n\n■ 강원\n4장. 원주 디지털헬스 산업\n"
            "- 의료기기 임상시험 지원센터 건립과 기업 전용 산업단지 2027년 착공\n")
    cell = analyze([ProposalRow("P", "강릉 천연물 임상 지원센터")], [doc(text)], settings=settings,
                   home_region="강원").cells[0]
    assert cell.verdict == "absent", cell.reasons


def test_polite_ways_of_not_promising_are_stances() -> None:
    for text in ("신공항은 검토해 보겠습니다", "주민 목소리에 귀 기울이겠습니다", "지금 약속하기는 이릅니다",
                 "트램은 약속드릴 수 없습니다", "당론이 정해지지 않았습니다", "이번 임기에 추진할 계획은 없습니다",
                 "광역철도 건설에 대한 입장은 없었다", "취지에는 공감합니다", "기타 | 중앙정부와 협의 후 결정"):
        assert find_stance(text, []), text
    for text in ("청년 주거 지원을 계획대로 추진하겠습니다", "주민 의견을 반영해 2027년에 착공하겠습니다",
                 "정부와 협의 후 2027년 착공"):
        assert find_stance(text, []) is None, text


def test_the_region_of_a_multi_line_passage_is_read_where_the_term_is(settings: MatchSettings) -> None:
    from pledgetrack.engine.text.prepare import prepare_document
    from pledgetrack.engine.types import Extraction, PageText

    # an OCR'd page runs lines of several 시도 into one passage (the lines have no sentence ends)
    page = PageText(1, "대구 선대위 구·군별 추가 공약 (예시): 중구 기념관 건립\n"
                       "군위 국가 AI컴퓨팅센터 유치, 동구 신공항 직통 고속도로\n광주와 영호남 상생 협력", method="ocr")
    document = prepare_document(Extraction("요약.png", "0" * 64, "png", (page,)), actor="가나당", name="요약.png")
    assert any("군위" in p.text and "광주" in p.text for p in document.passages)
    cell = analyze([ProposalRow("P", "국가AI컴퓨팅센터 광주 유치")], [document], settings=settings,
                   home_region="광주").cells[0]
    assert cell.verdict == "absent", cell.reasons


def test_lines_of_hosts_reporters_and_questionnaires_are_labels() -> None:
    assert is_label("질의 4. 청주시 신청사를 2028년에 준공해야 한다고 보십니까 |")
    assert not is_label("질의 4. 신청사 준공에 동의하십니까 | 찬성 | 2028년 준공 추진")  # answered in the row
    assert is_label("진행자: 북구 매천동 농수산물도매시장 이전 문제, 오래된 숙제인데요.")
    assert is_label("문(가상 지역 일간지 기자): 도심 군부대 통합 이전이 1차 공약에 빠졌습니다.")
    assert is_label("[대구편 4/6] Q. 신천을 바꾼다고요?")
    assert is_label("#해솔생각 #단양 #남한강")
    assert is_label("뇌연구원 옆에 실증 연구동을 1,500억원 들여 짓자는 요구가 있는데요.")
    assert not is_label("연구동을 짓자는 요구에 답해 2028년까지 짓겠습니다")
    assert not is_label("문화 시설을 2028년까지 짓겠습니다") and not is_label("Q스쿨 설립")


def test_conversational_ways_of_not_committing_are_stances() -> None:
    for text in ("대구가 뮤지컬 도시라는 건 저도 압니다.", "산청 임상 연구센터는 검토 과제로 분류함.",
                 "공론화를 먼저 거친 뒤에 할지 말지 정합니다", "그건 청주 시민과 시의회가 정하실 일입니다.",
                 "도당이 따로 답을 정하지 않겠습니다", "2단계 부지는 이번 공약에서 다루지 않습니다",
                 "국비 분담 요구는 전국 제도 논의로 넘기고"):
        assert find_stance(text, []), text
