"""``pledgetrack report`` and ``pledgetrack demo``."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Filled in once the report engine lands."""
