"""Korean amounts: parse, format, round trip and mentions in prose."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pledgetrack.engine.errors import MoneyFormatError
from pledgetrack.engine.text.money import find_amounts, format_won, parse_won

JO, EOK, MAN = 10**12, 10**8, 10**4


@pytest.mark.parametrize(
    ("text", "won"),
    [
        ("81조원", 81 * JO),
        ("13.4조", 13 * JO + 4000 * EOK),
        ("670억원", 670 * EOK),
        ("1조 2,000억원", JO + 2000 * EOK),
        ("1조2000억원", JO + 2000 * EOK),
        ("5천만원", 5000 * MAN),
        ("3억 5천만원", 3 * EOK + 5000 * MAN),
        ("₩67,000,000,000", 670 * EOK),
        ("67,000,000,000원", 670 * EOK),
        ("1,200억", 1200 * EOK),
        ("0원", 0),
        ("12345", 12345),
        ("  81 조 원 ", 81 * JO),
        ("1억 5원", EOK + 5),
        ("2.5억원", 250_000_000),
    ],
)
def test_parse_won(text: str, won: int) -> None:
    assert parse_won(text) == won


@pytest.mark.parametrize(
    "text", ["abc", "", "억원", "원", "1만 3억", "1조 12,000억", "1.5원", "5원 3", "12,34원", "-5억"]
)
def test_parse_won_rejects_with_korean_message(text: str) -> None:
    with pytest.raises(MoneyFormatError, match="금액을 읽을 수 없습니다"):
        parse_won(text)


@pytest.mark.parametrize(
    ("won", "text"),
    [
        (81_400_000_000_000, "81조 4,000억원"),
        (67_000_000_000, "670억원"),
        (50_000_000, "5,000만원"),
        (9_999, "9,999원"),
        (0, "0원"),
        (10_000, "1만원"),
        (1_200_000_000_005, "1조 2,000억 5원"),
    ],
)
def test_format_won(won: int, text: str) -> None:
    assert format_won(won) == text


def test_format_won_rejects_negative() -> None:
    with pytest.raises(ValueError):
        format_won(-1)


@given(st.integers(min_value=0, max_value=10**20))
def test_round_trip_parse_of_format(won: int) -> None:
    assert parse_won(format_won(won)) == won


@given(
    st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 9999), st.integers(0, 9999), st.booleans()
)
def test_round_trip_format_of_parse(jo: int, eok: int, man: int, rest: int, spaced: bool) -> None:
    parts = [f"{v:,}{u}" for v, u in ((jo, "조"), (eok, "억"), (man, "만"), (rest, "")) if v]
    text = (" " if spaced else "").join(parts) + "원" if parts else "0원"
    won = parse_won(text)
    assert won == jo * JO + eok * EOK + man * MAN + rest
    assert parse_won(format_won(won)) == won
    if spaced:
        assert format_won(won) == text


def test_find_amounts_in_prose() -> None:
    text = (
        "15대 과제, 40개 사업, 81조원 규모의 정책… AI 100조 투자, 670억원 추경, "
        "메타의 1조2000억원 인수제안"
    )
    found = find_amounts(text)
    assert [(m.text, m.won) for m in found] == [
        ("81조원", 81 * JO),
        ("100조", 100 * JO),
        ("670억원", 670 * EOK),
        ("1조2000억원", JO + 2000 * EOK),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_find_amounts_ignores_counts_and_articles() -> None:
    text = "고성능 GPU 1만장 확보, 5천만 국민, 제3조에 따라, 2025. 04. 14, 100% 활용, 5·18"
    assert find_amounts(text) == []


def test_find_amounts_small_amounts_need_won() -> None:
    found = find_amounts("사업비 3억 5천만원과 ₩5,000, 1만 원")
    assert [m.won for m in found] == [350_000_000, 5_000, 10_000]
