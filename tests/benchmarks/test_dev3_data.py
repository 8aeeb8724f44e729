"""The third dev set (benchmarks/data/synthetic-dev3) is well-formed and new.

Checks only the data, never the matcher: ids are registry tasks, every actor has documents, verdicts and
cases are valid, evidence strings occur in the actor's own documents, the set is large enough and leans on
paraphrase, every file is marked illustrative, the README's case counts match the gold files, its regions
are new, and no document line is shared with the other synthetic sets (compared by hashing lines, so this
test is the only reader of those files).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.baselines.metrics import compact
from benchmarks.baselines.sets import DATA

from tests.benchmarks import synthetic_checks as checks

ROOT = DATA / "synthetic-dev3"
MIN_CELLS = 120
MIN_PARAPHRASE = 14
MIN_PER_HARD_CASE = 8
# regions of the earlier synthetic sets, and of synthetic-heldout3 which was written at the same time
EARLIER = ("synthetic", "synthetic-dev2", "synthetic-heldout2")
RESERVED_REGIONS = frozenset({"경상남도", "제주특별자치도", "대전광역시"})
SUBSETS = sorted(p for p in (ROOT / "dev").iterdir() if (p / "meta.json").is_file())


def _line_hash(line: str) -> str:
    return hashlib.sha256(compact(line).encode("utf-8")).hexdigest()


def _other_sets() -> list[Path]:
    return sorted(p for p in DATA.glob("synthetic*") if p.is_dir() and p != ROOT)


def test_two_new_dev_regions() -> None:
    assert all(p.is_dir() and (p / "meta.json").is_file() for p in (ROOT / "dev").iterdir())
    regions = {checks.meta(f)["region"] for f in SUBSETS}
    assert regions == {"경상북도", "충청남도"}
    assert all(checks.meta(f)["split"] == "dev" for f in SUBSETS)
    used = {
        json.loads(p.read_text(encoding="utf-8"))["region"]
        for root in _other_sets()
        for p in root.rglob("meta.json")
    }
    assert all((DATA / name).is_dir() for name in EARLIER), "the earlier synthetic sets were not found"
    assert used, "the earlier synthetic sets were not found"
    assert not (used | RESERVED_REGIONS) & regions, (used | RESERVED_REGIONS) & regions


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
    checks.check_size_and_cases(SUBSETS, min_cells=MIN_CELLS, min_primary=25)


def test_hard_cases_are_well_represented() -> None:
    cases = Counter(g.case for f in SUBSETS for g in checks.gold(f))
    assert cases["paraphrase"] >= MIN_PARAPHRASE, cases
    thin = {c: cases[c] for c in checks.CASES - {"plain"} if cases[c] < MIN_PER_HARD_CASE}
    assert not thin, thin


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
