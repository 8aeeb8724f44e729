"""Template filters: Korean money (81조 2,000억원), percentages, verdict labels."""

from __future__ import annotations

from django import template

from pledgetrack.engine.types import VERDICT_LABELS

register = template.Library()

UNITS: tuple[tuple[int, str], ...] = ((10**12, "조"), (10**8, "억"), (10**4, "만"))


@register.filter
def won(value: int | None) -> str:
    """``8_100_000_000_000`` → ``8조 1,000억원``; None → ``—``."""
    if value is None:
        return "—"
    amount = int(value)
    if amount == 0:
        return "0원"
    parts: list[str] = []
    rest = abs(amount)
    for unit, name in UNITS[:2]:
        if rest >= unit:
            parts.append(f"{rest // unit:,}{name}")
            rest %= unit
    if not parts:
        return f"{'-' if amount < 0 else ''}{rest:,}원"
    return ("-" if amount < 0 else "") + " ".join(parts) + "원"


@register.filter
def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


@register.filter
def verdict_label(value: str) -> str:
    return VERDICT_LABELS.get(value, value or "—")
