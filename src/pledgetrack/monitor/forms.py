"""The form to add a watched source from the web."""

from __future__ import annotations

from django import forms

from pledgetrack.documents.models import DocumentKind
from pledgetrack.monitor.models import WatchedSource
from pledgetrack.registry.models import Actor


class WatchForm(forms.Form):
    kind = forms.ChoiceField(label="종류", choices=WatchedSource.Kind.choices)
    location = forms.CharField(
        label="위치",
        max_length=1000,
        help_text="폴더: 서버에서 보이는 경로 (허용된 폴더 안). 피드: https://로 시작하는 RSS/Atom 주소.",
    )
    actor = forms.ModelChoiceField(label="정당·후보", queryset=Actor.objects.order_by("name"))
    document_kind = forms.ChoiceField(label="문서 종류", choices=DocumentKind.choices, initial=DocumentKind.NEWS)
