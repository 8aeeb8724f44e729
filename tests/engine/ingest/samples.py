"""예시(illustrative) 공약 문장: 테스트용으로 지어낸 글이며 어느 정당의 실제 공약도 아닙니다."""

from __future__ import annotations

import difflib
import re

PLEDGE_PAGES: list[str] = [
    "예시 공약집 1. 광주\n"
    "광주를 인공지능 중심도시로 만들겠습니다.\n"
    "미래차 국가산업단지를 조성하여 부품 기업을 돕겠습니다.\n"
    "달빛철도를 임기 안에 착공하겠습니다.\n"
    "아시아문화전당의 위상을 높이고 예술인을 지원하겠습니다.",
    "예시 공약집 2. 전남\n"
    "해상풍력 단지를 늘려 주민과 이익을 나누겠습니다.\n"
    "공공 의과대학을 세워 지역 의료를 강화하겠습니다.\n"
    "섬과 바다를 잇는 관광길을 만들겠습니다.",
]


def char_accuracy(expected: str, actual: str) -> float:
    """Share of characters right, ignoring whitespace (difflib's matching-block ratio)."""
    a, b = re.sub(r"\s+", "", expected), re.sub(r"\s+", "", actual)
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def char_recall(expected: str, actual: str) -> float:
    """Share of ``expected``'s characters found, in order, in ``actual`` (whitespace ignored);
    extra characters in ``actual`` (a bullet, a stray mark) do not count against it."""
    a, b = re.sub(r"\s+", "", expected), re.sub(r"\s+", "", actual)
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(a) if a else 1.0


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
