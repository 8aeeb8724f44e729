"""The alerts page: login required, newest first, unread highlighted, mark as read; adding a watch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from pledgetrack.documents.models import Document, Source
from pledgetrack.monitor.models import Alert, WatchedSource
from pledgetrack.registry.models import Actor, Campaign, Proposal
from pledgetrack.site.roles import EDITOR, VIEWER
from tests.monitor.conftest import PRESS_DALBIT
from tests.web.conftest import login, make_user

QUOTE = "광주와 대구를 잇는 달빛철도를 임기 안에 조기 착공하겠다"


def make_alerts(campaign: Campaign) -> tuple[Alert, Alert]:
    actor = Actor.objects.create(name="가나당")
    source = Source.objects.create(actor=actor, name="달빛_예시.txt", campaign=campaign, kind="press")
    document = Document.objects.create(
        source=source,
        sha256="b" * 64,
        filename="달빛_예시.txt",
        title="가나당 후보, 광주 달빛철도 조기 착공 약속 (예시)",
        stored_path="/nonexistent",
        size_bytes=1,
        status="done",
        text=PRESS_DALBIT,
    )
    project = Proposal.objects.get(code="GJ-1-1")
    task = Proposal.objects.get(code="GJ-1")
    older = Alert.objects.create(document=document, proposal=task, actor=actor, verdict="partial", score=0.5,
                                 quote=QUOTE, read=True)
    newer = Alert.objects.create(document=document, proposal=project, actor=actor, verdict="reflected",
                                 score=0.64, quote=QUOTE)
    return older, newer


@pytest.fixture
def alerts(registry: Campaign) -> tuple[Alert, Alert]:
    return make_alerts(registry)


def test_the_alerts_page_requires_login(db: Any) -> None:
    response = Client().get("/monitor/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Client().post("/monitor/alerts/1/read/").status_code == 302


def test_alerts_newest_first_unread_highlighted_with_links(alerts: tuple[Alert, Alert]) -> None:
    older, newer = alerts
    page = login(make_user("열람자1", VIEWER)).get("/monitor/").content.decode()
    assert page.index(f'id="alert-{newer.pk}"') < page.index(f'id="alert-{older.pk}"')
    assert f'class="unread" id="alert-{newer.pk}"' in page and f'class="" id="alert-{older.pk}"' in page
    assert "가나당이(가) 발표한 내용이 제안 GJ-1-1" in page and "(반영)" in page
    start = PRESS_DALBIT.index(QUOTE)
    assert f'/documents/{newer.document.pk}/?hl={start}-{start + len(QUOTE)}#hl' in page
    assert f"/proposals/{newer.proposal.pk}/" in page
    assert "확인</button>" not in page  # a viewer may not mark alerts as read
    assert "감시 대상 추가" not in page
    unread = login(User.objects.get(username="열람자1")).get("/monitor/?unread=1").content.decode()
    assert f'id="alert-{newer.pk}"' in unread and f'id="alert-{older.pk}"' not in unread


def test_an_editor_marks_alerts_read_with_a_csrf_checked_post(alerts: tuple[Alert, Alert]) -> None:
    _, newer = alerts
    editor = make_user("편집자1", EDITOR)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(f"/monitor/alerts/{newer.pk}/read/").status_code == 403  # no CSRF token
    client = login(editor)
    assert client.get(f"/monitor/alerts/{newer.pk}/read/").status_code == 405  # POST only
    response = client.post(f"/monitor/alerts/{newer.pk}/read/", {"unread": "1"})
    assert response.status_code == 302 and response["Location"] == "/monitor/?unread=1"
    newer.refresh_from_db()
    assert newer.read
    assert client.post("/monitor/alerts/999999/read/").status_code == 404


def test_a_viewer_cannot_mark_read(alerts: tuple[Alert, Alert]) -> None:
    _, newer = alerts
    client = login(make_user("열람자1", VIEWER))
    assert client.post(f"/monitor/alerts/{newer.pk}/read/").status_code == 403
    assert client.post("/monitor/alerts/read-all/").status_code == 403
    newer.refresh_from_db()
    assert not newer.read


def test_read_all(alerts: tuple[Alert, Alert]) -> None:
    client = login(make_user("편집자1", EDITOR))
    response = client.post("/monitor/alerts/read-all/", follow=True)
    assert "알림 1건을 확인 처리했습니다." in response.content.decode()
    assert not Alert.objects.filter(read=False).exists()


def test_an_editor_adds_a_feed_and_a_viewer_may_not(db: Any) -> None:
    actor = Actor.objects.create(name="가나당")
    form = {"kind": "feed", "location": "https://example.org/rss.xml", "actor": actor.pk, "document_kind": "press"}
    assert login(make_user("열람자1", VIEWER)).post("/monitor/watches/new/", form).status_code == 403
    client = login(make_user("편집자1", EDITOR))
    assert "감시 대상 추가" in client.get("/monitor/watches/new/").content.decode()
    response = client.post("/monitor/watches/new/", form)
    assert response.status_code == 302
    source = WatchedSource.objects.get()
    assert (source.kind, source.location, source.actor, source.document_kind) == ("feed", form["location"], actor,
                                                                                    "press")
    assert "example.org/rss.xml" in client.get("/monitor/").content.decode()


def test_the_web_form_refuses_server_files_outside_the_allowed_roots(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actor = Actor.objects.create(name="가나당")
    client = login(make_user("편집자1", EDITOR))
    allowed = tmp_path / "공유" / "보도자료"
    allowed.mkdir(parents=True)

    def post(kind: str, location: str) -> str:
        data = {"kind": kind, "location": location, "actor": actor.pk, "document_kind": "news"}
        return client.post("/monitor/watches/new/", data).content.decode()

    monkeypatch.delenv("PLEDGETRACK_WATCH_ROOTS", raising=False)
    assert "PLEDGETRACK_WATCH_ROOTS" in post("folder", str(allowed))
    monkeypatch.setenv("PLEDGETRACK_WATCH_ROOTS", str(tmp_path / "공유"))
    assert "허용된 폴더 밖입니다" in post("folder", "/etc")
    assert "허용된 폴더 밖입니다" in post("folder", str(allowed / ".." / ".."))
    assert "http(s) 주소의 피드만" in post("feed", "/etc/passwd")
    assert WatchedSource.objects.count() == 0
    data = {"kind": "folder", "location": str(allowed), "actor": actor.pk, "document_kind": "news"}
    assert client.post("/monitor/watches/new/", data).status_code == 302
    assert WatchedSource.objects.get().location == str(allowed.resolve())
