"""Format detection: magic bytes first, extension second, refusals with clear messages."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
from hwpx import HwpxDocument

from pledgetrack.engine.errors import (
    DocumentError,
    EncryptedDocumentError,
    UnsafeDocumentError,
    UnsupportedFormatError,
)
from pledgetrack.engine.ingest.detect import detect_format
from pledgetrack.engine.ingest.pipeline import READERS, file_sha256, reader_for
from pledgetrack.engine.ingest.safety import IngestLimits
from tests.data.ingest.make_hwp import build_cfb, build_hwp, paragraph
from tests.data.ingest.make_zip import stored, write_zip

SAMPLE = "광주 AI 중심도시 조성 (예시 문장)\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        ("scan.bin", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image"),
        ("card.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image"),
        ("page.html", b"<!DOCTYPE html><html><body><p>\xea\xb3\xb5\xec\x95\xbd</p></body></html>", "html"),
        ("page.txt", b"\xef\xbb\xbf<html lang='ko'><head></head><body>x</body></html>", "html"),
        ("fragment.html", "<div>광주 공약</div>".encode(), "html"),
        ("rss.xml", b'<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', "feed"),
        ("atom.xml", b'<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
        ("rdf.xml", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>', "feed"),
        ("note.txt", SAMPLE.encode("utf-8"), "txt"),
        ("note.dat", SAMPLE.encode("cp949"), "txt"),
        ("note16.txt", SAMPLE.encode("utf-16"), "txt"),
        ("talks_about_rss.txt", "이 글은 <rss 태그를 설명합니다.".encode(), "txt"),
    ],
)
def test_magic_and_text_sniffing(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    assert detect_format(_write(tmp_path, name, data)) == expected
    assert expected in READERS


def test_hwp_hwpx_docx_by_content_not_extension(tmp_path: Path) -> None:
    hwp = _write(tmp_path, "공약.bin", build_hwp([paragraph("예시 공약")]))
    document = HwpxDocument.new()
    document.add_paragraph("예시 공약")
    document.save_to_path(tmp_path / "공약.zip")
    word = docx.Document()
    word.add_paragraph("예시 보도자료")
    word.save(str(tmp_path / "보도자료.hwp"))
    assert detect_format(hwp) == "hwp"
    assert detect_format(tmp_path / "공약.zip") == "hwpx"
    assert detect_format(tmp_path / "보도자료.hwp") == "docx"


def test_hwpx_by_section_name_without_mimetype(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "a.hwpx", [stored("Contents/section0.xml", b"<sec/>")])
    assert detect_format(path) == "hwpx"


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"'빈\.pdf' \(빈 파일\)"):
        detect_format(_write(tmp_path, "빈.pdf", b""))


def test_exe_renamed_pdf_is_not_sent_to_the_pdf_reader(tmp_path: Path) -> None:
    exe = _write(tmp_path, "공약집.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200))
    with pytest.raises(UnsupportedFormatError) as caught:
        detect_format(exe)
    message = str(caught.value)
    assert "공약집.pdf" in message and "실행 파일" in message
    assert ", ".join(sorted(READERS)) in message


def test_unknown_binary_lists_supported_formats(tmp_path: Path) -> None:
    blob = _write(tmp_path, "x.hwp", bytes(range(256)) * 4)
    with pytest.raises(
        UnsupportedFormatError, match="지원 형식: docx, feed, html, hwp, hwpx, image, pdf, txt"
    ):
        detect_format(blob)


def test_hwp3_is_named(tmp_path: Path) -> None:
    old = _write(tmp_path, "옛문서.hwp", b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + bytes(100))
    with pytest.raises(UnsupportedFormatError, match=r"HWP 3.0"):
        detect_format(old)


def test_other_ole_and_encrypted_office(tmp_path: Path) -> None:
    doc = _write(tmp_path, "old.doc", build_cfb({"WordDocument": b"x" * 600}))
    with pytest.raises(UnsupportedFormatError, match="OLE"):
        detect_format(doc)
    locked = _write(
        tmp_path, "locked.docx", build_cfb({"EncryptionInfo": b"x" * 80, "EncryptedPackage": b"y" * 80})
    )
    with pytest.raises(EncryptedDocumentError, match="암호"):
        detect_format(locked)


def test_other_zip_is_unsupported(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "photos.zip", [stored("a.txt", b"x")])
    with pytest.raises(UnsupportedFormatError, match="ZIP"):
        detect_format(path)


def test_size_limit_uses_stat_and_never_reads(tmp_path: Path) -> None:
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:  # sparse: 2 GiB + 1 byte without using the disk
        handle.truncate((2 << 30) + 1)
    with pytest.raises(UnsafeDocumentError, match=r"huge.pdf.*2,147,483,649바이트"):
        detect_format(huge)
    small = _write(tmp_path, "a.txt", b"x" * 2000)
    with pytest.raises(UnsafeDocumentError, match="한도 1,000바이트"):
        detect_format(small, IngestLimits(max_file_bytes=1000))
    os.remove(huge)


def test_detected_format_dispatches_to_a_working_reader(tmp_path: Path) -> None:
    """Every non-PDF/image format end to end: detect, look up in READERS, read."""
    document = HwpxDocument.new()
    document.add_paragraph("예시 공약 HWPX")
    document.save_to_path(tmp_path / "a.hwpx")
    word = docx.Document()
    word.add_paragraph("예시 공약 DOCX")
    word.save(str(tmp_path / "a.docx"))
    files = {
        "a.hwp": ("hwp", build_hwp([paragraph("예시 공약 HWP")])),
        "a.txt": ("txt", "예시 공약 TXT".encode("cp949")),
        "a.html": ("html", "<html><body><p>예시 공약 HTML</p></body></html>".encode()),
        "a.xml": (
            "feed",
            '<rss version="2.0"><channel><item><title>예시 공약 FEED</title></item></channel></rss>'.encode(),
        ),
    }
    for name, (_, data) in files.items():
        _write(tmp_path, name, data)
    expected = {name: fmt for name, (fmt, _) in files.items()} | {"a.hwpx": "hwpx", "a.docx": "docx"}
    for name, fmt in expected.items():
        path = tmp_path / name
        assert detect_format(path) == fmt
        [extraction] = reader_for(fmt, name)(path, file_sha256(path))
        assert extraction.format == fmt
        assert f"예시 공약 {fmt.upper()}" in extraction.pages[0].text
