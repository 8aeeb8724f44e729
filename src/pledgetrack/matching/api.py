"""API: cells (proposal × actor verdicts with evidence) and reviews (list and create, audited)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from pledgetrack.audit.models import AuditEntry
from pledgetrack.audit.selectors import campaign_entries
from pledgetrack.matching.models import MatchCell, Verdict
from pledgetrack.site.api import CampaignScopedMixin, api_campaign, campaign_list_schema


class EvidenceSerializer(serializers.Serializer):
    document = serializers.CharField()
    page = serializers.IntegerField(allow_null=True)
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    quote = serializers.CharField()
    score = serializers.FloatField()
    heading = serializers.CharField(default="", help_text="근거 문단이 속한 항목 줄이나 머리말")


class CellSerializer(serializers.ModelSerializer):
    proposal_code = serializers.CharField(source="proposal.code", read_only=True)
    actor_name = serializers.CharField(source="actor.name", read_only=True)
    verdict = serializers.CharField(read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = MatchCell
        fields = (
            "id",
            "proposal",
            "proposal_code",
            "actor",
            "actor_name",
            "verdict",
            "machine_verdict",
            "reviewed_verdict",
            "score",
            "reasons",
            "evidence",
            "review_note",
            "reviewed_at",
            "updated_at",
        )


@campaign_list_schema
class CellViewSet(CampaignScopedMixin, viewsets.ReadOnlyModelViewSet):
    campaign_field = "proposal__campaign"

    queryset = MatchCell.objects.select_related("proposal", "actor").order_by(
        "proposal__position", "actor__name"
    )
    serializer_class = CellSerializer


class ReviewSerializer(serializers.Serializer):
    """A review to create: ``verdict`` empty accepts the matcher's verdict."""

    id = serializers.IntegerField(read_only=True)
    cell = serializers.PrimaryKeyRelatedField(queryset=MatchCell.objects.all(), write_only=True)
    verdict = serializers.ChoiceField(choices=[("", "자동 판정 수용"), *Verdict.choices], allow_blank=True)
    note = serializers.CharField(allow_blank=True, required=False, default="")


class ReviewEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEntry
        fields = ("id", "created_at", "actor_label", "object_id", "object_label", "before", "after", "reason")


class ReviewPermission(permissions.BasePermission):
    """Reading reviews needs ``view_matchcell``; writing one needs ``change_matchcell``."""

    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        action = "view" if request.method in permissions.SAFE_METHODS else "change"
        return bool(user.has_perm(f"matching.{action}_matchcell"))


@campaign_list_schema
class ReviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Reviews as recorded in the audit log; POST creates one."""

    queryset = AuditEntry.objects.filter(object_type="match_cell", action="review").order_by(
        "-created_at", "-id"
    )
    serializer_class = ReviewEntrySerializer
    permission_classes = (ReviewPermission,)

    def get_queryset(self) -> Any:
        queryset = super().get_queryset()
        return queryset.filter(campaign_entries(api_campaign(self.request))) if self.action == "list" else queryset

    @extend_schema(request=ReviewSerializer, responses={201: CellSerializer})
    def create(self, request: Request) -> Response:
        payload = ReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        from pledgetrack.matching.services import review_cell  # heavy (engine): import on use

        cell = review_cell(
            payload.validated_data["cell"],
            verdict=payload.validated_data["verdict"],
            note=payload.validated_data["note"],
            user=request.user,
        )
        return Response(CellSerializer(cell).data, status=201)
