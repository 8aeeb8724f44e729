"""National Assembly bills: ``.venv/bin/python -m benchmarks.bills [--cache DIR] [--fresh]``.

Downloads ``korean-assembly-bills==0.1.0`` with pip into the cache (``--fresh`` empties it first so
the download is timed), then, each phase in its own process so that its peak RSS is its own:
build (load the bills, build the index, save it) and query (load the index, answer the labelled
queries of ``benchmarks/data/bills-queries.csv`` warm, several rounds). It prints download time,
load time, build time and peak RSS, index size on disk, query latency p50/p95, hit@10 and MRR
(also for other title weights, to show what each field brings). Wall-clock on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from pledgetrack.engine.bills import BillIndex, fetch_bills_dataset, load_bills
from pledgetrack.engine.bills.cache import index_folder

ROOT = Path(__file__).resolve().parent
QUERIES = ROOT / "data" / "bills-queries.csv"
DEFAULT_CACHE = ROOT / ".cache" / "bills"
ROUNDS = 5
WEIGHTS = (0.0, 1.0, 3.0, 10.0)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def normalise(title: str) -> str:
    return re.sub(r"\s+", "", title).replace("ㆍ", "·").replace("・", "·")


def read_queries(path: Path = QUERIES) -> list[tuple[str, list[str]]]:
    """(query, expected title prefixes); lines starting with '#' are notes."""
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [(row["query"], [normalise(e) for e in row["expected"].split("|")]) for row in rows]


def first_relevant(titles: list[str], expected: list[str]) -> int | None:
    """1-based rank of the first title that starts with an expected prefix."""
    return next((i for i, t in enumerate(titles, 1) if any(normalise(t).startswith(e) for e in expected)), None)


def relevance(index: BillIndex, queries: list[tuple[str, list[str]]]) -> dict[str, Any]:
    ranks = [first_relevant([h.bill.title for h in index.search(q, k=10)], expected) for q, expected in queries]
    n = len(queries)
    return {
        "hit@10": sum(r is not None for r in ranks) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
        "misses": [q for (q, _), r in zip(queries, ranks, strict=True) if r is None],
        "ranks": ranks,
    }


def phase_build(cache: Path) -> dict[str, Any]:
    started = time.perf_counter()
    data_dir = fetch_bills_dataset(cache / "dataset")
    bills = list(load_bills(data_dir))
    loaded = time.perf_counter()
    index = BillIndex.build(bills)
    built = time.perf_counter()
    folder = index_folder(cache)
    shutil.rmtree(folder, ignore_errors=True)
    index.save(folder)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return {
        "bills": len(bills),
        "reason_chars": sum(len(b.reason) for b in bills),
        "load_s": loaded - started,
        "build_s": built - loaded,
        "save_s": time.perf_counter() - built,
        "index_mib": size / 2**20,
        "peak_rss_mib": peak_rss_mib(),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def phase_query(cache: Path) -> dict[str, Any]:
    started = time.perf_counter()
    index = BillIndex.load(index_folder(cache))
    load_s = time.perf_counter() - started
    queries = read_queries()
    index.search("예열", k=10)  # Kiwi loads on the first query
    latencies = []
    for _ in range(ROUNDS):
        for query, _expected in queries:
            t = time.perf_counter()
            index.search(query, k=10)
            latencies.append(time.perf_counter() - t)
    default = relevance(index, queries)
    weights = {w: relevance(replace_weight(index, w), queries) for w in WEIGHTS}
    return {
        "index_load_s": load_s,
        "queries": len(queries),
        "p50_ms": percentile(latencies, 0.5) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "max_ms": max(latencies) * 1000,
        "relevance": default,
        "by_title_weight": {str(w): {k: v for k, v in r.items() if k != "ranks"} for w, r in weights.items()},
        "peak_rss_mib": peak_rss_mib(),
    }


def replace_weight(index: BillIndex, weight: float) -> BillIndex:
    return BillIndex(index.title, index.body, index.table, replace(index.settings, title_weight=weight))


PHASES = {"build": phase_build, "query": phase_query}


def child(phase: str, cache: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.bills", "--phase", phase, "--cache", str(cache)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT.parent)
    if result.returncode != 0:
        raise SystemExit(f"{phase} failed:\n{result.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def report(download_s: float, build: dict[str, Any], query: dict[str, Any]) -> None:
    rel = query["relevance"]
    print(f"download+unpack (pip download): {download_s:.1f} s")
    print(f"bills: {build['bills']:,}  제안이유 chars: {build['reason_chars']:,}")
    print(f"load bills (parquet → Bill): {build['load_s']:.1f} s")
    print(f"index build: {build['build_s']:.1f} s  save: {build['save_s']:.1f} s")
    print(f"build process peak RSS (load + build + save): {build['peak_rss_mib']:.0f} MiB")
    print(f"index on disk: {build['index_mib']:.1f} MiB")
    print(f"index load: {query['index_load_s']:.2f} s  query peak RSS: {query['peak_rss_mib']:.0f} MiB")
    print(
        f"query latency over {query['queries']} queries × {ROUNDS}: p50 {query['p50_ms']:.1f} ms  "
        f"p95 {query['p95_ms']:.1f} ms  max {query['max_ms']:.1f} ms"
    )
    print(f"relevance: hit@10 {rel['hit@10']:.3f}  MRR {rel['mrr']:.3f}  misses: {rel['misses']}")
    print(f"ranks: {rel['ranks']}")
    for weight, r in query["by_title_weight"].items():
        print(f"  title_weight {weight}: hit@10 {r['hit@10']:.3f}  MRR {r['mrr']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--fresh", action="store_true", help="empty the cache first (times the download)")
    parser.add_argument("--phase", choices=sorted(PHASES))
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](args.cache), ensure_ascii=False))
        return
    if args.fresh:
        shutil.rmtree(args.cache, ignore_errors=True)
    started = time.perf_counter()
    fetch_bills_dataset(args.cache / "dataset")
    download_s = time.perf_counter() - started
    report(download_s, child("build", args.cache), child("query", args.cache))


if __name__ == "__main__":
    main()
