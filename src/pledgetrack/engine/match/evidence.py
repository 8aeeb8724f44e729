"""Evidence for a cell: the best passages, each carrying its parent line (the heading of the item it
sits under) as context, so that a reviewer sees both the detail and what it belongs to.

Every entry is one exact span of its document: ``quote == document.text[start:end]``, and so is its heading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from pledgetrack.engine.match.aspects import Assessment
from pledgetrack.engine.match.index import PassageIndex
from pledgetrack.engine.match.lexicon import compact
from pledgetrack.engine.match.settings import MatchSettings
from pledgetrack.engine.match.tokens import key_terms
from pledgetrack.engine.match.verdict import Judged
from pledgetrack.engine.types import Evidence


def _shown(a: Assessment, s: MatchSettings) -> bool:
    """Worth showing: a partial-level score, a specific (not only generic) shared term, or a meaning
    close enough for a paraphrase review note."""
    return a.topic >= s.partial_threshold or (a.coverage > 0 and a.specific) or a.dense_scaled >= s.review_dense


def passage_evidence(index: PassageIndex, judged: Sequence[Judged]) -> tuple[Evidence, ...]:
    """The first ``top_k`` judged passages worth showing; when fewer are, the closest other candidates
    fill the rest (for an absent cell they are what a reviewer checks to confirm the absence)."""
    k = index.settings.top_k
    worth = [j for j in judged if _shown(j.assessment, index.settings)]
    shown = sorted(worth, key=lambda j: _filler(index, j.assessment))[:k]  # stable: fillers last, order kept
    picked = {id(j) for j in shown}
    rest = [j for j in judged if id(j) not in picked][: k - len(shown)]
    return tuple(_evidence(index, j) for j in (*shown, *rest))


_HASHTAGS = re.compile(r"^\W*(?:#\S+\s*)+$")


def _filler(index: PassageIndex, a: Assessment) -> bool:
    """A line that says nothing of its own: hashtags only ("#해솔약속 #대구"), place names only, a question or
    label, or fewer than ``MIN_CLOSEST_LETTERS`` letters. Shown after the lines that say something."""
    text = index.texts[a.entry]
    return a.label or bool(_HASHTAGS.match(text)) or _letters(text) < MIN_CLOSEST_LETTERS


def closest_in_meaning(index: PassageIndex, judged: Sequence[Judged]) -> Evidence | None:
    """The candidate closest in meaning to the proposal (dense cosine) among lines that say something
    (a short fragment such as "(2) 기간: 2026~2029년" has a noisy cosine); None without dense vectors."""
    scored = [j for j in judged if j.assessment.dense is not None and _says_something(index, j.assessment)]
    if not scored:
        return None
    return _evidence(index, max(scored, key=lambda j: j.assessment.dense or 0.0))


MIN_CLOSEST_LETTERS = 10  # letters, not counting digits


def _says_something(index: PassageIndex, a: Assessment) -> bool:
    return _letters(index.texts[a.entry]) >= MIN_CLOSEST_LETTERS and not (a.label or a.background)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def keep_closest(evidence: Sequence[Evidence], closest: Evidence | None, k: int) -> tuple[Evidence, ...]:
    """The evidence with the passage closest in meaning in its last slot when it is not shown already: a
    paraphrase shares few words with the proposal and ranks low on them, but it is the passage a reviewer
    of a 부분반영 or 미반영 cell most needs to see."""
    if closest is None or any((e.document, e.start) == (closest.document, closest.start) for e in evidence):
        return tuple(evidence)
    return (*evidence[: k - 1], closest) if len(evidence) >= k else (*evidence, closest)


def _evidence(index: PassageIndex, j: Judged) -> Evidence:
    a = j.assessment
    entry = index.entries[a.entry]
    doc, p = index.documents[entry.doc], entry.passage
    if doc.text[p.start : p.end] != p.text:
        raise AssertionError(f"passage offsets do not match the text of {doc.name!r} at {p.start}")
    end = a.qualifier_end if a.qualifier_end is not None else p.end
    return Evidence(doc.name, p.page, p.start, end, doc.text[p.start : end], round(a.topic, 4))


def with_heading(index: PassageIndex, actor: str, e: Evidence) -> Evidence:
    """The evidence with the line it sits under (its parent item or heading) attached, when there is one."""
    i = index.document_ids.get((actor, e.document))
    span = None if i is None else index.structures[i].parent_span(e.start)
    if i is None or span is None:
        return e
    text = index.documents[i].text[span[0] : span[1]]
    return replace(e, heading_start=span[0], heading_end=span[1], heading=text)


def with_headings(index: PassageIndex, actor: str, evidence: Sequence[Evidence]) -> tuple[Evidence, ...]:
    """Every evidence passage with its heading line as context; the passages themselves stay best first."""
    return tuple(with_heading(index, actor, e) for e in evidence)


def _heading_as_evidence(index: PassageIndex, actor: str, e: Evidence) -> Evidence:
    """The heading of an evidence passage as a piece of evidence of its own (same score), on its own page
    and with its own heading line as context."""
    assert e.heading_start is not None and e.heading_end is not None
    document = index.documents[index.document_ids[(actor, e.document)]]
    page = next((p.page for p in document.pages if p.start <= e.heading_start < p.end), None)
    head = Evidence(e.document, page, e.heading_start, e.heading_end, e.heading, e.score)
    return with_heading(index, actor, head)


def _names_the_task(heading: str, title: str) -> bool:
    """Whether a heading line carries a key term of the task's title (a bare region heading does not)."""
    line = compact(heading)
    terms = key_terms(title, generic_weight=1.0, named_weight=1.0)
    return any(alt in line for t in terms for alt in t.alternatives)


