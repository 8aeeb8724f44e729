"""The audit log page and its exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.auth.models import User

from pledgetrack.advocacy.models import Meeting
from pledgetrack.audit.services import record
from pledgetrack.registry.models import Campaign
from tests.web.conftest import World, login


def test_audit_log_lists_filters_and_exports(editor: User, world: World) -> None:
    record(
        action="review",
        object_type="match_cell",
        object_id=world.cell.pk,
        object_label="T1 × 더불어민주당",
        before={"verdict": "absent"},
        after={"verdict": "reflected"},
        reason="근거 확인",
        user=editor,
    )
    meeting = Meeting.objects.create(campaign=world.campaign, date="2025-04-16", title="면담")
    record(action="create", object_type="meeting", object_id=meeting.pk, object_label="면담", user=editor)
    client = login(editor)
    html = client.get("/audit/?object_type=match_cell").content.decode()
    assert "T1 × 더불어민주당" in html and "면담" not in html.split("<table>")[1]
    rows = list(csv.DictReader(io.StringIO(client.get("/audit/export.csv").content.decode("utf-8-sig"))))
    assert {r["action"] for r in rows} == {"review", "create"}
    review = next(r for r in rows if r["action"] == "review")
    assert json.loads(review["after"]) == {"verdict": "reflected"} and review["reason"] == "근거 확인"
    data = json.loads(client.get("/audit/export.json?action=create").content)
    assert [d["object_type"] for d in data] == ["meeting"]


def test_audit_log_shows_the_current_campaigns_entries_and_shared_ones(editor: User, world: World) -> None:
    other = Campaign.objects.create(name="다른 캠페인 (예시)")
    elsewhere = Meeting.objects.create(campaign=other, date="2025-04-17", title="다른 면담")
    record(action="create", object_type="meeting", object_id=elsewhere.pk, object_label="다른 면담", user=editor)
    record(action="update", object_type="actor", object_id=world.actors[0].pk, object_label="정당 별칭", user=editor)
    record(action="review", object_type="match_cell", object_id=world.cell.pk, object_label="이 캠페인 검토")
    client = login(editor)
    html = client.get("/audit/").content.decode()
    assert "이 캠페인 검토" in html and "정당 별칭" in html and "다른 면담" not in html
    client.post("/campaign/", {"campaign": other.pk, "next": "/audit/"})
    html = client.get("/audit/").content.decode()
    assert "다른 면담" in html and "정당 별칭" in html and "이 캠페인 검토" not in html


@pytest.mark.django_db
def test_audit_entries_cannot_be_changed() -> None:
    entry = record(action="create", object_type="x", object_id=1)
    entry.reason = "고침"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
