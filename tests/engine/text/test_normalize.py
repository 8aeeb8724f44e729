"""Text normalisation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pledgetrack.engine.text.normalize import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＩ　１００조원", "AI 100조원"),  # full-width forms and the ideographic space
        ("국가\u200bAI\u200c컴퓨팅\u200d센터\ufeff\u2060", "국가AI컴퓨팅센터"),
        ("광주\x00\x07\x1b 공약", "광주 공약"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("광주   7대\t\t공약", "광주 7대 공약"),
        ("끝   \n다음\t \n", "끝\n다음"),
        ("가\n\n\n\n\n나", "가\n\n나"),
        ("실·국장 「광주의 제안」 ‘AI’ “총력”", "실·국장 「광주의 제안」 ‘AI’ “총력”"),
        ("  - 가덕도신공항:  활주로", "  - 가덕도신공항: 활주로"),  # indentation is kept
        ("\u00a0예산\u00a0 670억원", " 예산 670억원"),
        ("안면도 3ㆍ4지구, 공주・부여‧논산", "안면도 3·4지구, 공주·부여·논산"),  # middle-dot look-alikes (HWP, OCR)
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_decomposed_hangul_is_composed() -> None:
    assert normalize_text(unicodedata.normalize("NFD", "달빛철도")) == "달빛철도"


@given(st.text())
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_no_control_or_zero_width_left(text: str) -> None:
    result = normalize_text(text)
    assert "\r" not in result and "\n\n\n" not in result
    assert not any(ch in result for ch in "\u200b\u200c\u200d\ufeff\u2060\u3000")
    assert all(ch in "\n\t" or unicodedata.category(ch) != "Cc" for ch in result)
