"""The dashboard (matrix, the report engine's rates, filters, recent changes) and report downloads."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from pledgetrack.engine.errors import ConfigurationError, PledgetrackError
from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Campaign, Proposal
from pledgetrack.reports.selectors import (
    STATE_LABELS,
    Filters,
    dashboard_rates,
    matrix,
    owners,
    rates_chart,
    recent_changes,
    version_stamp,
)
from pledgetrack.site.campaign import current_campaign
from pledgetrack.site.permissions import require
from pledgetrack.site.views import error_page

# Report formats offered for download: format name → (label, content type).
DOWNLOADS: dict[str, tuple[str, str]] = {
    "html": ("HTML", "text/html; charset=utf-8"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": ("CSV", "text/csv; charset=utf-8"),
    "json": ("JSON", "application/json; charset=utf-8"),
    "pdf": ("PDF", "application/pdf"),
}


def _filters(request: HttpRequest) -> Filters:
    level = request.GET.get("level", "")
    verdict = request.GET.get("verdict", "")
    return Filters(
        level=level if level in dict(Proposal.Level.choices) else "",
        owner=request.GET.get("owner", "")[:200],
        verdict=verdict if verdict in STATE_LABELS and verdict != "none" else "",
    )


def matrix_html(campaign: Campaign, filters: Filters, stamp: str) -> SafeString:
    """The rendered matrix fragment, cached per campaign, filters and version stamp."""
    wanted = f"{filters.level}|{filters.verdict}|{filters.owner}".encode()
    key = f"pledgetrack:matrix:{stamp}:{hashlib.blake2b(wanted, digest_size=10).hexdigest()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string("reports/_matrix.html", {"matrix": matrix(campaign, filters)})
        cache.set(key, html, timeout=None)
    return mark_safe(html)


def dashboard_view(request: HttpRequest) -> HttpResponse:
    require(request.user, Proposal)
    require(request.user, MatchCell)
    campaign = current_campaign(request)
    filters = _filters(request)
    stamp = version_stamp(campaign)
    fragment = matrix_html(campaign, filters, stamp)
    if request.headers.get("HX-Target") == "matrix":
        return HttpResponse(fragment)
    rates = dashboard_rates(campaign, stamp)
    context = {
        "campaign": campaign,
        "filters": filters,
        "matrix_html": fragment,
        "rates": rates,
        "chart": rates_chart(rates),
        "owners": owners(campaign),
        "recent": recent_changes(campaign),
        "levels": Proposal.Level.choices,
        "states": [(k, v) for k, v in STATE_LABELS.items() if k != "none"],
        "downloads": [(fmt, label) for fmt, (label, _) in DOWNLOADS.items()],
    }
    return render(request, "reports/dashboard.html", context)


def _filename(campaign: Campaign, fmt: str) -> str:
    name = "".join(ch if ch.isalnum() else "_" for ch in campaign.name).strip("_")[:60]
    return f"공약반영보고서_{name}_{timezone.localdate():%Y%m%d}.{fmt}"


def report_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The current campaign's report, written by the report engine (``write_report``) into a temp file."""
    require(request.user, Proposal)
    require(request.user, MatchCell)
    from pledgetrack.engine.report import write_report  # heavy (engine): import on use
    from pledgetrack.reports.services import build_report_input

    campaign = current_campaign(request)
    try:
        with tempfile.TemporaryDirectory(prefix="pledgetrack-report-") as folder:
            out = write_report(build_report_input(campaign), Path(folder) / f"report.{fmt}", fmt)
            body = out.read_bytes()
    except ConfigurationError as error:  # e.g. no Chromium for the PDF
        return error_page(request, 503, "PDF 보고서를 만들 수 없습니다", str(error))
    except PledgetrackError as error:
        return error_page(request, 500, "보고서를 만들 수 없습니다", str(error))
    response = HttpResponse(body, content_type=DOWNLOADS[fmt][1])
    response["Content-Disposition"] = _disposition(_filename(campaign, fmt))
    return response


def _disposition(filename: str) -> str:
    from urllib.parse import quote

    fallback = f"pledgetrack-report.{filename.rsplit('.', 1)[-1]}"  # for clients without RFC 6266 filename*
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"
