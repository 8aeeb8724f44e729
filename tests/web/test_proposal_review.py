"""The proposal page (evidence in context, link into the viewer) and reviewing a cell."""

from __future__ import annotations

from django.contrib.auth.models import User

from pledgetrack.audit.models import AuditEntry
from pledgetrack.matching.models import MatchCell
from tests.web.conftest import World, login


def test_proposal_page_shows_projects_cells_and_highlighted_evidence(viewer: User, world: World) -> None:
    html = login(viewer).get(f"/proposals/{world.task.pk}/").content.decode()
    assert "AI 반도체 특화단지 조성" in html  # the project
    assert "<mark>광주를 인공지능 대표도시로 조성하고</mark>" in html
    assert " AI 반도체 특화단지를 만들겠습니다." in html  # context after the quote
    start = world.document.text.index("광주를 인공지능")
    assert f"/documents/{world.document.pk}/?page=1&amp;hl={start}-{start + 19}#hl" in html
    assert "검토 저장" not in html  # viewers cannot review


def test_evidence_that_no_longer_matches_the_text_is_flagged(viewer: User, world: World) -> None:
    world.cell.evidence = [dict(world.cell.evidence[0], start=1, end=5)]
    world.cell.save()
    html = login(viewer).get(f"/proposals/{world.task.pk}/").content.decode()
    assert "원문 위치가 맞지 않습니다" in html


def test_accept_change_and_note_are_audited(editor: User, world: World) -> None:
    client = login(editor)
    response = client.post(
        f"/cells/{world.cell.pk}/review/", {"verdict": "", "note": "근거 확인함"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "검토됨" in response.content.decode()
    cell = MatchCell.objects.get(pk=world.cell.pk)
    assert (
        cell.reviewed_verdict == "reflected"
        and cell.review_note == "근거 확인함"
        and cell.reviewed_by == editor
    )
    client.post(f"/cells/{world.cell.pk}/review/", {"verdict": "partial", "note": "지역 명시 없음"})
    cell.refresh_from_db()
    assert cell.reviewed_verdict == "partial"
    entries = list(AuditEntry.objects.filter(object_type="match_cell", object_id=str(cell.pk)).order_by("id"))
    assert [e.after["verdict"] for e in entries] == ["reflected", "partial"]
    assert entries[1].before["verdict"] == "reflected" and entries[1].reason == "지역 명시 없음"
    assert entries[1].actor_label == editor.username


def test_bad_verdict_is_refused(editor: User, world: World) -> None:
    response = login(editor).post(
        f"/cells/{world.cell.pk}/review/", {"verdict": "maybe"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    world.cell.refresh_from_db()
    assert world.cell.reviewed_verdict == ""


def test_reviewed_cell_shows_what_the_matcher_now_says(editor: User, world: World) -> None:
    client = login(editor)
    client.post(f"/cells/{world.cell.pk}/review/", {"verdict": "", "note": ""})
    MatchCell.objects.filter(pk=world.cell.pk).update(machine_verdict="absent")  # as a re-run would
    html = client.get(f"/proposals/{world.task.pk}/").content.decode()
    assert "자동 판정은 현재 「미반영」입니다" in html


def test_document_viewer_highlights_the_span(viewer: User, world: World) -> None:
    start = world.document.text.index("달빛고속철도")
    html = (
        login(viewer).get(f"/documents/{world.document.pk}/?page=1&hl={start}-{start + 6}").content.decode()
    )
    assert '<mark id="hl" tabindex="-1">달빛고속철도</mark>' in html
    assert "1쪽" in html


def test_registry_edit_is_audited(admin_user: User, world: World) -> None:
    client = login(admin_user)
    form = client.get(f"/proposals/{world.task.pk}/edit/")
    assert form.status_code == 200
    data = {
        "code": "T1",
        "title": "인공지능 대표도시 완성",
        "level": "regional",
        "owner": "AI산업과",
        "budget_won": "3000000000000",
        "position": "0",
        "keywords_text": "AI, 인공지능",
        "reason": "제목 수정",
    }
    response = client.post(f"/proposals/{world.task.pk}/edit/", data)
    assert response.status_code == 302
    world.task.refresh_from_db()
    assert world.task.title == "인공지능 대표도시 완성" and world.task.keywords == ["AI", "인공지능"]
    entry = AuditEntry.objects.get(object_type="proposal")
    assert (
        entry.before["title"] == "인공지능 대표도시 조성" and entry.after["title"] == "인공지능 대표도시 완성"
    )
    assert entry.reason == "제목 수정"


def test_actor_aliases_edit(admin_user: User, world: World) -> None:
    client = login(admin_user)
    dem = world.actors[0]
    response = client.post(
        f"/actors/{dem.pk}/edit/", {"name": dem.name, "kind": "party", "aliases_text": "민주당, 더민주"}
    )
    assert response.status_code == 302
    assert sorted(dem.aliases.values_list("alias", flat=True)) == ["더민주", "민주당"]
    assert "민주당" in client.get("/actors/").content.decode()


def test_heading_of_a_passage_is_shown_once_when_outside_the_context(viewer: User, world: World) -> None:
    world.cell.evidence = [dict(world.cell.evidence[0], heading="■ 광주광역시 지역공약 (예시 머리말)")]
    world.cell.save()
    html = login(viewer).get(f"/proposals/{world.task.pk}/").content.decode()
    assert html.count("소속 항목: ■ 광주광역시 지역공약 (예시 머리말)") == 1


def test_evidence_of_an_absent_cell_is_introduced_as_closest_candidates(viewer: User, world: World) -> None:
    note = "아래는 확인을 돕는 가장 가까운 후보 문장입니다"
    assert note not in login(viewer).get(f"/proposals/{world.task.pk}/").content.decode()
    world.cell.machine_verdict = "absent"
    world.cell.save()
    assert note in login(viewer).get(f"/proposals/{world.task.pk}/").content.decode()
