"""The dashboard: matrix coloured by verdict, the report engine's rates, filters, recent changes, caching."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.contrib.auth.models import User

from pledgetrack.engine.report import reflection_rates
from pledgetrack.matching.models import MatchCell
from pledgetrack.reports.selectors import Filters, matrix, version_stamp
from pledgetrack.reports.services import build_report_input
from tests.web.conftest import World, login

RATE_CELL = re.compile(r'<td data-key="([a-z.]+)" data-value="([^"]*)">')


def shown_rates(html: str) -> dict[str, dict[str, float | None]]:
    """``{actor: {"tasks.rate": 0.75, …}}`` as the dashboard's rates table shows them."""
    table = html[html.index('id="rates-table"') : html.index("</table>", html.index('id="rates-table"'))]
    rows: dict[str, dict[str, float | None]] = {}
    for actor, body in re.findall(r'<tr data-actor="([^"]+)"(.*?)</tr>', table, re.S):
        rows[actor] = {key: float(value) if value else None for key, value in RATE_CELL.findall(body)}
    return rows


def engine_rates(table: Any) -> dict[str, dict[str, float | None]]:
    return {
        r.actor: {
            "tasks.rate": r.tasks.rate,
            "tasks.share": r.tasks.share,
            "projects.rate": r.projects.rate,
            "budget.rate": r.budget.rate,
            "budget.share": r.budget.share,
        }
        for r in (*table.actors, table.overall, table.best)
    }


def test_dashboard_numbers_are_the_report_engines(viewer: User, world: World) -> None:
    html = login(viewer).get("/").content.decode()
    expected = engine_rates(reflection_rates(build_report_input(world.campaign)))
    assert shown_rates(html) == expected
    dem = expected["더불어민주당"]
    # T1 reflected, T2 partial (× 0.5): (1 + 0.5) / 2 tasks; budget units T1-1 1조 + T1 rest 2조 reflected,
    # T2 5.1조 partial: (3 + 0.5 × 5.1) / 8.1.
    assert dem["tasks.rate"] == 0.75 and dem["tasks.share"] == 1.0
    assert dem["budget.rate"] == pytest.approx(5.55 / 8.1)
    assert "75.0%" in html and "68.5%" in html and "8조 1,000억원" in html


def test_a_review_changes_the_cached_numbers(viewer: User, world: World) -> None:
    client = login(viewer)
    before = version_stamp(world.campaign)
    assert shown_rates(client.get("/").content.decode())["더불어민주당"]["budget.rate"] == pytest.approx(5.55 / 8.1)
    cell = MatchCell.objects.get(pk=world.partial.pk)
    cell.reviewed_verdict = "reflected"
    cell.save()
    assert version_stamp(world.campaign) != before
    html = client.get("/").content.decode()
    assert shown_rates(html)["더불어민주당"]["budget.rate"] == 1.0
    assert shown_rates(html) == engine_rates(reflection_rates(build_report_input(world.campaign)))


def test_filters(world: World) -> None:
    assert [r.code for r in matrix(world.campaign, Filters(level="supra")).rows] == ["T2"]
    assert [r.code for r in matrix(world.campaign, Filters(owner="AI산업과")).rows] == ["T1"]
    assert [r.code for r in matrix(world.campaign, Filters(verdict="review")).rows] == ["T2"]
    assert [r.code for r in matrix(world.campaign, Filters(verdict="reflected")).rows] == ["T1"]


def test_dashboard_page(viewer: User, world: World) -> None:
    response = login(viewer).get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "인공지능 대표도시 조성" in html and "검토 필요" in html
    assert re.search(r'class="v v-reflected"', html) and re.search(r'class="v v-review"', html)
    assert f'href="/proposals/{world.task.pk}/#cell-{world.cell.pk}"' in html
    found = re.search(r'<script id="rates-data" type="application/json">(.*?)</script>', html, re.S)
    assert found is not None
    chart = json.loads(found[1])
    assert chart["data"][0]["x"] == ["국민의힘", "더불어민주당"] and chart["data"][0]["y"] == [0.0, 75.0]
    assert "/vendor/plotly.min.js" in html and "cdn" not in html.lower()


def test_htmx_filter_returns_only_the_matrix(viewer: User, world: World) -> None:
    client = login(viewer)
    for _ in range(2):  # the second answer comes from the cache and must be the same
        response = client.get("/?level=supra", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="matrix")
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


def test_a_cell_to_review_still_shows_its_verdict(world: World) -> None:
    [row] = [r for r in matrix(world.campaign, Filters(verdict="review")).rows]
    labels = [c.label for c in row.cells if c.state == "review"]
    assert labels == ["부분반영 · 검토 필요"]
    plain = [c for r in matrix(world.campaign).rows for c in r.cells if c.state == "partial"]
    assert all(c.label == "부분반영" for c in plain)  # a partial verdict alone is not a review request
