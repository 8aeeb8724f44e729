"""API pagination with bounded limit and offset (huge values must not reach the database)."""

from __future__ import annotations

from typing import Any

from rest_framework.pagination import LimitOffsetPagination


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    max_limit = 1000
    max_offset = 10**9

    def get_offset(self, request: Any) -> int:
        return min(super().get_offset(request), self.max_offset)
