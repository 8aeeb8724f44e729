"""Alerts (newest first, unread highlighted, mark as read) and watched sources (editors add them)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pledgetrack.engine.errors import InputError
from pledgetrack.monitor import services
from pledgetrack.monitor.forms import WatchForm
from pledgetrack.monitor.models import Alert, WatchedSource
from pledgetrack.site.permissions import require

# Adding a watch makes the server ingest documents by itself: whoever may add documents may add one.
ADD_WATCH_PERMS: tuple[str, ...] = ("monitor.add_watchedsource", "documents.add_document")


def can_add_watch(user: Any) -> bool:
    return any(user.has_perm(perm) for perm in ADD_WATCH_PERMS)


def _row(alert: Alert) -> dict[str, Any]:
    start = alert.document.text.find(alert.quote) if alert.quote else -1
    return {
        "alert": alert,
        "message": services.alert_message(alert),
        "highlight": f"{start}-{start + len(alert.quote)}" if start >= 0 else "",
    }


@login_required
def alert_list(request: HttpRequest) -> HttpResponse:
    require(request.user, Alert)
    unread = request.GET.get("unread") == "1"
    page = Paginator(services.alerts(unread=unread), 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "rows": [_row(a) for a in page],
        "unread_only": unread,
        "unread_count": Alert.objects.filter(read=False).count(),
        "can_mark": request.user.has_perm("monitor.change_alert"),
        "can_add_watch": can_add_watch(request.user),
        "can_see_documents": request.user.has_perm("documents.view_document"),
        "can_see_proposals": request.user.has_perm("registry.view_proposal"),
        "sources": WatchedSource.objects.select_related("actor").order_by("pk"),
    }
    return render(request, "monitor/alerts.html", context)


def _back(request: HttpRequest) -> HttpResponse:
    url = reverse("monitor:alerts")
    return redirect(f"{url}?unread=1" if request.POST.get("unread") == "1" else url)


@login_required
@require_POST
def alert_read(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Alert, "change")
    alert = get_object_or_404(Alert, pk=pk)
    services.mark_read([alert.pk], user=request.user)
    return _back(request)


@login_required
@require_POST
def alert_read_all(request: HttpRequest) -> HttpResponse:
    require(request.user, Alert, "change")
    changed = services.mark_read(None, user=request.user)
    messages.success(request, f"알림 {changed}건을 확인 처리했습니다.")
    return _back(request)


@login_required
def watch_add(request: HttpRequest) -> HttpResponse:
    if not can_add_watch(request.user):
        raise PermissionDenied("권한이 없습니다: 감시 대상 추가 (편집자 이상)")
    form = WatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.check_web_location(data["kind"], data["location"])
            source = services.add_watch(
                data["kind"], data["location"], actor=data["actor"].name,
                document_kind=data["document_kind"], user=request.user,
            )
        except InputError as error:
            form.add_error("location", str(error))
        else:
            messages.success(request, f"감시 대상을 추가했습니다: {source}")
            return redirect("monitor:alerts")
    return render(request, "monitor/watch_form.html", {"form": form})
