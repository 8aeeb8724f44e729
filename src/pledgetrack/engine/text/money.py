"""Korean amounts of money: parse "1조 2,000억원", format 81_400_000_000_000 as "81조 4,000억원",
and find money mentions inside prose.

Units: 조 (10^12), 억 (10^8), 만 (10^4); within a unit 천 (1000), 백 (100), 십 (10).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pledgetrack.engine.errors import MoneyFormatError

BIG_UNITS: dict[str, int] = {"조": 10**12, "억": 10**8, "만": 10**4}
SMALL_UNITS: dict[str, int] = {"천": 1000, "백": 100, "십": 10}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TERM = re.compile(rf"\s*(?P<num>{_NUM})\s*(?P<small>[천백십])?\s*(?P<big>[조억만])?")
_HINT = '예: "81조원", "1조 2,000억원", "5천만원", "67,000,000,000원"'


@dataclass(frozen=True)
class AmountMention:
    """A money mention in a text: ``text == source[start:end]``; ``won`` is the amount in won."""

    start: int
    end: int
    text: str
    won: int


def _error(text: str, why: str) -> MoneyFormatError:
    return MoneyFormatError(f"금액을 읽을 수 없습니다: '{text}' ({why}). {_HINT}처럼 적어 주세요.")


def _strip_affixes(text: str) -> str:
    body = text.strip()
    if body.startswith("₩"):
        body = body[1:].strip()
    if body.endswith("원"):
        body = body[:-1].rstrip()
    return body


def _term_value(match: re.Match[str]) -> tuple[Decimal, int]:
    """The value of one term (e.g. "5천만") and its big unit (1 when it has none)."""
    number = Decimal(match["num"].replace(",", ""))
    if match["small"]:
        number *= SMALL_UNITS[match["small"]]
    return number, BIG_UNITS[match["big"]] if match["big"] else 1


def parse_won(text: str) -> int:
    """Parse a Korean amount of money into whole won.

    >>> parse_won("1조 2,000억원")
    1200000000000
    >>> parse_won("5천만원")
    50000000
    """
    body = _strip_affixes(text)
    if not body:
        raise _error(text, "숫자가 없습니다")
    total, position, previous_unit = Decimal(0), 0, 0
    while position < len(body):
        match = _TERM.match(body, position)
        if match is None or match.end() == position:
            raise _error(text, f"'{body[position:].strip()}' 부분을 금액으로 읽지 못했습니다")
        value, unit = _term_value(match)
        if previous_unit and unit >= previous_unit:
            raise _error(text, "조·억·만 단위가 큰 것부터 차례로 와야 합니다")
        if previous_unit and value >= 10_000:
            raise _error(text, f"'{match.group(0).strip()}'의 숫자가 1만 이상입니다")
        total += value * unit
        previous_unit, position = unit, match.end()
        if unit == 1 and position < len(body):
            raise _error(text, f"'{body[position:].strip()}' 부분이 남았습니다")
    return _whole(total, text)


def _whole(total: Decimal, text: str) -> int:
    try:
        integral = total.to_integral_exact()
    except InvalidOperation:  # pragma: no cover - Decimal arithmetic on finite values
        raise _error(text, "숫자가 너무 큽니다") from None
    if integral != total:
        raise _error(text, "원 단위 아래의 소수가 남습니다")
    return int(integral)


def format_won(amount: int) -> str:
    """Format whole won the way Korean budgets are written.

    >>> format_won(81_400_000_000_000)
    '81조 4,000억원'
    >>> format_won(9_999)
    '9,999원'
    """
    if amount < 0:
        raise ValueError(f"amount must not be negative: {amount}")
    if amount == 0:
        return "0원"
    parts = []
    rest = amount
    for unit_name, unit in BIG_UNITS.items():
        value, rest = divmod(rest, unit)
        if value:
            parts.append(f"{value:,}{unit_name}")
    if rest:
        parts.append(f"{rest:,}")
    return " ".join(parts) + "원"


# A mention in prose: "₩67,000,000,000", "1조 2,000억원", "100조", "670억원", "5천만원".
_BIG_TERM = rf"(?:{_NUM})\s?[천백십]?\s?[조억만]"
_MENTION = re.compile(
    rf"(?<![\d.,제])(?:₩\s?(?:{_NUM})(?:\s?원)?"
    rf"|{_BIG_TERM}(?:\s?{_BIG_TERM})*(?:\s?(?:{_NUM})\s?[천백십]?\s?원|\s?원)?"
    rf"|(?:{_NUM})\s?[천백십]?\s?원)"
)
_NOT_AFTER = re.compile(r"[조억]\s?[항례]")  # "제3조항", "3조례" are not money


def _is_money(text: str) -> bool:
    """Bare 만/천 amounts without 원 ("1만장", "5천만 국민") are counts, not money."""
    return text.startswith("₩") or text.endswith("원") or "조" in text or "억" in text


def find_amounts(text: str) -> list[AmountMention]:
    """Money mentions in prose, in order, e.g. "…81조원 규모의 정책…" → 81조원 = 81×10^12 won."""
    mentions = []
    for match in _MENTION.finditer(text):
        found = match.group(0)
        if not _is_money(found) or _NOT_AFTER.match(text, match.end() - 1):
            continue
        try:
            won = parse_won(found)
        except MoneyFormatError:
            continue
        mentions.append(AmountMention(match.start(), match.end(), found, won))
    return mentions
