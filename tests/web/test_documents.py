"""Uploads: several files at once, ingested by the task runner; too-large uploads refused, not stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from pledgetrack.documents import tasks
from pledgetrack.documents.models import Document
from tests.web.conftest import login

PLEDGE = "광주 지역공약 (예시)\n인공지능 대표도시 광주를 만들겠습니다.\n달빛고속철도를 조기 착공하겠습니다.\n"


@pytest.fixture
def eager(settings: object, workspace: Path) -> Path:
    settings.TASK_RUNNER = "eager"  # type: ignore[attr-defined]
    return workspace


def test_upload_several_files_ingests_them(editor: User, eager: Path) -> None:
    files = [SimpleUploadedFile("공약_예시_1.txt", PLEDGE.encode()),
             SimpleUploadedFile("공약_예시_2.txt", (PLEDGE + "추가 문장입니다.\n").encode())]
    response = login(editor).post("/documents/upload/", {"actor": "민주당", "kind": "pledge", "files": files},
                                  HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "공약_예시_1.txt" in html and "완료" in html and "<td>공약</td>" in html  # kind as its Korean label
    docs = Document.objects.order_by("filename")
    assert [d.filename for d in docs] == ["공약_예시_1.txt", "공약_예시_2.txt"]
    assert all(d.status == "done" and d.source.actor.name == "더불어민주당" for d in docs)
    assert not any((eager / "uploads").iterdir())  # staged copies are removed
    same = SimpleUploadedFile("공약_예시_1.txt", PLEDGE.encode())
    again = login(editor).post(
        "/documents/upload/", {"actor": "민주당", "kind": "pledge", "files": [same]}, HTTP_HX_REQUEST="true"
    )
    assert "이미 올린 파일입니다" in again.content.decode() and Document.objects.count() == 2


def test_upload_without_files_is_explained(editor: User, eager: Path) -> None:
    response = login(editor).post("/documents/upload/", {"actor": "민주당", "kind": "pledge"})
    assert response.status_code == 400 and "올릴 파일을 골라 주세요" in response.content.decode()


def test_too_large_upload_is_refused_by_content_length(editor: User, eager: Path, settings: object) -> None:
    settings.MAX_UPLOAD_BYTES = 1000  # type: ignore[attr-defined]
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    big = SimpleUploadedFile("큰파일.txt", b"x" * 3_000_000)
    client.get("/documents/")
    token = client.cookies["csrftoken"].value
    response = client.post("/documents/upload/", {"actor": "민주당", "kind": "pledge", "files": [big]},
                           HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 413
    assert "파일이 너무 큽니다" in response.content.decode()
    assert Document.objects.count() == 0 and not tasks.any_active()


def test_too_large_upload_is_stopped_while_streaming(editor: User, eager: Path, settings: object) -> None:
    settings.MAX_UPLOAD_BYTES = 100_000  # type: ignore[attr-defined]
    big = SimpleUploadedFile("큰파일.txt", b"x" * 600_000)  # under the envelope margin, over the cap
    response = login(editor).post("/documents/upload/", {"actor": "민주당", "kind": "pledge", "files": [big]})
    assert response.status_code == 413 and "최대" in response.content.decode()
    assert Document.objects.count() == 0


def test_an_ingest_that_meets_a_locked_table_is_tried_again(editor: User, eager: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import OperationalError

    from pledgetrack.documents import services

    real, calls = services.ingest_path, []

    def locked_once(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database table is locked: documents_source")
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "ingest_path", locked_once)
    monkeypatch.setattr(tasks.time, "sleep", lambda seconds: None)
    files = [SimpleUploadedFile("공약_예시_잠김.txt", PLEDGE.encode())]
    login(editor).post("/documents/upload/", {"actor": "민주당", "kind": "pledge", "files": files},
                       HTTP_HX_REQUEST="true")
    assert len(calls) == 2
    assert [(d.filename, d.status) for d in Document.objects.all()] == [("공약_예시_잠김.txt", "done")]


def test_an_ingest_that_stays_locked_fails_with_its_reason(editor: User, eager: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import OperationalError

    from pledgetrack.documents import services

    def always_locked(*args: object, **kwargs: object) -> object:
        raise OperationalError("database table is locked: documents_source")

    monkeypatch.setattr(services, "ingest_path", always_locked)
    monkeypatch.setattr(tasks.time, "sleep", lambda seconds: None)
    files = [SimpleUploadedFile("공약_예시_잠김2.txt", PLEDGE.encode())]
    response = login(editor).post("/documents/upload/", {"actor": "민주당", "kind": "pledge", "files": files},
                                  HTTP_HX_REQUEST="true")
    assert "처리 중 오류가 났습니다" in response.content.decode() and "locked" in response.content.decode()
