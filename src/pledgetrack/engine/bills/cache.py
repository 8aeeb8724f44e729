"""The bills index in a cache folder: download the dataset, build once, load afterwards."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pledgetrack.engine.bills.index import BillIndex, IndexSettings, read_manifest
from pledgetrack.engine.bills.source import fetch_bills_dataset, load_bills

Stage = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildSummary:
    folder: Path
    bills: int
    built: bool


def index_folder(cache_dir: Path) -> Path:
    return cache_dir / "index"


def build_index(
    cache_dir: Path, *, rebuild: bool = False, settings: IndexSettings | None = None, progress: Stage | None = None
) -> BuildSummary:
    """Download the dataset if needed and build the index into ``cache_dir/index`` (kept if present).

    ``progress(stage, done, total)`` reports the stages ``download``, ``load`` and ``index``.
    """
    folder = index_folder(cache_dir)
    if not rebuild and (folder / "manifest.json").is_file():
        return BuildSummary(folder, int(read_manifest(folder)["bills"]), built=False)
    report = progress or (lambda stage, done, total: None)
    report("download", 0, 1)
    data_dir = fetch_bills_dataset(cache_dir / "dataset")
    report("load", 0, 1)
    bills = list(load_bills(data_dir))
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        report("index", done, len(bills))

    index = BillIndex.build(bills, settings=settings, progress=step)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    index.save(partial)
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return BuildSummary(folder, len(index), built=True)


def open_index(cache_dir: Path) -> BillIndex:
    """The saved index of ``cache_dir``, or an error saying to build it first."""
    return BillIndex.load(index_folder(cache_dir))
