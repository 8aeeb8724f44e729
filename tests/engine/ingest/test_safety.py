"""Zip bombs, lying headers, hostile member names and the text-size cap."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from pledgetrack.engine.errors import DocumentError, UnsafeDocumentError
from pledgetrack.engine.ingest.detect import detect_format
from pledgetrack.engine.ingest.docx import read_docx
from pledgetrack.engine.ingest.hwpx import read_hwpx
from pledgetrack.engine.ingest.safety import (
    IngestLimits,
    inflate_raw,
    limit_text,
    open_zip_safely,
    read_member,
)
from pledgetrack.engine.types import PageText
from tests.data.ingest.make_zip import deflated, docx_bomb, hwpx_bomb, stored, write_zip, zeros


def test_gigabyte_hwpx_bomb_is_refused_from_the_central_directory(tmp_path: Path) -> None:
    bomb = hwpx_bomb(tmp_path / "공약집.hwpx", mebibytes=1024)
    assert bomb.stat().st_size < 3_000_000
    assert detect_format(bomb) == "hwpx"
    started = time.perf_counter()
    with pytest.raises(UnsafeDocumentError) as caught:
        read_hwpx(bomb, "0" * 64)
    assert time.perf_counter() - started < 2.0  # refused before inflating anything
    message = str(caught.value)
    assert "공약집.hwpx" in message
    assert "Contents/section0.xml" in message
    assert "1,073,741,824바이트" in message


def test_gigabyte_docx_bomb_is_refused(tmp_path: Path) -> None:
    bomb = docx_bomb(tmp_path / "보도자료.docx", mebibytes=1024)
    assert detect_format(bomb) == "docx"
    with pytest.raises(UnsafeDocumentError, match=r"보도자료\.docx.*word/document\.xml"):
        read_docx(bomb, "0" * 64)


def test_high_ratio_member_under_the_total_limit_is_refused(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.hwpx", [stored("mimetype", b"application/hwp+zip"), zeros("x.xml", 8)])
    with pytest.raises(UnsafeDocumentError, match="압축률"), open_zip_safely(archive):
        pass


def test_small_member_with_high_ratio_is_allowed(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.zip", [deflated("a.xml", bytes(500_000))])
    with open_zip_safely(archive) as opened:
        assert read_member(archive, opened, "a.xml") == bytes(500_000)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../../etc/passwd", "경로"),
        ("/abs/path.xml", "경로"),
        ("C:/win.ini", "경로"),
        ("BinData/inner.zip", "다른 압축"),
    ],
)
def test_hostile_member_names_are_refused(tmp_path: Path, name: str, reason: str) -> None:
    archive = write_zip(tmp_path / "a.docx", [stored(name, b"x")])
    with pytest.raises(UnsafeDocumentError, match=reason), open_zip_safely(archive):
        pass


def test_too_many_entries(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.docx", [stored(f"part{n}.xml", b"x") for n in range(6)])
    with (
        pytest.raises(UnsafeDocumentError, match="6개로 한도 5개"),
        open_zip_safely(archive, IngestLimits(max_zip_entries=5)),
    ):
        pass


def test_lying_size_header_cannot_inflate_past_the_declared_size(tmp_path: Path) -> None:
    archive = write_zip(
        tmp_path / "a.hwpx",
        [zeros("Contents/section0.xml", 5)],
        declared_sizes={"Contents/section0.xml": 1000},
    )
    with open_zip_safely(archive) as opened, pytest.raises(DocumentError, match=r"section0.xml"):
        read_member(archive, opened, "Contents/section0.xml")


def test_read_member_streams_under_a_byte_cap(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.zip", [deflated("big.xml", bytes(300_000))])
    with open_zip_safely(archive) as opened, pytest.raises(UnsafeDocumentError, match="100,000바이트 한도"):
        read_member(archive, opened, "big.xml", max_bytes=100_000)


def test_corrupt_zip_is_a_document_error_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "깨진.hwpx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(DocumentError, match=r"깨진.hwpx"), open_zip_safely(broken):
        pass


def test_zipfile_module_agrees_with_our_writer(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "a.zip", [stored("mimetype", b"abc"), zeros("z.xml", 2)])
    with zipfile.ZipFile(archive) as opened:
        assert opened.testzip() is None
        assert opened.getinfo("z.xml").file_size == 2 << 20


def test_inflate_raw_caps_output(tmp_path: Path) -> None:
    packed = zeros("x", 4).compressed
    assert len(inflate_raw(tmp_path / "a.hwp", packed, what="s", max_bytes=5 << 20)) == 4 << 20
    with pytest.raises(UnsafeDocumentError, match="'s'을 푸는 중"):
        inflate_raw(tmp_path / "a.hwp", packed, what="s", max_bytes=1 << 20)


def test_limit_text_truncates_with_a_warning() -> None:
    pages = [PageText(None, "가" * 60), PageText(None, "나" * 60)]
    kept, warnings = limit_text(pages, "a.txt", IngestLimits(max_text_chars=100))
    assert "".join(p.text for p in kept) == "가" * 60 + "나" * 40
    assert len(warnings) == 1 and "100자" in warnings[0] and "a.txt" in warnings[0]
    same, none = limit_text(pages, "a.txt", IngestLimits(max_text_chars=120))
    assert same == pages and none == ()
