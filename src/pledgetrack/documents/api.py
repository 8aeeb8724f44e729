"""API: documents (metadata and status; the text is in the viewer)."""

from __future__ import annotations

from rest_framework import serializers, viewsets

from pledgetrack.documents.models import Document
from pledgetrack.site.api import CampaignScopedMixin, campaign_list_schema


class DocumentSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="source.actor.name", read_only=True)
    kind = serializers.CharField(source="source.kind", read_only=True)

    class Meta:
        model = Document
        fields = (
            "id",
            "filename",
            "version",
            "sha256",
            "actor",
            "kind",
            "format",
            "title",
            "published",
            "size_bytes",
            "status",
            "progress",
            "error",
            "warnings",
            "created_at",
        )


@campaign_list_schema
class DocumentViewSet(CampaignScopedMixin, viewsets.ReadOnlyModelViewSet):
    campaign_field = "source__campaign"

    queryset = Document.objects.select_related("source__actor").defer("text").order_by("-created_at")
    serializer_class = DocumentSerializer
