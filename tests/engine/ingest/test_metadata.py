"""Korean dates, titles and bylines; the seed article (전남일보 2025-04-14) as the real case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pledgetrack.engine.ingest.metadata import (
    find_byline,
    find_published_date,
    guess_title,
    parse_korean_date,
)

SEED = Path(__file__).resolve().parents[4] / "shared" / "seed" / "000_c6af87ee6670b6e4.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("입력 : 2025. 04. 14(월) 17:56", date(2025, 4, 14)),
        ("2025년 4월 14일 월요일", date(2025, 4, 14)),
        ("2025년4월14일", date(2025, 4, 14)),
        ("발표일 2025-04-14", date(2025, 4, 14)),
        ("2025.4.14", date(2025, 4, 14)),
        ("등록 2025/04/14 09:00", date(2025, 4, 14)),
        ("25.04.14 보도", date(2025, 4, 14)),
        ("기사입력 2022.05.09.", date(2022, 5, 9)),
        ("2025. 13. 01", None),  # no 13th month
        ("2025년 2월 30일", None),
        ("버전 1.2.3 배포", None),
        ("원주율 3.14", None),
        ("IP 10.12.13.14", None),
        ("사업비 2025.04억", None),
        ("1.25.04.14", None),
        ("날짜 없음", None),
    ],
)
def test_parse_korean_date(text: str, expected: date | None) -> None:
    assert parse_korean_date(text) == expected


def test_labelled_date_wins_over_earlier_dates() -> None:
    text = "2024년 결산 보고\n광주시 예시 공지\n수정 2025.05.01\n등록 2025.04.14\n본문"
    assert find_published_date(text) == date(2025, 4, 14)


def test_find_published_date_first_date_near_the_top() -> None:
    assert find_published_date("예시 보도자료\n2025년 4월 8일(화)\n본문 2030년까지 완공") == date(2025, 4, 8)
    assert find_published_date("날짜가 없는 글") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("정상아 기자 sanga.jeong@jnilbo.com", "정상아 기자"),
        ("(광주=연합뉴스) 홍길동 특파원 = 광주시는", "홍길동 특파원"),
        ("글: 김철수 선임기자", "김철수 선임기자"),
        ("강 시장은 14일 시청에서 기자들과 만나", ""),
        ("기자회견에서 밝혔다", ""),
    ],
)
def test_find_byline(text: str, expected: str) -> None:
    assert find_byline(text) == expected


def test_byline_with_email_wins() -> None:
    assert find_byline("관련기사: 박영희 기자\n본문\n이몽룡 기자 lee@example.kr") == "이몽룡 기자"


def test_guess_title_skips_noise() -> None:
    assert (
        guess_title("\n\n  \n>>\n입력 2025.04.14\n광주시, 예시 공약 발표\n본문") == "광주시, 예시 공약 발표"
    )
    assert guess_title("") == ""
    assert len(guess_title("가" * 500)) == 200


def test_seed_article() -> None:
    if not SEED.is_file():
        pytest.skip("shared seed article is not present")
    text = SEED.read_text(encoding="utf-8")
    assert guess_title(text) == "강 시장, 서울 집무실 운영 “대선공약 반영 총력”"
    assert find_published_date(text) == date(2025, 4, 14)
    assert find_byline(text) == "정상아 기자"
