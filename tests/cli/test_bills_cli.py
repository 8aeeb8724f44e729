"""``pledgetrack bills`` through click's runner on 예시 (illustrative) bills; nothing is downloaded."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from pledgetrack.cli import bills
from tests.conftest import REPO
from tests.engine.bills.sample import write_sdist

EXAMPLE = REPO / "examples" / "gwangju-2022" / "proposals.csv"


@click.group()
def root() -> None:
    """A stand-in for the main group, so the tests do not change the real one."""


bills.register(root)


def run(*args: str) -> Result:
    return CliRunner().invoke(root, list(args))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("must not download"))
    write_sdist(tmp_path / "bills" / "dataset", tmp_path)
    result = run("bills", "index", "--cache", str(tmp_path / "bills"))
    assert result.exit_code == 0, result.output
    assert "법안 6건의 색인을 만들었습니다" in result.output and "CC BY 4.0" in result.output
    return tmp_path / "bills"


def test_index_twice_keeps_the_index_unless_rebuild(cache: Path) -> None:
    assert "이미 있습니다" in run("bills", "index", "--cache", str(cache)).output
    assert "만들었습니다" in run("bills", "index", "--cache", str(cache), "--rebuild").output


def test_search_prints_a_table_and_json(cache: Path) -> None:
    table = run("bills", "search", "광주 군공항 이전", "--cache", str(cache))
    assert table.exit_code == 0 and "광주 군 공항 이전을 위한 특별법안" in table.output and "2118050" in table.output
    listed = json.loads(run("bills", "search", "공항", "--age", "22", "--json", "--cache", str(cache)).output)
    assert [row["bill_no"] for row in listed] == [2204450]
    assert listed[0]["rank"] == 1 and "reason" not in listed[0] and listed[0]["url"].startswith("https://")


def test_search_with_no_match_and_without_an_index(cache: Path, tmp_path: Path) -> None:
    assert "찾지 못했습니다" in run("bills", "search", "양자컴퓨터", "--cache", str(cache)).output
    missing = run("bills", "search", "공항", "--cache", str(tmp_path / "none"))
    assert missing.exit_code != 0 and "bills index" in str(missing.exception)


@pytest.mark.django_db
def test_related_finds_bills_for_a_registry_proposal(workspace: Path, tmp_path: Path) -> None:
    from pledgetrack.registry.services import import_proposals

    import_proposals(EXAMPLE)
    write_sdist(workspace / "cache" / "bills" / "dataset", tmp_path)  # the default cache folder
    assert run("bills", "index").exit_code == 0
    listed = json.loads(run("bills", "related", "GJ22-1", "--json").output)
    assert listed[0]["title"] == "광주 군 공항 이전을 위한 특별법안"
    assert "달빛고속철도" in run("bills", "related", "GJ22-3-1").output
    unknown = run("bills", "related", "없는번호")
    assert unknown.exit_code != 0 and "등록부에 없습니다" in str(unknown.exception)
