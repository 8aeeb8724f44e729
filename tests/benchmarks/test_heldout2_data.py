"""The second held-out set (benchmarks/data/synthetic-heldout2) is well-formed and independent.

Checks only the data, never the matcher: ids are registry tasks, every actor has documents, verdicts and
cases are valid, evidence strings occur in the actor's own documents, the set is large enough and covers
every hard case, every file is marked illustrative, and no document line is shared with the first
synthetic sets (compared by hashing lines, so this test is the only reader of those files).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from benchmarks.baselines.metrics import compact
from benchmarks.baselines.sets import DATA

from tests.benchmarks import synthetic_checks as checks

ROOT = DATA / "synthetic-heldout2"
FIRST_SETS = DATA / "synthetic"
MIN_CELLS = 120


def _subsets() -> list[Path]:
    return sorted(p for p in (ROOT / "heldout").iterdir() if (p / "meta.json").is_file())


SUBSETS = _subsets()


def _line_hash(line: str) -> str:
    return hashlib.sha256(compact(line).encode("utf-8")).hexdigest()


def test_two_new_heldout_regions() -> None:
    # laid out like synthetic/heldout/<subset>/: nothing but sub-set folders, so folder-per-set loaders work
    assert all(p.is_dir() and (p / "meta.json").is_file() for p in (ROOT / "heldout").iterdir())
    assert len(SUBSETS) == 2
    regions = [checks.meta(f)["region"] for f in SUBSETS]
    assert len(set(regions)) == 2
    assert all(checks.meta(f)["split"] == "heldout" for f in SUBSETS)
    used = {json.loads(p.read_text(encoding="utf-8"))["region"] for p in FIRST_SETS.rglob("meta.json")}
    assert used, "the first synthetic sets were not found"
    assert not used & set(regions), used & set(regions)


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_proposals_are_a_valid_registry(folder: Path) -> None:
    checks.check_registry(folder, tasks=range(8, 11), projects_per_task=range(2, 5))


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_gold_is_a_full_consistent_grid(folder: Path) -> None:
    checks.check_full_grid(folder)


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_evidence_occurs_within_one_line_of_the_actors_documents(folder: Path) -> None:
    checks.check_evidence_in_one_line(folder)


def test_size_and_every_case_represented() -> None:
    checks.check_size_and_cases(SUBSETS, min_cells=MIN_CELLS, min_primary=20)


def test_every_file_is_marked_illustrative() -> None:
    checks.check_illustrative(ROOT, SUBSETS)


def test_no_document_line_is_shared_with_the_first_synthetic_sets() -> None:
    theirs = {
        _line_hash(line)
        for p in FIRST_SETS.rglob("*")
        if p.is_file()
        for line in p.read_text(encoding="utf-8").splitlines()
        if compact(line)
    }
    assert theirs, "the first synthetic sets were not found"
    ours = [
        (p.relative_to(ROOT), line)
        for p in ROOT.rglob("*.txt")
        for line in p.read_text(encoding="utf-8").splitlines()[1:]
        if compact(line)
    ]
    shared = [(str(path), line) for path, line in ours if _line_hash(line) in theirs]
    assert not shared, shared


def test_readme_case_counts_match_gold() -> None:
    checks.check_readme_counts(ROOT, SUBSETS)
