"""API: meetings (with follow-ups) and budget asks; writes go through the audited services."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from pledgetrack.advocacy import services
from pledgetrack.advocacy.forms import BUDGET_ASK_FIELDS
from pledgetrack.advocacy.models import BudgetAsk, FollowUp, Meeting
from pledgetrack.site.api import CampaignScopedMixin, api_campaign, campaign_list_create_schema


@extend_schema_field({"type": "string", "pattern": r"^\d{2}:\d{2}$", "nullable": True, "example": "10:30"})
class ClockField(serializers.TimeField):
    """A wall-clock time as ``HH:MM`` (no time zone; the meeting's date is local)."""


class FollowUpSerializer(serializers.ModelSerializer):
    class Meta:
        model = FollowUp
        fields = ("text", "due_date", "done")


class MeetingSerializer(serializers.ModelSerializer):
    follow_ups = FollowUpSerializer(many=True, required=False)
    time = ClockField(format="%H:%M", required=False, allow_null=True)

    class Meta:
        model = Meeting
        fields = (
            "id",
            "date",
            "time",
            "title",
            "place",
            "actor",
            "people",
            "notes",
            "proposals",
            "follow_ups",
        )

    def _save(self, meeting: Meeting, data: dict[str, Any]) -> Meeting:
        follow_ups = data.pop("follow_ups", None)
        proposals = data.pop("proposals", None)
        for key, value in data.items():
            setattr(meeting, key, value)
        if follow_ups is None and meeting.pk:
            follow_ups = list(meeting.follow_ups.values("text", "due_date", "done"))
        if proposals is None:
            proposals = list(meeting.proposals.all()) if meeting.pk else []
        user = self.context["request"].user
        return services.save_meeting(meeting, proposals=proposals, follow_ups=follow_ups or [], user=user)

    def create(self, validated_data: dict[str, Any]) -> Meeting:
        return self._save(Meeting(campaign=api_campaign(self.context["request"])), validated_data)

    def update(self, instance: Meeting, validated_data: dict[str, Any]) -> Meeting:
        return self._save(instance, validated_data)


class BudgetAskSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetAsk
        fields = ("id", *BUDGET_ASK_FIELDS)

    def _save(self, ask: BudgetAsk, data: dict[str, Any]) -> BudgetAsk:
        for key, value in data.items():
            setattr(ask, key, value)
        return services.save_budget_ask(ask, user=self.context["request"].user)

    def create(self, validated_data: dict[str, Any]) -> BudgetAsk:
        return self._save(BudgetAsk(campaign=api_campaign(self.context["request"])), validated_data)

    def update(self, instance: BudgetAsk, validated_data: dict[str, Any]) -> BudgetAsk:
        return self._save(instance, validated_data)


@campaign_list_create_schema
class MeetingViewSet(CampaignScopedMixin, viewsets.ModelViewSet):
    queryset = Meeting.objects.prefetch_related("follow_ups", "proposals").order_by("-date", "-id")
    serializer_class = MeetingSerializer
    http_method_names = ("get", "post", "put", "patch", "head", "options")


@campaign_list_create_schema
class BudgetAskViewSet(CampaignScopedMixin, viewsets.ModelViewSet):
    queryset = BudgetAsk.objects.order_by("-asked_on", "-id")
    serializer_class = BudgetAskSerializer
    http_method_names = ("get", "post", "put", "patch", "head", "options")
