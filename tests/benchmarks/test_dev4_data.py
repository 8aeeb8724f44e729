"""The fourth dev set (benchmarks/data/synthetic-dev4) is well-formed and new.

Checks only the data, never the matcher: ids are registry tasks, every actor has documents, verdicts and
cases are valid, evidence strings occur in the actor's own documents, the set is large enough and leans on
absent cells, every file is marked illustrative, the README's case counts match the gold files, its actor
names are new, and no document line is shared with the other synthetic sets (compared by hashing lines, so
this test is the only reader of those files). Its regions (대구·전남) were used before, on purpose.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.baselines.metrics import compact
from benchmarks.baselines.sets import DATA

from tests.benchmarks import synthetic_checks as checks

ROOT = DATA / "synthetic-dev4"
MIN_CELLS = 80
MIN_PRIMARY = 15
MIN_ABSENT = 40
EARLIER = ("synthetic", "synthetic-dev2", "synthetic-dev3", "synthetic-heldout2")
SUBSETS = sorted(p for p in (ROOT / "dev").iterdir() if (p / "meta.json").is_file())


def _line_hash(line: str) -> str:
    return hashlib.sha256(compact(line).encode("utf-8")).hexdigest()


def _other_sets() -> list[Path]:
    return sorted(p for p in DATA.glob("synthetic*") if p.is_dir() and p != ROOT)


def test_two_dev_regions() -> None:
    assert all(p.is_dir() and (p / "meta.json").is_file() for p in (ROOT / "dev").iterdir())
    assert {checks.meta(f)["region"] for f in SUBSETS} == {"대구광역시", "전라남도"}
    assert all(checks.meta(f)["split"] == "dev" for f in SUBSETS)


def test_actor_names_are_new() -> None:
    assert all((DATA / name).is_dir() for name in EARLIER), "the earlier synthetic sets were not found"
    theirs = {p.name for root in _other_sets() for p in root.rglob("docs/*") if p.is_dir()}
    assert theirs, "the other synthetic sets were not found"
    ours = {p.name for f in SUBSETS for p in (f / "docs").iterdir() if p.is_dir()}
    assert len(ours) >= 5
    assert not ours & theirs, ours & theirs


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
    checks.check_size_and_cases(SUBSETS, min_cells=MIN_CELLS, min_primary=MIN_PRIMARY)


def test_leans_on_absent_cells() -> None:
    rows = [g for f in SUBSETS for g in checks.gold(f)]
    cases = Counter(g.case for g in rows)
    assert cases["plain"] >= checks.MIN_PER_CASE, cases
    primary = Counter(g.options[0] for g in rows)
    assert primary["absent"] >= MIN_ABSENT, primary
    assert primary["absent"] * 2 >= len(rows) - 5, primary


def test_every_file_is_marked_illustrative() -> None:
    checks.check_illustrative(ROOT, SUBSETS)


def test_no_document_line_is_shared_with_the_other_synthetic_sets() -> None:
    theirs = {
        _line_hash(line)
        for root in _other_sets()
        for p in root.rglob("*")
        if p.is_file()
        for line in p.read_text(encoding="utf-8").splitlines()
        if compact(line)
    }
    assert theirs, "the other synthetic sets were not found"
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
