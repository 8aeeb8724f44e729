"""The web site: login, roles, shared templates and static files."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender: Any, **kwargs: Any) -> None:
    from pledgetrack.site.roles import ensure_roles

    ensure_roles()


class SiteConfig(AppConfig):
    name = "pledgetrack.site"
    label = "site"
    verbose_name = "웹 화면"

    def ready(self) -> None:
        # Keep the groups' permissions in step with models added by later migrations.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="pledgetrack-roles")
