"""The labelled sets are well-formed: ids exist, actors have documents, dev/heldout are disjoint."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from benchmarks.baselines.sets import DATA, EvalSet, read_gold, resolve_sets

from pledgetrack.engine.types import VERDICTS

MARKER = "예시 — 실제 정당의 공약이 아님"
SYNTHETIC = DATA / "synthetic"
CASES = {
    "plain",
    "other_region",
    "national_vs_regional",
    "partial_projects",
    "scale_smaller",
    "paraphrase",
    "generic_word",
    "stance_excluded",
    "supra_region",
}


def _ours() -> list[EvalSet]:
    return [*resolve_sets("synthetic-dev"), *resolve_sets("synthetic-heldout")]


def _ids(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["parent"] for row in csv.DictReader(handle)}


@pytest.mark.parametrize("item", _ours(), ids=lambda s: s.name)
def test_synthetic_gold_is_consistent(item: EvalSet) -> None:
    ids = _ids(item.proposals)
    gold = read_gold(item.gold)
    assert len({(g.proposal, g.actor) for g in gold}) == len(gold), "중복된 칸"
    for row in gold:
        assert ids.get(row.proposal) == "", f"{row.proposal}: 과제(task) 행이어야 함"
        assert (item.docs / row.actor).is_dir(), row.actor
        assert set(row.options) <= set(VERDICTS)
        assert row.case in CASES, row.case
        if row.options == ("absent",):
            assert not row.evidence, row
        elif "absent" not in row.options:
            assert row.evidence, row
    assert {g.actor for g in gold} == {p.name for p in item.docs.iterdir()}


@pytest.mark.parametrize("item", _ours(), ids=lambda s: s.name)
def test_evidence_strings_occur_in_the_actors_documents(item: EvalSet) -> None:
    from benchmarks.baselines.metrics import compact

    for row in read_gold(item.gold):
        if row.evidence:
            files = (item.docs / row.actor).glob("*.txt")
            text = compact(" ".join(p.read_text(encoding="utf-8") for p in files))
            assert compact(row.evidence) in text, (row.proposal, row.actor, row.evidence)


def test_synthetic_size_split_and_cases() -> None:
    dev = sum(len(read_gold(s.gold)) for s in resolve_sets("synthetic-dev"))
    heldout = sum(len(read_gold(s.gold)) for s in resolve_sets("synthetic-heldout"))
    assert dev + heldout >= 150
    assert heldout / (dev + heldout) >= 0.4
    cases = {g.case for s in _ours() for g in read_gold(s.gold)}
    assert cases >= CASES - {"supra_region"}


def test_dev_and_heldout_share_no_document_or_line() -> None:
    def lines(split: str) -> tuple[set[str], set[str]]:
        files = list((SYNTHETIC / split).rglob("docs/*/*.txt"))
        content = {line.strip() for f in files for line in f.read_text(encoding="utf-8").splitlines()}
        # pledge lines (not the marker or short boilerplate titles such as '마바당 공약 자료집')
        pledges = {line for line in content if len(line) >= 12 and MARKER not in line}
        return {f.read_text(encoding="utf-8") for f in files}, pledges

    dev_docs, dev_lines = lines("dev")
    held_docs, held_lines = lines("heldout")
    assert not dev_docs & held_docs
    assert not dev_lines & held_lines
    dev_regions = {s.region for s in resolve_sets("synthetic-dev")}
    assert not dev_regions & {s.region for s in resolve_sets("synthetic-heldout")}


def test_every_synthetic_file_is_marked_illustrative() -> None:
    for path in SYNTHETIC.rglob("*"):
        if path.suffix == ".txt":
            assert MARKER in path.read_text(encoding="utf-8").splitlines()[0], path
        elif path.is_dir() and any(path.glob("*.csv")):
            assert MARKER in (path / "README.md").read_text(encoding="utf-8"), path
    assert MARKER in (SYNTHETIC / "README.md").read_text(encoding="utf-8")


def test_real_2025_gold_refers_to_existing_proposals_and_actors(shared_data: Path) -> None:
    (item,) = resolve_sets("real-2025")
    ids = _ids(item.proposals)
    gold = read_gold(item.gold)
    assert {g.actor for g in gold} == {"더불어민주당", "국민의힘", "개혁신당", "민주노동당"}
    for row in gold:
        assert ids.get(row.proposal) == "" and (item.docs / row.actor).is_dir()
        assert row.case in CASES


def test_gwangju_2022_gold_is_readable(shared_data: Path) -> None:
    (item,) = resolve_sets("gwangju-2022")
    ids = _ids(item.proposals)
    assert all(g.proposal in ids and (item.docs / g.actor).is_dir() for g in read_gold(item.gold))
