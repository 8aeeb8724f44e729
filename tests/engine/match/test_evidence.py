"""Evidence spans: parent lines of items, compound parts, OCR match text (예시 문장)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.aspects import part_share
from pledgetrack.engine.match.ocrfix import fix_ocr
from pledgetrack.engine.match.structure import DocumentStructure
from pledgetrack.engine.types import PageText, ProposalRow
from tests.engine.match.helpers import doc

NESTED = ("가나당 공약 (예시)\n\n■ 대구광역시\n\n6. 대구 청년 정주 패키지\n"
          "   ∙ 청년 일자리 5천 개 창출\n   ∙ 청년 주택 3천 호 공급\n")
FLAT = ("가나당 공약 (예시)\n광주 정책과제 (일부)\n- AI 반도체 특화단지 조성\n- 청년 창업 지원\n"
        "3. 광주 군공항 이전\nO 이전 사업비 국비 지원\n")


def _parent(text: str, line: str) -> str | None:
    document = doc(text)
    span = DocumentStructure(document).parent_span(document.text.index(line))
    return None if span is None else document.text[span[0] : span[1]]


def test_parent_line_by_indent() -> None:
    assert _parent(NESTED, "∙ 청년 주택") == "6. 대구 청년 정주 패키지"
    assert _parent(NESTED, "6. 대구") is None


def test_parent_line_in_flat_text() -> None:
    assert _parent(FLAT, "- 청년 창업") == "광주 정책과제 (일부)"
    assert _parent(FLAT, "O 이전 사업비") == "3. 광주 군공항 이전"
    assert _parent(FLAT, "3. 광주 군공항") == "광주 정책과제 (일부)"  # the section title of its block
    assert _parent(FLAT, "가나당 공약") is None


CARDS = ("가나당 카드뉴스 (예시)\n\n[카드 1] 울산 수소 산업 선도도시\n① 수소 생산 전 주기 육성\n"
         "② 수소 버스 전환\n\n[카드 2] 공공병원 2029년 개원\n- 산재 공공병원 개원\n")


def test_an_ocr_fragment_is_no_parent_line() -> None:
    # as OCR read a real pledge page: a bullet and noise above an indented line
    page = "가나당 공약 (예시)\n5 광주\n· 2ㅜ\n AI 국가 시범도시 조성을 추진하겠습니다\n"
    assert _parent(page, "AI 국가") == "5 광주"


def test_parent_line_of_numbered_items_on_a_card() -> None:
    assert _parent(CARDS, "② 수소 버스") == "[카드 1] 울산 수소 산업 선도도시"
    assert _parent(CARDS, "[카드 2]") is None  # a card heading does not hang under the last item above
    assert _parent(CARDS, "- 산재") == "[카드 2] 공공병원 2029년 개원"


def test_cell_evidence_is_the_item_with_its_heading_as_context(settings: MatchSettings) -> None:
    document = doc(NESTED)
    rows = [ProposalRow("P", "대구 청년 주택 공급")]
    cell = analyze(rows, [document], settings=settings, home_region="대구").cells[0]
    best = cell.evidence[0]
    assert best.quote == "∙ 청년 주택 3천 호 공급"
    assert best.heading == "6. 대구 청년 정주 패키지"
    assert all(e.quote != e.heading for e in cell.evidence)  # a heading is context, never its own piece
    for e in cell.evidence:
        assert document.text[e.start : e.end] == e.quote
        if e.heading_start is not None:
            assert document.text[e.heading_start : e.heading_end] == e.heading


def test_part_of_a_compound_term() -> None:
    assert round(part_share("국가ai컴퓨팅센터", "초거대ai컴퓨팅센터광주설립"), 2) == 0.78
    assert round(part_share("미래모빌리티", "대표모빌리티도시"), 2) == 0.67
    assert part_share("신도시", "모빌리티도시") == 0.0  # the piece is a generic word
    assert part_share("달빛철도", "고속철도망") == 0.0  # half the term is not enough


def test_ocr_confusions_in_match_text_only() -> None:
    assert fix_ocr("광주: Al 생태계 표준도시 조성") == "광주: AI 생태계 표준도시 조성"
    assert fix_ocr("Alpha 계획") == "Alpha 계획"


def test_ocr_page_matches_through_the_fix(settings: MatchSettings) -> None:
    from pledgetrack.engine.text.prepare import prepare_document
    from pledgetrack.engine.types import Extraction

    page = PageText(1, "다라당 광주 공약 (예시)\n광주 공약\n1. Al 반도체 특화단지 조성\n", method="ocr")
    document = prepare_document(Extraction("카드.png", "0" * 64, "png", (page,)), actor="다라당", name="카드.png")
    cell = analyze([ProposalRow("P", "AI 반도체 특화단지")], [document], settings=settings).cells[0]
    assert cell.verdict == "reflected"
    assert cell.evidence[0].quote == "1. Al 반도체 특화단지 조성"  # the quote keeps the OCR text


def test_compound_of_a_head_and_a_lexicon_word() -> None:
    from pledgetrack.engine.match.aspects import split_share

    assert split_share("울릉공항", "울릉도하늘길을2027년에열고") == 1.0  # 공항 = 하늘길
    assert split_share("울릉공항", "울릉도여객선부두확충") == 0.0


def test_keep_closest_takes_the_last_slot_once() -> None:
    from pledgetrack.engine.match.evidence import keep_closest
    from pledgetrack.engine.types import Evidence

    shown = tuple(Evidence("공약.txt", None, i * 10, i * 10 + 5, f"문장 {i}", 0.5) for i in range(3))
    closest = Evidence("공약.txt", None, 100, 120, "뜻이 가장 가까운 문장", 0.1)
    assert keep_closest(shown, closest, 3) == (*shown[:2], closest)
    assert keep_closest(shown[:1], closest, 3) == (shown[0], closest)
    assert keep_closest((*shown[:2], closest), closest, 3) == (*shown[:2], closest)  # already shown
    assert keep_closest(shown, None, 3) == shown

