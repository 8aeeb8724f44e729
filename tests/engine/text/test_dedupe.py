"""Repeated paragraphs and running page lines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pledgetrack.engine.text.dedupe import (
    drop_running_lines,
    remove_repeated_blocks,
    remove_repeated_blocks_in_pages,
)

SEED = Path(__file__).resolve().parents[3] / "../shared/seed/000_c6af87ee6670b6e4.txt"
LONG = "강 시장은 매주 수요일 서울 여의도에 있는 광주시 대외협력본부에 ‘주간 여의도 집무실’을 연다."


def test_seed_article_paragraphs_appear_once() -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not present beside the repository")
    text = SEED.read_text(encoding="utf-8")
    result = remove_repeated_blocks(text)
    lines = [line.strip() for line in result.text.split("\n") if line.strip()]
    assert [line for line, n in Counter(lines).items() if n > 1] == []
    # the three repeated sub-headings and the 14 repeated body paragraphs are reported
    assert len(result.removed) == 3 + 14
    assert all(text[b.start : b.end] == b.text for b in result.removed)
    assert result.removed[0].text == "AI중심도시·달빛철도 등 집중 공략"
    assert "정상아 기자 sanga.jeong@jnilbo.com" in result.text
    # every paragraph of the original is still there once
    assert set(lines) == {line.strip() for line in text.split("\n") if line.strip()}


def test_whitespace_insensitive_and_first_kept() -> None:
    text = f"{LONG}\n\n다른 문단\n{LONG.replace(' ', '  ')}\n"
    result = remove_repeated_blocks(text)
    assert result.text == f"{LONG}\n\n다른 문단"
    assert len(result.removed) == 1 and result.removed[0].start > len(LONG)


def test_short_generic_lines_are_not_duplicates() -> None:
    text = "1.\n추진 배경\n가\n1.\n추진 배경\n가"
    assert remove_repeated_blocks(text).removed == ()


def test_single_short_item_under_another_heading_is_kept() -> None:
    text = (
        "광주 7대 공약\n- 달빛고속철도 조기 착공\n- 군공항 이전\n\n"
        "대구 7대 공약\n- 달빛고속철도 조기 착공\n- 신공항"
    )
    assert remove_repeated_blocks(text).text == text


def test_run_of_short_repeated_lines_is_removed() -> None:
    heads = "AI중심도시·달빛철도 등 집중 공략\n이번주 5개 정당 방문"
    text = f"제목\n{heads}\n{heads}\n본문"
    result = remove_repeated_blocks(text)
    assert result.text == "제목\nAI중심도시·달빛철도 등 집중 공략\n이번주 5개 정당 방문\n본문"
    assert [b.text for b in result.removed] == ["AI중심도시·달빛철도 등 집중 공략", "이번주 5개 정당 방문"]


def test_pages_share_what_was_seen() -> None:
    results = remove_repeated_blocks_in_pages([LONG, f"새 문단\n{LONG}"])
    assert [r.text for r in results] == [LONG, "새 문단"]


def test_running_headers_footers_and_page_numbers() -> None:
    pages = [
        f"더불어민주당 광역공약\n{region}\n1. {region} 공약\n- {n} -"
        for n, region in enumerate(["광주광역시", "전라남도", "부산광역시", "대구광역시"], start=1)
    ] + ["표지 없는 마지막 쪽\n5 / 5"]
    kept, dropped = drop_running_lines(pages)
    assert kept[0] == "광주광역시\n1. 광주광역시 공약"
    assert kept[-1] == "표지 없는 마지막 쪽"
    assert dropped.count("더불어민주당 광역공약") == 4 and "- 3 -" in dropped
    assert len(dropped) == 9  # "5 / 5" is a page number too


def test_page_fraction_style_numbers() -> None:
    pages = [f"공약 {n}쪽 내용\n{n} / 18" for n in range(1, 4)]
    kept, dropped = drop_running_lines(pages)
    assert kept == [f"공약 {n}쪽 내용" for n in range(1, 4)]  # similar lines that are not page numbers stay
    assert dropped == ["1 / 18", "2 / 18", "3 / 18"]


def test_lines_on_a_minority_of_pages_stay() -> None:
    pages = ["머리말\n가", "머리말\n나", "다", "라", "마"]
    assert drop_running_lines(pages) == (pages, [])
    assert drop_running_lines(["한 쪽뿐\n- 1 -"]) == (["한 쪽뿐\n- 1 -"], [])
