"""The second dev set (benchmarks/data/synthetic-dev2) is well-formed.

Checks only the data, never the matcher: ids are registry tasks, every actor has documents, verdicts and
cases are valid, evidence strings occur in the actor's own documents, the set is large enough and covers
every hard case, every file is marked illustrative, and the README's case counts match the gold files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.baselines.sets import DATA, resolve_sets

from tests.benchmarks import synthetic_checks as checks

ROOT = DATA / "synthetic-dev2"
MIN_CELLS = 96
SUBSETS = sorted(p for p in (ROOT / "dev").iterdir() if (p / "meta.json").is_file())


def test_two_new_dev_regions() -> None:
    assert all(p.is_dir() and (p / "meta.json").is_file() for p in (ROOT / "dev").iterdir())
    regions = {checks.meta(f)["region"] for f in SUBSETS}
    assert regions == {"울산광역시", "전북특별자치도"}
    assert all(checks.meta(f)["split"] == "dev" for f in SUBSETS)
    used = {
        json.loads(p.read_text(encoding="utf-8"))["region"]
        for name in ("synthetic", "synthetic-heldout2")
        for p in (DATA / name).rglob("meta.json")
    }
    assert used, "the other synthetic sets were not found"
    assert not used & regions, used & regions


def test_registered_for_the_benchmark() -> None:
    sets = resolve_sets("synthetic-dev2")
    assert sorted(s.name for s in sets) == [f"synthetic-dev2/{f.name}" for f in SUBSETS]
    assert all(s.split == "dev" and s.gold.is_file() for s in sets)


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_proposals_are_a_valid_registry(folder: Path) -> None:
    checks.check_registry(folder, tasks=range(8, 9), projects_per_task=range(2, 4))


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_gold_is_a_full_consistent_grid(folder: Path) -> None:
    checks.check_full_grid(folder)


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_evidence_occurs_within_one_line_of_the_actors_documents(folder: Path) -> None:
    checks.check_evidence_in_one_line(folder)


def test_size_and_every_case_represented() -> None:
    checks.check_size_and_cases(SUBSETS, min_cells=MIN_CELLS, min_primary=15)


def test_every_file_is_marked_illustrative() -> None:
    checks.check_illustrative(ROOT, SUBSETS)


def test_readme_case_counts_match_gold() -> None:
    checks.check_readme_counts(ROOT, SUBSETS)
