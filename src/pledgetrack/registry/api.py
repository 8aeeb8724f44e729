"""API: proposals and actors (read-only; edit them in the pages or the CLI, which audit)."""

from __future__ import annotations

from rest_framework import serializers, viewsets

from pledgetrack.registry.models import Actor, Proposal
from pledgetrack.site.api import CampaignScopedMixin, campaign_list_schema


class ActorSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="alias")

    class Meta:
        model = Actor
        fields = ("id", "name", "kind", "party", "aliases")


class ProposalSerializer(serializers.ModelSerializer):
    campaign = serializers.StringRelatedField()
    parent_code = serializers.CharField(source="parent.code", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Proposal
        fields = (
            "id",
            "campaign",
            "code",
            "parent",
            "parent_code",
            "title",
            "description",
            "budget_won",
            "budget_national_won",
            "budget_local_won",
            "budget_private_won",
            "owner",
            "priority",
            "keywords",
            "level",
            "position",
        )


class ActorViewSet(viewsets.ReadOnlyModelViewSet):
    """Parties and candidates (shared by all campaigns)."""

    queryset = Actor.objects.prefetch_related("aliases").order_by("name")
    serializer_class = ActorSerializer


@campaign_list_schema
class ProposalViewSet(CampaignScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Proposal.objects.select_related("campaign", "parent").order_by("position", "code")
    serializer_class = ProposalSerializer
