"""Run the matcher over the workspace and keep people's reviews.

A reviewed cell is never overwritten by re-matching: only the machine's verdict,
score, evidence and reasons are refreshed, and the page shows "the matcher now says X".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from django.db import transaction
from django.utils import timezone

import pledgetrack
from pledgetrack.audit.services import record
from pledgetrack.documents.services import prepared_documents
from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.types import VERDICTS, Cell
from pledgetrack.matching.models import MatchCell, MatchRun
from pledgetrack.registry.models import Actor, Campaign, Proposal
from pledgetrack.registry.services import default_campaign, proposal_rows

MatchProgress = Callable[[str, int, int], None]


def run_matching(
    *,
    campaign: Campaign | None = None,
    settings: MatchSettings | None = None,
    home_region: str | None = None,
    progress: MatchProgress | None = None,
    user: Any = None,
) -> MatchRun:
    """Match every proposal of a campaign against every actor's latest documents."""
    campaign = campaign or default_campaign()
    rows = proposal_rows(campaign)
    documents = prepared_documents(campaign=campaign)
    result = analyze(rows, documents, settings=settings, home_region=home_region, progress=progress)
    run = MatchRun.objects.create(
        settings=dict(result.settings) | {"home_region": result.home_region, "campaign": campaign.name},
        tool_version=pledgetrack.__version__,
    )
    proposals = {p.code: p for p in Proposal.objects.filter(campaign=campaign)}
    actors = {a.name: a for a in Actor.objects.all()}
    with transaction.atomic():
        for cell in result.cells:
            _store_cell(run, proposals[cell.proposal], actors[cell.actor], cell)
        run.cells_written = len(result.cells)
        run.finished_at = timezone.now()
        run.save()
    record(
        action="match",
        object_type="match_run",
        object_id=run.pk,
        after={"cells": run.cells_written},
        user=user,
        actor_label="" if user else "cli",
    )
    return run


def _store_cell(run: MatchRun, proposal: Proposal, actor: Actor, cell: Cell) -> MatchCell:
    values = {
        "run": run,
        "machine_verdict": cell.verdict,
        "score": cell.score,
        "reasons": list(cell.reasons),
        "evidence": [asdict(e) for e in cell.evidence],
    }
    stored, _ = MatchCell.objects.update_or_create(proposal=proposal, actor=actor, defaults=values)
    return stored


def review_cell(cell: MatchCell, *, verdict: str, note: str, user: Any) -> MatchCell:
    """A person's verdict for a cell; ``verdict=""`` accepts the matcher's verdict. Audited."""
    new_verdict = verdict or cell.machine_verdict
    if new_verdict not in VERDICTS:
        raise ValueError(f"알 수 없는 판정입니다: '{verdict}'. 가능한 값: {', '.join(VERDICTS)}")
    before = {"verdict": cell.verdict, "reviewed": cell.is_reviewed, "note": cell.review_note}
    cell.reviewed_verdict = new_verdict
    cell.review_note = note
    cell.reviewed_by = user if getattr(user, "is_authenticated", False) else None
    cell.reviewed_at = timezone.now()
    cell.save()
    record(
        action="review",
        object_type="match_cell",
        object_id=cell.pk,
        object_label=f"{cell.proposal.code} × {cell.actor.name}",
        before=before,
        after={"verdict": new_verdict, "reviewed": True, "note": note},
        reason=note,
        user=user,
    )
    return cell


def stored_cells(
    campaign: Campaign | None = None, *, relative_to_actor: bool = False
) -> tuple[list[Cell], set[tuple[str, str]]]:
    """Stored cells as engine cells with the effective verdict, and the set of reviewed keys."""
    from pledgetrack.engine.types import Evidence

    campaign = campaign or default_campaign()
    cells: list[Cell] = []
    reviewed: set[tuple[str, str]] = set()
    query = MatchCell.objects.filter(proposal__campaign=campaign).select_related("proposal", "actor")
    for stored in query.order_by("proposal__position", "actor__name"):
        evidence = tuple(
            Evidence(
                **(e | {"document": f"{stored.actor.name}/{e['document']}" if relative_to_actor else e["document"]})
            )
            for e in stored.evidence
        )
        cells.append(
            Cell(
                stored.proposal.code,
                stored.actor.name,
                stored.verdict,
                stored.score,
                evidence,
                tuple(stored.reasons),
            )
        )
        if stored.is_reviewed:
            reviewed.add((stored.proposal.code, stored.actor.name))
    return cells, reviewed
