"""HWP 5 reader on files built by the test-only writer (예시 공약 문장)."""

from __future__ import annotations

import struct
from pathlib import Path

import olefile
import pytest

from pledgetrack.engine.errors import DocumentError, EncryptedDocumentError
from pledgetrack.engine.ingest.hwp import iter_records, para_text, read_hwp
from pledgetrack.engine.ingest.pipeline import file_sha256
from tests.data.ingest.make_hwp import (
    build_cfb,
    extended_control,
    file_header,
    inline_control,
    paragraph,
    record,
    table,
    write_hwp,
)

# 예시(illustrative) pledge-like text, not any party's words
PLEDGES = [
    "1. 광주 AI 중심도시 완성 (예시)",
    "국가AI컴퓨팅센터 광주 유치와 고성능 GPU 1만장 확보를 추진합니다.",
    "2. 달빛철도 조기 착공",
]


def _body() -> list[bytes]:
    return [
        paragraph(PLEDGES[0]),
        paragraph(PLEDGES[1] + extended_control(11)),
        table([["과제", "사업비"], ["AX 실증밸리", "6,000억원"]]),
        paragraph(PLEDGES[2] + inline_control(9) + "(광주–대구)\n2030년 개통"),
    ]


@pytest.mark.parametrize("compressed", [True, False])
def test_reads_paragraphs_tables_and_controls(tmp_path: Path, compressed: bool) -> None:
    path = write_hwp(tmp_path / "공약.hwp", _body(), compressed=compressed, title="예시 공약집")
    [extraction] = read_hwp(path, file_sha256(path))
    assert extraction.format == "hwp" and extraction.file == "공약.hwp"
    assert extraction.metadata.title == "예시 공약집"
    [page] = extraction.pages
    assert page.page is None and page.method == "text"
    assert page.text.split("\n") == [
        PLEDGES[0], PLEDGES[1], "과제", "사업비", "AX 실증밸리", "6,000억원",
        PLEDGES[2] + "\t(광주–대구)", "2030년 개통",
    ]  # fmt: skip


def test_several_sections_and_progress(tmp_path: Path) -> None:
    path = write_hwp(tmp_path / "a.hwp", [paragraph("구역 본문 " * 500)], sections=3)
    calls: list[tuple[int, int]] = []
    [extraction] = read_hwp(path, "x", progress=lambda done, total: calls.append((done, total)))
    assert len(extraction.pages) == 3 and calls == [(1, 3), (2, 3), (3, 3)]
    assert extraction.pages[2].text.startswith("구역 본문 구역 본문")


def test_writer_output_is_a_valid_compound_file(tmp_path: Path) -> None:
    path = write_hwp(tmp_path / "a.hwp", [paragraph("가" * 3000)], compressed=False, title="t")
    with olefile.OleFileIO(str(path)) as ole:
        assert sorted("/".join(e) for e in ole.listdir()) == [
            "\x05HwpSummaryInformation",
            "BodyText/Section0",
            "DocInfo",
            "FileHeader",
        ]
        assert ole.get_size("BodyText/Section0") > 4096  # regular sectors, not the mini stream
        assert ole.openstream("FileHeader").read().startswith(b"HWP Document File")


@pytest.mark.parametrize(("flag", "what"), [(2, "암호가 걸린 파일"), (4, "배포용"), (16, "DRM")])
def test_protected_files_are_refused_with_advice(tmp_path: Path, flag: int, what: str) -> None:
    path = write_hwp(tmp_path / "보안.hwp", _body(), flags=flag)
    with pytest.raises(EncryptedDocumentError) as caught:
        read_hwp(path, "x")
    assert what in str(caught.value) and "'보안.hwp'" in str(caught.value)
    if flag == 2:
        assert "암호를 해제한 뒤 다시 올려 주세요" in str(caught.value)


def test_corrupt_body_stream(tmp_path: Path) -> None:
    streams = {"FileHeader": file_header(compressed=True), "BodyText/Section0": b"\xff\xfe not deflate" * 40}
    path = tmp_path / "깨진.hwp"
    path.write_bytes(build_cfb(streams))
    with pytest.raises(DocumentError, match=r"깨진.hwp.*BodyText/Section0"):
        read_hwp(path, "x")


def test_not_an_ole_file(tmp_path: Path) -> None:
    path = tmp_path / "a.hwp"
    path.write_bytes(b"not ole at all" * 100)
    with pytest.raises(DocumentError, match="OLE"):
        read_hwp(path, "x")


def test_record_header_with_extended_size() -> None:
    payload = "가".encode("utf-16-le") * 3000  # 6000 bytes > 0xFFF
    data = record(67, 1, payload) + record(68, 1, b"\x00" * 8)
    assert struct.unpack_from("<I", data)[0] >> 20 == 0xFFF
    assert [(tag, level, len(body)) for tag, level, body in iter_records(data)] == [(67, 1, 6000), (68, 1, 8)]


def test_para_text_control_table() -> None:
    units = (
        "앞" + extended_control(2, b"dces") + extended_control(3, b"dlc%") + "필드" + inline_control(4)
        + "\x18" + "끝" + "\x1e" + "칸" + "\x1f" + inline_control(9) + "탭" + "\n" + "줄" + "\r"
    )  # fmt: skip
    assert para_text(units.encode("utf-16-le", "surrogatepass")) == "앞필드-끝 칸 \t탭\n줄"


def test_para_text_keeps_characters_outside_the_bmp() -> None:
    assert para_text("𠀀한자\r".encode("utf-16-le")) == "𠀀한자"
