"""The second held-out set (benchmarks/data/synthetic-heldout2) is well-formed and independent.

Checks only the data, never the matcher: ids are registry tasks, every actor has documents, verdicts and
cases are valid, evidence strings occur in the actor's own documents, the set is large enough and covers
every hard case, every file is marked illustrative, and no document line is shared with the first
synthetic sets (compared by hashing lines, so this test is the only reader of those files).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from benchmarks.baselines.metrics import compact
from benchmarks.baselines.sets import DATA, GoldRow, read_gold

from pledgetrack.engine.proposals import read_proposals
from pledgetrack.engine.types import VERDICTS

ROOT = DATA / "synthetic-heldout2"
FIRST_SETS = DATA / "synthetic"
MARKER = "예시 — 실제 정당의 공약이 아님"
MARKER_LINE = f"※ {MARKER}"
CASES = frozenset({"plain", "other_region", "national_vs_regional", "partial_projects", "paraphrase",
                   "generic_word", "stance_excluded", "scale_smaller", "timing_later", "supra_region"})
MIN_PER_CASE = 5
MIN_CELLS = 120


def _subsets() -> list[Path]:
    return sorted(p for p in (ROOT / "heldout").iterdir() if (p / "meta.json").is_file())


SUBSETS = _subsets()


def _meta(folder: Path) -> dict[str, str]:
    data: dict[str, str] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return data


def _gold(folder: Path) -> list[GoldRow]:
    return read_gold(folder / "gold.csv")


def _actor_texts(folder: Path, actor: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((folder / "docs" / actor).glob("*.txt"))]


def _line_hash(line: str) -> str:
    return hashlib.sha256(compact(line).encode("utf-8")).hexdigest()


def test_two_new_heldout_regions() -> None:
    # laid out like synthetic/heldout/<subset>/: nothing but sub-set folders, so folder-per-set loaders work
    assert all(p.is_dir() and (p / "meta.json").is_file() for p in (ROOT / "heldout").iterdir())
    assert len(SUBSETS) == 2
    regions = [_meta(f)["region"] for f in SUBSETS]
    assert len(set(regions)) == 2
    assert all(_meta(f)["split"] == "heldout" for f in SUBSETS)
    used = {json.loads(p.read_text(encoding="utf-8"))["region"] for p in FIRST_SETS.rglob("meta.json")}
    assert used, "the first synthetic sets were not found"
    assert not used & set(regions), used & set(regions)


@pytest.mark.parametrize("folder", SUBSETS, ids=lambda p: p.name)
def test_proposals_are_a_valid_registry(folder: Path) -> None:
    rows = read_proposals(folder / "proposals.csv")
    tasks = [r for r in rows if r.parent is None]
    assert 8 <= len(tasks) <= 10
    children = Counter(r.parent for r in rows if r.parent is not None)
    assert set(children) <= {t.id for t in tasks}
    assert all(2 <= n <= 4 for n in children.values()), children
    assert len(children) >= 4, "some tasks should have projects"
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
    assert all(primary[v] >= 20 for v in VERDICTS), primary


def test_every_file_is_marked_illustrative() -> None:
    assert MARKER in (ROOT / "README.md").read_text(encoding="utf-8")
    for folder in SUBSETS:
        assert MARKER in (folder / "README.md").read_text(encoding="utf-8")
        assert MARKER in _meta(folder)["note"]
    texts = list(ROOT.rglob("*.txt"))
    assert len(texts) >= 2 * 6
    for path in texts:
        assert path.read_text(encoding="utf-8").splitlines()[0] == MARKER_LINE, path


def test_no_document_line_is_shared_with_the_first_synthetic_sets() -> None:
    theirs = {_line_hash(line) for p in FIRST_SETS.rglob("*") if p.is_file()
              for line in p.read_text(encoding="utf-8").splitlines() if compact(line)}
    assert theirs, "the first synthetic sets were not found"
    ours = [(p.relative_to(ROOT), line) for p in ROOT.rglob("*.txt")
            for line in p.read_text(encoding="utf-8").splitlines()[1:] if compact(line)]
    shared = [(str(path), line) for path, line in ours if _line_hash(line) in theirs]
    assert not shared, shared


def test_readme_case_counts_match_gold() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    written = {m[0]: int(m[1]) for m in re.findall(r"^\| (\w+) \| (\d+) \|", readme, flags=re.M)}
    counted = Counter(g.case for f in SUBSETS for g in _gold(f))
    assert written == dict(counted)
