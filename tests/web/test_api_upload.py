"""Uploading documents through the API: multipart POST /api/documents/, editors only, same cap and ingest.

예시 데이터: the pledge text below is illustrative (예시).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from pledgetrack.documents.models import Document
from pledgetrack.registry.models import Campaign

PLEDGE = "광주 지역공약 (예시)\n인공지능 대표도시 광주를 만들겠습니다.\n달빛고속철도를 조기 착공하겠습니다.\n"


@pytest.fixture
def eager(settings: object, workspace: Path) -> Path:
    settings.TASK_RUNNER = "eager"  # type: ignore[attr-defined]
    return workspace


def _client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def _files(*names: str) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(name, (PLEDGE + name).encode(), content_type="text/plain") for name in names]


def test_editor_uploads_files_and_they_are_ingested(editor: User, eager: Path) -> None:
    campaign = Campaign.objects.create(name="API 캠페인 (예시)")
    body = {"actor": "민주당", "kind": "pledge", "files": _files("API_예시_1.txt", "API_예시_2.txt")}
    response = _client(editor).post(f"/api/documents/?campaign={campaign.pk}", body, format="multipart")
    assert response.status_code == 202, response.content
    tasks = response.json()["tasks"]
    assert [t["filename"] for t in tasks] == ["API_예시_1.txt", "API_예시_2.txt"]
    assert all(t["status"] == "done" and len(t["document_ids"]) == 1 for t in tasks)
    docs = Document.objects.filter(pk__in=[t["document_ids"][0] for t in tasks]).select_related("source__actor")
    assert {(d.status, d.source.actor.name, d.source.campaign_id) for d in docs} == {
        ("done", "더불어민주당", campaign.pk)
    }
    assert "인공지능 대표도시" in docs[0].text
    listed = _client(editor).get(f"/api/documents/?campaign={campaign.pk}").json()
    assert listed["count"] == 2
    uploads = _client(editor).get(f"/api/documents/uploads/?campaign={campaign.pk}").json()["tasks"]
    assert {u["filename"] for u in uploads} >= {"API_예시_1.txt", "API_예시_2.txt"}
    assert not any((eager / "uploads").iterdir())  # staged copies are removed


def test_viewer_cannot_upload(viewer: User, eager: Path) -> None:
    body = {"actor": "민주당", "files": _files("a.txt")}
    response = _client(viewer).post("/api/documents/", body, format="multipart")
    assert response.status_code == 403 and Document.objects.count() == 0


def test_missing_files_and_actor_are_400(editor: User, eager: Path) -> None:
    response = _client(editor).post("/api/documents/", {"kind": "pledge"}, format="multipart")
    assert response.status_code == 400 and {"files", "actor"} <= set(response.json())


def test_too_large_upload_is_refused_and_not_stored(editor: User, eager: Path, settings: object) -> None:
    settings.MAX_UPLOAD_BYTES = 100_000  # type: ignore[attr-defined]
    big = SimpleUploadedFile("큰파일.txt", b"x" * 600_000)  # within the envelope margin: stopped mid-stream
    response = _client(editor).post("/api/documents/", {"actor": "민주당", "files": [big]}, format="multipart")
    assert response.status_code == 413 and "최대" in response.json()["detail"]
    huge = SimpleUploadedFile("더큰파일.txt", b"x" * 3_000_000)  # over the cap by Content-Length: nothing read
    response = _client(editor).post("/api/documents/", {"actor": "민주당", "files": [huge]}, format="multipart")
    assert response.status_code == 413
    assert Document.objects.count() == 0 and not any((eager / "uploads").glob("*/*"))


def test_schema_describes_the_upload(viewer: User) -> None:
    client = APIClient()
    client.force_authenticate(viewer)
    schema = client.get("/api/schema/", {"format": "json"}).json()
    post = schema["paths"]["/api/documents/"]["post"]
    body = post["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[-1]
    props = schema["components"]["schemas"][body]["properties"]
    assert props["files"]["items"]["format"] == "binary" and "actor" in props
    assert {"202", "413"} <= set(post["responses"])
    accepted = post["responses"]["202"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert "tasks" in schema["components"]["schemas"][accepted]["properties"]  # an object, not a page
    assert "/api/documents/uploads/" in schema["paths"]
