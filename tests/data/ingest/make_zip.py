"""Test-only ZIP writers: zip bombs built in a few megabytes and archives with lying headers.

A bomb's member is a run of zeros compressed once per mebibyte with a full flush, so the
same compressed block can be repeated: 1 GiB of zeros costs about 1 MB on disk and well
under a second to build, and the archive is a valid ZIP that would inflate to 1 GiB.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

MIB = 1 << 20
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01


@dataclass(frozen=True)
class Member:
    name: str
    compressed: bytes
    crc: int
    size: int
    method: int = 8  # 0 stored, 8 deflate


def stored(name: str, data: bytes) -> Member:
    return Member(name, data, zlib.crc32(data), len(data), method=0)


def deflated(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Member(name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def zeros(name: str, mebibytes: int) -> Member:
    """``mebibytes`` MiB of zeros as a deflate stream built from one repeated flushed block."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(MIB)) + packer.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    chunk = bytes(MIB)
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    return Member(name, block * mebibytes + final, crc, mebibytes * MIB)


def write_zip(path: Path, members: list[Member], *, declared_sizes: dict[str, int] | None = None) -> Path:
    """A ZIP of ``members``; ``declared_sizes`` overrides the uncompressed size written in both headers."""
    declared_sizes = declared_sizes or {}
    central: list[bytes] = []
    with path.open("wb") as out:
        for member in members:
            offset = out.tell()
            name = member.name.encode("utf-8")
            size = declared_sizes.get(member.name, member.size)
            fields = (
                20,
                0x800,
                member.method,
                0,
                _DOS_DATE,
                member.crc,
                len(member.compressed),
                size,
                len(name),
            )
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name)
            out.write(member.compressed)
            central.append(
                struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset) + name
            )
        start = out.tell()
        directory = b"".join(central)
        out.write(directory)
        out.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), start, 0)
        )
    return path


def hwpx_bomb(path: Path, mebibytes: int = 1024) -> Path:
    """Looks like HWPX (mimetype first, stored) but its section inflates to ``mebibytes`` MiB."""
    return write_zip(
        path, [stored("mimetype", b"application/hwp+zip"), zeros("Contents/section0.xml", mebibytes)]
    )


def docx_bomb(path: Path, mebibytes: int = 1024) -> Path:
    """Looks like DOCX but ``word/document.xml`` inflates to ``mebibytes`` MiB."""
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    )
    return write_zip(path, [deflated("[Content_Types].xml", types), zeros("word/document.xml", mebibytes)])
