"""Every page requires login; the API answers 401/403 itself instead of redirecting."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import middleware
from django.http import HttpRequest, HttpResponseBase

PUBLIC_PREFIXES = ("/api/", "/static/", "/accounts/login/", "/vendor/")


class LoginRequiredMiddleware(middleware.LoginRequiredMiddleware):
    """Django's login-required middleware, leaving the API (DRF auth) and static files alone."""

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponseBase | None:
        if request.path.startswith(PUBLIC_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
