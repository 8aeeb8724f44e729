"""HWPX reader on documents written with python-hwpx (예시 공약 문장)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hwpx import HwpxDocument

from pledgetrack.engine.errors import DocumentError, EncryptedDocumentError
from pledgetrack.engine.ingest.hwpx import read_hwpx, section_names
from tests.data.ingest.make_zip import stored, write_zip

# 예시(illustrative) pledge-like text, not any party's words
PARAGRAPHS = [
    "광주 AI 모델시티 조성 (예시 공약)",
    "국가AI컴퓨팅센터를 광주에 유치하고 고성능 GPU 1만장을 확보합니다.",
    "달빛철도를 조기에 착공합니다.",
]
TABLE = [
    ["과제", "사업", "사업비"],
    ["AI 중심도시", "AX 실증밸리", "6,000억원"],
    ["교통", "달빛철도", "4.5조원"],
]


def make_hwpx(path: Path, *, title: str = "") -> Path:
    document = HwpxDocument.new()
    document.add_paragraph(PARAGRAPHS[0])
    document.add_paragraph(PARAGRAPHS[1])
    table = document.add_table(len(TABLE), len(TABLE[0]))
    for row, cells in enumerate(TABLE):
        for col, text in enumerate(cells):
            table.set_cell_text(row, col, text)
    document.add_paragraph(PARAGRAPHS[2])
    document.save_to_path(path)
    if title:
        _set_title(path, title)
    return path


def _set_title(path: Path, title: str) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["Contents/content.hpf"] = parts["Contents/content.hpf"].replace(
        b"<opf:title/>", f"<opf:title>{title}</opf:title>".encode()
    )
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)


def test_paragraphs_and_table_in_order(tmp_path: Path) -> None:
    path = make_hwpx(tmp_path / "공약.hwpx", title="예시 정당 공약집")
    [extraction] = read_hwpx(path, "abc")
    assert extraction.format == "hwpx" and extraction.sha256 == "abc"
    assert extraction.metadata.title == "예시 정당 공약집"
    [page] = extraction.pages
    assert page.page is None
    assert page.text.split("\n") == [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        *("\t".join(row) for row in TABLE),
        PARAGRAPHS[2],
    ]


def test_no_title_when_metadata_is_empty(tmp_path: Path) -> None:
    [extraction] = read_hwpx(make_hwpx(tmp_path / "a.hwpx"), "x")
    assert extraction.metadata.title == ""


SECTION = (
    '<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">{}</hs:sec>'
)


def _para(inner: str) -> str:
    return f'<hp:p><hp:run charPrIDRef="0">{inner}</hp:run></hp:p>'


def test_sections_in_numeric_order_with_inline_tabs_and_text_boxes(tmp_path: Path) -> None:
    box = (
        "<hp:rect><hp:drawText><hp:subList>"
        + _para("<hp:t>글상자 속 공약</hp:t>")
        + "</hp:subList></hp:drawText></hp:rect>"
    )
    sections = {
        10: _para("<hp:t>열째</hp:t>"),
        2: _para("<hp:t>둘째<hp:tab/>탭<hp:lineBreak/>줄</hp:t>") + _para(box),
        0: _para("<hp:t>첫째</hp:t>"),
    }
    members = [stored("mimetype", b"application/hwp+zip")]
    members += [
        stored(f"Contents/section{n}.xml", SECTION.format(body).encode()) for n, body in sections.items()
    ]
    calls: list[tuple[int, int]] = []
    [extraction] = read_hwpx(
        write_zip(tmp_path / "a.hwpx", members), "x", progress=lambda d, t: calls.append((d, t))
    )
    assert [page.text for page in extraction.pages] == ["첫째", "둘째\t탭\n줄\n글상자 속 공약", "열째"]
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_section_names_sort_numerically() -> None:
    names = [
        "Contents/section10.xml",
        "Contents/header.xml",
        "Contents/section2.xml",
        "Contents/section0.xml",
    ]
    assert section_names(names) == [
        "Contents/section0.xml",
        "Contents/section2.xml",
        "Contents/section10.xml",
    ]


def test_encrypted_hwpx(tmp_path: Path) -> None:
    manifest = (
        b'<odf:manifest><odf:file-entry><odf:encryption-data checksum="x"/></odf:file-entry></odf:manifest>'
    )
    members = [
        stored("mimetype", b"application/hwp+zip"),
        stored("META-INF/manifest.xml", manifest),
        stored("Contents/section0.xml", b"\x8a\x11 encrypted bytes"),
    ]
    with pytest.raises(EncryptedDocumentError, match="암호를 해제한 뒤"):
        read_hwpx(write_zip(tmp_path / "잠김.hwpx", members), "x")


def test_broken_xml_and_missing_sections(tmp_path: Path) -> None:
    broken = [stored("mimetype", b"application/hwp+zip"), stored("Contents/section0.xml", b"<hs:sec><hp:p>")]
    with pytest.raises(DocumentError, match=r"section0.xml"):
        read_hwpx(write_zip(tmp_path / "a.hwpx", broken), "x")
    empty = [stored("mimetype", b"application/hwp+zip")]
    with pytest.raises(DocumentError, match="본문 구역"):
        read_hwpx(write_zip(tmp_path / "b.hwpx", empty), "x")


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    evil = '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + SECTION.format(
        _para("<hp:t>앞&x;뒤</hp:t>")
    )
    members = [stored("mimetype", b"application/hwp+zip"), stored("Contents/section0.xml", evil.encode())]
    [extraction] = read_hwpx(write_zip(tmp_path / "a.hwpx", members), "x")
    assert "root:" not in extraction.pages[0].text
