"""Which campaign a page shows (today: the default one; the registry service owns the rule)."""

from __future__ import annotations

from django.http import HttpRequest

from pledgetrack.registry.models import Campaign


def current_campaign(request: HttpRequest) -> Campaign:
    # Imported on use: the registry service pulls in the engine's file readers.
    from pledgetrack.registry.services import default_campaign

    return default_campaign()
