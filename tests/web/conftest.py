"""Web fixtures: users in each role and a small workspace.

예시 데이터: the proposals, pledge text and meetings below are illustrative (예시), written for the
tests; they are not any party's real words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from pledgetrack.documents.models import Document, Passage, Source
from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Actor, Campaign, Proposal
from pledgetrack.site.roles import ADMIN, EDITOR, VIEWER, ensure_roles

PASSWORD = "비밀번호-예시-1234"
DOC_TEXT = (
    "광주 지역공약 (예시)\n"
    "광주를 인공지능 대표도시로 조성하고 AI 반도체 특화단지를 만들겠습니다.\n"
    "광주~대구 달빛고속철도는 조기 착공을 검토하겠습니다.\n"
)


@dataclass
class World:
    campaign: Campaign
    actors: list[Actor]
    task: Proposal
    project: Proposal
    other: Proposal
    document: Document
    cell: MatchCell
    partial: MatchCell


def make_user(name: str, role: str) -> User:
    ensure_roles()
    user = User.objects.create_user(name, password=PASSWORD, is_staff=role == ADMIN)
    user.groups.add(Group.objects.get(name=role))
    return user


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _evidence(document: Document, quote: str) -> dict[str, Any]:
    start = document.text.index(quote)
    return {
        "document": document.filename,
        "page": 1,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "score": 0.91,
    }


def make_world() -> World:
    campaign = Campaign.objects.create(name="기본 캠페인")
    dem, ppp = Actor.objects.create(name="더불어민주당"), Actor.objects.create(name="국민의힘")
    task = Proposal.objects.create(
        campaign=campaign,
        code="T1",
        title="인공지능 대표도시 조성",
        level="regional",
        owner="AI산업과",
        budget_won=3_000_000_000_000,
        position=0,
    )
    project = Proposal.objects.create(
        campaign=campaign,
        code="T1-1",
        parent=task,
        title="AI 반도체 특화단지 조성",
        budget_won=1_000_000_000_000,
        position=1,
    )
    other = Proposal.objects.create(
        campaign=campaign,
        code="T2",
        title="달빛고속철도 조기 착공",
        level="supra",
        owner="교통정책과",
        budget_won=5_100_000_000_000,
        position=2,
    )
    source = Source.objects.create(actor=dem, name="광주_지역공약_예시.txt", campaign=campaign)
    document = Document.objects.create(
        source=source,
        sha256="a" * 64,
        filename="광주_지역공약_예시.txt",
        stored_path="/nonexistent",
        size_bytes=len(DOC_TEXT.encode()),
        format="txt",
        status="done",
        progress=1.0,
        text=DOC_TEXT,
        pages=[{"page": 1, "start": 0, "end": len(DOC_TEXT), "method": "text"}],
    )
    for i, line in enumerate(DOC_TEXT.splitlines(keepends=True)):
        start = DOC_TEXT.index(line)
        Passage.objects.create(
            document=document,
            ordinal=i,
            page=1,
            start=start,
            end=start + len(line.rstrip()),
            text=line.rstrip(),
            text_hash=str(i),
        )
    quote = "광주를 인공지능 대표도시로 조성하고"
    cell = MatchCell.objects.create(
        proposal=task,
        actor=dem,
        machine_verdict="reflected",
        score=0.91,
        reasons=["과제 제목의 핵심어가 광주 공약에 있습니다 (예시)."],
        evidence=[_evidence(document, quote)],
    )
    MatchCell.objects.create(proposal=task, actor=ppp, machine_verdict="absent", score=0.2)
    partial = MatchCell.objects.create(
        proposal=other,
        actor=dem,
        machine_verdict="partial",
        score=0.6,
        reasons=["검토 필요: 점수가 판정 경계에 가깝습니다 (예시)."],
        evidence=[_evidence(document, "조기 착공을 검토하겠습니다")],
    )
    MatchCell.objects.create(proposal=other, actor=ppp, machine_verdict="absent", score=0.1)
    MatchCell.objects.create(proposal=project, actor=dem, machine_verdict="reflected", score=0.8)
    return World(campaign, [dem, ppp], task, project, other, document, cell, partial)


@pytest.fixture
def world(db: Any) -> World:
    return make_world()


@pytest.fixture
def admin_user(db: Any) -> User:
    return make_user("관리자1", ADMIN)


@pytest.fixture
def editor(db: Any) -> User:
    return make_user("편집자1", EDITOR)


@pytest.fixture
def viewer(db: Any) -> User:
    return make_user("열람자1", VIEWER)


@pytest.fixture
def today() -> date:
    return date(2025, 4, 16)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with an empty cache (cached dashboard parts are keyed on ids that tests reuse)."""
    from django.core.cache import cache

    cache.clear()
