"""The REST API: token auth, model permissions, reviews and meetings through audited services."""

from __future__ import annotations

from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from pledgetrack.audit.models import AuditEntry
from pledgetrack.matching.models import MatchCell
from tests.web.conftest import PASSWORD, World


def _token_client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def test_token_is_obtained_with_a_password(viewer: User) -> None:
    response = APIClient().post("/api/token/", {"username": viewer.username, "password": PASSWORD})
    assert response.status_code == 200 and len(response.json()["token"]) == 40


def test_viewer_reads_every_collection(viewer: User, world: World) -> None:
    client = _token_client(viewer)
    for name in ("proposals", "actors", "documents", "cells", "reviews", "meetings", "budget-asks"):
        assert client.get(f"/api/{name}/").status_code == 200, name
    proposals = client.get("/api/proposals/").json()
    assert proposals["count"] == 3 and proposals["results"][1]["parent_code"] == "T1"
    cell = client.get(f"/api/cells/{world.cell.pk}/").json()
    assert cell["verdict"] == "reflected" and cell["evidence"][0]["quote"] == "광주를 인공지능 대표도시로 조성하고"
    assert "text" not in client.get(f"/api/documents/{world.document.pk}/").json()


def test_reviews_through_the_api(viewer: User, editor: User, world: World) -> None:
    body = {"cell": world.cell.pk, "verdict": "partial", "note": "API 검토 (예시)"}
    assert _token_client(viewer).post("/api/reviews/", body, format="json").status_code == 403
    response = _token_client(editor).post("/api/reviews/", body, format="json")
    assert response.status_code == 201 and response.json()["verdict"] == "partial"
    assert MatchCell.objects.get(pk=world.cell.pk).reviewed_verdict == "partial"
    reviews = _token_client(viewer).get("/api/reviews/").json()["results"]
    assert reviews[0]["after"]["verdict"] == "partial" and reviews[0]["reason"] == "API 검토 (예시)"


def test_meetings_and_budget_asks_are_audited(viewer: User, editor: User, world: World) -> None:
    meeting = {"date": "2025-04-17", "title": "국민의힘 방문 (예시)", "actor": world.actors[1].pk,
               "proposals": [world.task.pk], "follow_ups": [{"text": "자료 송부", "due_date": "2025-04-24"}]}
    assert _token_client(viewer).post("/api/meetings/", meeting, format="json").status_code == 403
    client = _token_client(editor)
    created = client.post("/api/meetings/", meeting, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["follow_ups"][0]["text"] == "자료 송부"
    ask = {"title": "AI 실증 추경 (예시)", "asked_won": 67_000_000_000, "status": "asked"}
    assert client.post("/api/budget-asks/", ask, format="json").status_code == 201
    assert client.delete(f"/api/meetings/{created.json()['id']}/").status_code == 405
    assert set(AuditEntry.objects.values_list("object_type", flat=True)) == {"meeting", "budget_ask"}


def test_openapi_schema_describes_the_api(viewer: User) -> None:
    response = _token_client(viewer).get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for path in ("/api/proposals/", "/api/cells/{id}/", "/api/reviews/", "/api/meetings/", "/api/budget-asks/"):
        assert path in schema["paths"], path
    assert "tokenAuth" in schema["components"]["securitySchemes"]
