"""The dashboard: matrix coloured by verdict, rates by count and budget, filters, recent changes."""

from __future__ import annotations

import json
import re

from django.contrib.auth.models import User

from pledgetrack.reports.selectors import Filters, dashboard
from tests.web.conftest import World, login


def test_rates_by_count_and_budget(world: World) -> None:
    board = dashboard(world.campaign)
    assert board.actors == ("국민의힘", "더불어민주당")
    dem = board.rates[1]
    assert (dem.total, dem.reflected, dem.partial, dem.absent, dem.review) == (2, 1, 1, 0, 1)
    assert dem.rate == 0.5
    # T1 (3조) reflected of 3조 + 5.1조 asked
    assert dem.budget_total == 8_100_000_000_000
    assert dem.budget_reflected == 3_000_000_000_000
    assert board.rates[0].reflected == 0 and board.rates[0].absent == 2


def test_a_review_counts_over_the_machine(world: World) -> None:
    world.partial.reviewed_verdict = "reflected"
    world.partial.save()
    dem = dashboard(world.campaign).rates[1]
    assert (dem.reflected, dem.partial, dem.review) == (2, 0, 0)
    assert dem.budget_rate == 1.0


def test_filters(world: World) -> None:
    assert [r.code for r in dashboard(world.campaign, Filters(level="supra")).rows] == ["T2"]
    assert [r.code for r in dashboard(world.campaign, Filters(owner="AI산업과")).rows] == ["T1"]
    assert [r.code for r in dashboard(world.campaign, Filters(verdict="review")).rows] == ["T2"]
    assert [r.code for r in dashboard(world.campaign, Filters(verdict="reflected")).rows] == ["T1"]


def test_dashboard_page(viewer: User, world: World) -> None:
    response = login(viewer).get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "인공지능 대표도시 조성" in html and "검토 필요" in html
    assert re.search(r'class="v v-reflected"', html) and re.search(r'class="v v-review"', html)
    assert "8조 1,000억원" in html  # total asked
    assert "50.0%" in html and "37.0%" in html  # by count; budget-weighted 3 / 8.1
    found = re.search(r'<script id="rates-data" type="application/json">(.*?)</script>', html, re.S)
    assert found is not None
    chart = json.loads(found[1])
    assert chart["data"][0]["x"] == ["국민의힘", "더불어민주당"] and chart["data"][0]["y"] == [0.0, 50.0]
    assert "/vendor/plotly.min.js" in html and "cdn" not in html.lower()


def test_htmx_filter_returns_only_the_matrix(viewer: User, world: World) -> None:
    response = login(viewer).get("/?level=supra", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="matrix")
    html = response.content.decode()
    assert "<html" not in html and "달빛고속철도" in html and "인공지능 대표도시" not in html


def test_plotly_is_served_offline_with_caching(viewer: User) -> None:
    response = login(viewer).get("/vendor/plotly.min.js")
    assert response.status_code == 200
    assert "max-age=86400" in response["Cache-Control"]
    assert b"plotly" in response.content[:2000].lower() and len(response.content) > 1_000_000


def test_recent_changes_show_audit_entries(editor: User, world: World) -> None:
    from pledgetrack.audit.services import record

    record(
        action="review",
        object_type="match_cell",
        object_id=world.cell.pk,
        object_label="T1 × 더불어민주당",
        reason="근거 확인 (예시)",
        user=editor,
    )
    html = login(editor).get("/").content.decode()
    assert "T1 × 더불어민주당" in html and "근거 확인 (예시)" in html
