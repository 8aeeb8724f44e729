"""The matcher's entry point: one cell for every proposal row and actor.

Projects are judged on their own; a task is judged on its own title and on its projects, and takes
the better of the two (all projects reflected: reflected; some: partial). Long queries (a title with
all its projects) are never embedded as one text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pledgetrack.engine.match.confidence import REVIEW, review_notes, task_notes
from pledgetrack.engine.match.evidence import (
    closest_in_meaning,
    join_adjacent,
    keep_closest,
    passage_evidence,
    promote_shared_heading,
    with_heading,
    with_headings,
)
from pledgetrack.engine.match.index import PassageIndex, build_index
from pledgetrack.engine.match.lexicon import compact
from pledgetrack.engine.match.region import infer_home_region, normalize_region
from pledgetrack.engine.match.settings import MatchSettings
from pledgetrack.engine.match.verdict import RANK, Judged, assess, judge, make_query, ranked, subject_terms
from pledgetrack.engine.types import Cell, Evidence, PreparedDocument, ProposalRow, Verdict

Progress = Callable[[str, int, int], None]
LABELS: dict[str, str] = {"reflected": "반영", "partial": "부분반영", "absent": "미반영"}


@dataclass(frozen=True)
class AnalysisResult:
    """All cells, the settings used (plain values), the home region and stage timings in seconds."""

    cells: tuple[Cell, ...]
    settings: dict[str, Any]
    home_region: str | None
    timings: dict[str, float] = field(default_factory=dict)
    actors: tuple[str, ...] = ()

    def cell(self, proposal: str, actor: str) -> Cell:
        return next(c for c in self.cells if c.proposal == proposal and c.actor == actor)


def _row_cell(index: PassageIndex, row: ProposalRow, actor: str, home: str | None,
              children: Sequence[ProposalRow] = (), parent: ProposalRow | None = None) -> tuple[Cell, list[Judged]]:
    s = index.settings
    query = make_query(row, s, children, parent)
    judged = ranked([judge(a, query, s, home) for a in assess(index, query, actor, home)])
    if not judged:
        return Cell(row.id, actor, "absent", 0.0, (), ("후보 문장 없음",)), []
    best = judged[0]
    evidence = passage_evidence(index, judged)
    reasons = (*best.reasons, *review_notes(judged, query, s, home))
    return Cell(row.id, actor, best.verdict, round(best.assessment.topic, 4), evidence, reasons), judged


_LATER_OR_SMALLER = ("시기 차이", "규모 축소")
_CAPS = (*_LATER_OR_SMALLER, "지역 미명시")


def _later_or_smaller(cell: Cell) -> bool:
    return any(r.startswith(_LATER_OR_SMALLER) for r in cell.reasons)


def core_project(children: Sequence[tuple[ProposalRow, Cell]], task_budget: int | None) -> int | None:
    """The index of the project with the largest budget (projects without one share what the task's
    budget leaves over). None when that cannot be known (budgets missing and no task budget) or when no
    project holds half of the task's budget: then the task's core is not among its projects."""
    known = [row.budget_won for row, _ in children if row.budget_won]
    unknown = len(children) - len(known)
    if not task_budget and (unknown or not known):
        return None
    rest = max((task_budget or 0) - sum(known), 0) // unknown if unknown else 0
    budgets = [row.budget_won or rest for row, _ in children]
    core = max(range(len(children)), key=lambda i: (budgets[i], -i))
    if task_budget and 2 * budgets[core] < task_budget:
        return None
    return core


def projects_verdict(children: Sequence[tuple[ProposalRow, Cell]], *, most: bool = True,
                     task_budget: int | None = None) -> Verdict:
    """What a task's projects say of it: reflected when all are reflected, or (``most``) when most (two
    thirds of three or more) are, or the core project (see :func:`core_project`) is; partial when any
    is found; else absent."""
    verdicts = [c.verdict for _, c in children]
    reflected = verdicts.count("reflected")
    if reflected == len(verdicts):
        return "reflected"
    if most and len(verdicts) >= 3 and 3 * reflected >= 2 * len(verdicts):
        return "reflected"
    core = core_project(children, task_budget)
    if most and core is not None and verdicts[core] == "reflected":
        return "reflected"
    return "partial" if reflected or "partial" in verdicts else "absent"


def _combine(own: Cell, children: Sequence[tuple[ProposalRow, Cell]], k: int, own_coverage: float = 1.0,
             coverage_floor: float = 0.0, review_projects: bool = False, task: ProposalRow | None = None,
             weak_below: float = 0.0, later_or_smaller_from: float = 2.0) -> Cell:
    """A task's cell from its own cell and its projects' cells: the better of the two, except that a
    title reflected on under ``coverage_floor`` of its terms does not outrank projects found in part,
    and that a task whose title is not found is not made partial by projects found only weakly (a
    partial scored under ``weak_below``, typically one shared word such as "수소" or "관광"), and that a
    title found at a topic score of ``later_or_smaller_from`` or more but later or smaller than asked stays
    partial however fully its projects (which carry no deadline or sum of their own) are found."""
    if not children:
        return own
    if own.verdict == "absent":
        children = [(row, _weak_as_absent(c, weak_below)) for row, c in children]
    verdicts = [c.verdict for _, c in children]
    capped = own.verdict == "partial" and any(r.startswith(_CAPS) for r in own.reasons)
    budget = task.budget_won if task else None
    combined = projects_verdict(children, most=not capped, task_budget=budget)  # later or smaller: partial
    verdict = own.verdict if RANK[own.verdict] >= RANK[combined] else combined
    if own.verdict == "partial" and own.score >= later_or_smaller_from and _later_or_smaller(own):
        verdict = "partial"  # the task's own pledge is found, later or smaller: its projects do not undo that
    if combined == "partial" and own_coverage < coverage_floor:
        verdict = "partial"  # projects found in part and the title matched on few of its terms
    found = sum(v != "absent" for v in verdicts)
    summary = f"사업 반영 {found}/{len(verdicts)}: " + ", ".join(
        f"{row.title[:20]}({LABELS[c.verdict]})" for row, c in children
    )
    evidence = task_evidence([own, *(c for _, c in children)], k)
    score = max(own.score, sum(c.score for _, c in children) / len(children))
    kept = [r for r in own.reasons if verdict == own.verdict or not r.startswith(REVIEW)]
    notes = task_notes(own, [c for _, c in children], combined, review_projects)
    reasons = (f"과제명 판정: {LABELS[own.verdict]}", summary, *kept, *notes)
    return Cell(own.proposal, own.actor, verdict, round(score, 4), evidence, reasons)


def task_evidence(cells: Sequence[Cell], k: int) -> tuple[Evidence, ...]:
    """A task's evidence from its own cell and its projects' cells: first the best passage of every cell
    that found something (so that a project found later or smaller than asked shows the passage that says
    so, even beside a project found in full), higher verdicts first; then the other passages."""
    pool = sorted(
        ((i == 0 and c.verdict != "absent", RANK[c.verdict], i == 0, e.score, e)
         for c in cells for i, e in enumerate(c.evidence)),
        key=lambda item: item[:4], reverse=True,
    )
    best: dict[tuple[str, int], Evidence] = {}
    for *_, e in pool:
        best.setdefault((e.document, e.start), e)
    return tuple(best.values())[:k]


def _theme_only_as_absent(cell: Cell, matched: Sequence[str], subject: Sequence[str], task_title: str) -> Cell:
    """A project found in part only on words of its task's own title ("수소" of "삼척 액화수소 산업
    클러스터" for "수소 배관망 구축") while its own subject ("배관망") is missing adds nothing once the title
    itself was not found: those words were already looked for. A project that only restates its task
    ("석문국가산단 인입철도 2029년 개통") has no subject of its own and keeps its verdict."""
    title = compact(task_title)
    words = [compact(m) for m in matched if not m[0].isdigit()]  # a year says when, not what
    if cell.verdict != "partial" or not words or not all(w in title for w in words):
        return cell
    if not any(compact(term) not in title for term in subject):
        return cell
    return replace(cell, verdict="absent")


def _weak_as_absent(cell: Cell, weak_below: float) -> Cell:
    if cell.verdict != "partial" or cell.score >= weak_below:
        return cell
    return replace(cell, verdict="absent")


def analyze(
    proposals: Sequence[ProposalRow],
    documents: Sequence[PreparedDocument],
    *,
    settings: MatchSettings | None = None,
    home_region: str | None = None,
    progress: Progress | None = None,
) -> AnalysisResult:
    """Judge every proposal row (tasks and projects) against every actor's documents."""
    s = settings or MatchSettings()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    home = normalize_region(home_region) if home_region else None
    home = home or infer_home_region(f"{p.title} {p.description}" for p in proposals)
    index = build_index(documents, s)
    timings["index"] = time.perf_counter() - started
    actors = tuple(dict.fromkeys(d.actor for d in documents))
    cells: dict[tuple[str, str], Cell] = {}
    covered: dict[tuple[str, str], float] = {}
    matched: dict[tuple[str, str], tuple[str, ...]] = {}
    subjects = {r.id: subject_terms(r, s) for r in proposals}
    closest: dict[tuple[str, str], Evidence | None] = {}
    total, done = len(proposals) * len(actors), 0
    by_id = {r.id: r for r in proposals}
    for row in proposals:
        children = [r for r in proposals if r.parent == row.id]
        parent = by_id.get(row.parent) if row.parent else None
        for actor in actors:
            cell, judged = _row_cell(index, row, actor, home, children, parent)
            cells[(row.id, actor)] = cell
            covered[(row.id, actor)] = judged[0].assessment.coverage if judged else 0.0
            matched[(row.id, actor)] = judged[0].assessment.matched if judged else ()
            closest[(row.id, actor)] = closest_in_meaning(index, judged)
            done += 1
            if progress is not None:
                progress("match", done, total)
    timings["match"] = time.perf_counter() - started - timings["index"]
    has_projects = {r.parent for r in proposals if r.parent is not None}
    found = _Found(covered, matched, subjects)
    ordered = [_with_closest(index, _with_headings(index, _task_cell(cells, found, proposals, row, actor, s),
                                                   row.title if row.id in has_projects else None),
                             closest[(row.id, actor)])
               for row in proposals for actor in actors]
    timings["total"] = time.perf_counter() - started
    return AnalysisResult(tuple(ordered), s.as_dict(), home, timings, actors)


