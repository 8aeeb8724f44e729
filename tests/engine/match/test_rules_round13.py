"""Round-13 rules: more ways of hearing, sympathising and passing a question on without promising;
"원도심", "공공" and directions are generic words (예시 문장 — 실제 정당의 공약이 아님)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.aspects import find_stance, is_label
from pledgetrack.engine.match.tokens import key_terms
from pledgetrack.engine.types import ProposalRow
from tests.engine.match.helpers import doc


def test_what_was_heard_at_length_is_not_a_promise() -> None:
    stance = find_stance("서산의료원 응급실 앞에서 보호자분들 이야기를 오래 들었습니다.", ["서산의료원"])
    assert stance is not None and stance[0] == "heard"


def test_a_clause_naming_what_was_said_is_read_with_the_next_one() -> None:
    text = '- "논산 딸기 종자 연구센터 얘기, 오늘도 여러 분께 들었습니다. 필요한 일이라는 거 압니다."'
    assert find_stance(text, ["딸기"]) is not None


def test_a_question_reported_in_the_clause_is_read_with_its_answer() -> None:
    text = ('기자들이 석대 도시첨단산단 2단계를 묻자 그는 "그건 부산시가 하는 사업이고, 시가 알아서 잘 판단할 것"'
            '이라며 "대통령 후보가 나설 일은 아니다"라고 답했다.')
    assert find_stance(text, ["석대"]) is not None


def test_sympathy_said_of_oneself_and_an_unpromisable_thing_are_not_promises() -> None:
    assert find_stance("권역응급의료센터로 키워 달라는 말씀, 저도 깊이 공감합니다.", ["권역응급의료센터"])
    assert find_stance("응급의료센터 지정은 제가 여기서 약속드릴 수 있는 일은 아닙니다.", ["응급의료센터"])


def test_hearing_first_and_then_promising_is_still_a_promise() -> None:
    assert find_stance("석대 도시첨단산단 이야기를 듣고 2027년까지 2단계를 착공하겠습니다.", ["석대"]) is None
    assert find_stance("석대 도시첨단산단 2단계는 부산시가 하는 사업이지만 국비를 확보하겠습니다.", ["석대"]) is None


def _cell(proposal: ProposalRow, line: str, settings: MatchSettings, home: str):
    text = f"가나당 공약 (예시)\n\n{home}\n· {line}\n"
    return analyze([proposal], [doc(text)], settings=settings, home_region=home).cells[0]


def test_the_old_town_is_not_a_project_name(settings: MatchSettings) -> None:
    proposal = ProposalRow("P", "용두산공원·부산타워 재정비", keywords=("용두산공원", "부산타워", "원도심"))
    cell = _cell(proposal, "원도심 상권 활성화 지원을 늘려 가게 임대료 부담을 덜겠습니다.", settings, "부산")
    assert cell.verdict == "absent", cell.reasons


def test_public_and_a_direction_do_not_make_another_facility_the_same(settings: MatchSettings) -> None:
    proposal = ProposalRow("P", "경기 남부 공공 어린이재활병원 2028년 개원")
    other = _cell(proposal, "경기 남부 공공 산후조리원 2028년 개원(화성·오산 권역 1곳)", settings, "경기")
    same = _cell(proposal, "경기 남부 공공 어린이재활병원을 2028년에 개원하겠습니다.", settings, "경기")
    assert other.verdict == "absent", other.reasons
    assert same.verdict == "reflected", same.reasons


def test_a_visit_schedule_and_a_bare_topic_are_not_promises() -> None:
    assert is_label("◎ 상주 경천섬 주차장 (오전 10시)")
    assert is_label("― 서산 쪽 응급의료는.")
    assert not is_label("오후 2시 착공식에서 2027년 개통을 약속하겠습니다")
    assert not is_label("광주 군공항은 반드시 이전합니다")
    assert not is_label("○ 달빛철도 조기 착공")


def test_plain_words_for_a_cable_car_an_ice_rink_and_a_breakwater() -> None:
    terms = key_terms("금오산 케이블카 재설치와 국제규격 빙상장, 마린시티 잠제", generic_weight=0.25, named_weight=2.0)
    alternatives = {t.form: t.alternatives for t in terms}
    assert "곤돌라" in alternatives["케이블카"]
    assert "아이스링크" in alternatives["빙상장"]
    assert "물속둑" in alternatives["잠제"]


def test_a_question_and_answer_line_is_not_a_section_title() -> None:
    from pledgetrack.engine.match.structure import DocumentStructure

    answer = "A. 소태역 지나 너릿재 넘어 이웃 군청 소재지까지 지하철을 뻗겠습니다."
    text = (f"1부. 교통\nQ. 화순 방면 철도 요구가 큽니다.\n{answer}\n"
            "Q. 자전거 정책은요?\nA. 타랑께를 5천 대로 늘리겠습니다.\n")
    document = doc(text)
    _, title = DocumentStructure(document).context(text.index("타랑께"))
    assert "화순" not in title


def test_a_nationwide_pledge_is_not_a_proposal_that_names_its_own_towns(settings: MatchSettings) -> None:
    proposal = ProposalRow("P", "서산·태안 광역 상수도 관로 복선화")
    text = ("가나당 공약 (예시)\n\n전국 공통\n· 가뭄이 잦은 농어촌 지역에 광역 상수도 관로를 넓혀 "
            "수돗물 걱정을 덜겠습니다.\n")
    cell = analyze([proposal], [doc(text)], settings=settings, home_region="충남").cells[0]
    assert cell.verdict == "absent", cell.reasons