def promote_shared_heading(index: PassageIndex, actor: str, evidence: Sequence[Evidence],
                           title: str) -> tuple[Evidence, ...]:
    """For a task judged through its projects: when two or more evidence passages sit under the same item
    line and that line names the task, it is the pledge the projects belong to, so it leads the evidence."""
    counts = Counter((e.document, e.heading_start) for e in evidence if e.heading_start is not None)
    shared = [e for e in evidence if e.heading_start is not None and counts[(e.document, e.heading_start)] >= 2
              and _names_the_task(e.heading, title)]
    if not shared:
        return tuple(evidence)
    head = _heading_as_evidence(index, actor, shared[0])
    rest = [e for e in evidence if (e.document, e.start) != (head.document, head.start)]
    return (head, *rest)[: index.settings.top_k]


def join_adjacent(index: PassageIndex, actor: str, evidence: Sequence[Evidence]) -> tuple[Evidence, ...]:
    """Evidence spans of one line that touch or overlap, each found on its own ("동해신항 잡화부두 2030년
    개장!" and "항만 배후단지 조성까지 …" cut apart as two sentences), are shown as one quote, in the place
    of the better one. A span scored under the partial threshold is never joined to another."""
    joined: list[Evidence] = []
    floor = index.settings.partial_threshold
    for e in evidence:
        i = index.document_ids.get((actor, e.document))
        text = index.documents[i].text if i is not None and e.score >= floor else ""
        at = next((k for k, o in enumerate(joined) if text and o.score >= floor and _touch(text, o, e)), None)
        if at is None:
            joined.append(e)
            continue
        o = joined[at]
        start, end = min(o.start, e.start), max(o.end, e.end)
        joined[at] = replace(o, start=start, end=end, quote=text[start:end], score=max(o.score, e.score))
    return tuple(joined)


def _touch(text: str, a: Evidence, b: Evidence) -> bool:
    if a.document != b.document:
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    gap = text[first.end : second.start]
    return first.end >= second.start or (not gap.strip() and "\n" not in gap)
