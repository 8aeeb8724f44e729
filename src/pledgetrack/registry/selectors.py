"""Read-only queries for the proposal page and the registry list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from pledgetrack.advocacy.models import BudgetAsk, Meeting
from pledgetrack.matching.models import MatchCell
from pledgetrack.matching.selectors import CellView, cell_views
from pledgetrack.registry.models import Campaign, Proposal


@dataclass(frozen=True)
class ProposalBlock:
    proposal: Proposal
    cells: tuple[CellView, ...]


@dataclass(frozen=True)
class ProposalDetail:
    task: ProposalBlock
    projects: tuple[ProposalBlock, ...]
    meetings: tuple[Meeting, ...]
    budget_asks: tuple[BudgetAsk, ...]


def proposal_detail(proposal: Proposal) -> ProposalDetail:
    """A task (or project) with its projects, each with its cells and evidence in context."""
    projects = list(proposal.children.order_by("position", "code"))
    ids = [proposal.pk, *(p.pk for p in projects)]
    cells = (
        MatchCell.objects.filter(proposal_id__in=ids)
        .select_related("actor", "reviewed_by")
        .order_by("actor__name")
    )
    views = cell_views(cells)
    by_proposal: dict[int, list[CellView]] = {pk: [] for pk in ids}
    for view in views:
        by_proposal[view.cell.proposal_id].append(view)
    meetings = Meeting.objects.filter(proposals__in=ids).select_related("actor").distinct().order_by("-date")
    asks = BudgetAsk.objects.filter(proposal_id__in=ids).order_by("-asked_on")
    return ProposalDetail(
        task=ProposalBlock(proposal, tuple(by_proposal[proposal.pk])),
        projects=tuple(ProposalBlock(p, tuple(by_proposal[p.pk])) for p in projects),
        meetings=tuple(meetings),
        budget_asks=tuple(asks),
    )


def proposal_list(campaign: Campaign, query: str = "") -> list[dict[str, Any]]:
    proposals = Proposal.objects.filter(campaign=campaign)
    if query:
        proposals = proposals.filter(title__icontains=query) | proposals.filter(code__icontains=query)
    return list(
        proposals.annotate(cell_count=Count("cells"))
        .order_by("position", "code")
        .values("id", "code", "title", "parent__code", "level", "owner", "budget_won", "cell_count")
    )
