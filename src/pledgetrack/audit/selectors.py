"""Reading the audit log: filtered pages and a full export, scoped to a campaign."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from pledgetrack.advocacy.models import BudgetAsk, FollowUp, Meeting
from pledgetrack.audit.models import AuditEntry
from pledgetrack.documents.models import Document
from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Campaign, Proposal
from pledgetrack.site.campaign import campaign_q


def _ids(query: QuerySet[Any]) -> QuerySet[Any]:
    """The primary keys as text (``AuditEntry.object_id`` is text), as a subquery."""
    return query.annotate(key=Cast("pk", CharField())).values("key")


# Object types that belong to one campaign, and how to find that campaign's objects. Entries about
# anything else (actors, users, match runs, office days, monitor alerts) are shared by all campaigns.
CAMPAIGN_OBJECTS: dict[str, Callable[[Campaign], QuerySet[Any]]] = {
    "campaign": lambda c: _ids(Campaign.objects.filter(pk=c.pk)),
    "proposal": lambda c: _ids(Proposal.objects.filter(campaign=c)),
    "match_cell": lambda c: _ids(MatchCell.objects.filter(proposal__campaign=c)),
    "document": lambda c: _ids(Document.objects.filter(campaign_q(c, "source__campaign"))),
    "meeting": lambda c: _ids(Meeting.objects.filter(campaign_q(c))),
    "follow_up": lambda c: _ids(FollowUp.objects.filter(campaign_q(c, "meeting__campaign"))),
    "budget_ask": lambda c: _ids(BudgetAsk.objects.filter(campaign_q(c))),
}


def campaign_entries(campaign: Campaign) -> Q:
    """Entries about ``campaign``'s objects, plus entries about shared objects."""
    query = ~Q(object_type__in=list(CAMPAIGN_OBJECTS))
    for object_type, objects in CAMPAIGN_OBJECTS.items():
        query |= Q(object_type=object_type, object_id__in=objects(campaign))
    return query

EXPORT_FIELDS: tuple[str, ...] = (
    "id",
    "created_at",
    "actor_label",
    "action",
    "object_type",
    "object_id",
    "object_label",
    "before",
    "after",
    "reason",
)


def entries(
    *, object_type: str = "", action: str = "", user: str = "", campaign: Campaign | None = None
) -> QuerySet[AuditEntry]:
    found = AuditEntry.objects.filter(campaign_entries(campaign)) if campaign else AuditEntry.objects.all()
    if object_type:
        found = found.filter(object_type=object_type)
    if action:
        found = found.filter(action=action)
    if user:
        found = found.filter(actor_label=user)
    return found.order_by("-created_at", "-id")


def choices() -> dict[str, list[str]]:
    return {
        "object_types": sorted(set(AuditEntry.objects.values_list("object_type", flat=True).distinct())),
        "actions": sorted(set(AuditEntry.objects.values_list("action", flat=True).distinct())),
    }


def export_rows(found: QuerySet[AuditEntry]) -> list[dict[str, Any]]:
    return list(found.values(*EXPORT_FIELDS))
