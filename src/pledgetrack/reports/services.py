"""Build the report engine's input from the workspace."""

from __future__ import annotations

from datetime import date

from pledgetrack.advocacy.models import BudgetAsk, Meeting
from pledgetrack.documents.models import Document
from pledgetrack.engine.report.model import ReportCell, ReportInput, SourceInfo, TimelineEvent
from pledgetrack.engine.types import Evidence
from pledgetrack.matching.models import MatchCell, MatchRun
from pledgetrack.registry.models import Campaign
from pledgetrack.registry.services import default_campaign, proposal_rows

REVIEW_HINT = "검토 필요"


def report_cells(campaign: Campaign) -> list[ReportCell]:
    """Stored cells as report cells (read as plain values: one query, no model objects)."""
    rows = MatchCell.objects.filter(proposal__campaign=campaign).values_list(
        "proposal__code",
        "actor__name",
        "machine_verdict",
        "reviewed_verdict",
        "score",
        "evidence",
        "reasons",
        "review_note",
    )
    return [
        ReportCell(
            proposal=code,
            actor=actor,
            verdict=reviewed or machine,
            machine_verdict=machine,
            reviewed=bool(reviewed),
            score=score,
            evidence=tuple(Evidence(**e) for e in evidence),
            reasons=tuple(reasons),
            needs_review=not reviewed and any(r.startswith(REVIEW_HINT) for r in reasons),
            review_note=note,
        )
        for code, actor, machine, reviewed, score, evidence, reasons, note in rows
    ]


def report_sources(campaign: Campaign, actors: set[str]) -> list[SourceInfo]:
    documents = Document.objects.filter(status=Document.Status.DONE, source__campaign=campaign)
    return [
        SourceInfo(
            actor=d.source.actor.name,
            name=d.filename,
            sha256=d.sha256,
            pages=len(d.pages) or None,
            method="+".join(sorted({p["method"] for p in d.pages})) or "text",
            published=d.published,
        )
        for d in documents.select_related("source__actor").order_by("source__actor__name", "filename")
        if d.source.actor.name in actors
    ]


def report_events(campaign: Campaign) -> list[TimelineEvent]:
    events = [
        TimelineEvent(
            date=m.date,
            kind="meeting",
            actor=m.actor.name if m.actor else "",
            title=m.title,
            detail=", ".join(p.code for p in m.proposals.all()),
        )
        for m in Meeting.objects.filter(campaign=campaign).select_related("actor").prefetch_related("proposals")
    ]
    events += [
        TimelineEvent(date=b.asked_on, kind="budget_ask", title=b.title, detail=b.get_status_display())
        for b in BudgetAsk.objects.filter(campaign=campaign, asked_on__isnull=False)
        if b.asked_on is not None
    ]
    return sorted(events, key=lambda e: e.date)


def build_report_input(campaign: Campaign | None = None, *, title: str | None = None) -> ReportInput:
    """Everything the report engine needs for one campaign, with provenance."""
    campaign = campaign or default_campaign()
    cells = report_cells(campaign)
    actors = tuple(sorted({c.actor for c in cells}))
    run = MatchRun.objects.filter(settings__campaign=campaign.name).first() or MatchRun.objects.first()
    sources = report_sources(campaign, set(actors))
    dates = [s.published for s in sources if s.published]
    return ReportInput(
        title=title or f"{campaign.name} 공약 반영 보고서",
        proposals=tuple(proposal_rows(campaign)),
        actors=actors,
        cells=tuple(cells),
        sources=tuple(sources),
        matcher_settings=(run.settings | {"tool_version": run.tool_version}) if run else {},
        data_date=max(dates) if dates else date.today(),
        events=tuple(report_events(campaign)),
    )
