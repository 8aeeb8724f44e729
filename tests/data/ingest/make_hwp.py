"""Test-only writer of minimal HWP 5 files (예시 문서를 만드는 시험용 도구).

No Python library writes HWP, so this builds the OLE compound file (MS-CFB, version 3,
512-byte sectors) by hand: a header, FAT, directory, mini FAT and mini stream for
streams under 4096 bytes, and regular sectors for the rest. Streams follow the public
HWP 5.0 specification: ``FileHeader``, ``DocInfo``, ``BodyText/Section{n}`` and
optionally ``\\x05HwpSummaryInformation`` with a title.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF

HWPTAG_BEGIN = 0x10
TAG_DOCUMENT_PROPERTIES = HWPTAG_BEGIN
TAG_PARA_HEADER = HWPTAG_BEGIN + 50
TAG_PARA_TEXT = HWPTAG_BEGIN + 51
TAG_CTRL_HEADER = HWPTAG_BEGIN + 55
TAG_LIST_HEADER = HWPTAG_BEGIN + 56
TAG_TABLE = HWPTAG_BEGIN + 61

# {9FA2B660-1061-11D4-B4C6-006097C09D8C}, the property set id 한글 uses for its summary
FMTID_SUMMARY = bytes.fromhex("60B6A29F6110D411B4C6006097C09D8C")


@dataclass
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    children: list[_Entry] = field(default_factory=list)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    start: int = ENDOFCHAIN


def _sort_key(entry: _Entry) -> tuple[int, str]:
    return (len(entry.name), entry.name.upper())


def _tree(entries: list[_Entry]) -> int:
    """Link siblings as a balanced binary search tree (all black) and return its root id."""
    if not entries:
        return NOSTREAM
    middle = len(entries) // 2
    root = entries[middle]
    root.left = _tree(entries[:middle])
    root.right = _tree(entries[middle + 1 :])
    return root.sid


def _flatten(root: _Entry) -> list[_Entry]:
    order = [root]
    for entry in order:
        order.extend(entry.children)
    for sid, entry in enumerate(order):
        entry.sid = sid
    for entry in order:
        entry.child = _tree(sorted(entry.children, key=_sort_key))
    return order


def _dir_entry(entry: _Entry, size: int) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\x00\x00"
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name, len(name), entry.kind, 1, entry.left, entry.right, entry.child,
        b"\x00" * 16, 0, 0, 0, entry.start if size or entry.kind == 5 else ENDOFCHAIN, size,
    )  # fmt: skip


def _pad(data: bytes, unit: int) -> bytes:
    return data + b"\x00" * (-len(data) % unit)


def _chain(fat: list[int], start: int, count: int) -> None:
    for index in range(count):
        fat[start + index] = start + index + 1 if index < count - 1 else ENDOFCHAIN


def build_cfb(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file holding ``streams`` ('Storage/Stream' paths, one level deep)."""
    root = _Entry("Root Entry", 5)
    storages: dict[str, _Entry] = {}
    for path, data in streams.items():
        parent = root
        if "/" in path:
            folder, path = path.split("/", 1)
            parent = storages.setdefault(folder, _Entry(folder, 1))
            if parent not in root.children:
                root.children.append(parent)
        parent.children.append(_Entry(path, 2, data))
    entries = _flatten(root)
    small = [e for e in entries if e.kind == 2 and len(e.data) < MINI_CUTOFF and e.data]
    large = [e for e in entries if e.kind == 2 and len(e.data) >= MINI_CUTOFF]
    mini_stream, mini_fat = b"", []
    for entry in small:
        entry.start = len(mini_stream) // MINI_SECTOR
        count = -(-len(entry.data) // MINI_SECTOR)
        mini_fat.extend(entry.start + i + 1 if i < count - 1 else ENDOFCHAIN for i in range(count))
        mini_stream += _pad(entry.data, MINI_SECTOR)
    dir_count = -(-len(entries) * 128 // SECTOR)
    minifat_bytes = _pad(b"".join(struct.pack("<I", v) for v in mini_fat), SECTOR) if mini_fat else b""
    minifat_count = len(minifat_bytes) // SECTOR
    ministream_count = -(-len(mini_stream) // SECTOR)
    large_counts = [-(-len(e.data) // SECTOR) for e in large]
    body = dir_count + minifat_count + ministream_count + sum(large_counts)
    fat_count = 1
    while fat_count * (SECTOR // 4) < body + fat_count:
        fat_count += 1
    fat = [FREESECT] * (fat_count * SECTOR // 4)
    for index in range(fat_count):
        fat[index] = FATSECT
    cursor = fat_count
    dir_start = cursor
    _chain(fat, cursor, dir_count)
    cursor += dir_count
    minifat_start = cursor if minifat_count else ENDOFCHAIN
    _chain(fat, cursor, minifat_count)
    cursor += minifat_count
    root.start = cursor if ministream_count else ENDOFCHAIN
    _chain(fat, cursor, ministream_count)
    cursor += ministream_count
    for entry, count in zip(large, large_counts, strict=True):
        entry.start = cursor
        _chain(fat, cursor, count)
        cursor += count
    sizes = {id(e): len(e.data) for e in entries}
    sizes[id(root)] = len(mini_stream)
    directory = b"".join(_dir_entry(e, sizes[id(e)]) for e in entries)
    directory += _empty_dir_entries(dir_count * 4 - len(entries))
    difat = [*range(fat_count), *([FREESECT] * (109 - fat_count))]
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x00" * 16, 0x3E, 3, 0xFFFE, 9, 6, b"\x00" * 6,
        0, fat_count, dir_start, 0, MINI_CUTOFF, minifat_start, minifat_count, ENDOFCHAIN, 0,
    ) + struct.pack("<109I", *difat)  # fmt: skip
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    parts = [header, fat_bytes, directory, minifat_bytes, _pad(mini_stream, SECTOR)]
    parts += [_pad(e.data, SECTOR) for e in large]
    return b"".join(parts)


def _empty_dir_entries(count: int) -> bytes:
    blank = struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"", 0, 0, 0, 0, 0)
    return blank * count


# --- HWP streams ---------------------------------------------------------------


def record(tag: int, level: int, payload: bytes) -> bytes:
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + payload
    return struct.pack("<I", tag | level << 10 | size << 20) + payload


def file_header(*, compressed: bool, flags: int = 0, version: int = 0x05000300) -> bytes:
    flags |= 1 if compressed else 0
    return _pad(b"HWP Document File".ljust(32, b"\x00") + struct.pack("<II", version, flags), 256)


def extended_control(code: int, ctrl_id: bytes = b" lbt") -> str:
    """An extended control as 8 UTF-16 units: code, a 4-byte control id, 4 bytes of data, code."""
    raw = struct.pack("<H4s8sH", code, ctrl_id, b"\x00" * 8, code)
    return raw.decode("utf-16-le", "surrogatepass")


def inline_control(code: int) -> str:
    return struct.pack("<H12sH", code, b"\x00" * 12, code).decode("utf-16-le", "surrogatepass")


def paragraph(text: str, level: int = 0) -> bytes:
    """PARA_HEADER + PARA_TEXT for one paragraph; ``text`` may hold control characters."""
    units = (text + "\r").encode("utf-16-le", "surrogatepass")
    header = struct.pack("<IIHBB", len(units) // 2, 0, 0, 0, 0) + b"\x00" * 10
    return record(TAG_PARA_HEADER, level, header) + record(TAG_PARA_TEXT, level + 1, units)


def table(rows: list[list[str]], level: int = 1) -> bytes:
    """CTRL_HEADER('tbl ') + TABLE + one LIST_HEADER and paragraph per cell, as 한글 writes them."""
    out = record(TAG_CTRL_HEADER, level, b" lbt" + b"\x00" * 40)
    out += record(TAG_TABLE, level + 1, struct.pack("<IHH", 0, len(rows), len(rows[0])) + b"\x00" * 20)
    for row_index, row in enumerate(rows):
        for col_index, cell in enumerate(row):
            out += record(
                TAG_LIST_HEADER, level + 1, struct.pack("<HIHH", 1, 0, col_index, row_index) + b"\x00" * 20
            )
            out += paragraph(cell, level + 1)
    return out


def summary_information(title: str) -> bytes:
    """A property set stream with PIDSI_TITLE (2) as VT_LPWSTR, as 한글 writes it."""
    value = (title + "\x00").encode("utf-16-le")
    prop = struct.pack("<II", 0x1F, len(value) // 2) + _pad(value, 4)
    section = struct.pack("<II", 8 + 8 + len(prop), 1) + struct.pack("<II", 2, 16) + prop
    header = (
        struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020006, b"\x00" * 16, 1)
        + FMTID_SUMMARY
        + struct.pack("<I", 48)
    )
    return header + section


def build_hwp(
    paragraphs: list[bytes],
    *,
    compressed: bool = True,
    flags: int = 0,
    title: str = "",
    sections: int = 1,
) -> bytes:
    """A HWP 5 file whose body sections each hold ``paragraphs`` (from :func:`paragraph`)."""
    body = b"".join(paragraphs)
    doc_info = record(TAG_DOCUMENT_PROPERTIES, 0, struct.pack("<H", sections) + b"\x00" * 24)
    if compressed:
        body, doc_info = _deflate(body), _deflate(doc_info)
    streams = {"FileHeader": file_header(compressed=compressed, flags=flags), "DocInfo": doc_info}
    for index in range(sections):
        streams[f"BodyText/Section{index}"] = body
    if title:
        streams["\x05HwpSummaryInformation"] = summary_information(title)
    return build_cfb(streams)


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def write_hwp(path: Path, paragraphs: list[bytes], **options: object) -> Path:
    path.write_bytes(build_hwp(paragraphs, **options))  # type: ignore[arg-type]
    return path
