"""Small loaders for matcher tests (documents from text, registry and gold CSVs)."""

from __future__ import annotations

import csv
from pathlib import Path

from pledgetrack.engine.text.prepare import prepare_text
from pledgetrack.engine.types import PreparedDocument, ProposalRow


def doc(text: str, actor: str = "가나당", name: str = "공약.txt") -> PreparedDocument:
    return prepare_text(text, actor=actor, name=name)


def load_docs(folder: Path) -> list[PreparedDocument]:
    return [
        prepare_text(path.read_text(encoding="utf-8"), actor=actor.name, name=path.name)
        for actor in sorted(p for p in folder.iterdir() if p.is_dir())
        for path in sorted(actor.glob("*.txt"))
    ]


def load_rows(path: Path) -> list[ProposalRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            ProposalRow(id=r["id"], title=r["title"], parent=r["parent"] or None,
                        description=r.get("description") or "", level=(r.get("level") or ""))  # type: ignore[arg-type]
            for r in csv.DictReader(handle)
        ]


def load_gold(path: Path) -> dict[tuple[str, str], tuple[tuple[str, ...], str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["proposal"], r["actor"]): (tuple(r["verdict"].split("|")), r["evidence"])
                for r in csv.DictReader(handle)}
