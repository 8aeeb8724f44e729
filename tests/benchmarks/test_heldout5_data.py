"""The fifth held-out set (benchmarks/data/synthetic-heldout5) is well-formed and independent.

Checks only the data, never the matcher: ids are registry tasks, every actor has documents, verdicts and
cases are valid, evidence strings occur within one line of the actor's own documents, the set is large
enough and covers every hard case, every file is marked illustrative, Seoul and the actors are new, and no
document line is shared with any other synthetic set (compared by hashing lines, so this test is the only
reader of those files).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from benchmarks.baselines.metrics import compact
from benchmarks.baselines.sets import DATA

from tests.benchmarks import synthetic_checks as checks

ROOT = DATA / "synthetic-heldout5"
EARLIER_SETS = (
    DATA / "synthetic",
    DATA / "synthetic-dev2",
    DATA / "synthetic-dev3",
    DATA / "synthetic-heldout2",
    DATA / "synthetic-heldout3",
    DATA / "synthetic-heldout4",
)
# any other synthetic set, including ones written at the same time
OTHER_SETS = tuple(sorted({*EARLIER_SETS, *(p for p in DATA.glob("synthetic*") if p.is_dir() and p != ROOT)}))
MIN_CELLS = 150
MIN_PER_CASE = 8


def _subsets() -> list[Path]:
    return sorted(p for p in (ROOT / "heldout").iterdir() if (p / "meta.json").is_file())


SUBSETS = _subsets()


def _line_hash(line: str) -> str:
    return hashlib.sha256(compact(line).encode("utf-8")).hexdigest()


def _other_metas() -> list[Path]:
    return [p for root in OTHER_SETS for p in root.rglob("meta.json")]


def test_three_heldout_regions_seoul_is_new() -> None:
    assert all(p.is_dir() and (p / "meta.json").is_file() for p in (ROOT / "heldout").iterdir())
    assert len(SUBSETS) == 3
    regions = {checks.meta(f)["region"] for f in SUBSETS}
    assert regions == {"서울특별시", "광주광역시", "부산광역시"}
    assert all(checks.meta(f)["split"] == "heldout" for f in SUBSETS)
    metas = _other_metas()
    assert {root for root in OTHER_SETS if any(p.is_relative_to(root) for p in metas)} >= set(EARLIER_SETS)
    used = {json.loads(p.read_text(encoding="utf-8"))["region"] for p in metas}
    # Gwangju and Busan were used before (with other topics); Seoul must be new
    assert "서울특별시" not in used, used


def test_actors_are_new_names() -> None:
    # only folder names of the earlier sets are listed, never their documents
    theirs = {d.name for meta in _other_metas() for d in (meta.parent / "docs").iterdir() if d.is_dir()}
    assert theirs, "the earlier synthetic sets were not found"
    ours = {d.name for f in SUBSETS for d in (f / "docs").iterdir() if d.is_dir()}
    assert len(ours) >= 5
    assert not ours & theirs, ours & theirs


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_proposals_are_a_valid_registry(folder: Path) -> None:
    checks.check_registry(folder, tasks=range(10, 11), projects_per_task=range(2, 5))


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_gold_is_a_full_consistent_grid(folder: Path) -> None:
    checks.check_full_grid(folder)


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_evidence_occurs_within_one_line_of_the_actors_documents(folder: Path) -> None:
    checks.check_evidence_in_one_line(folder)


def test_size_and_every_case_represented() -> None:
    checks.check_size_and_cases(SUBSETS, min_cells=MIN_CELLS, min_primary=30)
    counted = [g.case for f in SUBSETS for g in checks.gold(f)]
    thin = {c: counted.count(c) for c in checks.CASES if counted.count(c) < max(MIN_PER_CASE, checks.MIN_PER_CASE)}
    assert not thin, thin


def test_every_file_is_marked_illustrative() -> None:
    checks.check_illustrative(ROOT, SUBSETS)


def test_no_document_line_is_shared_with_the_other_synthetic_sets() -> None:
    theirs = {
        _line_hash(line)
        for root in OTHER_SETS
        for p in root.rglob("*")
        if p.is_file()
        for line in p.read_text(encoding="utf-8").splitlines()
        if compact(line)
    }
    assert theirs, "the earlier synthetic sets were not found"
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
