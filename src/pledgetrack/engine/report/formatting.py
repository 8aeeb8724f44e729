"""Small text formatters shared by the exports (percent, won, dates)."""

from __future__ import annotations

from datetime import date, datetime

from pledgetrack.engine.text.money import format_won

MISSING = "–"


def pct(value: float | None, digits: int = 1) -> str:
    """0.6913 -> '69.1%'; None (nothing to divide by) -> '–'."""
    return MISSING if value is None else f"{value * 100:.{digits}f}%"


def won(amount: int | None) -> str:
    """An amount in Korean units ('81조원'); None -> '–'."""
    return MISSING if amount is None else format_won(amount)


def day(value: date | None) -> str:
    """ISO date ('2025-05-31'); None -> '–'."""
    return MISSING if value is None else value.isoformat()


def moment(value: datetime) -> str:
    """A timestamp to the minute, with its UTC offset if known ('2025-06-01 09:30 +09:00')."""
    text = value.strftime("%Y-%m-%d %H:%M")
    offset = value.strftime("%z")
    return f"{text} {offset[:3]}:{offset[3:]}" if offset else text
