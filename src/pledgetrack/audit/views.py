"""The audit log: who changed what, when, from what to what and why; viewable and exportable."""

from __future__ import annotations

import csv
import io
import json

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pledgetrack.audit.models import AuditEntry
from pledgetrack.audit.selectors import EXPORT_FIELDS, choices, entries, export_rows
from pledgetrack.site.campaign import current_campaign
from pledgetrack.site.permissions import require


def _filtered(request: HttpRequest):
    return entries(
        object_type=request.GET.get("object_type", ""),
        action=request.GET.get("action", ""),
        user=request.GET.get("user", ""),
        campaign=current_campaign(request),
    )


def audit_list(request: HttpRequest) -> HttpResponse:
    require(request.user, AuditEntry)
    page = Paginator(_filtered(request), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"page": page, "filters": request.GET, "query": query.urlencode(), **choices()}
    return render(request, "audit/list.html", context)


def _csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False, cls=DjangoJSONEncoder) if k in ("before", "after") else v
                for k, v in row.items()
            }
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM so Excel reads Korean correctly


def audit_export(request: HttpRequest, fmt: str) -> HttpResponse:
    require(request.user, AuditEntry)
    rows = export_rows(_filtered(request))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "json":
        body = json.dumps(rows, ensure_ascii=False, cls=DjangoJSONEncoder, indent=1).encode()
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.{fmt}"'
    return response
