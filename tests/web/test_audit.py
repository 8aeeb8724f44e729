"""The audit log page and its exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.auth.models import User

from pledgetrack.audit.services import record
from tests.web.conftest import World, login


def test_audit_log_lists_filters_and_exports(editor: User, world: World) -> None:
    record(
        action="review",
        object_type="match_cell",
        object_id=1,
        object_label="T1 × 더불어민주당",
        before={"verdict": "absent"},
        after={"verdict": "reflected"},
        reason="근거 확인",
        user=editor,
    )
    record(action="create", object_type="meeting", object_id=2, object_label="면담", user=editor)
    client = login(editor)
    html = client.get("/audit/?object_type=match_cell").content.decode()
    assert "T1 × 더불어민주당" in html and "면담" not in html.split("<table>")[1]
    rows = list(csv.DictReader(io.StringIO(client.get("/audit/export.csv").content.decode("utf-8-sig"))))
    assert {r["action"] for r in rows} == {"review", "create"}
    review = next(r for r in rows if r["action"] == "review")
    assert json.loads(review["after"]) == {"verdict": "reflected"} and review["reason"] == "근거 확인"
    data = json.loads(client.get("/audit/export.json?action=create").content)
    assert [d["object_type"] for d in data] == ["meeting"]


@pytest.mark.django_db
def test_audit_entries_cannot_be_changed() -> None:
    entry = record(action="create", object_type="x", object_id=1)
    entry.reason = "고침"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
