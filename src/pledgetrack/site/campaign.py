"""Which campaign a page or an API list shows, and the header's campaign switcher.

The current campaign is, in order: the one the person chose in the header (kept in the
session), else the campaign with the most recent activity (proposals or match cells changed
last), else the default campaign. Pages, filters and API lists show only its data; objects
that belong to no campaign (actors, office days) are shared by all.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Max, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Campaign, Proposal

SESSION_KEY = "pledgetrack_campaign"
_REQUEST_ATTR = "_pledgetrack_campaign"
# Pages that list a campaign's things: after switching, stay on them (detail pages go to the dashboard).
LIST_VIEWS = frozenset(
    {
        "dashboard",
        "registry:proposals",
        "registry:actors",
        "documents:list",
        "advocacy:timeline",
        "advocacy:calendar",
        "audit:list",
    }
)


def most_active_campaign() -> Campaign | None:
    """The campaign whose proposals or match cells changed last (None if there are none)."""
    latest: dict[int, Any] = {}
    proposals = Proposal.objects.values_list("campaign_id").annotate(last=Max("updated_at"))
    cells = MatchCell.objects.values_list("proposal__campaign_id").annotate(last=Max("updated_at"))
    rows = [*proposals.values_list("campaign_id", "last"), *cells.values_list("proposal__campaign_id", "last")]
    for campaign_id, last in rows:
        if last is not None and (campaign_id not in latest or latest[campaign_id] < last):
            latest[campaign_id] = last
    if not latest:
        return None
    best = max(latest, key=lambda pk: (latest[pk], pk))
    return Campaign.objects.filter(pk=best).first()


def _chosen(request: HttpRequest) -> Campaign | None:
    session = getattr(request, "session", None)
    chosen = session.get(SESSION_KEY) if session is not None else None
    return Campaign.objects.filter(pk=chosen).first() if isinstance(chosen, int) else None


def current_campaign(request: HttpRequest) -> Campaign:
    """The campaign this request shows (computed once per request)."""
    found = getattr(request, _REQUEST_ATTR, None)
    if found is None:
        # Imported on use: the registry service pulls in the engine's file readers.
        from pledgetrack.registry.services import default_campaign

        found = _chosen(request) or most_active_campaign() or default_campaign()
        setattr(request, _REQUEST_ATTR, found)
    return found


def remember_campaign(request: HttpRequest, campaign: Campaign) -> None:
    """Make ``campaign`` current for this request and the rest of the session."""
    request.session[SESSION_KEY] = campaign.pk
    setattr(request, _REQUEST_ATTR, campaign)


def is_default(campaign: Campaign) -> bool:
    from pledgetrack.registry.services import DEFAULT_CAMPAIGN

    return campaign.name == DEFAULT_CAMPAIGN


def campaign_q(campaign: Campaign, field: str = "campaign") -> Q:
    """Rows of ``campaign``; rows with no campaign at all (older data) count as the default campaign's."""
    query = Q(**{field: campaign})
    if is_default(campaign):
        query |= Q(**{f"{field}__isnull": True})
    return query


def campaign_choices() -> list[tuple[int, str]]:
    return list(Campaign.objects.order_by("-created_at", "-pk").values_list("pk", "name"))


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return reverse("dashboard")
    path = wanted.split("?", 1)[0]
    try:
        name = resolve(path).view_name
    except Resolver404:
        return reverse("dashboard")
    return path if name in LIST_VIEWS else reverse("dashboard")


@require_POST
def select_campaign(request: HttpRequest) -> HttpResponse:
    """The header's switcher: remember the chosen campaign, then go back to the list page (filters dropped)."""
    from django.contrib import messages

    raw = request.POST.get("campaign", "")
    campaign = Campaign.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    if campaign is None:
        messages.error(request, "고른 캠페인을 찾을 수 없습니다. 목록에서 다시 골라 주세요.")
    else:
        remember_campaign(request, campaign)
        messages.success(request, f"캠페인을 바꿨습니다: {campaign.name}")
    return HttpResponseRedirect(_next_url(request))
