"""Registry columns: canonical names, the Korean headers accepted for them, and level labels."""

from __future__ import annotations

import re

from pledgetrack.engine.types import Level

# canonical column -> Korean header written with ``korean_headers=True``
COLUMNS: dict[str, str] = {
    "id": "번호",
    "parent": "상위",
    "title": "제목",
    "description": "설명",
    "budget": "사업비",
    "budget_national": "국비",
    "budget_local": "지방비",
    "budget_private": "민자",
    "owner": "담당부서",
    "priority": "우선순위",
    "keywords": "핵심어",
    "level": "수준",
}
REQUIRED = ("id", "parent", "title", "description", "budget")
ALIASES: dict[str, str] = {
    **{name: name for name in COLUMNS},
    **{korean: name for name, korean in COLUMNS.items()},
    "예산": "budget",
    "총사업비": "budget",
    "키워드": "keywords",
    "상위번호": "parent",
    "과제명": "title",
    "사업명": "title",
    "부서": "owner",
    "담당": "owner",
}
LEVELS: dict[str, Level] = {
    "regional": "regional",
    "supra": "supra",
    "national": "national",
    "지역": "regional",
    "초광역": "supra",
    "국가": "national",
}
LEVEL_LABELS: dict[str, str] = {"regional": "지역", "supra": "초광역", "national": "국가"}
BUDGET_FIELDS: dict[str, str] = {
    "budget": "budget_won",
    "budget_national": "budget_national_won",
    "budget_local": "budget_local_won",
    "budget_private": "budget_private_won",
}
_HEADER_NOISE = re.compile(r"[\s_()（）\[\]]|원$")


def canonical_column(header: str) -> str | None:
    """The canonical column for a header as a user wrote it ("사업비(원)" → "budget"), or None."""
    key = header.strip().lower()
    if key in ALIASES:
        return ALIASES[key]
    squeezed = _HEADER_NOISE.sub("", key)
    return ALIASES.get(squeezed) or ALIASES.get(squeezed.replace("budget", "budget_").strip("_"))
