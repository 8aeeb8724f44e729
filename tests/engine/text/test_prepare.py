"""Preparing documents: pages, dedupe, passages with pages and headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgetrack.engine.text.prepare import MAX_PASSAGE_CHARS, prepare_document, prepare_text
from pledgetrack.engine.types import Extraction, PageText, PreparedDocument

SEED = Path(__file__).resolve().parents[3] / "../shared/seed/000_c6af87ee6670b6e4.txt"


def _check(doc: PreparedDocument) -> None:
    for index, passage in enumerate(doc.passages):
        assert doc.text[passage.start : passage.end] == passage.text
        assert passage.ordinal == index
        assert passage.text == passage.text.strip() and passage.text
        assert len(passage.text) <= MAX_PASSAGE_CHARS
    for span in doc.pages:
        assert 0 <= span.start <= span.end <= len(doc.text)


def _heading_of(doc: PreparedDocument, text: str) -> str:
    """The heading of the passage whose text is ``text``."""
    matches = [p.heading for p in doc.passages if p.text == text]
    assert matches, f"no passage {text!r}"
    return matches[0]


def test_pages_running_lines_and_page_numbers() -> None:
    pages = tuple(
        PageText(
            n, f"더불어민주당 광역공약\n■ {region}\n1. {region} 첫째 공약\n2. {region} 둘째 공약\n- {n} -"
        )
        for n, region in enumerate(["광주광역시", "전라남도", "부산광역시"], start=1)
    )
    doc = prepare_document(Extraction("a.pdf", "0" * 64, "pdf", pages), actor="정당", name="a.pdf")
    _check(doc)
    assert "더불어민주당 광역공약" not in doc.text and "- 2 -" not in doc.text
    assert [p.page for p in doc.pages] == [1, 2, 3]
    assert doc.text[doc.pages[1].start : doc.pages[1].end].startswith("■ 전라남도")
    assert _heading_of(doc, "1. 전라남도 첫째 공약") == "■ 전라남도"
    assert [p.page for p in doc.passages if "부산" in p.text] == [3, 3, 3]
    assert any("머리말" in w for w in doc.warnings)


def test_region_heading_carries_over_pages() -> None:
    pages = (PageText(1, "광주광역시\n\n1. AI 중심도시"), PageText(2, "2. 달빛철도\n\n전라남도\n1. 에너지"))
    doc = prepare_document(Extraction("b.pdf", "", "pdf", pages), actor="x", name="b")
    _check(doc)
    assert _heading_of(doc, "2. 달빛철도") == "광주광역시"
    assert _heading_of(doc, "1. 에너지") == "전라남도"


def test_long_sentence_is_split_on_clause_boundary() -> None:
    clause = "광주 인공지능 중심도시 조성을 위하여 국가AI컴퓨팅센터를 유치하고"
    text = " ".join([clause] * 20) + " 추진하겠습니다."
    doc = prepare_text(text, actor="x", name="long")
    _check(doc)
    assert len(doc.passages) >= 2
    assert all(p.text.endswith(("유치하고", "위하여")) for p in doc.passages[:-1])


def test_seed_article_is_deduplicated() -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not present beside the repository")
    doc = prepare_text(SEED.read_text(encoding="utf-8"), actor="광주일보", name=SEED.name)
    _check(doc)
    assert doc.duplicates_removed == 17
    assert any("반복된 문단 17개" in w for w in doc.warnings)
    texts = [p.text for p in doc.passages]
    assert texts.count("안산에서 열리는 세월호 참사 11주기 기억식에도 참석할 예정이다.") == 1
    assert doc.pages[0].page is None


def test_empty_document() -> None:
    doc = prepare_text("", actor="x", name="empty")
    assert doc.passages == () and doc.text == ""


def _prepare_file(path: Path) -> PreparedDocument:
    doc = prepare_text(path.read_text(encoding="utf-8"), actor=path.parent.name, name=path.name)
    _check(doc)
    return doc


def test_gwangju_2022_headings(shared_data: Path) -> None:
    docs = shared_data / "gwangju-2022" / "docs"
    transition = _prepare_file(docs / "대통령직인수위원회" / "광주전남_지역정책과제_2022.txt")
    assert _heading_of(transition, "1. 대한민국 AI 대표도시 광주") == "광주 7대 공약"
    assert _heading_of(transition, "- AI 영재고 설립") == "광주 정책과제 (일부)"
    assert _heading_of(transition, "1. 친환경 재생에너지 산업벨트 조성") == "전남 7대 공약"
    assert _heading_of(transition, "7. 서남해안 해양 생태관광·휴양 벨트 구축") == "전남 7대 공약"
    assert _heading_of(transition, "광주 7대 공약") == ""
    democratic = _prepare_file(docs / "더불어민주당" / "광주_지역공약_2022.txt")
    assert _heading_of(democratic, "3. 영산강 국가정원 조성 및 마한 문화권 복원") == "광주·전남 공동 공약"
    assert _heading_of(democratic, "4. 광주역~전남대 일대 스타트업 밸리") == "광주 7대 공약"
    ppp = _prepare_file(docs / "국민의힘" / "광주_지역공약_2022.txt")
    assert _heading_of(ppp, "- 복합쇼핑몰 유치") == "추가 공약"
    assert _heading_of(ppp, "3. 서남권 원자력의학원 건립") == "광주 7대 공약"
    for doc in (transition, democratic, ppp):
        assert doc.passages[0].heading == ""  # the document's title line governs nothing


def test_real_2025_summary_headings(shared_data: Path) -> None:
    docs = shared_data / "real-2025" / "docs"
    honam = _prepare_file(docs / "국민의힘" / "호남_지역공약_요약.txt")
    assert (
        _heading_of(honam, "- AX 실증밸리 조성 (사회문제해결형 AI기술 개발)")
        == "광주: AI 생태계 표준도시 조성"
    )
    assert _heading_of(honam, "- AI 기반 농산업 통합 플랫폼") == "전남: AI 농·축산업 융복합 지구 조성"
    assert _heading_of(honam, "- 농업용 로봇·종자산업 클러스터") == "전북: AI 기반 농생명·신산업생태계 구축"
    assert _heading_of(honam, "- 도심 구간 고속철도 지하화") == "광주~대구 달빛철도 조기 착공"
    assert _heading_of(honam, "5·18민주화운동 정신 헌법 전문 수록") == ""
    yeongnam = _prepare_file(docs / "국민의힘" / "영남_지역공약_요약.txt")
    assert _heading_of(yeongnam, "- 부산·경남 행정통합") == (
        "영남 공약 (2025-05-15, 정책총괄본부) > 부산: 금융·물류·신에너지 중심지"
    )
    assert (
        _heading_of(yeongnam, "대구: 군부대 이전 완료로 신성장 동력 확보")
        == "영남 공약 (2025-05-15, 정책총괄본부)"
    )
    democratic = _prepare_file(docs / "더불어민주당" / "광주선대위_발표_요약.txt")
    assert (
        _heading_of(democratic, "- 광주 민·군공항 통합 이전") == "(국가 주도) 민·군 통합 서남권 관문공항 조성"
    )
    assert _heading_of(democratic, "북구: 국립모빌리티파크 조성") == "자치구별 공약 (2025-05-19)"
    assert _heading_of(democratic, "영산강, 광주천 수변 활력도시 조성") == ""
    daegu_busan = _prepare_file(docs / "더불어민주당" / "대구_부산_공약_언론보도_요약.txt")
    assert _heading_of(daegu_busan, "6. 염색산단 이전·취수원 다변화").startswith("대구 7대 지역공약")
    assert _heading_of(daegu_busan, "- 해사전문법원 신설") == (
        "부울경 공약 (2025-04-18, 경선 후보 SNS) > 부울경 메가시티를 대한민국 해양수도로"
    )
    assert _heading_of(daegu_busan, "산업은행 부산 이전은 실현이 어렵다며 공약에서 제외") == (
        "부산 유세 정책약속 (2025-05-14)"
    )
    reform = _prepare_file(docs / "개혁신당" / "대구_부산_언론보도_요약.txt")
    assert _heading_of(reform, "- 바다가 보이는 해안가 야구장 건립") == "부산 (2025-05-11, 05-14 방문)"
    reform_gwangju = _prepare_file(docs / "개혁신당" / "광주_언론보도_요약.txt")
    assert {p.heading for p in reform_gwangju.passages} == {""}


def test_every_shared_text_document_keeps_offsets(shared_data: Path) -> None:
    paths = sorted(shared_data.glob("*/docs/*/*.txt"))
    assert paths
    for path in paths:
        _prepare_file(path)


def test_a_masked_name_is_not_a_bullet_that_governs_the_next_speaker() -> None:
    text = ("토론회 녹취 (예시)\n\n사회자: 다음 주제입니다.\n"
            "○번 후보: 저는 산청에 연구센터를 열겠습니다.\n"
            "해솔 후보: 저는 의료 인력부터 챙기겠습니다.\n\n"
            "○ 달빛철도 조기 착공\n- 2030년 개통\n")
    doc = prepare_text(text, actor="가나당", name="녹취.txt")
    assert "○번 후보" not in _heading_of(doc, "해솔 후보: 저는 의료 인력부터 챙기겠습니다.")
    assert _heading_of(doc, "- 2030년 개통").endswith("○ 달빛철도 조기 착공")