def _with_headings(index: PassageIndex, cell: Cell, task_title: str | None) -> Cell:
    """Headings attached as context; a task's projects' shared item line leads when it names the task."""
    evidence = with_headings(index, cell.actor, cell.evidence)
    if task_title is not None and cell.verdict != "absent":
        evidence = promote_shared_heading(index, cell.actor, evidence, task_title)
    return replace(cell, evidence=evidence)


def _with_closest(index: PassageIndex, cell: Cell, closest: Evidence | None) -> Cell:
    """A cell short of 반영 keeps the passage closest in meaning among its evidence (``keep_closest``);
    spans of one line that touch are then shown as one quote (``join_adjacent``)."""
    shown = cell.evidence
    if cell.verdict != "reflected" and closest is not None:
        shown = keep_closest(shown, with_heading(index, cell.actor, closest), index.settings.top_k)
    return replace(cell, evidence=join_adjacent(index, cell.actor, shown))


@dataclass(frozen=True)
class _Found:
    """What each row's best passage held, by (row id, actor): its share of the row's terms and the
    terms it matched; and each row's own subject terms (see ``subject_terms``)."""

    covered: dict[tuple[str, str], float]
    matched: dict[tuple[str, str], tuple[str, ...]]
    subjects: dict[str, tuple[str, ...]]


def _task_cell(cells: dict[tuple[str, str], Cell], found: _Found, rows: Sequence[ProposalRow], row: ProposalRow,
               actor: str, s: MatchSettings) -> Cell:
    children = [(r, cells[(r.id, actor)]) for r in rows if r.parent == row.id]
    if cells[(row.id, actor)].verdict == "absent":
        children = [(r, _theme_only_as_absent(c, found.matched[(r.id, actor)], found.subjects[r.id], row.title))
                    for r, c in children]
    return _combine(cells[(row.id, actor)], children, s.top_k, found.covered[(row.id, actor)], s.task_title_coverage,
                    s.review_projects, row, s.partial_threshold + s.task_weak_project_margin, s.reflected_threshold)
