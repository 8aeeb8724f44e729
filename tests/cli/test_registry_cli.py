"""The registry through the CLI: import, list, export round trip, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pledgetrack.cli.main import cli
from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "gwangju-2022" / "proposals.csv"
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_import_then_list_as_json(workspace: Path) -> None:
    result = run("proposals", "import", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert "과제 7개, 사업 10개" in result.output
    listed = json.loads(run("proposals", "list", "--json").output)
    assert [row["id"] for row in listed][:3] == ["GJ22-1", "GJ22-2", "GJ22-2-1"]
    assert listed[2]["parent"] == "GJ22-2"


def test_export_round_trips_through_every_format(workspace: Path, tmp_path: Path) -> None:
    run("proposals", "import", str(EXAMPLE))
    original = json.loads(run("proposals", "list", "--json").output)
    for fmt in ("csv", "xlsx", "yaml"):
        out = tmp_path / f"registry.{fmt}"
        assert run("proposals", "export", "--format", fmt, "--out", str(out)).exit_code == 0
        assert run("proposals", "import", str(out)).exit_code == 0
        assert json.loads(run("proposals", "list", "--json").output) == original, fmt


def test_export_without_out_writes_to_stdout(workspace: Path) -> None:
    run("proposals", "import", str(EXAMPLE))
    result = run("proposals", "export", "--format", "yaml")
    data = yaml.safe_load(result.stdout_bytes.decode("utf-8"))
    assert "GJ22-3-1" in json.dumps(data, ensure_ascii=False)


def test_a_bad_file_changes_nothing(workspace: Path, tmp_path: Path) -> None:
    run("proposals", "import", str(EXAMPLE))
    bad = tmp_path / "bad.csv"
    bad.write_text("id,parent,title,description,budget\nA,,과제,,10조원\nA-1,A,,,\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["proposals", "import", str(bad)])
    assert result.exit_code != 0
    listed = json.loads(run("proposals", "list", "--json").output)
    assert len(listed) == 17


def cli_process(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PLEDGETRACK_DATABASE_URL"} | {"PLEDGETRACK_DATA": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "pledgetrack.cli.main", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_exit_codes_and_messages_in_a_fresh_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,parent,title,description,budget\nA,,과제,,십조\n", encoding="utf-8")
    failed = cli_process(tmp_path / "ws", "proposals", "import", str(bad))
    assert failed.returncode == 1
    assert "bad.csv" in failed.stderr and "Traceback" not in failed.stderr
    usage = cli_process(tmp_path / "ws", "proposals", "export", "--format", "pdf")
    assert usage.returncode == 2
    ok = cli_process(tmp_path / "ws", "proposals", "import", str(EXAMPLE))
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "ws" / "pledgetrack.sqlite3").exists()


def test_an_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    env = os.environ | {"PLEDGETRACK_DATA": str(tmp_path), "PLEDGETRACK_DATABASE_URL": "postgres://x@127.0.0.1:1/none"}
    result = subprocess.run(
        [sys.executable, "-m", "pledgetrack.cli.main", "proposals", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "데이터베이스" in result.stderr and "Traceback" not in result.stderr


def test_match_with_nothing_to_match_says_what_to_do(tmp_path: Path) -> None:
    empty = cli_process(tmp_path / "ws", "match")
    assert empty.returncode == 1 and "proposals import" in empty.stderr
    cli_process(tmp_path / "ws", "proposals", "import", str(EXAMPLE))
    no_documents = cli_process(tmp_path / "ws", "match")
    assert no_documents.returncode == 1 and "pledgetrack ingest" in no_documents.stderr
