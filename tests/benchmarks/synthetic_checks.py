"""Checks shared by the data test of the later synthetic sets (test_later_synthetic_sets.py).

Each check reads only the data, never the matcher, and raises AssertionError with the offending rows.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

from benchmarks.baselines.metrics import compact
from benchmarks.baselines.sets import GoldRow, read_gold

from pledgetrack.engine.proposals import read_proposals
from pledgetrack.engine.types import VERDICTS

MARKER = "예시 — 실제 정당의 공약이 아님"
MARKER_LINE = f"※ {MARKER}"
CASES = frozenset(
    {
        "plain",
        "other_region",
        "national_vs_regional",
        "partial_projects",
        "paraphrase",
        "generic_word",
        "stance_excluded",
        "scale_smaller",
        "timing_later",
        "supra_region",
    }
)
MIN_PER_CASE = 5


def subsets(split_dir: Path) -> list[Path]:
    return sorted(p for p in split_dir.iterdir() if (p / "meta.json").is_file())


def meta(folder: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return data


def gold(folder: Path) -> list[GoldRow]:
    return read_gold(folder / "gold.csv")


def actor_texts(folder: Path, actor: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((folder / "docs" / actor).glob("*.txt"))]


def check_registry(folder: Path, *, tasks: range, projects_per_task: range) -> None:
    """The proposals file reads as a registry: task count, projects per task, budgets on half the rows."""
    rows = read_proposals(folder / "proposals.csv")
    task_ids = {r.id for r in rows if r.parent is None}
    assert len(task_ids) in tasks
    children = Counter(r.parent for r in rows if r.parent is not None)
    assert set(children) <= task_ids
    assert all(n in projects_per_task for n in children.values()), children
    assert len(children) >= 4, "several tasks should have projects"
    assert sum(r.budget_won is not None for r in rows) >= len(rows) // 2


def check_full_grid(folder: Path) -> None:
    """Every task × actor once, valid verdicts and cases, evidence present exactly when a verdict needs it."""
    with (folder / "proposals.csv").open(encoding="utf-8", newline="") as handle:
        parents = {row["id"]: row["parent"] for row in csv.DictReader(handle)}
    tasks = {pid for pid, parent in parents.items() if parent == ""}
    rows = gold(folder)
    actors = {p.name for p in (folder / "docs").iterdir() if p.is_dir()}
    assert len(actors) >= 3
    assert all(1 <= len(actor_texts(folder, a)) <= 3 for a in actors)
    cells = [(g.proposal, g.actor) for g in rows]
    assert len(set(cells)) == len(cells), "중복된 칸"
    assert set(cells) == {(t, a) for t in tasks for a in actors}, "과제 × 행위자 전체가 있어야 함"
    for row in rows:
        assert set(row.options) <= set(VERDICTS) and len(set(row.options)) == len(row.options), row
        assert row.case in CASES, row
        if row.options == ("absent",):
            assert not row.evidence, row
        elif "absent" not in row.options:
            assert row.evidence, row


def check_evidence_in_one_line(folder: Path) -> None:
    for row in gold(folder):
        if not row.evidence:
            continue
        lines = [compact(line) for text in actor_texts(folder, row.actor) for line in text.splitlines()]
        assert any(compact(row.evidence) in line for line in lines), (row.proposal, row.actor, row.evidence)


def check_size_and_cases(folders: list[Path], *, min_cells: int, min_primary: int) -> None:
    rows = [g for f in folders for g in gold(f)]
    assert len(rows) >= min_cells
    cases = Counter(g.case for g in rows)
    thin = {c: cases[c] for c in CASES - {"plain"} if cases[c] < MIN_PER_CASE}
    assert not thin, thin
    primary = Counter(g.options[0] for g in rows)
    assert all(primary[v] >= min_primary for v in VERDICTS), primary


def check_illustrative(root: Path, folders: list[Path]) -> None:
    assert MARKER in (root / "README.md").read_text(encoding="utf-8")
    for folder in folders:
        assert MARKER in (folder / "README.md").read_text(encoding="utf-8")
        assert MARKER in meta(folder)["note"]
    texts = list(root.rglob("*.txt"))
    assert len(texts) >= 2 * 6
    for path in texts:
        assert path.read_text(encoding="utf-8").splitlines()[0] == MARKER_LINE, path


def check_readme_counts(root: Path, folders: list[Path]) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    written = {m[0]: int(m[1]) for m in re.findall(r"^\| (\w+) \| (\d+) \|", readme, flags=re.M)}
    counted = Counter(g.case for f in folders for g in gold(f))
    assert written == dict(counted)
