"""Round-9 rules: a caveat sentence ("다만 …") carries the pledge's own later year or smaller scale;
the commitment model reads wording the stance patterns do not list (예시 문장 — 실제 정당의 공약이 아님)."""

from __future__ import annotations

from dataclasses import replace

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.aspects import find_stance, is_label
from pledgetrack.engine.match.speakers import line_speaker, other_speaker
from pledgetrack.engine.match.tokens import key_terms
from pledgetrack.engine.types import Cell, ProposalRow
from tests.engine.match.helpers import doc

PROPOSAL = ProposalRow("P", "산청 전통의약 임상 연구센터 2028년 개원")


def _cell(text: str, settings: MatchSettings):  # type: ignore[no-untyped-def]
    return analyze([PROPOSAL], [doc(text)], settings=settings, home_region="경남").cells[0]


def test_a_caveat_in_the_next_sentence_sets_the_year(settings: MatchSettings) -> None:
    promise = "가나당 경남 연설 (예시)\n\n저는 산청에 전통의약 임상 연구센터를 세우겠습니다."
    assert _cell(f"{promise}\n", settings).verdict == "reflected"
    later = _cell(f"{promise} 다만 설계와 인력 확보에 시간이 걸려 2032년 개원으로 잡았습니다.\n", settings)
    assert later.verdict == "partial", later.reasons
    assert any(r.startswith("시기 차이") and "2032" in r for r in later.reasons), later.reasons


def test_a_later_year_in_an_unrelated_next_sentence_is_not_a_caveat(settings: MatchSettings) -> None:
    text = ("가나당 경남 연설 (예시)\n\n저는 산청에 전통의약 임상 연구센터를 세우겠습니다. "
            "남해안 관광도로는 2032년에 완공합니다.\n")
    assert _cell(text, settings).verdict == "reflected"


def test_the_commitment_model_reads_unlisted_hedges(settings: MatchSettings) -> None:
    text = ("가나당 경남 토론회 (예시)\n\n"
            "산청 전통의약 임상 연구센터는 도청이 먼저 안을 가져오면 그때 같이 고민해 보죠.\n")
    cell = _cell(text, settings)
    assert cell.verdict == "absent", cell.reasons
    assert any(r.startswith("약속 표현 아님") for r in cell.reasons), cell.reasons
    off = _cell(text, replace(settings, commitment_threshold=1.0))
    assert off.verdict != "absent", off.reasons  # the patterns alone miss it


def test_another_candidates_words_in_a_transcript_are_not_the_actors() -> None:
    assert other_speaker("○번 후보: 저는 창원특례시 특별법을 약속했습니다.", "가상해솔후보") == "○번 후보"
    assert other_speaker("[토론] 박○○ 후보(가나당): 하겠습니다", "가상해솔후보") == "박○○ 후보"
    assert other_speaker("해솔 후보: 특례시 특별법을 만들겠습니다.", "가상해솔후보") == ""
    assert other_speaker("A 후보: 하겠습니다", "가나당") == ""  # a party quotes its own candidates
    assert other_speaker("완공 후보지: 광주", "가상해솔후보") == ""
    assert find_stance("특례시 권한 확대는 ○번 후보의 공약입니다.", ["특례시"]) is not None


def test_a_rival_speaking_in_the_actors_transcript_is_absent(settings: MatchSettings) -> None:
    text = ("가상해솔후보 토론회 녹취 (예시)\n\n사회자: 다음 주제입니다.\n"
            "○번 후보: 저는 산청에 전통의약 임상 연구센터를 2028년에 열겠습니다.\n"
            "해솔 후보: 저는 지역 의료 인력부터 챙기겠습니다.\n")
    cell = analyze([PROPOSAL], [doc(text, actor="가상해솔후보")], settings=settings, home_region="경남").cells[0]
    assert cell.verdict == "absent", cell.reasons


def test_a_former_site_is_a_generic_word_not_a_project_name() -> None:
    terms = {t.form: t.weight for t in key_terms("대구교도소 후적지 개발", generic_weight=0.25, named_weight=2.0)}
    assert terms["후적지"] == 0.25 and terms["대구교도소"] == 2.0


def test_a_task_not_found_is_not_made_partial_by_one_weakly_found_project() -> None:
    from pledgetrack.engine.match.analyze import _combine

    own = Cell("P", "가나당", "absent", 0.1)
    weak = [(ProposalRow("P-1", "수소 배관망", parent="P"), Cell("P-1", "가나당", "partial", 0.38)),
            (ProposalRow("P-2", "수소 인력", parent="P"), Cell("P-2", "가나당", "absent", 0.2))]
    strong = [(weak[0][0], Cell("P-1", "가나당", "partial", 0.52)), weak[1]]
    assert _combine(own, weak, 3, weak_below=0.40).verdict == "absent"
    assert _combine(own, weak, 3).verdict == "partial"  # the rule off
    assert _combine(own, strong, 3, weak_below=0.40).verdict == "partial"
    found = Cell("P", "가나당", "partial", 0.4)
    assert _combine(found, weak, 3, weak_below=0.40).verdict == "partial"  # the title itself was found


