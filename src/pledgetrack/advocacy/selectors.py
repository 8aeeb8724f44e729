"""Read-only views of the advocacy log: timeline, month calendar, what became of a meeting's proposals."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.urls import reverse
from django.utils import timezone

from pledgetrack.advocacy.models import BudgetAsk, FollowUp, Meeting, OfficeDay
from pledgetrack.advocacy.services import office_day_dates
from pledgetrack.audit.models import AuditEntry
from pledgetrack.matching.models import MatchCell
from pledgetrack.registry.models import Campaign
from pledgetrack.reports.selectors import needs_review, state_label
from pledgetrack.site.campaign import campaign_q


@dataclass(frozen=True)
class Event:
    day: date
    kind: str
    title: str
    detail: str = ""
    url: str = ""

    @property
    def kind_label(self) -> str:
        return EVENT_LABELS[self.kind]


EVENT_LABELS: dict[str, str] = {
    "meeting": "면담·방문",
    "office_day": "정기 집무",
    "budget_ask": "예산 요청",
    "budget_decided": "예산 결정",
    "follow_up": "후속 조치 기한",
}


def events(start: date, end: date, campaign: Campaign) -> list[Event]:
    """Every dated thing of a campaign in ``[start, end]``: meetings, office days (shared by all campaigns),
    budget asks, follow-up deadlines."""
    found: list[Event] = []
    meetings = Meeting.objects.filter(campaign_q(campaign), date__range=(start, end))
    asks = BudgetAsk.objects.filter(campaign_q(campaign))
    for m in meetings.select_related("actor"):
        who = f" · {m.actor.name}" if m.actor else ""
        found.append(
            Event(m.date, "meeting", m.title, f"{m.place}{who}", reverse("advocacy:meeting", args=[m.pk]))
        )
    for office in OfficeDay.objects.all():
        for day in office_day_dates(office, start, end):
            found.append(Event(day, "office_day", office.title, f"{office.place} · {office.agenda[:80]}"))
    for ask in asks.filter(asked_on__range=(start, end)):
        found.append(Event(ask.asked_on, "budget_ask", ask.title, ask.get_status_display()))
    for ask in asks.filter(decided_on__range=(start, end)):
        found.append(Event(ask.decided_on, "budget_decided", ask.title, ask.get_status_display()))
    follow_ups = FollowUp.objects.filter(campaign_q(campaign, "meeting__campaign"), due_date__range=(start, end))
    for f in follow_ups.select_related("meeting"):
        state = "완료" if f.done else "미완료"
        found.append(
            Event(
                f.due_date,
                "follow_up",
                f.text,
                f"{f.meeting.title} · {state}",
                reverse("advocacy:meeting", args=[f.meeting_id]),
            )
        )
    return sorted(found, key=lambda e: (e.day, e.kind, e.title))


@dataclass(frozen=True)
class CalendarMonth:
    year: int
    month: int
    weeks: tuple[tuple[tuple[date, bool, tuple[Event, ...]], ...], ...]
    previous: str
    next: str


def month_calendar(year: int, month: int, campaign: Campaign) -> CalendarMonth:
    """Weeks (Sunday first) of ``(day, in_month, events)`` for a month of a campaign."""
    weeks = calendar.Calendar(firstweekday=6).monthdatescalendar(year, month)
    by_day: dict[date, list[Event]] = defaultdict(list)
    for event in events(weeks[0][0], weeks[-1][-1], campaign):
        by_day[event.day].append(event)
    prev_year, prev_month = (year - 1, 12) if month == 1 else (year, month - 1)
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return CalendarMonth(
        year,
        month,
        tuple(tuple((d, d.month == month, tuple(by_day[d])) for d in week) for week in weeks),
        f"{prev_year:04d}-{prev_month:02d}",
        f"{next_year:04d}-{next_month:02d}",
    )


@dataclass(frozen=True)
class ProposalOutcome:
    proposal_id: int
    code: str
    title: str
    verdicts: tuple[tuple[str, str, bool], ...]  # (actor, state label, is the meeting's actor)
    changes: tuple[dict[str, Any], ...]
    budget_asks: tuple[BudgetAsk, ...]


def meeting_outcomes(meeting: Meeting) -> list[ProposalOutcome]:
    """For each proposal handed over: today's verdicts and the reviews and budget news since the meeting."""
    proposals = list(meeting.proposals.order_by("position", "code"))
    cells = MatchCell.objects.filter(proposal__in=proposals).select_related("actor").order_by("actor__name")
    by_proposal: dict[int, list[MatchCell]] = defaultdict(list)
    for cell in cells:
        by_proposal[cell.proposal_id].append(cell)
    since = timezone.make_aware(datetime.combine(meeting.date, time.min))
    cell_ids = [str(c.pk) for c in cells]
    changes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    entries = AuditEntry.objects.filter(
        object_type="match_cell", object_id__in=cell_ids, created_at__gte=since
    )
    for entry in entries.order_by("created_at").values(
        "object_id", "created_at", "actor_label", "after", "reason"
    ):
        changes[entry["object_id"]].append(entry)
    asks: dict[int, list[BudgetAsk]] = defaultdict(list)
    for ask in BudgetAsk.objects.filter(proposal__in=proposals):
        asks[ask.proposal_id].append(ask)
    result = []
    for p in proposals:
        own = by_proposal[p.pk]
        verdicts = tuple(
            (
                c.actor.name,
                state_label(
                    "review" if needs_review(c.machine_verdict, c.reviewed_verdict, c.reasons) else c.verdict,
                    c.verdict,
                ),
                c.actor_id == meeting.actor_id,
            )
            for c in own
        )
        news = tuple(e | {"actor": c.actor.name} for c in own for e in changes[str(c.pk)])
        result.append(ProposalOutcome(p.pk, p.code, p.title, verdicts, news, tuple(asks[p.pk])))
    return result
