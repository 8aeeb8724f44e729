"""Review a cell: accept the matcher's verdict or change it, with a note (audited by the service)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pledgetrack.matching.forms import ReviewForm
from pledgetrack.matching.models import MatchCell
from pledgetrack.matching.selectors import cell_views
from pledgetrack.site.permissions import require


def _cell(pk: int) -> MatchCell:
    return get_object_or_404(MatchCell.objects.select_related("proposal", "actor", "reviewed_by"), pk=pk)


@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, MatchCell, "change")
    cell = _cell(pk)
    form = ReviewForm(request.POST)
    status = 200
    if form.is_valid():
        from pledgetrack.matching.services import review_cell  # heavy (engine): import on use

        review_cell(
            cell, verdict=form.cleaned_data["verdict"], note=form.cleaned_data["note"], user=request.user
        )
        cell = _cell(pk)
        form = ReviewForm()
        messages.success(request, f"검토를 저장했습니다: {cell.proposal.code} × {cell.actor.name}")
    else:
        status = 400
    if request.htmx:
        context = {"view": cell_views([cell])[0], "form": form, "can_review": True, "saved": status == 200}
        return render(request, "matching/_cell.html", context, status=status)
    return redirect(f"/proposals/{cell.proposal_id}/#cell-{cell.pk}")
