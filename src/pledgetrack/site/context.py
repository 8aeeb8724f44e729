"""Template context shared by every page: the navigation, the user's role and the campaign switcher."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from pledgetrack.site.campaign import campaign_choices, current_campaign
from pledgetrack.site.roles import user_role

NAVIGATION: tuple[tuple[str, str, str], ...] = (
    ("dashboard", "대시보드", "matching.view_matchcell"),
    ("registry:proposals", "정책 제안", "registry.view_proposal"),
    ("documents:list", "문서", "documents.view_document"),
    ("advocacy:timeline", "활동 기록", "advocacy.view_meeting"),
    ("monitor:alerts", "알림", "monitor.view_alert"),
    ("audit:list", "변경 기록", "audit.view_auditentry"),
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": (), "user_role": ""}
    items = [(name, label) for name, label, perm in NAVIGATION if user.has_perm(perm)]
    return {
        "nav_items": items,
        "user_role": user_role(user),
        "campaign": current_campaign(request),
        "campaigns": campaign_choices(),
    }
