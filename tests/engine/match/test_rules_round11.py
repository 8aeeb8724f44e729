"""Round-11 rules: the sentence that gives a pledge's year or sum is shown with it as evidence; a host's
short question in a transcript is not a section title that places the answers under it; a noun ending
in "음" does not end a clause; more wordings of not promising (예시 문장 — 실제 정당의 공약이 아님)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.analyze import task_evidence
from pledgetrack.engine.match.aspects import clauses, find_stance
from pledgetrack.engine.match.region import regions_in
from pledgetrack.engine.match.structure import DocumentStructure
from pledgetrack.engine.types import Cell, Evidence, ProposalRow
from tests.engine.match.helpers import doc

PROPOSAL = ProposalRow("P", "산청 전통의약 임상 연구센터 2028년 개원")


def _analyze(text: str, settings: MatchSettings):  # type: ignore[no-untyped-def]
    return analyze([PROPOSAL], [doc(text)], settings=settings, home_region="경남").cells[0]


def test_the_sentence_giving_the_year_is_part_of_the_evidence(settings: MatchSettings) -> None:
    text = ("가나당 경남 연설 (예시)\n\n저는 산청에 전통의약 임상 연구센터를 세우겠습니다. "
            "개원은 2032년 하반기가 목표입니다.\n")
    document = doc(text)
    cell = analyze([PROPOSAL], [document], settings=settings, home_region="경남").cells[0]
    assert cell.verdict == "partial", cell.reasons
    first = cell.evidence[0]
    assert "연구센터를 세우겠습니다" in first.quote and "2032년" in first.quote
    assert document.text[first.start : first.end] == first.quote


def test_an_unrelated_next_sentence_is_not_added_to_the_evidence(settings: MatchSettings) -> None:
    text = ("가나당 경남 연설 (예시)\n\n저는 산청에 전통의약 임상 연구센터를 세우겠습니다. "
            "남해안 관광도로는 2032년에 완공합니다.\n")
    assert _analyze(text, settings).evidence[0].quote.endswith("세우겠습니다.")


def test_a_hosts_short_question_is_not_a_section_title() -> None:
    text = ("라디오 인터뷰 녹취 (예시)\n\n진행자: 통영 옛 조선소 부지는요?\n"
            "위원장: 해양 복합단지를 2030년에 착공하겠습니다.\n"
            "진행자: 진주성 외성 복원 요구도 있습니다. 1,100억원 규모인데요.\n"
            "위원장: 시범으로 한 구간만 80억원 들여 복원하겠습니다.\n")
    structure = DocumentStructure(doc(text))
    _, title = structure.context(text.index("시범으로"))
    assert "통영" not in title
    plain = "경남 공약 (예시)\n\n진주 문화관광\n외성을 복원하겠습니다.\n"
    _, heading = DocumentStructure(doc(plain)).context(plain.index("외성"))
    assert heading == "진주 문화관광"


def test_a_noun_ending_in_eum_does_not_end_a_clause() -> None:
    assert clauses("드론쇼 상설화는 주민 소음 조사 결과를 먼저 보고 판단하겠습니다.") == (
        "드론쇼 상설화는 주민 소음 조사 결과를 먼저 보고 판단하겠습니다",)
    assert clauses("A를 추진함 B는 제외함") == ("A를 추진함", "B는 제외함")
    assert clauses("사업을 추진하기 위해 예산을 확보했다 다만 일부는 미정") == (
        "사업을 추진하기 위해 예산을 확보했다", "다만 일부는 미정")
    assert find_stance("드론쇼 상설화는 주민 소음 조사 결과를 먼저 보고 판단하겠습니다.", ["드론쇼"]) is not None


def test_more_ways_of_not_promising() -> None:
    cases = {
        "영흥화력 폐지 시점은 전력수급기본계획 논의에 맡기고, 당 차원의 시한은 정하지 않습니다": "defer",
        "청라 돔구장은 사업비 분담을 지켜본 뒤 입장을 밝히겠다": "defer",
        "청라 돔구장 질문에는 약속은 하지 않음": "exclude",
        "동강 래프팅 구간 확대 이야기를 많이 들었습니다.": "heard",
    }
    for text, kind in cases.items():
        found = find_stance(text, [])
        assert found is not None and found[0] == kind, (text, found)
    assert find_stance("동강 래프팅 구간을 늘리겠다는 약속을 지키겠습니다.", ["래프팅"]) is None
    assert find_stance("주민 이야기를 많이 들었고, 동강 래프팅 구간을 2028년까지 늘리겠습니다.", ["래프팅"]) is None


def test_gyeonggi_as_a_game_or_the_economy_is_not_the_province() -> None:
    for text in ("청라 돔구장을 완공하고 경기 날 환승 교통 대책까지", "경기장 건립", "경기 침체 대응",
                 "경기가 열리는 날"):
        assert "경기" not in regions_in(text), text
    for text in ("경기 화성 궁평항", "경기남부 광역철도", "서울·경기 공약", "유세발언_경기순회", "경기 북부"):
        assert "경기" in regions_in(text), text


def test_a_year_two_sentences_on_in_a_report_is_the_pledges(settings: MatchSettings) -> None:
    promise = ("가나일보 인터뷰 (예시)\n\n가나당 후보는 산청에 전통의약 임상 연구센터를 세우겠다고 밝혔다.\n"
               "후보는 \"한방 산업이 지역을 살린다\"고 강조했다.")
    later = _analyze(f"{promise} 개원 시점은 2033년으로 제시했다.\n", settings)
    assert later.verdict == "partial" and any("2033" in r for r in later.reasons), later.reasons
    assert "2033년" in later.evidence[0].quote
    promised = _analyze(f"{promise} 남해안 관광도로도 만들겠다고 했다. 완공은 2033년이다.\n", settings)
    assert promised.verdict == "reflected", promised.reasons  # the year belongs to the road


def test_another_speakers_turn_does_not_qualify_the_pledge(settings: MatchSettings) -> None:
    text = ("라디오 인터뷰 녹취 (예시)\n\n위원장: 산청에 전통의약 임상 연구센터를 세우겠습니다.\n"
            "진행자: 개원은 2033년쯤으로 보는 분들이 많습니다.\n")
    cell = _analyze(text, settings)
    assert cell.verdict == "reflected", cell.reasons
    assert "진행자" not in cell.evidence[0].quote



def test_a_tasks_evidence_shows_the_best_passage_of_every_project_found() -> None:
    def ev(start: int, score: float) -> Evidence:
        return Evidence("공약집.txt", 1, start, start + 5, "예시 문장", score)

    own = Cell("T", "가나당", "partial", 0.6, (ev(0, 0.6), ev(10, 0.5)))
    full = Cell("T-2", "가나당", "reflected", 0.8, (ev(20, 0.8), ev(30, 0.7), ev(40, 0.6)))
    later = Cell("T-1", "가나당", "partial", 0.7, (ev(50, 0.7), ev(60, 0.3)))
    missing = Cell("T-3", "가나당", "absent", 0.2, (ev(70, 0.2),))
    starts = [e.start for e in task_evidence([own, later, full, missing], 3)]
    assert starts == [20, 50, 0]  # reflected project, the later project, the task's own line


def test_lines_that_say_nothing_of_their_own_are_shown_last(settings: MatchSettings) -> None:
    text = ("가나당 SNS (예시)\n\n📍대구 달성군 화원읍\n\n옛 수감 시설의 기억은 공원으로 남기겠습니다.\n\n"
            "#가나약속 #화원읍 #교정시설\n")
    cell = analyze([ProposalRow("P", "화원읍 교정시설 역사공원 조성")], [doc(text)], settings=settings,
                   home_region="대구").cells[0]
    quotes = [e.quote for e in cell.evidence]
    assert quotes[0].startswith("옛 수감 시설"), quotes  # before the place-name and hashtag lines
    assert any(q.startswith("#가나약속") for q in quotes), quotes
