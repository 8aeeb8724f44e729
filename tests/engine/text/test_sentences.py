"""Sentence and list-item splitting with exact offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pledgetrack.engine.text.sentences import TextSpan, is_list_item, split_sentences

SEED = Path(__file__).resolve().parents[3] / "../shared/seed/000_c6af87ee6670b6e4.txt"


def _check_offsets(text: str, spans: list[TextSpan]) -> None:
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip() and span.text
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    covered = "".join(s.text for s in spans)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", text)


def test_prose_is_split_by_kiwi() -> None:
    text = "강 시장은 14일 시청에서 기자들과 만났다. 그는 AI 사업을 강조했다.\n두 번째 문단입니다."
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "강 시장은 14일 시청에서 기자들과 만났다.",
        "그는 AI 사업을 강조했다.",
        "두 번째 문단입니다.",
    ]
    _check_offsets(text, spans)


def test_list_items_are_their_own_units() -> None:
    text = (
        "광주 7대 공약\n1. AI-메타버스 융합도시 조성. 대한민국 AI 대표도시\n"
        "2) 광주~영암 초고속도로\n- 복합쇼핑몰 유치\n• 달빛철도\n○ 군공항 이전\n  - 세부 과제"
    )
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "광주 7대 공약",
        "1. AI-메타버스 융합도시 조성. 대한민국 AI 대표도시",
        "2) 광주~영암 초고속도로",
        "- 복합쇼핑몰 유치",
        "• 달빛철도",
        "○ 군공항 이전",
        "- 세부 과제",
    ]
    _check_offsets(text, spans)


@pytest.mark.parametrize(
    "line", ["1. 가", "12) 나", "(3) 다", "① 라", "- 마", "• 바", "○ 사", "  ㅇ 아", "가. 자"]
)
def test_is_list_item(line: str) -> None:
    assert is_list_item(line)


@pytest.mark.parametrize("line", ["1.5조원 투자", "-3도", "광주 7대 공약", "2025년 계획"])
def test_is_not_list_item(line: str) -> None:
    assert not is_list_item(line)


def test_wrapped_pdf_lines_are_joined_only_when_asked() -> None:
    text = (
        "광주광역시는 인공지능 중심도시로 도약하기 위하여 국가AI컴퓨팅센터를\n"
        "유치하고 고성능 GPU를 확보하는 사업을 추진하겠습니다. 끝으로 달빛철도를\n"
        "조기에 착공하겠습니다.\n"
        "1. 군공항 이전"
    )
    joined = split_sentences(text, join_wrapped_lines=True)
    assert [s.text.replace("\n", " ") for s in joined] == [
        "광주광역시는 인공지능 중심도시로 도약하기 위하여 국가AI컴퓨팅센터를 유치하고 고성능 GPU를 "
        "확보하는 사업을 추진하겠습니다.",
        "끝으로 달빛철도를 조기에 착공하겠습니다.",
        "1. 군공항 이전",
    ]
    _check_offsets(text, joined)
    assert len(split_sentences(text)) == 5


def test_very_long_line_is_cut_and_still_covered() -> None:
    text = "가나다 라마바 사아자 " * 2000 + "끝."
    spans = split_sentences(text)
    assert len(spans) >= 2
    _check_offsets(text, spans)


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n \t") == []


def test_seed_article_offsets() -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not present beside the repository")
    text = SEED.read_text(encoding="utf-8")
    spans = split_sentences(text)
    _check_offsets(text, spans)
    texts = [s.text for s in spans]
    assert "강기정 광주시장" in texts
    assert "안산에서 열리는 세월호 참사 11주기 기억식에도 참석할 예정이다." in texts
