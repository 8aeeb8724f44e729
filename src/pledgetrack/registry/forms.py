"""Forms for editing the registry in the browser."""

from __future__ import annotations

from typing import Any

from django import forms

from pledgetrack.registry.models import Actor, Proposal


class ProposalForm(forms.ModelForm):
    keywords_text = forms.CharField(label="핵심어", required=False, help_text="쉼표로 구분합니다.")
    reason = forms.CharField(label="변경 사유", required=False, max_length=500)

    class Meta:
        model = Proposal
        fields = (
            "code",
            "parent",
            "title",
            "description",
            "level",
            "owner",
            "priority",
            "budget_won",
            "budget_national_won",
            "budget_local_won",
            "budget_private_won",
            "position",
        )
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, campaign: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Proposal.objects.filter(parent__isnull=True)
        if campaign is not None:
            parents = parents.filter(campaign=campaign)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["keywords_text"].initial = ", ".join(self.instance.keywords or [])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.instance.keywords = [k.strip() for k in data.get("keywords_text", "").split(",") if k.strip()]
        return data


class ActorForm(forms.ModelForm):
    aliases_text = forms.CharField(
        label="별칭", required=False, help_text="쉼표로 구분합니다. 예: 민주당, 더민주"
    )

    class Meta:
        model = Actor
        fields = ("name", "kind", "party")
