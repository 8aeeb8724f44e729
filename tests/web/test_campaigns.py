"""Campaigns: the header switcher, the default (most recent activity), and every page and API list scoped.

예시 데이터: the second campaign's proposals and meetings are illustrative (예시).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.test import APIClient

from pledgetrack.advocacy.models import BudgetAsk, Meeting
from pledgetrack.documents.models import Document, Source
from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Campaign, Proposal
from pledgetrack.site.campaign import most_active_campaign
from tests.web.conftest import World, login

DEMO = "제20대 대통령선거 광주 (2022, 예시)"


@dataclass
class Two:
    world: World
    demo: Campaign
    demo_task: Proposal
    demo_cell: MatchCell


@pytest.fixture
def two(world: World) -> Two:
    demo = Campaign.objects.create(name=DEMO)
    task = Proposal.objects.create(campaign=demo, code="D1", title="광주 군공항 이전 (예시 과제)", owner="군공항과")
    cell = MatchCell.objects.create(proposal=task, actor=world.actors[1], machine_verdict="reflected", score=0.9)
    source = Source.objects.create(actor=world.actors[1], name="대선공약_예시.txt", campaign=demo)
    Document.objects.create(
        source=source, sha256="b" * 64, filename="대선공약_예시.txt", stored_path="-", size_bytes=1, status="done"
    )
    Meeting.objects.create(campaign=demo, date=date(2025, 4, 20), title="대선 캠프 방문 (예시)")
    Meeting.objects.create(campaign=world.campaign, date=date(2025, 4, 21), title="지방선거 면담 (예시)")
    BudgetAsk.objects.create(campaign=demo, title="군공항 예산 (예시)", asked_on=date(2025, 4, 2))
    return Two(world, demo, task, cell)


def _pages(client: Client) -> str:
    paths = ("/", "/proposals/", "/documents/", "/advocacy/", "/advocacy/calendar/?month=2025-04")
    return "\n".join(client.get(path).content.decode() for path in paths)


OWN = {
    "demo": ("광주 군공항 이전", "대선공약_예시.txt", "대선 캠프 방문", "군공항 예산"),
    "world": ("인공지능 대표도시 조성", "광주_지역공약_예시.txt", "지방선거 면담", "달빛고속철도"),
}


def test_the_default_is_the_campaign_with_the_latest_activity(two: Two, viewer: User) -> None:
    assert most_active_campaign() == two.demo
    html = _pages(login(viewer))
    assert all(text in html for text in OWN["demo"])
    assert not any(text in html for text in OWN["world"])
    two.world.cell.save()  # a cell of the other campaign changes: that one is now the most active
    assert most_active_campaign() == two.world.campaign


def test_each_page_shows_only_the_chosen_campaign(two: Two, viewer: User) -> None:
    client = login(viewer)
    response = client.post("/campaign/", {"campaign": two.world.campaign.pk, "next": "/proposals/?q=x"})
    assert response.status_code == 302 and response["Location"] == "/proposals/"  # filters dropped
    html = _pages(client)
    assert all(text in html for text in OWN["world"])
    assert not any(text in html for text in OWN["demo"])
    assert f'<option value="{two.world.campaign.pk}" selected>기본 캠페인</option>' in html
    client.post("/campaign/", {"campaign": two.demo.pk})
    html = _pages(client)
    assert all(text in html for text in OWN["demo"]) and not any(text in html for text in OWN["world"])


def test_switching_from_a_detail_page_goes_to_the_dashboard(two: Two, viewer: User) -> None:
    client = login(viewer)
    page = f"/proposals/{two.world.task.pk}/"
    assert client.post("/campaign/", {"campaign": two.demo.pk, "next": page})["Location"] == "/"
    assert client.post("/campaign/", {"campaign": two.demo.pk, "next": "https://example.org/"})["Location"] == "/"
    wrong = client.post("/campaign/", {"campaign": "999999"}, follow=True)
    assert "고른 캠페인을 찾을 수 없습니다" in wrong.content.decode()


def test_opening_a_proposal_of_another_campaign_switches_to_it(two: Two, viewer: User) -> None:
    client = login(viewer)
    client.post("/campaign/", {"campaign": two.demo.pk})
    assert "인공지능 대표도시 조성" in client.get(f"/proposals/{two.world.task.pk}/").content.decode()
    assert "인공지능 대표도시 조성" in client.get("/").content.decode()


def test_new_meetings_and_budget_asks_belong_to_the_current_campaign(two: Two, editor: User) -> None:
    client = login(editor)
    client.post("/campaign/", {"campaign": two.demo.pk})
    form = client.get("/advocacy/meetings/new/").content.decode()
    assert "광주 군공항 이전" in form and "인공지능 대표도시 조성" not in form  # only this campaign's proposals
    client.post("/advocacy/budget-asks/new/", {"title": "새 예산 요청 (예시)", "status": "asked"})
    assert BudgetAsk.objects.get(title="새 예산 요청 (예시)").campaign == two.demo


def test_api_lists_take_a_campaign_parameter(two: Two, viewer: User) -> None:
    client = APIClient()
    client.force_authenticate(viewer)
    campaigns = client.get("/api/campaigns/").json()["results"]
    assert {c["name"] for c in campaigns} == {DEMO, "기본 캠페인"}
    world, demo = two.world.campaign.pk, two.demo.pk
    codes = [p["code"] for p in client.get(f"/api/proposals/?campaign={world}").json()["results"]]
    assert codes == ["T1", "T1-1", "T2"]
    assert [p["code"] for p in client.get(f"/api/proposals/?campaign={demo}").json()["results"]] == ["D1"]
    assert [p["code"] for p in client.get("/api/proposals/").json()["results"]] == ["D1"]  # the current one
    cells = client.get(f"/api/cells/?campaign={demo}").json()["results"]
    assert [c["id"] for c in cells] == [two.demo_cell.pk]
    assert client.get(f"/api/cells/?campaign={world}").json()["count"] == 5
    docs = client.get(f"/api/documents/?campaign={demo}").json()["results"]
    assert [d["filename"] for d in docs] == ["대선공약_예시.txt"]
    meetings = client.get(f"/api/meetings/?campaign={world}").json()["results"]
    assert [m["title"] for m in meetings] == ["지방선거 면담 (예시)"]
    assert client.get(f"/api/budget-asks/?campaign={world}").json()["count"] == 0
    assert client.get(f"/api/cells/{two.world.cell.pk}/?campaign={demo}").status_code == 200  # detail: by id
    missing = client.get("/api/proposals/?campaign=999999")
    assert missing.status_code == 404 and "/api/campaigns/" in missing.json()["detail"]
    assert client.get("/api/proposals/?campaign=abc").status_code == 400


def test_schema_documents_the_campaign_parameter(viewer: User) -> None:
    client = APIClient()
    client.force_authenticate(viewer)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for path in ("/api/proposals/", "/api/cells/", "/api/reviews/", "/api/documents/", "/api/meetings/"):
        names = [p["name"] for p in schema["paths"][path]["get"].get("parameters", [])]
        assert "campaign" in names, path
    assert "/api/campaigns/" in schema["paths"]
    for path in ("/api/meetings/", "/api/budget-asks/", "/api/documents/"):  # created in the named campaign
        assert "campaign" in [p["name"] for p in schema["paths"][path]["post"].get("parameters", [])], path


def test_api_creates_meetings_in_the_named_campaign(two: Two, editor: User) -> None:
    client = APIClient()
    client.force_authenticate(editor)
    body = {"date": "2025-05-01", "title": "API 면담 (예시)", "proposals": [two.demo_task.pk]}
    response = client.post(f"/api/meetings/?campaign={two.demo.pk}", body, format="json")
    assert response.status_code == 201, response.content
    assert Meeting.objects.get(title="API 면담 (예시)").campaign == two.demo
