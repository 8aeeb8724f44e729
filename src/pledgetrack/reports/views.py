"""The dashboard: matrix of proposals × actors, reflection rates, filters, recent changes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Proposal
from pledgetrack.reports.selectors import STATE_LABELS, Filters, dashboard, rates_chart
from pledgetrack.site.campaign import current_campaign
from pledgetrack.site.permissions import require


def _filters(request: HttpRequest) -> Filters:
    level = request.GET.get("level", "")
    verdict = request.GET.get("verdict", "")
    return Filters(
        level=level if level in dict(Proposal.Level.choices) else "",
        owner=request.GET.get("owner", "")[:200],
        verdict=verdict if verdict in STATE_LABELS and verdict != "none" else "",
    )


def dashboard_view(request: HttpRequest) -> HttpResponse:
    require(request.user, Proposal)
    require(request.user, MatchCell)
    board = dashboard(current_campaign(request), _filters(request))
    context = {
        "board": board,
        "chart": rates_chart(board),
        "levels": Proposal.Level.choices,
        "states": [(k, v) for k, v in STATE_LABELS.items() if k != "none"],
    }
    template = (
        "reports/_matrix.html" if request.headers.get("HX-Target") == "matrix" else "reports/dashboard.html"
    )
    return render(request, template, context)
