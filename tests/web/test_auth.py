"""Login, roles and permissions on every page and API call."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client

from pledgetrack.site.roles import ADMIN, EDITOR, VIEWER
from tests.web.conftest import PASSWORD, World, login

PAGES = [
    "/",
    "/proposals/",
    "/actors/",
    "/documents/",
    "/advocacy/",
    "/advocacy/calendar/",
    "/audit/",
    "/audit/export.csv",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_anonymous_is_sent_to_the_korean_login_page(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    page = Client().get(response["Location"])
    assert page.status_code == 200
    assert "로그인" in page.content.decode() and 'lang="ko"' in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/proposals/", "/api/cells/", "/api/meetings/", "/api/schema/"])
def test_anonymous_api_calls_are_refused(url: str) -> None:
    assert Client().get(url).status_code in (401, 403)


def test_login_with_password_reaches_the_dashboard(editor: User, world: World) -> None:
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": editor.username, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert "대시보드" in response.content.decode()
    bad = Client().post("/accounts/login/", {"username": editor.username, "password": "틀림"})
    assert "올바르지 않습니다" in bad.content.decode()


@pytest.mark.django_db
def test_roles_exist_with_increasing_permissions() -> None:
    perms = {g.name: {p.codename for p in g.permissions.all()} for g in Group.objects.all()}
    assert {ADMIN, EDITOR, VIEWER} <= set(perms)
    assert "view_proposal" in perms[VIEWER] and "change_matchcell" not in perms[VIEWER]
    assert {"change_matchcell", "add_meeting", "add_document"} <= perms[EDITOR]
    assert "change_proposal" not in perms[EDITOR] and "change_proposal" in perms[ADMIN]
    assert "change_auditentry" not in perms[ADMIN]


@pytest.mark.parametrize("url", PAGES[:-1])
def test_viewer_can_read_every_page(viewer: User, world: World, url: str) -> None:
    assert login(viewer).get(url).status_code == 200


def test_viewer_cannot_change_anything(viewer: User, world: World) -> None:
    client = login(viewer)
    assert client.post(f"/cells/{world.cell.pk}/review/", {"verdict": "absent"}).status_code == 403
    assert client.post("/documents/upload/", {"actor": "정당", "kind": "pledge"}).status_code == 403
    assert client.get("/advocacy/meetings/new/").status_code == 403
    assert client.get(f"/proposals/{world.task.pk}/edit/").status_code == 403
    forbidden = client.get("/advocacy/meetings/new/").content.decode()
    assert "권한이 없습니다" in forbidden
    world.cell.refresh_from_db()
    assert world.cell.reviewed_verdict == ""


def test_editor_may_log_but_not_edit_the_registry(editor: User, world: World) -> None:
    client = login(editor)
    assert client.get("/advocacy/meetings/new/").status_code == 200
    assert client.get(f"/proposals/{world.task.pk}/edit/").status_code == 403
    assert client.get("/actors/new/").status_code == 403


def test_user_without_role_sees_nothing(world: World) -> None:
    nobody = User.objects.create_user("무역할", password=PASSWORD)
    client = login(nobody)
    assert client.get("/").status_code == 403
    assert client.get(f"/proposals/{world.task.pk}/").status_code == 403
    assert client.get("/api/proposals/").status_code == 403


@pytest.mark.django_db
def test_pledgetrack_user_command_creates_a_user_in_a_role() -> None:
    call_command("pledgetrack_user", "김주무관", "비밀-예시-9876", "editor")
    user = User.objects.get(username="김주무관")
    assert user.check_password("비밀-예시-9876")
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR]
    assert not user.is_staff
    call_command("pledgetrack_user", "김주무관", "비밀-예시-9876", "관리자")
    user.refresh_from_db()
    assert user.is_staff and list(user.groups.values_list("name", flat=True)) == [ADMIN]


def test_admin_site_is_for_admins(admin_user: User, editor: User) -> None:
    assert login(admin_user).get("/admin/").status_code == 200
    assert login(editor).get("/admin/").status_code == 302
