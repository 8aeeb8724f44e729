"""``pledgetrack watch``: add, list, run --once, alerts, read, remove (through CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from django.utils import timezone

from pledgetrack.cli.monitor import register
from pledgetrack.monitor.models import Alert, WatchedSource
from pledgetrack.registry.models import Campaign
from tests.monitor.conftest import PRESS_AI, PRESS_DALBIT, write_old


@click.group()
def root() -> None:
    """A stand-in for the main group (the lead wires ``watch`` into main.py)."""


register(root)


def run(*args: str) -> Result:
    return CliRunner().invoke(root, list(args), catch_exceptions=False)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "보도자료함"
    folder.mkdir()
    return folder


def test_add_list_and_remove(workspace: Path, db: Any, inbox: Path) -> None:
    added = run("watch", "add", "folder", str(inbox), "--actor", "민주당", "--kind", "press")
    assert added.exit_code == 0, added.output
    assert "감시 대상 #" in added.output and "더불어민주당" in added.output
    listed = json.loads(run("watch", "list", "--json").stdout)
    assert [(r["kind"], r["actor"], r["document_kind"], r["last_checked"]) for r in listed] == [
        ("folder", "더불어민주당", "press", None)
    ]
    assert "아직 없음" in run("watch", "list").output
    source_id = str(listed[0]["id"])
    assert run("watch", "remove", source_id).exit_code == 0
    assert WatchedSource.objects.count() == 0
    missing = CliRunner().invoke(root, ["watch", "remove", source_id])
    assert missing.exit_code == 1 and "watch list" in missing.output


def test_add_refuses_a_missing_folder(workspace: Path, db: Any, tmp_path: Path) -> None:
    from pledgetrack.engine.errors import InputError

    result = CliRunner().invoke(root, ["watch", "add", "folder", str(tmp_path / "없음"), "--actor", "가나당"])
    assert isinstance(result.exception, InputError)  # main.py turns it into "오류: …" and exit code 1
    assert "감시할 폴더가 없습니다" in str(result.exception)


def test_run_once_prints_alerts_and_they_can_be_read(workspace: Path, registry: Campaign, inbox: Path) -> None:
    run("watch", "add", "folder", str(inbox), "--actor", "가나당", "--kind", "press")
    write_old(inbox / "가나당_달빛철도_예시.txt", PRESS_DALBIT)
    write_old(inbox / "가나당_AI_예시.txt", PRESS_AI)
    first = run("watch", "run", "--once", "--no-dense")
    assert first.exit_code == 0, first.output
    title = "광주~대구 달빛고속철도 예비타당성조사 면제 및 조기 착공"
    assert f"가나당이(가) 발표한 내용이 제안 GJ-1-1 '{title}'에 닿습니다: 「" in first.stdout
    assert "(반영)" in first.stdout and "새 문서 2건" in first.stderr
    assert "GJ-2" not in first.stdout  # the national AI statement touches no Gwangju proposal
    checked = WatchedSource.objects.get().last_checked
    assert checked is not None
    assert f"{timezone.localtime(checked):%Y-%m-%d %H:%M}" in run("watch", "list").output  # local time, not UTC
    again = run("watch", "run", "--once", "--no-dense", "--json")
    assert json.loads(again.stdout)[0]["new_documents"] == []
    unread = json.loads(run("watch", "alerts", "--unread", "--json").stdout)
    assert {a["proposal"] for a in unread} >= {"GJ-1-1"}
    assert all(a["document"] == "가나당_달빛철도_예시.txt" and not a["read"] for a in unread)
    table = run("watch", "alerts").output
    assert "GJ-1-1" in table and "반영" in table
    assert run("watch", "read", str(unread[0]["id"])).output.strip() == "알림 1건을 확인 처리했습니다."
    assert len(json.loads(run("watch", "alerts", "--unread", "--json").stdout)) == len(unread) - 1
    assert run("watch", "read", "--all").exit_code == 0
    assert Alert.objects.filter(read=False).count() == 0


def test_run_once_reports_errors_with_exit_code_1(workspace: Path, registry: Campaign, inbox: Path) -> None:
    run("watch", "add", "folder", str(inbox), "--actor", "가나당")
    write_old(inbox / "깨진.pdf", b"%PDF-1.7\n broken")
    result = CliRunner().invoke(root, ["watch", "run", "--once", "--no-dense"])
    assert result.exit_code == 1
    assert "오류:" in result.stderr and "깨진.pdf" in result.stderr


def test_run_once_without_sources_says_what_to_do(workspace: Path, db: Any) -> None:
    result = run("watch", "run", "--once", "--no-dense")
    assert result.exit_code == 0 and "watch add" in result.stderr


def test_read_needs_ids_or_all(workspace: Path, db: Any) -> None:
    result = CliRunner().invoke(root, ["watch", "read"])
    assert result.exit_code == 2 and "--all" in result.output


def test_every_command_has_korean_help_with_an_example() -> None:
    group = root.commands["watch"]
    assert isinstance(group, click.Group)
    for name in ("add", "list", "remove", "run", "alerts", "read"):
        text = run("watch", name, "--help").output
        assert "예:" in text and f"pledgetrack watch {name}" in text, name
