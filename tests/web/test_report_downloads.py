"""Report downloads from the dashboard: the report engine's files for the current campaign."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from django.contrib.auth.models import User

from pledgetrack.engine.report import reflection_rates
from pledgetrack.reports.services import build_report_input
from tests.web.conftest import World, login


def test_dashboard_links_every_format(viewer: User, world: World) -> None:
    html = login(viewer).get("/").content.decode()
    assert "보고서 내려받기" in html
    for fmt in ("html", "xlsx", "csv", "json", "pdf"):
        assert f'href="/reports/download.{fmt}"' in html


def test_json_report_has_the_dashboards_numbers(viewer: User, world: World) -> None:
    response = login(viewer).get("/reports/download.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"] and ".json" in response["Content-Disposition"]
    data = json.loads(response.content)
    dem = next(r for r in data["rates"]["actors"] if r["actor"] == "더불어민주당")
    table = reflection_rates(build_report_input(world.campaign))
    assert dem["tasks"]["rate"] == table.for_actor("더불어민주당").tasks.rate == 0.75
    assert data["title"].startswith("기본 캠페인")


def test_csv_xlsx_and_html_reports(viewer: User, world: World) -> None:
    client = login(viewer)
    text = client.get("/reports/download.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["제안ID"] for r in rows} == {"T1", "T1-1", "T2"} and len(rows) == 6  # 3 proposals × 2 actors
    xlsx = client.get("/reports/download.xlsx")
    assert "요약" in zipfile.ZipFile(io.BytesIO(xlsx.content)).read("xl/workbook.xml").decode()
    html = client.get("/reports/download.html").content.decode()
    assert "<html" in html and "인공지능 대표도시 조성" in html


def test_pdf_without_chromium_is_explained(viewer: User, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLEDGETRACK_CHROMIUM", "/없는/chromium")
    response = login(viewer).get("/reports/download.pdf")
    html = response.content.decode()
    assert response.status_code == 503
    assert "PDF 보고서를 만들 수 없습니다" in html and "apt-get install chromium" in html


@pytest.mark.slow
def test_pdf_report_is_printed_by_chromium(viewer: User, world: World) -> None:
    from pledgetrack.engine.errors import ConfigurationError
    from pledgetrack.engine.report import find_chromium

    try:
        find_chromium()
    except ConfigurationError:
        pytest.skip("no Chromium on this machine")
    response = login(viewer).get("/reports/download.pdf")
    assert response.status_code == 200 and response.content[:5] == b"%PDF-"
    assert response["Content-Type"] == "application/pdf"


def test_unknown_format_is_not_found(viewer: User, world: World) -> None:
    assert login(viewer).get("/reports/download.docx").status_code == 404


def test_downloads_need_a_login(world: World) -> None:
    from django.test import Client

    assert Client().get("/reports/download.json").status_code == 302
