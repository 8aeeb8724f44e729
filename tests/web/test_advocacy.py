"""The advocacy log: meetings with follow-ups, office days, budget asks; calendar, timeline, outcomes."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User

from pledgetrack.advocacy.models import BudgetAsk, Meeting, OfficeDay
from pledgetrack.advocacy.services import office_day_dates
from pledgetrack.audit.models import AuditEntry
from tests.web.conftest import World, login


def _meeting_form(world: World, **extra: str) -> dict:
    data = {
        "date": "2025-04-16",
        "time": "10:30",
        "title": "더불어민주당 정책위 방문 (예시)",
        "place": "국회 본관",
        "actor": str(world.actors[0].pk),
        "people": "시장, 대외협력본부장",
        "proposals": [str(world.task.pk)],
        "notes": "광주의 제안 전달 (예시)",
        "reason": "",
        "follow_ups-TOTAL_FORMS": "2",
        "follow_ups-INITIAL_FORMS": "0",
        "follow_ups-MIN_NUM_FORMS": "0",
        "follow_ups-MAX_NUM_FORMS": "1000",
        "follow_ups-0-text": "AI 2단계 추경 자료 송부",
        "follow_ups-0-due_date": "2025-04-23",
    }
    return data | extra


def test_log_a_meeting_with_follow_ups(editor: User, world: World) -> None:
    client = login(editor)
    response = client.post("/advocacy/meetings/new/", _meeting_form(world))
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get()
    assert list(meeting.proposals.all()) == [world.task]
    assert meeting.follow_ups.get().due_date == date(2025, 4, 23)
    entry = AuditEntry.objects.get(object_type="meeting")
    assert entry.action == "create" and entry.after["follow_ups"][0]["text"] == "AI 2단계 추경 자료 송부"
    html = client.get(response["Location"]).content.decode()
    assert "전달한 제안은 그 뒤 어떻게 되었나" in html and "<strong>더불어민주당: 반영</strong>" in html


def test_meeting_page_shows_later_reviews(editor: User, world: World) -> None:
    client = login(editor)
    client.post("/advocacy/meetings/new/", _meeting_form(world, date="2020-01-01"))
    client.post(f"/cells/{world.cell.pk}/review/", {"verdict": "partial", "note": "규모 축소 (예시)"})
    html = client.get(f"/advocacy/meetings/{Meeting.objects.get().pk}/").content.decode()
    assert "더불어민주당 검토: 부분반영" in html and "규모 축소 (예시)" in html


def test_editing_a_meeting_records_before_and_after(editor: User, world: World) -> None:
    client = login(editor)
    client.post("/advocacy/meetings/new/", _meeting_form(world))
    meeting = Meeting.objects.get()
    client.post(
        f"/advocacy/meetings/{meeting.pk}/edit/",
        _meeting_form(world, place="여의도 집무실", reason="장소 정정"),
    )
    entry = AuditEntry.objects.filter(object_type="meeting", action="update").get()
    assert entry.before["place"] == "국회 본관" and entry.after["place"] == "여의도 집무실"
    assert entry.reason == "장소 정정"


def test_office_day_recurs_on_its_weekday() -> None:
    office = OfficeDay(
        title="주간 여의도 집무실",
        weekday=2,
        place="여의도",
        start_date=date(2025, 4, 14),
        end_date=date(2025, 5, 31),
    )
    days = office_day_dates(office, date(2025, 4, 1), date(2025, 4, 30))
    assert days == [date(2025, 4, 16), date(2025, 4, 23), date(2025, 4, 30)]
    assert all(d.weekday() == 2 for d in days)


def test_office_day_and_budget_ask_in_calendar_and_timeline(editor: User, world: World) -> None:
    client = login(editor)
    response = client.post(
        "/advocacy/office-days/new/",
        {
            "title": "주간 여의도 집무실",
            "weekday": "2",
            "place": "광주시 대외협력본부(여의도)",
            "start_date": "2025-04-14",
            "end_date": "2025-06-03",
            "agenda": "AI 2단계, 달빛철도",
            "reason": "",
        },
    )
    assert response.status_code == 302
    response = client.post(
        "/advocacy/budget-asks/new/",
        {
            "title": "AX 실증밸리 추경 (예시)",
            "proposal": str(world.task.pk),
            "budget_kind": "추경",
            "asked_won": "67000000000",
            "pledged_won": "",
            "reflected_won": "",
            "status": "asked",
            "asked_on": "2025-04-17",
            "decided_on": "",
            "notes": "",
            "reason": "",
        },
    )
    assert response.status_code == 302
    assert BudgetAsk.objects.get().asked_won == 67_000_000_000
    cal = (
        client.get("/advocacy/calendar/?month=2025-04").content.decode().split('<table class="calendar">')[1]
    )
    assert cal.count("주간 여의도 집무실") == 3  # 16, 23, 30 April
    assert "AX 실증밸리 추경 (예시)" in cal
    timeline = client.get("/advocacy/").content.decode()
    assert "670억원" in timeline and "매주 수요일" in timeline
    assert client.get("/advocacy/calendar/?month=2025-13").status_code == 404
    assert set(AuditEntry.objects.values_list("object_type", flat=True)) >= {"office_day", "budget_ask"}
