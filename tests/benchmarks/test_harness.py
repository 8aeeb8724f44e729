"""The benchmark harness end to end with a trivial stub matcher (never reported as the matcher's numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from benchmarks.baselines.corpus import load_corpus, render_text_pages
from benchmarks.baselines.metrics import score
from benchmarks.baselines.sets import load_proposals, read_gold, resolve_sets
from benchmarks.quality import Collector, run_matcher

from pledgetrack.engine.types import Cell, Evidence, PreparedDocument, ProposalRow


@dataclass(frozen=True)
class _Result:
    cells: tuple[Cell, ...]


def _stub_absent(
    proposals: list[ProposalRow], documents: list[PreparedDocument], home_region: str | None = None
) -> _Result:
    """Calls everything absent, quoting each actor's first passage."""
    first = {d.actor: d.passages[0] for d in documents}
    return _Result(
        tuple(
            Cell(p.id, actor, "absent", 0.0, (Evidence("x", None, q.start, q.end, q.text),))
            for p in proposals
            for actor, q in first.items()
        )
    )


def test_stub_matcher_through_the_harness() -> None:
    item = resolve_sets("synthetic-dev")[0]
    proposals, gold = load_proposals(item.proposals), read_gold(item.gold)
    documents = load_corpus(item.docs)
    assert {d.actor for d in documents} == {g.actor for g in gold}
    collector = Collector()
    collector.add_gold(item.name, gold)
    collector.add(item.name, "stub", run_matcher(_stub_absent, proposals, documents, item.region))
    m = score(collector.gold, collector.predictions["stub"])
    assert m.missing_cells == 0
    assert m.strict_accuracy == pytest.approx(sum("absent" in g.options for g in gold) / len(gold))
    assert m.detection_recall == 0.0
    assert m.evidence_hit_at_3 == 0.0


def test_render_text_pages(tmp_path: Path) -> None:
    pages = render_text_pages("※ 예시\n" + "\n".join(f"{i}. 광주 공약 줄" for i in range(60)), tmp_path)
    assert len(pages) == 2 and all(p.stat().st_size > 1000 for p in pages)


@pytest.mark.slow
def test_nori_tokenizer_runs_in_one_batch() -> None:
    from benchmarks.baselines.lexical import nori_tokens

    tokens = nori_tokens(["광주~대구 달빛철도 조기 착공", "", "AI 반도체"])
    assert len(tokens) == 3 and "착공" in tokens[0] and tokens[1] == []
