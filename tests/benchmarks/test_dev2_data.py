"""The second dev set (benchmarks/data/synthetic-dev2) is well-formed.

Checks only the data, never the matcher: ids are registry tasks, every actor has documents, verdicts and
cases are valid, evidence strings occur in the actor's own documents, the set is large enough and covers
every hard case, every file is marked illustrative, and the README's case counts match the gold files.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.baselines.metrics import compact
from benchmarks.baselines.sets import DATA, GoldRow, read_gold, resolve_sets

from pledgetrack.engine.proposals import read_proposals
from pledgetrack.engine.types import VERDICTS

ROOT = DATA / "synthetic-dev2"
MARKER = "예시 — 실제 정당의 공약이 아님"
MARKER_LINE = f"※ {MARKER}"
CASES = frozenset({"plain", "other_region", "national_vs_regional", "partial_projects", "paraphrase",
                   "generic_word", "stance_excluded", "scale_smaller", "timing_later", "supra_region"})
MIN_PER_CASE = 5
MIN_CELLS = 96
SUBSETS = sorted(p for p in (ROOT / "dev").iterdir() if (p / "meta.json").is_file())


def _meta(folder: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return data


def _gold(folder: Path) -> list[GoldRow]:
    return read_gold(folder / "gold.csv")


def _actor_texts(folder: Path, actor: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((folder / "docs" / actor).glob("*.txt"))]


def test_two_new_dev_regions() -> None:
    assert all(p.is_dir() and (p / "meta.json").is_file() for p in (ROOT / "dev").iterdir())
    regions = {_meta(f)["region"] for f in SUBSETS}
    assert regions == {"울산광역시", "전북특별자치도"}
    assert all(_meta(f)["split"] == "dev" for f in SUBSETS)
    used = {json.loads(p.read_text(encoding="utf-8"))["region"]
            for name in ("synthetic", "synthetic-heldout2") for p in (DATA / name).rglob("meta.json")}
    assert used, "the other synthetic sets were not found"
    assert not used & regions, used & regions


def test_registered_for_the_benchmark() -> None:
    sets = resolve_sets("synthetic-dev2")
    assert sorted(s.name for s in sets) == [f"synthetic-dev2/{f.name}" for f in SUBSETS]
    assert all(s.split == "dev" and s.gold.is_file() for s in sets)


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_proposals_are_a_valid_registry(folder: Path) -> None:
    rows = read_proposals(folder / "proposals.csv")
    tasks = [r for r in rows if r.parent is None]
    assert len(tasks) == 8
    children = Counter(r.parent for r in rows if r.parent is not None)
    assert set(children) <= {t.id for t in tasks}
    assert all(2 <= n <= 3 for n in children.values()), children
    assert len(children) >= 4, "several tasks should have projects"
    assert sum(r.budget_won is not None for r in rows) >= len(rows) // 2


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_gold_is_a_full_consistent_grid(folder: Path) -> None:
    with (folder / "proposals.csv").open(encoding="utf-8", newline="") as handle:
        parents = {row["id"]: row["parent"] for row in csv.DictReader(handle)}
    tasks = {pid for pid, parent in parents.items() if parent == ""}
    gold = _gold(folder)
    actors = {p.name for p in (folder / "docs").iterdir() if p.is_dir()}
    assert len(actors) >= 3
    assert all(1 <= len(_actor_texts(folder, a)) <= 3 for a in actors)
    cells = [(g.proposal, g.actor) for g in gold]
    assert len(set(cells)) == len(cells), "중복된 칸"
    assert set(cells) == {(t, a) for t in tasks for a in actors}, "과제 × 행위자 전체가 있어야 함"
    for row in gold:
        assert set(row.options) <= set(VERDICTS) and len(set(row.options)) == len(row.options), row
        assert row.case in CASES, row
        if row.options == ("absent",):
            assert not row.evidence, row
        elif "absent" not in row.options:
            assert row.evidence, row


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_evidence_occurs_within_one_line_of_the_actors_documents(folder: Path) -> None:
    for row in _gold(folder):
        if not row.evidence:
            continue
        lines = [compact(line) for text in _actor_texts(folder, row.actor) for line in text.splitlines()]
        assert any(compact(row.evidence) in line for line in lines), (row.proposal, row.actor, row.evidence)


def test_size_and_every_case_represented() -> None:
    gold = [g for f in SUBSETS for g in _gold(f)]
    assert len(gold) >= MIN_CELLS
    cases = Counter(g.case for g in gold)
    thin = {c: cases[c] for c in CASES - {"plain"} if cases[c] < MIN_PER_CASE}
    assert not thin, thin
    primary = Counter(g.options[0] for g in gold)
    assert all(primary[v] >= 15 for v in VERDICTS), primary


def test_every_file_is_marked_illustrative() -> None:
    assert MARKER in (ROOT / "README.md").read_text(encoding="utf-8")
    for folder in SUBSETS:
        assert MARKER in (folder / "README.md").read_text(encoding="utf-8")
        assert MARKER in _meta(folder)["note"]
    texts = list(ROOT.rglob("*.txt"))
    assert len(texts) >= 2 * 6
    for path in texts:
        assert path.read_text(encoding="utf-8").splitlines()[0] == MARKER_LINE, path


def test_readme_case_counts_match_gold() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    written = {m[0]: int(m[1]) for m in re.findall(r"^\| (\w+) \| (\d+) \|", readme, flags=re.M)}
    counted = Counter(g.case for f in SUBSETS for g in _gold(f))
    assert written == dict(counted)
