"""docs/cli.md is generated from the commands' help and must match the code."""

from __future__ import annotations

from click.testing import CliRunner

from pledgetrack.cli.main import cli
from pledgetrack.cli.reference import HELP_TEXT, render_reference, walk
from tests.conftest import REPO


def test_cli_reference_is_up_to_date() -> None:
    expected = render_reference(cli)
    actual = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `python -m pledgetrack.cli.reference > docs/cli.md`"


def test_every_command_has_korean_help_with_an_example() -> None:
    for path, command in walk(cli):
        if not path:
            continue
        help_text = CliRunner().invoke(cli, [*path, "--help"]).output
        assert HELP_TEXT in help_text, path
        if not hasattr(command, "commands"):
            assert "예:" in help_text, f"{' '.join(path)} has no example"
