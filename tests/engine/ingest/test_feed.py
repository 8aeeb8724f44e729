"""RSS 2.0, Atom and RSS 1.0 feeds written in the test (예시 기사)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.detect import detect_format
from pledgetrack.engine.ingest.feed import html_to_text, read_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>예시 지역신문</title><link>https://news.example.kr/</link>
<item>
  <title>광주시, 달빛철도 조기 착공 공약 반영 요청 (예시)</title>
  <link>https://news.example.kr/article/1</link>
  <dc:creator>홍길동 기자</dc:creator>
  <pubDate>Tue, 15 Apr 2025 07:30:00 +0900</pubDate>
  <description>요약만 있는 설명</description>
  <content:encoded><![CDATA[<p>광주시는 달빛철도 조기 착공을 요청했다.</p>
    <p>AI 중심도시 <b>완성</b>도 함께 제안했다.</p><script>track()</script>]]></content:encoded>
</item>
<item>
  <title>두 번째 예시 기사</title>
  <link>https://news.example.kr/article/2</link>
  <pubDate>Mon, 14 Apr 2025 17:56:00 +0900</pubDate>
  <description>&lt;p&gt;국가AI컴퓨팅센터 광주 유치&lt;br/&gt;고성능 GPU 확보&lt;/p&gt;</description>
</item>
<item><title></title><description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>예시 정당 보도자료</title>
  <entry>
    <title>예시 정당, 호남 공약 발표</title>
    <link href="https://party.example.kr/press/7"/>
    <id>tag:party.example.kr,2025:7</id>
    <updated>2025-05-02T09:00:00+09:00</updated>
    <published>2025-05-01T23:30:00+09:00</published>
    <author><name>예시 정당 공보실</name></author>
    <content type="html">&lt;h2&gt;호남 공약&lt;/h2&gt;&lt;ul&gt;
      &lt;li&gt;광주 AI 모델시티&lt;/li&gt;&lt;li&gt;달빛철도&lt;/li&gt;&lt;/ul&gt;</content>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.kr/"><title>예시</title></channel>
  <item rdf:about="https://news.example.kr/3"><title>RDF 예시 기사</title>
    <link>https://news.example.kr/3</link><description>본문 요약</description>
    <dc:date>2025-04-16</dc:date></item>
</rdf:RDF>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rss_entries(tmp_path: Path) -> None:
    path = _write(tmp_path, "news.xml", RSS)
    assert detect_format(path) == "feed"
    calls: list[tuple[int, int]] = []
    first, second = read_feed(path, "whole-file-hash", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert first.file == "news.xml#1" and second.file == "news.xml#2"
    assert first.metadata.title == "광주시, 달빛철도 조기 착공 공약 반영 요청 (예시)"
    assert first.metadata.url == "https://news.example.kr/article/1"
    assert first.metadata.byline == "홍길동 기자"
    assert first.metadata.published == date(2025, 4, 15)  # the feed's own date, not UTC (14 Apr 22:30)
    assert first.pages[0].text == (
        "광주시, 달빛철도 조기 착공 공약 반영 요청 (예시)\n"
        "광주시는 달빛철도 조기 착공을 요청했다.\nAI 중심도시 완성도 함께 제안했다."
    )
    assert second.pages[0].text == "두 번째 예시 기사\n국가AI컴퓨팅센터 광주 유치\n고성능 GPU 확보"
    assert second.metadata.published == date(2025, 4, 14)


def test_entry_hash_is_of_the_entry_content(tmp_path: Path) -> None:
    [_, second, *_] = read_feed(_write(tmp_path, "a.xml", RSS), "x")
    text = "국가AI컴퓨팅센터 광주 유치\n고성능 GPU 확보"
    expected = hashlib.sha256(
        f"두 번째 예시 기사\nhttps://news.example.kr/article/2\n{text}".encode()
    ).hexdigest()
    assert second.sha256 == expected
    [_, again, *_] = read_feed(_write(tmp_path, "b.xml", RSS.replace("예시 지역신문", "다른 이름")), "y")
    assert again.sha256 == second.sha256


def test_atom_entry(tmp_path: Path) -> None:
    [entry] = read_feed(_write(tmp_path, "press.atom", ATOM), "x")
    assert entry.metadata.title == "예시 정당, 호남 공약 발표"
    assert entry.metadata.url == "https://party.example.kr/press/7"
    assert entry.metadata.byline == "예시 정당 공보실"
    assert entry.metadata.published == date(2025, 5, 1)
    assert entry.pages[0].text == "예시 정당, 호남 공약 발표\n호남 공약\n광주 AI 모델시티\n달빛철도"


def test_rdf_feed(tmp_path: Path) -> None:
    path = _write(tmp_path, "rdf.xml", RDF)
    assert detect_format(path) == "feed"
    [entry] = read_feed(path, "x")
    assert entry.metadata.published == date(2025, 4, 16)
    assert entry.pages[0].text == "RDF 예시 기사\n본문 요약"


def test_broken_and_empty_feeds(tmp_path: Path) -> None:
    broken = (
        '<rss version="2.0"><channel><item><title>제목</title><description>본문 &nbsp; &</description></item>'
    )
    [partial] = read_feed(_write(tmp_path, "broken.xml", broken), "x")
    assert partial.metadata.title == "제목" and partial.pages[0].text.startswith("제목\n본문")
    assert len(partial.warnings) == 1 and "broken.xml" in partial.warnings[0]
    with pytest.raises(DocumentError, match=r"garbage\.xml.*피드를 해석하지 못했습니다"):
        read_feed(_write(tmp_path, "garbage.xml", "<rss><<<< &&& 깨진 문서"), "x")
    with pytest.raises(DocumentError, match="피드를 해석하지 못했습니다"):
        read_feed(_write(tmp_path, "cut.xml", "<rss><channel><item><title>끝나지 않음"), "x")
    with pytest.raises(DocumentError, match="항목이 없는 피드"):
        read_feed(
            _write(tmp_path, "empty.xml", '<rss version="2.0"><channel><title>빈</title></channel></rss>'),
            "x",
        )


def test_url_like_content_is_not_fetched(tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        read_feed(_write(tmp_path, "url.xml", "http://127.0.0.1:9/feed"), "x")


def test_html_to_text() -> None:
    assert html_to_text("일반 텍스트\n  둘째   줄") == "일반 텍스트\n둘째 줄"
    assert html_to_text("<p>가</p><p>나<br>다</p><style>x{}</style>") == "가\n나\n다"
