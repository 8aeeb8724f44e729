"""Permission checks shared by pages and the API: Django model permissions, per object type."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from rest_framework import permissions


def perm_name(model: type[Model] | Model, action: str) -> str:
    meta = model._meta
    return f"{meta.app_label}.{action}_{meta.model_name}"


def require(user: Any, model: type[Model] | Model, action: str = "view") -> None:
    """Raise ``PermissionDenied`` (403) unless the user may ``action`` this kind of object."""
    if not user.has_perm(perm_name(model, action)):
        raise PermissionDenied(f"권한이 없습니다: {model._meta.verbose_name} {ACTION_LABELS[action]}")


ACTION_LABELS: dict[str, str] = {"view": "열람", "add": "추가", "change": "수정", "delete": "삭제"}


class ModelPermissions(permissions.DjangoModelPermissions):
    """DRF model permissions that also require ``view_*`` for reading (viewer role)."""

    perms_map = {
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": [],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.change_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
        "DELETE": ["%(app_label)s.delete_%(model_name)s"],
    }

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return self.has_permission(request, view)
