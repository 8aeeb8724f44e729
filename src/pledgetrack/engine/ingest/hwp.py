"""HWP 5 (한글 2002 이후): an OLE compound file holding record streams.

Following the public "한글 문서 파일 형식 5.0" specification: ``FileHeader`` gives the
signature, version and flags; ``BodyText/Section{n}`` streams hold records (raw deflate
when the compressed flag is set), and ``HWPTAG_PARA_TEXT`` records hold UTF-16LE text
with control characters inside.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import olefile

from pledgetrack.engine.errors import DocumentError, EncryptedDocumentError
from pledgetrack.engine.ingest.safety import inflate_raw, limited_extraction
from pledgetrack.engine.types import DocumentMetadata, Extraction, PageText

SIGNATURE = b"HWP Document File"
HWPTAG_BEGIN = 0x10
HWPTAG_PARA_TEXT = HWPTAG_BEGIN + 51
# FileHeader property bits (spec table "파일 인식 정보")
FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = 1 << 4
FLAG_CERT_DRM = 1 << 8
# Protection flags -> (what, what to do)
PROTECTIONS: dict[int, tuple[str, str]] = {
    FLAG_PASSWORD: ("암호가 걸린 파일", "암호를 해제한 뒤 다시 올려 주세요."),
    FLAG_DISTRIBUTION: (
        "배포용(읽기 전용)으로 저장된 문서",
        "한글에서 배포용 설정을 해제하고 저장한 뒤 다시 올려 주세요.",
    ),
    FLAG_DRM: ("DRM(문서 보안)이 걸린 문서", "보안을 해제한 사본을 만들어 다시 올려 주세요."),
    FLAG_CERT_DRM: ("공인인증서 DRM이 걸린 문서", "보안을 해제한 사본을 만들어 다시 올려 주세요."),
}
# Control characters inside PARA_TEXT (spec table 6, "제어 문자"):
# "char" controls take one UTF-16 unit; "inline" and "extended" controls take eight
# (the code, six units of data or a pointer to a control, the code again).
CHAR_CONTROLS: dict[int, str] = {0: "", 10: "\n", 13: "", 24: "-", 30: " ", 31: " "} | {
    code: "" for code in range(25, 30)
}
INLINE_CONTROLS: dict[int, str] = {4: "", 5: "", 6: "", 7: "", 8: "", 9: "\t", 19: "", 20: ""}
# Extended controls (1-3, 11-12, 14-18, 21-23: tables, pictures, notes, fields …) carry no
# text of their own here; a table's cell text follows as separate PARA_TEXT records.
CONTROL_UNITS = 8


@dataclass(frozen=True)
class FileHeader:
    version: tuple[int, int, int, int]
    flags: int

    @property
    def compressed(self) -> bool:
        return bool(self.flags & FLAG_COMPRESSED)


def parse_file_header(path: Path, data: bytes) -> FileHeader:
    if len(data) < 40 or not data.startswith(SIGNATURE):
        raise DocumentError(
            "한글 파일 머리(FileHeader)가 올바르지 않습니다",
            file=path.name,
            hint="손상된 파일입니다. 한글에서 다시 저장해 주세요.",
        )
    version_raw, flags = struct.unpack_from("<II", data, 32)
    version = (
        version_raw >> 24 & 0xFF,
        version_raw >> 16 & 0xFF,
        version_raw >> 8 & 0xFF,
        version_raw & 0xFF,
    )
    for bit, (what, hint) in PROTECTIONS.items():
        if flags & bit:
            raise EncryptedDocumentError(what, file=path.name, hint=hint)
    return FileHeader(version=version, flags=flags)


def iter_records(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """Yield (tag, level, payload) for each record of a decompressed stream."""
    offset = 0
    while offset + 4 <= len(data):
        (header,) = struct.unpack_from("<I", data, offset)
        offset += 4
        tag, level, size = header & 0x3FF, header >> 10 & 0x3FF, header >> 20 & 0xFFF
        if size == 0xFFF:
            if offset + 4 > len(data):
                return
            (size,) = struct.unpack_from("<I", data, offset)
            offset += 4
        yield tag, level, data[offset : offset + size]
        offset += size


def para_text(payload: bytes) -> str:
    """Text of one HWPTAG_PARA_TEXT payload with control characters resolved or dropped."""
    count = len(payload) // 2
    units = struct.unpack_from(f"<{count}H", payload)
    out: list[str] = []
    index = 0
    while index < count:
        unit = units[index]
        if unit >= 32:
            out.append(chr(unit))
            index += 1
        elif unit in CHAR_CONTROLS:
            out.append(CHAR_CONTROLS[unit])
            index += 1
        else:
            out.append(INLINE_CONTROLS.get(unit, ""))
            index += CONTROL_UNITS
    return _join_surrogates("".join(out))


def _join_surrogates(text: str) -> str:
    return text.encode("utf-16", "surrogatepass").decode("utf-16", errors="replace")


def section_paragraphs(data: bytes) -> list[str]:
    return [para_text(payload) for tag, _level, payload in iter_records(data) if tag == HWPTAG_PARA_TEXT]


def _section_names(ole: olefile.OleFileIO) -> list[str]:
    names = ["/".join(entry) for entry in ole.listdir() if entry[0] == "BodyText" and len(entry) == 2]
    sections = [name for name in names if name.split("/")[1].startswith("Section")]
    return sorted(sections, key=lambda name: int(name.removeprefix("BodyText/Section") or 0))


def _summary_title(ole: olefile.OleFileIO) -> str:
    stream = "\x05HwpSummaryInformation"
    if not ole.exists(stream):
        return ""
    try:
        properties = ole.getproperties(stream, convert_time=True)
    except (OSError, ValueError, struct.error):
        return ""
    title = properties.get(2, "")
    return title.replace("\x00", "").strip() if isinstance(title, str) else ""


def read_hwp(
    path: Path, sha256: str, *, progress: Callable[[int, int], None] | None = None
) -> list[Extraction]:
    """One Extraction with one unpaged PageText per body section."""
    try:
        ole = olefile.OleFileIO(str(path))
    except (OSError, ValueError) as error:
        raise DocumentError(
            f"OLE 구조가 손상된 한글 파일입니다 ({error})",
            file=path.name,
            hint="한글에서 다시 저장해 올려 주세요.",
        ) from error
    with ole:
        if not ole.exists("FileHeader"):
            raise DocumentError(
                "한글 파일 머리(FileHeader)가 없습니다", file=path.name, hint="HWP 5 형식인지 확인해 주세요."
            )
        header = parse_file_header(path, ole.openstream("FileHeader").read())
        pages = _read_sections(path, ole, header, progress)
        title = _summary_title(ole)
    return [limited_extraction(path.name, sha256, "hwp", pages, DocumentMetadata(title=title))]


def _read_sections(
    path: Path, ole: olefile.OleFileIO, header: FileHeader, progress: Callable[[int, int], None] | None
) -> list[PageText]:
    names = _section_names(ole)
    if not names:
        raise DocumentError(
            "본문(BodyText) 구역이 없습니다", file=path.name, hint="한글에서 다시 저장해 올려 주세요."
        )
    pages: list[PageText] = []
    for done, name in enumerate(names, start=1):
        raw = ole.openstream(name).read()
        data = inflate_raw(path, raw, what=name) if header.compressed else raw
        pages.append(PageText(page=None, text="\n".join(section_paragraphs(data))))
        if progress:
            progress(done, len(names))
    return pages
