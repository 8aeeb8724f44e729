"""Registry pages: the proposal page (cells, evidence, review) and editing proposals and actors."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from pledgetrack.audit.services import record
from pledgetrack.matching.forms import ReviewForm
from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.forms import ActorForm, ProposalForm
from pledgetrack.registry.models import Actor, ActorAlias, Proposal
from pledgetrack.registry.selectors import proposal_detail, proposal_list
from pledgetrack.site.campaign import current_campaign, remember_campaign
from pledgetrack.site.permissions import require


def proposal_page(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Proposal)
    require(request.user, MatchCell)
    proposal = get_object_or_404(Proposal.objects.select_related("parent", "campaign"), pk=pk)
    remember_campaign(request, proposal.campaign)  # a link into another campaign switches to it
    context = {
        "detail": proposal_detail(proposal),
        "review_form": ReviewForm(),
        "can_review": request.user.has_perm("matching.change_matchcell"),
        "can_edit": request.user.has_perm("registry.change_proposal"),
    }
    return render(request, "registry/proposal.html", context)


def proposals(request: HttpRequest) -> HttpResponse:
    require(request.user, Proposal)
    query = request.GET.get("q", "")[:200]
    context = {
        "rows": proposal_list(current_campaign(request), query),
        "q": query,
        "can_edit": request.user.has_perm("registry.add_proposal"),
    }
    return render(request, "registry/proposals.html", context)


def _snapshot(obj: Any, fields: list[str]) -> dict[str, Any]:
    return {k: (v if not hasattr(v, "pk") else v.pk) for k, v in model_to_dict(obj, fields=fields).items()}


def proposal_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, Proposal, "change" if pk else "add")
    campaign = current_campaign(request)
    proposal = get_object_or_404(Proposal, pk=pk) if pk else Proposal(campaign=campaign)
    fields = [*ProposalForm.Meta.fields, "keywords"]
    before = _snapshot(proposal, fields) if pk else None
    form = ProposalForm(request.POST or None, instance=proposal, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
            record(
                action="update" if pk else "create",
                object_type="proposal",
                object_id=saved.pk,
                object_label=str(saved),
                before=before,
                after=_snapshot(saved, fields),
                reason=form.cleaned_data.get("reason", ""),
                user=request.user,
            )
        messages.success(request, f"정책 제안을 저장했습니다: {saved.code}")
        return redirect("registry:proposal", pk=saved.pk)
    return render(request, "registry/edit.html", {"form": form, "object": proposal, "kind": "정책 제안"})


def actors(request: HttpRequest) -> HttpResponse:
    require(request.user, Actor)
    rows = Actor.objects.select_related("party").prefetch_related("aliases").order_by("name")
    context = {
        "actors": [(a, [x.alias for x in a.aliases.all()]) for a in rows],
        "can_edit": request.user.has_perm("registry.change_actor"),
    }
    return render(request, "registry/actors.html", context)


def actor_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, Actor, "change" if pk else "add")
    actor = get_object_or_404(Actor, pk=pk) if pk else Actor()
    aliases = list(actor.aliases.values_list("alias", flat=True)) if pk else []
    before = {**_snapshot(actor, ["name", "kind", "party"]), "aliases": aliases} if pk else None
    form = ActorForm(request.POST or None, instance=actor, initial={"aliases_text": ", ".join(aliases)})
    if request.method == "POST" and form.is_valid():
        names = [a.strip() for a in form.cleaned_data["aliases_text"].split(",") if a.strip()]
        with transaction.atomic():
            saved = form.save()
            saved.aliases.exclude(alias__in=names).delete()
            for name in names:
                ActorAlias.objects.update_or_create(alias=name, defaults={"actor": saved})
            record(
                action="update" if pk else "create",
                object_type="actor",
                object_id=saved.pk,
                object_label=saved.name,
                before=before,
                after={**_snapshot(saved, ["name", "kind", "party"]), "aliases": names},
                user=request.user,
            )
        messages.success(request, f"정당·후보를 저장했습니다: {saved.name}")
        return redirect("registry:actors")
    return render(request, "registry/edit.html", {"form": form, "object": actor, "kind": "정당·후보"})
