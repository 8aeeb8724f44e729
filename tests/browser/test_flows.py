"""The main flows in a real browser: log in, upload by drag and drop, see the matrix, review, log a meeting.

Screenshots land in test-artifacts/screenshots/. 예시 데이터 (illustrative) from tests/web/conftest.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pledgetrack.advocacy.models import Meeting
from pledgetrack.documents.models import Document
from pledgetrack.matching.models import MatchCell
from pledgetrack.site.roles import EDITOR, VIEWER
from tests.browser.conftest import shot
from tests.web.conftest import PASSWORD, make_user, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNLABELLED_CONTROLS = """() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
  .map(e => e.name || e.id)"""


def _login(page: Any, base: str, username: str) -> None:
    page.goto(base + "/")
    assert "/accounts/login/" in page.url
    page.get_by_label("아이디").fill(username)
    page.get_by_label("비밀번호").fill(PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(base + "/")


@pytest.fixture
def site(live_server: Any, workspace: Path) -> dict[str, Any]:
    world = make_world()
    return {
        "url": live_server.url,
        "world": world,
        "editor": make_user("편집자1", EDITOR),
        "viewer": make_user("열람자1", VIEWER),
    }


def test_login_and_dashboard(page: Any, site: dict[str, Any]) -> None:
    page.goto(site["url"] + "/")
    assert page.locator("html").get_attribute("lang") == "ko"
    shot(page, "01-login")
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    # Keyboard: focus starts in the username field; Tab walks to the password and the button.
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "로그인"
    _login(page, site["url"], "열람자1")
    assert page.get_by_role("heading", name="제안 × 정당·후보 판정표").is_visible()
    assert page.locator("td.v-reflected").count() >= 1 and page.locator("td.v-review").count() == 1
    page.wait_for_selector("#rates-chart .main-svg")  # plotly drew the chart (served offline)
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    shot(page, "02-dashboard")
    page.get_by_label("수준").select_option("supra")
    page.wait_for_function("!document.querySelector('#matrix').textContent.includes('인공지능 대표도시')")
    assert "달빛고속철도" in page.locator("#matrix").inner_text()
    assert "level=supra" in page.url


def test_upload_by_drag_and_drop(page: Any, site: dict[str, Any]) -> None:
    _login(page, site["url"], "편집자1")
    page.goto(site["url"] + "/documents/")
    page.get_by_label("정당·후보").fill("국민의힘")
    page.evaluate("""() => {
      const dt = new DataTransfer();
      const type = {type: "text/plain"};
      dt.items.add(new File(["광주 공약 (예시)\\n인공지능 대표도시 광주.\\n"], "드롭_예시_1.txt", type));
      dt.items.add(new File(["광주 공약 (예시)\\n달빛고속철도 조기 착공.\\n"], "드롭_예시_2.txt", type));
      const zone = document.getElementById("dropzone");
      zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true}));
      zone.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true}));
    }""")
    page.wait_for_function(
        "document.querySelectorAll('#progress table')[0]?.innerText.split('완료').length > 2", timeout=60_000
    )
    shot(page, "03-upload")
    names = set(Document.objects.filter(status="done").values_list("filename", flat=True))
    assert {"드롭_예시_1.txt", "드롭_예시_2.txt"} <= names
    assert page.evaluate(UNLABELLED_CONTROLS) == []


def test_review_a_cell(page: Any, site: dict[str, Any]) -> None:
    world = site["world"]
    _login(page, site["url"], "편집자1")
    page.goto(f"{site['url']}/proposals/{world.task.pk}/")
    assert page.locator("mark", has_text="광주를 인공지능 대표도시로 조성하고").count() == 1
    card = page.locator(f"#cell-{world.cell.pk}")
    card.get_by_label("판정").select_option("partial")
    card.get_by_label("검토 메모").fill("지역 명시가 약함 (예시)")
    card.get_by_role("button", name="검토 저장").click()
    page.locator(f"#cell-{world.cell.pk}", has_text="검토를 저장했습니다").wait_for()
    shot(page, "04-review")
    cell = MatchCell.objects.get(pk=world.cell.pk)
    assert cell.reviewed_verdict == "partial" and cell.review_note == "지역 명시가 약함 (예시)"
    with page.expect_navigation():
        page.locator(f"#cell-{world.cell.pk} a", has_text="문서에서 보기").click()
    assert page.locator("mark#hl").inner_text() == "광주를 인공지능 대표도시로 조성하고"
    shot(page, "05-viewer")


def test_log_a_meeting(page: Any, site: dict[str, Any]) -> None:
    world = site["world"]
    _login(page, site["url"], "편집자1")
    page.goto(site["url"] + "/advocacy/meetings/new/")
    assert page.evaluate(UNLABELLED_CONTROLS) == []
    page.get_by_label("날짜").fill("2025-04-16")
    page.get_by_label("제목").fill("더불어민주당 방문 (예시)")
    page.get_by_label("장소").fill("여의도 집무실")
    page.get_by_label("방문 대상").select_option(label="더불어민주당")
    page.get_by_label("전달한 제안").select_option(str(world.task.pk))
    page.locator("#id_follow_ups-0-text").fill("추경 자료 송부")
    page.locator("#id_follow_ups-0-due_date").fill("2025-04-23")
    page.get_by_role("button", name="저장").click()
    page.get_by_role("heading", name="전달한 제안은 그 뒤 어떻게 되었나").wait_for()
    shot(page, "06-meeting")
    meeting = Meeting.objects.get()
    assert meeting.follow_ups.get().text == "추경 자료 송부"
    page.goto(site["url"] + "/advocacy/calendar/?month=2025-04")
    assert "더불어민주당 방문 (예시)" in page.locator("table.calendar").inner_text()
    shot(page, "07-calendar")


def test_viewer_sees_no_review_form(page: Any, site: dict[str, Any]) -> None:
    _login(page, site["url"], "열람자1")
    page.goto(f"{site['url']}/proposals/{site['world'].task.pk}/")
    assert page.get_by_role("button", name="검토 저장").count() == 0
