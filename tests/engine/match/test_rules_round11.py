"""Round-11 rules: the sentence that gives a pledge's year or sum is shown with it as evidence; a host's
short question in a transcript is not a section title that places the answers under it
(예시 문장 — 실제 정당의 공약이 아님)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.structure import DocumentStructure
from pledgetrack.engine.types import ProposalRow
from tests.engine.match.helpers import doc

PROPOSAL = ProposalRow("P", "산청 전통의약 임상 연구센터 2028년 개원")


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
    cell = analyze([PROPOSAL], [doc(text)], settings=settings, home_region="경남").cells[0]
    assert cell.evidence[0].quote.endswith("세우겠습니다.")


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
