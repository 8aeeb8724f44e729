"""When a verdict deserves a human look: notes that start with "검토 필요:" (the web app shows such
cells as 검토 필요). Raised when the deciding score lies close to a threshold, or when the aspects of
the deciding passage disagree (the topic matches but the region is unknown or only inferred from a
title, a stance marker overrides a strong match, a reflected verdict rests on few of the proposal's
terms, the meaning is close without any shared word)."""

from __future__ import annotations

from collections.abc import Sequence

from pledgetrack.engine.match.aspects import Assessment, Query
from pledgetrack.engine.match.settings import MatchSettings
from pledgetrack.engine.match.verdict import RANK, Judged, base_level
from pledgetrack.engine.types import Cell

REVIEW = "검토 필요: "
WEAK_REGION_SOURCES = frozenset({"section", "document"})
LABELS: dict[str, str] = {"reflected": "반영", "partial": "부분반영", "absent": "미반영"}


def needs_review(cell: Cell) -> bool:
    """Whether any reason of ``cell`` asks for a human review."""
    return any(r.startswith(REVIEW) for r in cell.reasons)


def _near_threshold(a: Assessment, s: MatchSettings) -> list[str]:
    for label, threshold in (("반영", s.reflected_threshold), ("부분반영", s.partial_threshold)):
        if abs(a.topic - threshold) < s.review_margin:
            return [f"{REVIEW}점수 {a.topic:.2f}, {label} 문턱 {threshold:.2f}에 가까움"]
    return []


def _disagreement(a: Assessment, best_verdict: str, q: Query, s: MatchSettings, home: str | None) -> list[str]:
    notes = []
    base = base_level(a, s)
    if home is not None and base == "reflected" and a.region.scope == "national" and not q.region_neutral:
        notes.append(f"{REVIEW}주제는 반영 수준이나 문장에 지역이 없음(전국 단위로 봄)")
    if home is not None and base != "absent" and a.region.scope == "other" and a.region.source in WEAK_REGION_SOURCES:
        where = "·".join(sorted(a.region.regions))
        notes.append(f"{REVIEW}주제는 맞으나 지역({where})을 문서·절 제목에서 추정함")
    if s.review_low_coverage and best_verdict == "reflected" and a.coverage < s.review_coverage:
        notes.append(f"{REVIEW}반영이지만 제안 핵심어의 {a.coverage:.0%}만 문장에 있음(일부 측면만 약속했을 수 있음)")
    if s.review_stance and base != "absent" and a.stance is not None:
        notes.append(f"{REVIEW}주제는 맞으나 유보·제외 표현('{a.stance[1]}')으로 미반영 처리함 — 문맥 확인")
    return notes


def _paraphrase(judged: Sequence[Judged], verdict: str, s: MatchSettings) -> list[str]:
    """A passage close in meaning that shares no term with the proposal, while the cell is absent."""
    if verdict != "absent":
        return []
    for j in judged:
        a = j.assessment
        if a.coverage == 0 and a.region.scope != "other" and a.dense_scaled >= s.review_dense:
            return [f"{REVIEW}공유 낱말은 없지만 의미가 가까운 문장이 있음(바꿔 쓴 표현일 수 있음)"]
    return []


def review_notes(judged: Sequence[Judged], q: Query, s: MatchSettings, home: str | None) -> tuple[str, ...]:
    """Review notes for a cell decided by ``judged[0]`` (judged passages, best first)."""
    if not judged:
        return ()
    best = judged[0]
    a = best.assessment
    notes = _near_threshold(a, s) if base_level(a, s) == best.verdict else []
    notes += _disagreement(a, best.verdict, q, s, home)
    notes += _paraphrase(judged, best.verdict, s)
    return tuple(dict.fromkeys(notes))


def task_notes(own: Cell, children: Sequence[Cell], combined: str, projects: bool = False) -> tuple[str, ...]:
    """Notes for a task: its title and its projects disagree by two levels; the title is not found and
    its projects only in part (the verdict rests on one weak match); or (``projects``) a project needs
    review."""
    notes = []
    if abs(RANK[own.verdict] - RANK[combined]) == 2:
        notes.append(f"{REVIEW}과제명 판정({LABELS[own.verdict]})과 사업별 판정({LABELS[combined]})이 크게 다름")
    elif own.verdict == "absent" and combined == "partial" and all(c.verdict != "reflected" for c in children):
        notes.append(f"{REVIEW}과제명은 찾지 못했고 사업도 부분반영 수준으로만 찾음")
    flagged = sum(needs_review(c) for c in children)
    if projects and flagged:
        notes.append(f"{REVIEW}사업 {flagged}개 칸에 검토 필요 표시")
    return tuple(notes)
