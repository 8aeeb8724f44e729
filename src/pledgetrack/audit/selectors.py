"""Reading the audit log: filtered pages and a full export."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from pledgetrack.audit.models import AuditEntry

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


def entries(*, object_type: str = "", action: str = "", user: str = "") -> QuerySet[AuditEntry]:
    found = AuditEntry.objects.all()
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
