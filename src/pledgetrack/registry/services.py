"""Persistence for the registry: campaigns, actors with aliases, proposals import and export.

The CLI and the web app call these; the file formats themselves live in
:mod:`pledgetrack.engine.proposals`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from pledgetrack.audit.services import record
from pledgetrack.engine.proposals import read_proposals, validate_proposals, write_proposals
from pledgetrack.engine.types import ProposalRow
from pledgetrack.registry.models import Actor, ActorAlias, Campaign, Proposal

DEFAULT_CAMPAIGN = "기본 캠페인"

# Well-known aliases: every alias resolves to the canonical name on the right.
KNOWN_ALIASES: dict[str, str] = {
    "민주당": "더불어민주당",
    "더민주": "더불어민주당",
    "국힘": "국민의힘",
    "조국당": "조국혁신당",
    "인수위": "대통령직인수위원회",
}


@dataclass(frozen=True)
class ImportSummary:
    file: str
    campaign: str
    created: int
    updated: int
    deleted: int
    tasks: int
    projects: int


def default_campaign() -> Campaign:
    """The campaign used when none is named (created on first use)."""
    campaign, _ = Campaign.objects.get_or_create(name=DEFAULT_CAMPAIGN)
    return campaign


def resolve_campaign(name: str | None) -> Campaign:
    if not name:
        return default_campaign()
    campaign, _ = Campaign.objects.get_or_create(name=name)
    return campaign


def resolve_actor(name: str, *, create: bool = True) -> Actor:
    """Find an actor by name or alias (민주당 → 더불어민주당); create it when asked to."""
    name = " ".join(name.split())
    alias = ActorAlias.objects.select_related("actor").filter(alias=name).first()
    if alias:
        return alias.actor
    canonical = KNOWN_ALIASES.get(name, name)
    actor = Actor.objects.filter(name=canonical).first()
    if actor or not create:
        if actor is None:
            raise Actor.DoesNotExist(f"정당·후보를 찾을 수 없습니다: '{name}'")
        return actor
    actor = Actor.objects.create(name=canonical)
    for alias_name, target in KNOWN_ALIASES.items():
        if target == canonical:
            ActorAlias.objects.get_or_create(alias=alias_name, defaults={"actor": actor})
    return actor


def add_alias(actor: Actor, alias: str) -> ActorAlias:
    return ActorAlias.objects.create(actor=actor, alias=" ".join(alias.split()))


def _row_fields(row: ProposalRow) -> dict[str, Any]:
    return {
        "title": row.title,
        "description": row.description,
        "budget_won": row.budget_won,
        "budget_national_won": row.budget_national_won,
        "budget_local_won": row.budget_local_won,
        "budget_private_won": row.budget_private_won,
        "owner": row.owner,
        "priority": row.priority,
        "keywords": list(row.keywords),
        "level": row.level,
    }


def import_proposals(path: Path, *, campaign: Campaign | None = None, user: Any = None) -> ImportSummary:
    """Import a registry file; all or nothing. Rows missing from the file are removed."""
    rows = read_proposals(path)
    validate_proposals(rows, file=path.name)
    campaign = campaign or default_campaign()
    with transaction.atomic():
        created, updated, deleted = _store_rows(campaign, rows)
        record(
            action="import",
            object_type="campaign",
            object_id=campaign.pk,
            object_label=campaign.name,
            after={"file": path.name, "rows": len(rows), "created": created, "updated": updated},
            user=user,
            actor_label="" if user else "cli",
        )
    tasks = sum(1 for r in rows if r.parent is None)
    return ImportSummary(path.name, campaign.name, created, updated, deleted, tasks, len(rows) - tasks)


def _store_rows(campaign: Campaign, rows: Sequence[ProposalRow]) -> tuple[int, int, int]:
    existing = {p.code: p for p in Proposal.objects.filter(campaign=campaign)}
    created = updated = 0
    stored: dict[str, Proposal] = {}
    for position, row in enumerate(rows):
        proposal = existing.get(row.id)
        fields = _row_fields(row) | {"position": position}
        if proposal is None:
            proposal = Proposal(campaign=campaign, code=row.id, **fields)
            created += 1
        else:
            for key, value in fields.items():
                setattr(proposal, key, value)
            updated += 1
        proposal.parent = None
        proposal.save()
        stored[row.id] = proposal
    for row in rows:
        if row.parent:
            Proposal.objects.filter(pk=stored[row.id].pk).update(parent=stored[row.parent])
    stale = [p.pk for code, p in existing.items() if code not in stored]
    Proposal.objects.filter(pk__in=stale).delete()
    return created, updated, len(stale)


def proposal_rows(campaign: Campaign | None = None) -> list[ProposalRow]:
    """The registry as engine rows, in registry order (each task followed by its projects)."""
    campaign = campaign or default_campaign()
    proposals = list(Proposal.objects.filter(campaign=campaign).select_related("parent"))
    rows = [_to_row(p) for p in proposals]
    order = {p.code: i for i, p in enumerate(proposals)}
    tasks = [r for r in rows if r.parent is None]
    children: dict[str, list[ProposalRow]] = {}
    for row in rows:
        if row.parent:
            children.setdefault(row.parent, []).append(row)
    ordered: list[ProposalRow] = []
    for task in sorted(tasks, key=lambda r: order[r.id]):
        ordered.append(task)
        ordered.extend(sorted(children.get(task.id, []), key=lambda r: order[r.id]))
    return ordered


def _to_row(p: Proposal) -> ProposalRow:
    return ProposalRow(
        id=p.code,
        title=p.title,
        parent=p.parent.code if p.parent else None,
        description=p.description,
        budget_won=p.budget_won,
        budget_national_won=p.budget_national_won,
        budget_local_won=p.budget_local_won,
        budget_private_won=p.budget_private_won,
        owner=p.owner,
        priority=p.priority,
        keywords=tuple(p.keywords or ()),
        level=p.level,
    )


def export_proposals(fmt: str, *, campaign: Campaign | None = None) -> bytes:
    buffer = io.BytesIO()
    write_proposals(proposal_rows(campaign), fmt, buffer)
    return buffer.getvalue()
