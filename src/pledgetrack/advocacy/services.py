"""Changes to the advocacy log (meetings, follow-ups, office days, budget asks), each audited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.forms.models import model_to_dict

from pledgetrack.advocacy.models import BudgetAsk, FollowUp, Meeting, OfficeDay
from pledgetrack.audit.services import record
from pledgetrack.registry.models import Proposal


def snapshot(obj: Model) -> dict[str, Any]:
    """A JSON-able picture of a model's own fields (relations as ids, dates as ISO text)."""
    data = model_to_dict(obj)
    result: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, list):
            result[key] = sorted(v.pk if hasattr(v, "pk") else v for v in value)
        elif hasattr(value, "isoformat"):
            result[key] = value.isoformat()
        elif hasattr(value, "pk"):
            result[key] = value.pk
        else:
            result[key] = value
    return result


def _meeting_snapshot(meeting: Meeting) -> dict[str, Any]:
    follow_ups = [
        {"text": f.text, "due_date": f.due_date.isoformat() if f.due_date else None, "done": f.done}
        for f in meeting.follow_ups.order_by("pk")
    ]
    return snapshot(meeting) | {"follow_ups": follow_ups}


def _save(
    obj: Model, object_type: str, *, user: Any, reason: str = "", before: Any = None, extra: Any = None
) -> None:
    created = before is None
    after = extra(obj) if extra else snapshot(obj)
    record(
        action="create" if created else "update",
        object_type=object_type,
        object_id=obj.pk,
        object_label=str(obj),
        before=before,
        after=after,
        reason=reason,
        user=user,
    )


def save_meeting(
    meeting: Meeting,
    *,
    proposals: Iterable[Proposal],
    follow_ups: Iterable[dict[str, Any]],
    user: Any,
    reason: str = "",
) -> Meeting:
    """Create or update a meeting with the proposals handed over and its follow-ups (replaced)."""
    before = _meeting_snapshot(Meeting.objects.get(pk=meeting.pk)) if meeting.pk else None
    with transaction.atomic():
        meeting.save()
        meeting.proposals.set(list(proposals))
        meeting.follow_ups.all().delete()
        FollowUp.objects.bulk_create([FollowUp(meeting=meeting, **f) for f in follow_ups if f.get("text")])
        _save(meeting, "meeting", user=user, reason=reason, before=before, extra=_meeting_snapshot)
    return meeting


def set_follow_up_done(follow_up: FollowUp, *, done: bool, user: Any) -> FollowUp:
    before = {"done": follow_up.done}
    follow_up.done = done
    follow_up.save(update_fields=["done"])
    record(
        action="update",
        object_type="follow_up",
        object_id=follow_up.pk,
        object_label=follow_up.text,
        before=before,
        after={"done": done},
        user=user,
    )
    return follow_up


def _save_plain(obj: Model, object_type: str, *, user: Any, reason: str) -> None:
    """Save a model without related rows, audited with its stored state before and after."""
    before = snapshot(type(obj).objects.get(pk=obj.pk)) if obj.pk else None
    with transaction.atomic():
        obj.save()
        _save(obj, object_type, user=user, reason=reason, before=before)


def save_office_day(office_day: OfficeDay, *, user: Any, reason: str = "") -> OfficeDay:
    _save_plain(office_day, "office_day", user=user, reason=reason)
    return office_day


def save_budget_ask(ask: BudgetAsk, *, user: Any, reason: str = "") -> BudgetAsk:
    _save_plain(ask, "budget_ask", user=user, reason=reason)
    return ask


def office_day_dates(office_day: OfficeDay, start: date, end: date) -> list[date]:
    """Every date of a recurring office day that falls in ``[start, end]``."""
    first = max(start, office_day.start_date)
    last = min(end, office_day.end_date) if office_day.end_date else end
    first += timedelta(days=(office_day.weekday - first.weekday()) % 7)
    dates = []
    while first <= last:
        dates.append(first)
        first += timedelta(days=7)
    return dates
