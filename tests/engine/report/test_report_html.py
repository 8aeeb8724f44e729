"""The self-contained HTML report (예시 자료)."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from report_sample import make_cells, make_input

import pledgetrack
from pledgetrack.engine.report.html import render_html
from pledgetrack.engine.report.model import ReportInput
from pledgetrack.engine.types import Evidence, ProposalRow


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(make_input())


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_self_contained_and_offline(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ko">' in page
    assert page.count("Plotly.newPlot(") == 3  # rates bar, task heatmap, timeline
    assert len(re.findall(r"\* plotly\.js v\d", page)) == 1  # the library inlined exactly once
    assert not re.search(r'<script[^>]+src=|<link[^>]+href=["\']?https?:', page)  # nothing fetched


def test_header_cards_and_provenance(page: str) -> None:
    text = "".join(_parse(page).text)
    assert "광주의 제안 반영 현황 (예시)" in text
    assert "데이터 기준일 2025-05-31" in text
    assert "2025-06-01 09:30 +09:00" in text
    assert "요청 예산 합계 81조원" in text
    assert "69.1%" in text and "62.5%" in text  # 가람당: budget-weighted and by count
    assert f"pledgetrack {pledgetrack.__version__}" in text
    assert "a32b57e22286851223588861ad84978ae77200e2d0ad33fdedcf497d691f9fca" in text
    assert "판정 설정: threshold" in text and "OCR" in text


def test_matrix_is_an_accessible_table_with_text_labels(page: str) -> None:
    parsed = _parse(page)
    matrix = page[page.index('<table class="matrix">') : page.index("</table>", page.index('<table class="matrix">'))]
    assert "<caption>" in matrix and "<thead>" in matrix
    assert matrix.count('<th scope="col">') >= 5
    assert matrix.count('<th scope="row">') == 10
    assert '<td class="v v-partial">◐ 부분반영<span class="review">검토 완료</span></td>' in matrix
    assert '<span class="review needs">검토 필요</span>' in matrix
    assert '<td class="v v-unjudged">– 미판정</td>' in matrix
    assert sum(1 for tag, _ in parsed.tags if tag == "section") == 6


def test_evidence_section_shows_reasons_quotes_and_review(page: str) -> None:
    evidence = page[page.index('id="evidence"') : page.index('id="provenance"')]
    assert "가람당은(는) T1-2 관련 사업을 추진하겠습니다 (예시 문장)" in evidence
    assert "<cite>가람당_공약집_예시.pdf 12쪽</cite>" in evidence
    assert "검토 완료 (자동 판정: 반영)" in evidence
    assert "T1-2의 핵심어가 가람당 문서에 나옵니다 (예시)" in evidence


def test_everything_is_escaped() -> None:
    hostile = "<script>alert(1)</script>"
    cells = list(make_cells())
    ev = Evidence(document=f"{hostile}.pdf", page=1, start=0, end=len(hostile), quote=hostile)
    cells[0] = replace(cells[0], evidence=(ev,), reasons=(hostile,))
    proposals = (ProposalRow("T1", f"제목 {hostile}"), *make_input().proposals[1:])
    data = make_input(title=hostile, proposals=proposals, cells=tuple(cells))
    page = render_html(data)
    assert hostile not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "alert(1)</script>" not in page  # not even inside the charts' JSON


def test_no_timeline_section_without_events() -> None:
    data = make_input(events=(), sources=())
    page = render_html(data)
    assert 'id="timeline"' not in page and 'href="#timeline"' not in page
    assert page.count("Plotly.newPlot(") == 2


def test_reflects_partial_weight_setting(report_input: ReportInput) -> None:
    assert "부분반영 = 0.5" in render_html(report_input)
    assert "부분반영 = 0.25" in render_html(make_input(partial_weight=0.25))
