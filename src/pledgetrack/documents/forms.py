"""The upload form: several files for one actor and document kind."""

from __future__ import annotations

from django import forms

from pledgetrack.documents.models import DocumentKind


class UploadForm(forms.Form):
    actor = forms.CharField(label="정당·후보", max_length=200, help_text="예: 더불어민주당 (별칭도 됩니다)")
    kind = forms.ChoiceField(label="문서 종류", choices=DocumentKind.choices, initial=DocumentKind.PLEDGE)
