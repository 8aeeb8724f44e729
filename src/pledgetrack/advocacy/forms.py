"""Forms for the advocacy log."""

from __future__ import annotations

from typing import Any

from django import forms

from pledgetrack.advocacy.models import BudgetAsk, FollowUp, Meeting, OfficeDay
from pledgetrack.registry.models import Proposal

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ReasonMixin(forms.Form):
    reason = forms.CharField(label="변경 사유", required=False, max_length=500)


def campaign_proposals(campaign: Any) -> Any:
    """Proposals to choose from: the campaign's (all of them if no campaign is given)."""
    proposals = Proposal.objects.order_by("position", "code")
    return proposals.filter(campaign=campaign) if campaign is not None else proposals


class MeetingForm(forms.ModelForm, ReasonMixin):
    class Meta:
        model = Meeting
        fields = ("date", "time", "title", "place", "actor", "people", "proposals", "notes")
        widgets = {
            "date": DATE,
            "time": TIME,
            "people": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 4}),
            "proposals": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args: Any, campaign: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = campaign_proposals(campaign)
        self.fields["proposals"].help_text = "Ctrl(⌘) 키를 누른 채 여러 개를 고를 수 있습니다."


FollowUpFormSet = forms.inlineformset_factory(
    Meeting,
    FollowUp,
    fields=["text", "due_date", "done"],
    extra=2,
    can_delete=False,
    widgets={"due_date": DATE},
)


class OfficeDayForm(forms.ModelForm, ReasonMixin):
    class Meta:
        model = OfficeDay
        fields = ("title", "weekday", "place", "start_date", "end_date", "agenda")
        widgets = {"start_date": DATE, "end_date": DATE, "agenda": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, campaign: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # office days are shared by all campaigns


BUDGET_ASK_FIELDS = (
    "title",
    "proposal",
    "budget_kind",
    "asked_won",
    "pledged_won",
    "reflected_won",
    "status",
    "asked_on",
    "decided_on",
    "notes",
)


class BudgetAskForm(forms.ModelForm, ReasonMixin):
    class Meta:
        model = BudgetAsk
        fields = BUDGET_ASK_FIELDS
        widgets = {"asked_on": DATE, "decided_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, campaign: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = campaign_proposals(campaign)
