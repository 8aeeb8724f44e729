"""Matching: does a proposal appear in an actor's pledges? Retrieval, aspects, verdicts, evidence.

Public API::

    from pledgetrack.engine.match import analyze, MatchSettings, build_index
    result = analyze(proposals, documents, home_region="광주")
    index = build_index(documents, MatchSettings()); index.search("달빛철도 조기 착공", k=5)
"""

from pledgetrack.engine.match.analyze import AnalysisResult, analyze
from pledgetrack.engine.match.confidence import REVIEW, needs_review
from pledgetrack.engine.match.embed import Embedder, get_embedder, register_embedder
from pledgetrack.engine.match.index import Hit, PassageIndex, build_index
from pledgetrack.engine.match.settings import MatchSettings

__all__ = [
    "REVIEW",
    "AnalysisResult",
    "Embedder",
    "Hit",
    "MatchSettings",
    "PassageIndex",
    "analyze",
    "build_index",
    "get_embedder",
    "needs_review",
    "register_embedder",
]
