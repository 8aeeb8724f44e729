"""Monitor fixtures: an illustrative Gwangju registry and illustrative press texts.

예시 데이터: every proposal, press release and feed entry below is illustrative (예시), written for
these tests; none of it is any party's or candidate's real words.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path
from typing import Any

import pytest

from pledgetrack.engine.match import MatchSettings
from pledgetrack.registry.models import Campaign, Proposal

PRESS_DALBIT = (
    "[예시 보도자료] 가나당 후보, 광주 달빛철도 조기 착공 약속\n\n"
    "가나당 김예시 후보는 16일 광주를 방문해 \"광주와 대구를 잇는 달빛철도를 임기 안에 조기 착공하겠다\"고 약속했다.\n"
    "김 후보는 예비타당성조사 면제도 추진하겠다고 밝혔다.\n"
)
PRESS_DAEGU = (
    "[예시 보도자료] 가나당 후보, 대구 도시철도 엑스코선 조기 착공 약속\n\n"
    "가나당 김예시 후보는 17일 대구를 방문해 대구 도시철도 엑스코선을 조기 착공하고 "
    "대구경북 신공항 건설을 앞당기겠다고 약속했다.\n"
)
PRESS_AI = (
    "[예시 기사] 가나당 후보 \"AI 100조 투자 시대 열겠다\"\n\n"
    "가나당 김예시 후보는 14일 인공지능(AI) 분야에 100조원을 투자하겠다고 밝혔다.\n"
    "김 후보는 데이터 집적, AI-산업융합, 인재양성을 강조했다.\n"
)

# (code, parent, title, level)
REGISTRY: tuple[tuple[str, str | None, str, str], ...] = (
    ("GJ-1", None, "광주대도시권 초광역 교통허브 구축", "supra"),
    ("GJ-1-1", "GJ-1", "광주~대구 달빛고속철도 예비타당성조사 면제 및 조기 착공", ""),
    ("GJ-2", None, "AI 모델시티 광주 조성", "regional"),
    ("GJ-2-1", "GJ-2", "국가AI컴퓨팅센터 광주 유치", ""),
    ("GJ-2-2", "GJ-2", "고성능 GPU 1만장 확보", ""),
    ("GJ-3", None, "광주 군공항 이전 특별법 제정", "regional"),
)


def make_registry() -> Campaign:
    campaign = Campaign.objects.get_or_create(name="기본 캠페인")[0]
    stored: dict[str, Proposal] = {}
    for position, (code, parent, title, level) in enumerate(REGISTRY):
        stored[code] = Proposal.objects.create(
            campaign=campaign,
            code=code,
            parent=stored[parent] if parent else None,
            title=title,
            level=level,
            position=position,
        )
    return campaign


@pytest.fixture
def registry(db: Any) -> Campaign:
    return make_registry()


@pytest.fixture(scope="session")
def match_settings() -> MatchSettings:
    """Lexical matching only: fast, and the verdicts below are the same with dense vectors (see the slow test)."""
    return dataclasses.replace(MatchSettings(), use_dense=False)


def write_old(path: Path, text: str | bytes) -> Path:
    """Write a file and date it a minute back, past the watcher's settle time."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


def rss(*items: tuple[str, str, str]) -> str:
    """An RSS 2.0 document of (title, link, description) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{d}</description>"
        "<pubDate>Wed, 16 Apr 2025 09:00:00 +0900</pubDate></item>"
        for t, link, d in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>가나당 보도자료 (예시)</title><link>https://example.org/</link>{body}</channel></rss>"
    )


FEED_DALBIT = ("가나당 후보, 광주 달빛철도 조기 착공 약속 (예시)", "https://example.org/1", PRESS_DALBIT)
FEED_WELFARE = (
    "가나당, 어르신 돌봄 확대 (예시)",
    "https://example.org/2",
    "가나당은 어르신 돌봄을 넓히겠다고 밝혔다. (예시)",
)
FEED_AIRPORT = (
    "가나당 후보, 광주 군공항 이전 특별법 제정 약속 (예시)",
    "https://example.org/3",
    "가나당 김예시 후보는 광주 군공항 이전 특별법을 제정하겠다고 약속했다. (예시)",
)
