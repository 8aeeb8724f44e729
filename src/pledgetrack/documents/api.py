"""API: documents (metadata and status; the text is in the viewer) and uploads (multipart, ingested in the
background like the page's uploads, with the same size cap)."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import mixins, parsers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from pledgetrack.documents import tasks
from pledgetrack.documents.models import Document, DocumentKind
from pledgetrack.site.api import CAMPAIGN_PARAMETER, CampaignScopedMixin, api_campaign, campaign_list_schema


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


class UploadSerializer(serializers.Serializer):
    """One or more files of one actor and document kind (multipart/form-data, field ``files`` repeated)."""

    files = serializers.ListField(child=serializers.FileField(allow_empty_file=True), allow_empty=False)
    actor = serializers.CharField(max_length=200, help_text="정당·후보 이름 또는 별칭 (예: 민주당)")
    kind = serializers.ChoiceField(choices=DocumentKind.choices, default=DocumentKind.PLEDGE)


class UploadTaskSerializer(serializers.Serializer):
    """One uploaded file's ingest task: ``status`` pending → processing → done | failed."""

    id = serializers.CharField()
    filename = serializers.CharField()
    actor = serializers.CharField()
    campaign_id = serializers.IntegerField(allow_null=True)
    status = serializers.ChoiceField(choices=list(tasks.STATUS_LABELS))
    status_label = serializers.CharField()
    progress = serializers.FloatField()
    message = serializers.CharField(allow_blank=True)
    document_ids = serializers.ListField(child=serializers.IntegerField())


class UploadTasksSerializer(serializers.Serializer):
    """Upload tasks, newest first (an object, not a page: these live in the server's memory)."""

    tasks = UploadTaskSerializer(many=True)


TOO_LARGE = inline_serializer("UploadTooLarge", {"detail": serializers.CharField()})


def too_large_message() -> str:
    limit = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
    return (
        f"파일이 너무 큽니다: 한 번에 최대 {limit:,}MB까지 올릴 수 있습니다. 파일을 나누어 올리거나 "
        "관리자에게 PLEDGETRACK_MAX_UPLOAD_MB 값을 늘려 달라고 요청해 주세요."
    )


@campaign_list_schema
class DocumentViewSet(CampaignScopedMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Documents of a campaign; POST uploads files (편집자 이상) and ingests them in the background."""

    campaign_field = "source__campaign"
    queryset = Document.objects.select_related("source__actor").defer("text").order_by("-created_at")
    serializer_class = DocumentSerializer
    parser_classes = (parsers.MultiPartParser, parsers.FormParser)

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        parameters=[CAMPAIGN_PARAMETER],
        responses={
            202: UploadTasksSerializer,
            413: OpenApiResponse(TOO_LARGE, description="PLEDGETRACK_MAX_UPLOAD_MB보다 커서 저장하지 않음"),
        },
        description="파일을 받아 저장한 뒤 백그라운드에서 읽습니다(화면의 올리기와 같음). 진행은 "
        "/api/documents/uploads/ 또는 /api/documents/ 의 status로 확인합니다.",
    )
    def create(self, request: Request) -> Response:
        data = request.data  # parsing runs the capped upload handler, which marks a too-large request
        if getattr(request, "upload_too_large", False):
            return Response({"detail": too_large_message()}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        payload = UploadSerializer(data=data)
        payload.is_valid(raise_exception=True)
        accepted = tasks.accept_uploads(
            payload.validated_data["files"],
            actor=payload.validated_data["actor"],
            kind=payload.validated_data["kind"],
            user_id=request.user.pk,
            campaign_id=api_campaign(request).pk,
        )
        return Response(UploadTasksSerializer({"tasks": accepted}).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(parameters=[CAMPAIGN_PARAMETER], responses={200: UploadTasksSerializer})
    @action(detail=False, methods=["get"], pagination_class=None)
    def uploads(self, request: Request) -> Response:
        """The latest upload tasks of the campaign (kept in the server's memory, newest first)."""
        found = tasks.recent_tasks(limit=50, campaign_id=api_campaign(request).pk)
        return Response(UploadTasksSerializer({"tasks": found}).data)
