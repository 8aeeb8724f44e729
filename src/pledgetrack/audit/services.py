"""Write audit entries. Every service that changes user-visible data calls :func:`record`."""

from __future__ import annotations

from typing import Any

from pledgetrack.audit.models import AuditEntry


def record(
    *,
    action: str,
    object_type: str,
    object_id: object,
    object_label: str = "",
    before: Any = None,
    after: Any = None,
    reason: str = "",
    user: Any = None,
    actor_label: str = "",
) -> AuditEntry:
    """Append one entry to the audit log and return it."""
    real_user = user if getattr(user, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        user=real_user,
        actor_label=actor_label or (real_user.get_username() if real_user else "system"),
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        object_label=object_label[:300],
        before=before,
        after=after,
        reason=reason,
    )