def test_a_next_sentence_that_only_says_when_or_how_much_belongs_to_the_pledge(settings: MatchSettings) -> None:
    promise = "가나당 경남 연설 (예시)\n\n저는 산청에 전통의약 임상 연구센터를 세우겠습니다."
    later = _cell(f"{promise} 개원은 2031년 하반기가 목표입니다.\n", settings)
    assert later.verdict == "partial" and any("2031" in r for r in later.reasons), later.reasons
    assert _cell(f"{promise} 개원은 2027년 하반기가 목표입니다.\n", settings).verdict == "reflected"
    apart = _cell(f"{promise}\n\n개원은 2031년 하반기가 목표입니다.\n", settings)  # another paragraph
    assert apart.verdict == "reflected", apart.reasons


def test_who_speaks_a_line_of_a_transcript() -> None:
    transcript = "사회자: 시작합니다\n실타래당 후보: 네\n갑 후보: 저는 하겠습니다"
    assert other_speaker("갑 후보: 공업탑 지하차도를 2027년에 착공하겠습니다.", "실타래당", transcript) == "갑 후보"
    assert other_speaker("갑 후보: 착공하겠습니다", "실타래당", "") == ""  # the party's own candidate, maybe
    assert other_speaker("환경단체 대표: 배수갑문을 늘려야 합니다.", "가상정부출범준비단") == "환경단체 대표"
    assert other_speaker("시당 정책실장: 이번 공약에서 제외했습니다.", "다리미당") == ""
    assert other_speaker("재원: 국비 1조원", "가나당") == ""
    assert line_speaker("사회자: 한지 등재 운동이 10년째입니다. ", "실타래당") == "사회자"
    assert line_speaker("질의 1. 산업선 2030년 개통에 동의하십니까 | ", "굴렁쇠당") == ""  # the answer cell
    assert line_speaker("", "실타래당") == ""


def test_a_request_is_not_a_promise() -> None:
    assert is_label("삼산동 대공연장을 2030년까지 지어 주십시오.")
    assert is_label("한글 거리도 만들어 달라")
    assert not is_label("삼산동 대공연장을 2030년까지 짓겠습니다.")


def test_a_sentence_continuing_a_hosts_line_is_the_hosts(settings: MatchSettings) -> None:
    text = ("토론회 정리 (예시)\n\n사회자: 산청 얘기입니다. "
            "산청 전통의약 임상 연구센터를 2028년에 열어야 한다는 분이 많습니다.\n"
            "가나당 후보: 지역 의료 인력부터 챙기겠습니다.\n")
    cell = _cell(text, settings)
    assert cell.verdict == "absent", cell.reasons


def test_a_task_found_later_than_asked_stays_partial_whatever_its_projects(settings: MatchSettings) -> None:
    rows = [ProposalRow("T", "산청 전통의약 임상 연구센터 2028년 개원"),
            ProposalRow("T-1", "전통의약 임상 연구동", parent="T"), ProposalRow("T-2", "약초 재배 실증포", parent="T")]
    text = ("가나당 경남 공약 (예시)\n\n■ 경남\n○ 산청 전통의약 임상 연구센터 2031년 개원: 전통의약 임상 연구동과 "
            "약초 재배 실증포를 함께 조성\n")
    cells = {c.proposal: c for c in analyze(rows, [doc(text)], settings=settings, home_region="경남").cells}
    assert cells["T-1"].verdict == "reflected" and cells["T-2"].verdict == "reflected"
    assert cells["T"].verdict == "partial", cells["T"].reasons


def test_a_first_step_or_a_bare_date_in_the_next_sentence_is_the_pledges() -> None:
    from pledgetrack.engine.match.verdict import _only_qualifies

    assert _only_qualifies("착공 시점은 2034년으로 제시했다.", [])
    assert not _only_qualifies("남해안 관광도로는 2032년에 완공합니다.", [])  # a place of its own
    assert not _only_qualifies("광주 AI 집적단지도 함께 키우겠습니다.", [])


def test_a_later_period_in_an_items_sub_line_is_the_items(settings: MatchSettings) -> None:
    text = ("가나당 경남 공약 (예시)\n\n■ 경남\n○ 산청에 전통의약 임상 연구센터를 세우겠습니다.\n"
            "  - 기간: 2029~2032년, 연구동을 먼저 짓고 임상동은 마지막 해에 개원\n")
    cell = _cell(text, settings)
    assert cell.verdict == "partial", cell.reasons


def test_a_lettered_reporter_and_not_in_the_pledges() -> None:
    assert is_label("기자 A: 시민단체가 요구한 공업탑 지하차도 건설은 공약에 없는데요.")
    assert not is_label("문화재청 A지구 조성")
    assert find_stance("공업탑 지하차도 건설은 공약에 없는데요", ["공업탑"]) is not None
    assert find_stance("공업탑 지하차도를 공약에 담았습니다", ["공업탑"]) is None
