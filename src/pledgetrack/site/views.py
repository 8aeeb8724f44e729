"""Site-wide views: CSRF failure and error pages in Korean, plotly.js served offline."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control


def error_page(request: HttpRequest, status: int, heading: str, message: str) -> HttpResponse:
    return render(request, "site/error.html", {"heading": heading, "message": message}, status=status)


def upload_too_large(request: HttpRequest) -> HttpResponse:
    limit = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
    return error_page(
        request,
        413,
        "파일이 너무 큽니다",
        f"올릴 수 있는 크기는 한 번에 최대 {limit:,}MB입니다. 파일을 나누어 올리거나 "
        "관리자에게 PLEDGETRACK_MAX_UPLOAD_MB 값을 늘려 달라고 요청해 주세요.",
    )


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if getattr(request, "upload_too_large", False):
        return upload_too_large(request)
    return error_page(
        request,
        403,
        "요청을 확인할 수 없습니다",
        "보안 토큰이 없거나 만료되었습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.",
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    detail = str(exception) if exception and str(exception) else "이 작업을 할 권한이 없습니다."
    return error_page(request, 403, "권한이 없습니다", f"{detail} 필요한 역할은 관리자에게 문의해 주세요.")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 404, "찾을 수 없습니다", "요청한 페이지나 항목이 없습니다. 주소를 확인해 주세요.")


@lru_cache(maxsize=1)
def _plotly_js() -> bytes:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode()


@login_not_required
@cache_control(public=True, max_age=86400)
def plotly_js(request: HttpRequest) -> HttpResponse:
    """plotly.min.js from the installed plotly package (no CDN)."""
    return HttpResponse(_plotly_js(), content_type="application/javascript; charset=utf-8")
