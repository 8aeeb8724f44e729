"""HTML reader on a news page around the seed article (시험용 자료: 전남일보 2025-04-14)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import trafilatura

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.html import fallback_text, read_html

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "ingest" / "news_article.html"
TITLE = "강 시장, 서울 집무실 운영 “대선공약 반영 총력”"


@pytest.fixture(scope="module")
def article() -> str:
    [extraction] = read_html(FIXTURE, "s")
    assert extraction.metadata.title == TITLE
    assert extraction.metadata.published == date(2025, 4, 14)
    assert extraction.metadata.byline == "정상아 기자"
    assert extraction.metadata.url == "https://news.example.kr/article/20250414-gwangju-yeouido"
    return extraction.pages[0].text


def test_main_text_keeps_the_article_and_its_paragraphs(article: str) -> None:
    lines = article.split("\n")
    assert lines[0].startswith("강기정 광주시장이 대통령 선거기간에 서울 여의도에 집무실을 차리고")
    assert (
        lines[-1]
        == "강 시장은 “다른 대선 후보들도 AI 중심도시 광주에 더 큰 관심을 가져주시기 바란다”고 촉구했다."
    )
    assert len(lines) >= 14
    assert any("국가AI컴퓨팅센터 광주 유치" in line for line in lines)


@pytest.mark.parametrize(
    "junk", ["[광고]", "많이 본 뉴스", "Copyright", "개인정보처리방침", "오늘의 날씨", "광고 추적", "스포츠"]
)
def test_boilerplate_is_dropped(article: str, junk: str) -> None:
    assert junk not in article


def test_fallback_when_trafilatura_finds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trafilatura, "extract", lambda *args, **kwargs: None)
    page = tmp_path / "짧은.html"
    page.write_text(
        "<html><head><title>공지</title></head><body><nav>메뉴</nav>"
        "<div>등록 2025/04/14</div><div>광주시 공약 설명회 <b>안내</b></div>"
        "<footer>꼬리말</footer></body></html>",
        encoding="utf-8",
    )
    [extraction] = read_html(page, "s")
    assert "광주시 공약 설명회 안내" in extraction.pages[0].text
    assert extraction.pages[0].text == "등록 2025/04/14\n광주시 공약 설명회 안내"
    assert extraction.metadata.published == date(2025, 4, 14)


def test_euc_kr_page_by_meta_charset(tmp_path: Path) -> None:
    body = "".join(
        f"<p>광주 AI 중심도시 공약 설명 문단 {n}번째입니다. 예시 문장입니다.</p>" for n in range(8)
    )
    head = '<head><meta charset="euc-kr"><title>예시</title></head>'
    markup = f"<html>{head}<body><article>{body}</article></body></html>"
    page = tmp_path / "euckr.html"
    page.write_bytes(markup.encode("euc-kr"))
    [extraction] = read_html(page, "s")
    assert "광주 AI 중심도시 공약 설명 문단 7번째입니다." in extraction.pages[0].text
    assert extraction.warnings == ()


def test_page_without_text(tmp_path: Path) -> None:
    page = tmp_path / "빈페이지.html"
    page.write_text("<html><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"빈페이지\.html.*본문"):
        read_html(page, "s")


def test_fallback_text_line_breaks() -> None:
    assert fallback_text("<div><p>첫 줄</p><p>둘째   줄</p><!-- 주석 -->꼬리</div>") == "첫 줄\n둘째 줄\n꼬리"
