"""The whole job through the CLI: ingest a mixed folder, extract, match, review, report, analyze."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner, Result

from pledgetrack.audit.models import AuditEntry
from pledgetrack.cli.main import cli
from pledgetrack.documents.models import Document
from pledgetrack.matching.models import MatchCell
from tests.conftest import REPO

EXAMPLE = REPO / "examples" / "gwangju-2022"
ILLUSTRATIVE = "광주 7대 공약 (예시 문서)\n1. 광주~대구 달빛고속철도 조기 착공\n2. 광주 군공항 이전 국가 주도 추진\n"
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "가나당"
    folder.mkdir()
    (folder / "공약_cp949.txt").write_bytes(ILLUSTRATIVE.encode("cp949"))
    document = docx.Document()
    document.add_heading("전남 공약 (예시)", level=1)
    document.add_paragraph("무안국제공항 관문 공항 육성")
    document.save(str(folder / "보도자료.docx"))
    (folder / "뉴스.html").write_text(
        "<html><head><title>예시 기사</title></head><body><article><h1>예시 기사</h1>"
        "<p>가나당은 광주 AI 중심도시 조성을 약속했다. 이 문장은 시험용 예시이다.</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "깨진.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    (folder / "빈파일.txt").write_bytes(b"")
    return folder


def test_ingest_a_mixed_folder_keeps_going_past_bad_files(workspace: Path, mixed_folder: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", str(mixed_folder), "--actor", "가나당", "--json"])
    assert result.exit_code == 1  # some files failed, the rest are stored
    rows = {r["file"]: r for r in json.loads(result.stdout)}
    assert rows["공약_cp949.txt"]["status"] == "저장"
    assert rows["보도자료.docx"]["status"] == "저장"
    assert rows["뉴스.html"]["status"] == "저장"
    assert "깨진.pdf" in rows["깨진.pdf"]["error"]
    assert "빈파일.txt" in rows["빈파일.txt"]["error"]
    stored = Document.objects.get(filename="공약_cp949.txt")
    assert "달빛고속철도" in stored.text
    assert Path(stored.stored_path).read_bytes() == (mixed_folder / "공약_cp949.txt").read_bytes()
    failed = Document.objects.get(filename="깨진.pdf")
    assert failed.status == Document.Status.FAILED and Path(failed.stored_path).exists()  # nothing is lost


def test_same_file_twice_is_a_no_op_and_a_changed_file_is_a_new_version(workspace: Path, tmp_path: Path) -> None:
    file = tmp_path / "공약.txt"
    file.write_text(ILLUSTRATIVE, encoding="utf-8")
    run("ingest", str(file), "--actor", "가나당")
    again = json.loads(run("ingest", str(file), "--actor", "가나당", "--json").stdout)
    assert again[0]["status"] == "이미 있음"
    file.write_text(ILLUSTRATIVE + "3. 영산강 국가정원 조성\n", encoding="utf-8")
    changed = json.loads(run("ingest", str(file), "--actor", "가나당", "--json").stdout)
    assert changed[0]["version"] == 2
    assert Document.objects.filter(filename="공약.txt").count() == 2


def test_extract_prints_json_with_pages_and_method(tmp_path: Path) -> None:
    file = tmp_path / "공약.txt"
    file.write_bytes(ILLUSTRATIVE.encode("cp949"))
    data = json.loads(run("extract", str(file), "--json").stdout)
    assert data["format"] == "txt" and len(data["sha256"]) == 64
    assert data["pages"][0]["method"] == "text" and "군공항" in data["pages"][0]["text"]


def test_match_review_rematch_keeps_the_review(workspace: Path) -> None:
    run("proposals", "import", str(EXAMPLE / "proposals.csv"))
    for actor_dir in (EXAMPLE / "docs").iterdir():
        run("ingest", str(actor_dir), "--actor", actor_dir.name)
    assert run("match", "--home-region", "광주", "--no-dense").exit_code == 0
    assert MatchCell.objects.count() == 17 * 3
    cell = MatchCell.objects.get(proposal__code="GJ22-5", actor__name="국민의힘")
    machine = cell.machine_verdict
    new = "reflected" if machine != "reflected" else "absent"
    assert run("review", "GJ22-5", "국힘", "--verdict", new, "--note", "시험 검토").exit_code == 0
    run("match", "--home-region", "광주", "--no-dense")
    cell.refresh_from_db()
    assert cell.verdict == new and cell.machine_verdict == machine  # the person's verdict survives
    entry = AuditEntry.objects.filter(action="review").get()
    assert entry.before["verdict"] == machine and entry.after["verdict"] == new and entry.reason == "시험 검토"


def test_report_writes_every_format(workspace: Path, tmp_path: Path) -> None:
    run("proposals", "import", str(EXAMPLE / "proposals.csv"))
    run("ingest", str(EXAMPLE / "docs" / "국민의힘"), "--actor", "국민의힘")
    run("match", "--no-dense")
    for fmt in ("html", "json", "csv", "xlsx"):
        out = tmp_path / f"보고서.{fmt}"
        assert run("report", "--format", fmt, "--out", str(out)).exit_code == 0
        assert out.stat().st_size > 0
    assert "국민의힘" in (tmp_path / "보고서.html").read_text(encoding="utf-8")
    report = json.loads((tmp_path / "보고서.json").read_text(encoding="utf-8"))
    assert "provenance" in report
    book = openpyxl.load_workbook(tmp_path / "보고서.xlsx")
    assert "매트릭스" in book.sheetnames


def test_analyze_writes_a_well_formed_result(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    result = run(
        "analyze",
        str(EXAMPLE / "proposals.csv"),
        str(EXAMPLE / "docs"),
        "--out",
        str(out),
        "--workspace",
        str(tmp_path / "ws"),
        "--home-region",
        "광주",
        "--no-dense",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["cells"]) == 17 * 3
    assert {c["verdict"] for c in data["cells"]} <= {"reflected", "partial", "absent"}
    for cell in data["cells"]:
        for evidence in cell["evidence"]:
            assert evidence["end"] - evidence["start"] == len(evidence["quote"])
            heading = evidence["heading"]
            assert heading is None or heading["end"] - heading["start"] == len(heading["quote"])
            assert (EXAMPLE / "docs" / evidence["document"]).exists()
    assert data["summary"]["home_region"] == "광주"


def test_documents_show_gives_pages_offsets_and_passages(workspace: Path) -> None:
    run("ingest", str(EXAMPLE / "docs" / "국민의힘"), "--actor", "국민의힘")
    listed = json.loads(run("documents", "list", "--json").stdout)
    shown = json.loads(run("documents", "show", str(listed[0]["id"]), "--json").stdout)
    assert shown["passages"], "no passages"
    for passage in shown["passages"]:
        assert shown["text"][passage["start"] : passage["end"]] == passage["text"]
    headed = [p for p in shown["passages"] if "달빛" in p["text"]]
    assert headed and "광주" in headed[0]["heading"]
    text = run("documents", "show", listed[0]["file"], "--passages").output
    assert "본문" in text and "달빛고속철도" in text
    missing = CliRunner().invoke(cli, ["documents", "show", "없는문서.pdf"])
    assert missing.exit_code == 1 and "찾을 수 없습니다" in missing.output


def _rss(items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>https://example.org/{n}</link><description>{text}</description>"
        f"<pubDate>Mon, 14 Apr 2025 0{n}:00:00 +0900</pubDate></item>"
        for n, (title, text) in enumerate(items)
    )
    head = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>예시 피드</title>'
    return f"{head}{body}</channel></rss>"


def test_a_refetched_feed_adds_only_its_new_entries(workspace: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    first = [
        ("예시: 달빛철도 조기 착공", "가나당은 광주~대구 달빛철도 조기 착공을 약속했다."),
        ("예시: 군공항 이전", "가나당은 광주 군공항 이전을 국가가 주도하겠다고 밝혔다."),
    ]
    feed.write_text(_rss(first), encoding="utf-8")
    created = json.loads(run("ingest", str(feed), "--actor", "가나당", "--kind", "news", "--json").stdout)
    assert [r["status"] for r in created] == ["저장", "저장"]
    feed.write_text(
        _rss([*first, ("예시: AI 중심도시", "가나당은 광주를 AI 중심도시로 만들겠다고 했다.")]), encoding="utf-8"
    )
    again = json.loads(run("ingest", str(feed), "--actor", "가나당", "--kind", "news", "--json").stdout)
    assert [r["status"] for r in again] == ["이미 있음", "이미 있음", "저장"]
    containers = Document.objects.filter(filename="feed.xml")
    assert containers.count() == 2 and all(not c.text for c in containers)  # the feed file is kept, not matched
    entries = Document.objects.exclude(filename="feed.xml")
    assert entries.count() == 3 and all("가나당" in e.text for e in entries)
