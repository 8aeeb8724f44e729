"""API lists scoped to a campaign: ``?campaign=<id>``, else the caller's current campaign.

Every list endpoint of a campaign's things (proposals, cells, reviews, documents, meetings, budget
asks) takes the ``campaign`` query parameter; ``/api/campaigns/`` lists the ids. Detail endpoints
(``/api/cells/7/``) find an object by its id whatever its campaign.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers, viewsets
from rest_framework.request import Request

from pledgetrack.registry.models import Campaign
from pledgetrack.site.campaign import campaign_q, current_campaign

CAMPAIGN_PARAMETER = OpenApiParameter(
    "campaign",
    OpenApiTypes.INT,
    description=(
        "캠페인 번호 (/api/campaigns/ 의 id). 없으면 현재 캠페인: 화면에서 고른 캠페인, "
        "없으면 최근에 제안이나 판정이 바뀐 캠페인, 없으면 기본 캠페인."
    ),
)
campaign_list_schema = extend_schema_view(list=extend_schema(parameters=[CAMPAIGN_PARAMETER]))
# For viewsets whose POST creates something in a campaign (meetings, budget asks).
campaign_list_create_schema = extend_schema_view(
    list=extend_schema(parameters=[CAMPAIGN_PARAMETER]), create=extend_schema(parameters=[CAMPAIGN_PARAMETER])
)


def api_campaign(request: Request) -> Campaign:
    """The campaign named by ``?campaign=<id>`` (400 if not a number, 404 if unknown), else the current one."""
    raw = request.query_params.get("campaign")
    if raw is None or raw == "":
        return current_campaign(request._request)
    if not raw.isdigit():
        raise exceptions.ValidationError({"campaign": f"캠페인 번호는 숫자여야 합니다: '{raw[:40]}'."})
    found = Campaign.objects.filter(pk=int(raw)).first()
    if found is None:
        raise exceptions.NotFound(f"캠페인 {raw}번이 없습니다. /api/campaigns/ 에서 번호를 확인해 주세요.")
    return found


class CampaignScopedMixin:
    """Filters the ``list`` action to one campaign through ``campaign_field`` (a lookup path)."""

    campaign_field = "campaign"
    action: str | None
    request: Request

    def get_queryset(self) -> QuerySet[Any]:
        queryset = super().get_queryset()  # type: ignore[misc]
        if self.action != "list":
            return queryset
        return queryset.filter(campaign_q(api_campaign(self.request), self.campaign_field))


class CampaignSerializer(serializers.ModelSerializer):
    class Meta:
        model = Campaign
        fields = ("id", "name", "election_date", "description", "created_at")


class CampaignViewSet(viewsets.ReadOnlyModelViewSet):
    """Campaigns (elections or budget cycles), newest first; their ids go in ``?campaign=``."""

    queryset = Campaign.objects.order_by("-created_at", "-id")
    serializer_class = CampaignSerializer
