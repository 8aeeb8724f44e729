"""The advocacy log: timeline, calendar, meetings and what became of their proposals, office days, budgets."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.forms import ModelForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from pledgetrack.advocacy import services
from pledgetrack.advocacy.forms import BudgetAskForm, FollowUpFormSet, MeetingForm, OfficeDayForm
from pledgetrack.advocacy.models import BudgetAsk, Meeting, OfficeDay
from pledgetrack.advocacy.selectors import events, meeting_outcomes, month_calendar
from pledgetrack.site.campaign import campaign_q, current_campaign, remember_campaign
from pledgetrack.site.permissions import require


def timeline(request: HttpRequest) -> HttpResponse:
    require(request.user, Meeting)
    today = timezone.localdate()
    campaign = current_campaign(request)
    context = {
        "events": list(reversed(events(today - timedelta(days=365), today + timedelta(days=90), campaign))),
        "office_days": OfficeDay.objects.order_by("weekday"),
        "budget_asks": BudgetAsk.objects.filter(campaign_q(campaign)).select_related("proposal").order_by("-asked_on"),
        "can_edit": request.user.has_perm("advocacy.add_meeting"),
        "today": today,
    }
    return render(request, "advocacy/timeline.html", context)


def calendar_view(request: HttpRequest) -> HttpResponse:
    require(request.user, Meeting)
    today = timezone.localdate()
    try:
        year, month = (int(x) for x in request.GET.get("month", f"{today:%Y-%m}").split("-", 1))
        date(year, month, 1)
    except ValueError as error:
        raise Http404("달력의 달은 2025-04처럼 적어 주세요.") from error
    cal = month_calendar(year, month, current_campaign(request))
    return render(request, "advocacy/calendar.html", {"cal": cal, "today": today})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, Meeting)
    meeting = get_object_or_404(Meeting.objects.select_related("actor", "campaign"), pk=pk)
    if meeting.campaign is not None:
        remember_campaign(request, meeting.campaign)  # a link into another campaign switches to it
    context = {
        "meeting": meeting,
        "proposals_handed": list(meeting.proposals.order_by("position", "code")),
        "follow_ups": list(meeting.follow_ups.all()),
        "outcomes": meeting_outcomes(meeting),
        "can_edit": request.user.has_perm("advocacy.change_meeting"),
    }
    return render(request, "advocacy/meeting.html", context)


def meeting_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, Meeting, "change" if pk else "add")
    campaign = current_campaign(request)
    meeting = get_object_or_404(Meeting, pk=pk) if pk else Meeting(campaign=campaign)
    form = MeetingForm(request.POST or None, instance=meeting, campaign=meeting.campaign or campaign)
    formset = FollowUpFormSet(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        follow_ups = [
            {k: f.cleaned_data.get(k) for k in ("text", "due_date", "done")}
            for f in formset.forms
            if f.cleaned_data.get("text")
        ]
        saved = services.save_meeting(
            form.save(commit=False),
            proposals=form.cleaned_data["proposals"],
            follow_ups=follow_ups,
            user=request.user,
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, f"면담·방문을 저장했습니다: {saved.title}")
        return redirect("advocacy:meeting", pk=saved.pk)
    return render(
        request, "advocacy/meeting_form.html", {"form": form, "formset": formset, "object": meeting}
    )


def _simple_edit(
    request: HttpRequest,
    model: type[Model],
    form_class: type[ModelForm],
    pk: int | None,
    save: Any,
    kind: str,
) -> HttpResponse:
    require(request.user, model, "change" if pk else "add")
    campaign = current_campaign(request)
    obj = get_object_or_404(model, pk=pk) if pk else model()
    if not pk and hasattr(obj, "campaign_id"):
        obj.campaign = campaign
    form = form_class(request.POST or None, instance=obj, campaign=getattr(obj, "campaign", None) or campaign)
    if request.method == "POST" and form.is_valid():
        saved = save(form.save(commit=False), user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, f"{kind}을(를) 저장했습니다: {saved}")
        return redirect("advocacy:timeline")
    return render(request, "advocacy/simple_form.html", {"form": form, "object": obj, "kind": kind})


def office_day_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return _simple_edit(request, OfficeDay, OfficeDayForm, pk, services.save_office_day, "정기 집무일")


def budget_ask_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    return _simple_edit(request, BudgetAsk, BudgetAskForm, pk, services.save_budget_ask, "예산 요청")
