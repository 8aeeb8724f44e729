"""Issue 3's done-when, as a user does it: one folder mixing every format, ingested for one actor,
then every document's text shown with page numbers and offsets. All pledge text here is 예시."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hwpx import HwpxDocument

from pledgetrack.cli.main import cli
from tests.data.ingest.make_hwp import paragraph, write_hwp
from tests.engine.ingest.render import render_image_pdf, render_text_image, render_text_pdf

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr, pytest.mark.slow]

LINES = {
    "scan.pdf": ["광주 공약 (예시)\n1. 광주 인공지능 국가 시범도시 조성", "2. 영산강 수변 활력도시 조성"],
    "text.pdf": ["광주 공약 (예시)\n1. 광주송정역 복합환승센터 건립", "2. 광주 도시철도 2호선 완공"],
    "card.png": "예시 공약 카드\n광주 미래차 국가산업단지 조성",
    "book.hwp": "예시 공약: 광주 군공항 이전 국가 주도 추진",
    "book.hwpx": "예시 공약: 광주 달빛철도 조기 착공",
    "press.docx": "예시 보도자료: 광주 AX 실증밸리 조성",
    "news.html": "예시 기사: 가나당은 광주 국가AI컴퓨팅센터 유치를 약속했다.",
    "memo.txt": "예시 메모: 광주 5·18 정신 헌법 전문 수록",
}


def build_folder(folder: Path) -> None:
    render_image_pdf(LINES["scan.pdf"], folder / "scan.pdf")
    render_text_pdf(LINES["text.pdf"], folder / "text.pdf")
    render_text_image(LINES["card.png"], folder / "card.png")
    write_hwp(folder / "book.hwp", [paragraph(LINES["book.hwp"])])
    hwpx = HwpxDocument.new()
    hwpx.add_paragraph(LINES["book.hwpx"])
    hwpx.save_to_path(folder / "book.hwpx")
    document = docx.Document()
    document.add_paragraph(LINES["press.docx"])
    document.save(str(folder / "press.docx"))
    (folder / "news.html").write_text(
        f"<html><head><title>예시 기사</title></head><body><article><p>{LINES['news.html']}</p>"
        "<p>이 기사는 시험용 예시이다.</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "memo.txt").write_bytes(LINES["memo.txt"].encode("cp949"))
    rss = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>예시</title>'
        "<item><title>예시 소식</title><description>가나당, 광주 복합쇼핑몰 유치 약속</description></item>"
        "</channel></rss>"
    )
    (folder / "feed.xml").write_text(rss, encoding="utf-8")


def test_one_actor_every_format(workspace: Path, tmp_path: Path) -> None:
    folder = tmp_path / "가나당"
    folder.mkdir()
    build_folder(folder)
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(folder), "--actor", "가나당", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    stored = json.loads(result.stdout)
    assert all(row["status"] == "저장" for row in stored), stored
    methods = {row["file"]: row["method"] for row in stored}
    assert methods["scan.pdf"] == "ocr" and methods["card.png"] == "ocr" and methods["text.pdf"] == "text"
    listed = json.loads(runner.invoke(cli, ["documents", "list", "--json"]).stdout)
    texts = {}
    for row in listed:
        shown = json.loads(runner.invoke(cli, ["documents", "show", str(row["id"]), "--json"]).stdout)
        for passage in shown["passages"]:
            assert shown["text"][passage["start"] : passage["end"]] == passage["text"]
        texts[row["file"]] = shown
    squash = "".join
    assert "인공지능국가시범도시" in squash(texts["scan.pdf"]["text"].split())
    assert [span["page"] for span in texts["scan.pdf"]["page_spans"]] == [1, 2]
    page_two = [p for p in texts["scan.pdf"]["passages"] if "영산강" in p["text"]]
    assert page_two and page_two[0]["page"] == 2
    assert "복합환승센터" in texts["text.pdf"]["text"]
    assert "국가산업단지" in squash(texts["card.png"]["text"].split())
    for name in ("book.hwp", "book.hwpx", "press.docx", "news.html", "memo.txt"):
        assert LINES[name].split(": ")[-1] in texts[name]["text"], name
    assert any("복합쇼핑몰" in shown["text"] for shown in texts.values())  # the feed entry
