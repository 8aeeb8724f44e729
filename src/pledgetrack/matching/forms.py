"""The review form: accept the matcher's verdict, or set another one, with a note."""

from __future__ import annotations

from django import forms

from pledgetrack.matching.models import Verdict

ACCEPT = ""


class ReviewForm(forms.Form):
    verdict = forms.ChoiceField(
        label="판정",
        choices=[(ACCEPT, "자동 판정 수용"), *Verdict.choices],
        required=False,
    )
    note = forms.CharField(
        label="검토 메모", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )
