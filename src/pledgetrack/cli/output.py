"""Printing helpers: a table or JSON (``--json``) for every listing."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table

_probe = Console()
# A pipe or a file gets a wide table rather than one squeezed into 80 columns.
console = Console(highlight=False, width=None if _probe.is_terminal else 160)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def json_option(function: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="표 대신 JSON으로 출력합니다.")(function)


def django() -> None:
    """Set up Django and the workspace (migrations apply automatically)."""
    from pledgetrack.site.bootstrap import setup_django

    setup_django()
