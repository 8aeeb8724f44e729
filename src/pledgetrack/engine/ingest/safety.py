"""Safety limits for ingest: file size, zip bombs, decompression caps, text size.

A ZIP container (HWPX, DOCX) is checked from its central directory before any
member is decompressed, and every member is then read through a byte cap, so a
header that lies about sizes is caught as well.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pledgetrack.engine.errors import DocumentError, UnsafeDocumentError
from pledgetrack.engine.types import DocumentMetadata, Extraction, PageText

GIB = 1 << 30
MB = 1_000_000
NESTED_ARCHIVE_SUFFIXES = (".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz", ".zst", ".cab")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class IngestLimits:
    """Limits that keep one bad file from exhausting memory or disk."""

    max_file_bytes: int = 2 * GIB
    max_zip_total_bytes: int = 200 * MB
    max_zip_ratio: float = 100.0
    ratio_min_bytes: int = 1 * MB
    max_zip_entries: int = 10_000
    max_member_bytes: int = 200 * MB
    max_text_chars: int = 50_000_000


DEFAULT_LIMITS = IngestLimits()


def _unsafe(path: Path, what: str) -> UnsafeDocumentError:
    return UnsafeDocumentError(
        what, file=path.name, hint="압축 폭탄이거나 손상된 파일일 수 있습니다. 원본 파일을 확인해 주세요."
    )


def check_file_size(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> int:
    """Size of ``path`` from ``stat`` (never read); refuse files past ``max_file_bytes``."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise UnsafeDocumentError(
            f"파일이 너무 큽니다: {size:,}바이트, 한도 {limits.max_file_bytes:,}바이트",
            file=path.name,
            hint="문서를 나누어 올리거나 관리자에게 한도 조정을 요청해 주세요.",
        )
    return size


def _check_member_name(path: Path, info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise _unsafe(path, f"압축 안의 경로가 위험합니다: '{name}'")
    if name.lower().endswith(NESTED_ARCHIVE_SUFFIXES):
        raise _unsafe(path, f"압축 안에 다른 압축 파일이 들어 있습니다: '{name}'")


def _check_member_ratio(path: Path, info: zipfile.ZipInfo, limits: IngestLimits) -> None:
    if info.file_size > limits.max_member_bytes:
        raise _unsafe(
            path,
            f"'{info.filename}'의 풀린 크기 {info.file_size:,}바이트가 "
            f"한도 {limits.max_member_bytes:,}바이트를 넘습니다",
        )
    if info.file_size <= limits.ratio_min_bytes:
        return
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > limits.max_zip_ratio:
        raise _unsafe(
            path, f"'{info.filename}'의 압축률 {ratio:,.0f}:1이 한도 {limits.max_zip_ratio:,.0f}:1을 넘습니다"
        )


def check_zip(path: Path, archive: zipfile.ZipFile, limits: IngestLimits = DEFAULT_LIMITS) -> None:
    """Refuse a ZIP from its central directory alone: entries, total size, ratios, names."""
    infos = archive.infolist()
    if len(infos) > limits.max_zip_entries:
        raise _unsafe(
            path, f"압축 안의 항목이 {len(infos):,}개로 한도 {limits.max_zip_entries:,}개를 넘습니다"
        )
    total = 0
    for info in infos:
        _check_member_name(path, info)
        _check_member_ratio(path, info, limits)
        total += info.file_size
        if total > limits.max_zip_total_bytes:
            raise _unsafe(
                path,
                f"풀린 크기 합계가 {total:,}바이트를 넘어 "
                f"한도 {limits.max_zip_total_bytes:,}바이트를 초과합니다",
            )


@contextmanager
def open_zip_safely(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[zipfile.ZipFile]:
    """Open ``path`` as a ZIP after :func:`check_zip`; a corrupt archive becomes a DocumentError."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DocumentError(
            f"손상된 압축 파일입니다 ({error})", file=path.name, hint="원본 파일을 다시 저장해 올려 주세요."
        ) from error
    with archive:
        check_zip(path, archive, limits)
        yield archive


def read_member(
    path: Path, archive: zipfile.ZipFile, name: str, *, max_bytes: int = DEFAULT_LIMITS.max_member_bytes
) -> bytes:
    """Read one member in chunks, refusing to produce more than ``max_bytes``."""
    chunks: list[bytes] = []
    produced = 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(_CHUNK):
                produced += len(chunk)
                if produced > max_bytes:
                    raise _unsafe(path, f"'{name}'을 푸는 중 {max_bytes:,}바이트 한도를 넘었습니다")
                chunks.append(chunk)
    except KeyError as error:
        raise DocumentError(f"필요한 부분 '{name}'이 없습니다", file=path.name) from error
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise DocumentError(
            f"'{name}'을 풀 수 없습니다 ({error})",
            file=path.name,
            hint="손상된 파일입니다. 원본을 다시 저장해 올려 주세요.",
        ) from error
    return b"".join(chunks)


def inflate_raw(
    path: Path, data: bytes, *, what: str, max_bytes: int = DEFAULT_LIMITS.max_member_bytes
) -> bytes:
    """Decompress a raw deflate stream (no zlib header) with a cap on the output size."""
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise DocumentError(
            f"'{what}'의 압축을 풀 수 없습니다 ({error})", file=path.name, hint="손상된 파일입니다."
        ) from error
    if len(out) > max_bytes:
        raise _unsafe(path, f"'{what}'을 푸는 중 {max_bytes:,}바이트 한도를 넘었습니다")
    return out


def limit_text(
    pages: list[PageText], file: str, limits: IngestLimits = DEFAULT_LIMITS
) -> tuple[list[PageText], tuple[str, ...]]:
    """Cut the extracted text at ``max_text_chars`` and say so in a warning."""
    budget = limits.max_text_chars
    kept: list[PageText] = []
    for page in pages:
        if len(page.text) <= budget:
            kept.append(page)
            budget -= len(page.text)
            continue
        if budget > 0:
            kept.append(PageText(page.page, page.text[:budget], page.method, page.confidence))
        warning = (
            f"'{file}': 추출한 글자가 {limits.max_text_chars:,}자를 넘어 그 뒤를 잘라냈습니다. "
            "문서를 나누어 올리면 전체를 읽을 수 있습니다."
        )
        return kept, (warning,)
    return kept, ()


def limited_extraction(
    file: str,
    sha256: str,
    fmt: str,
    pages: list[PageText],
    metadata: DocumentMetadata,
    warnings: tuple[str, ...] = (),
) -> Extraction:
    """One Extraction of ``pages``, cut at the text limit (the cut is the last warning)."""
    kept, cut = limit_text(pages, file)
    return Extraction(
        file=file, sha256=sha256, format=fmt, pages=tuple(kept), metadata=metadata, warnings=(*warnings, *cut)
    )


def unpaged_extraction(
    file: str,
    sha256: str,
    fmt: str,
    text: str,
    metadata: DocumentMetadata,
    warnings: tuple[str, ...] = (),
) -> Extraction:
    """One Extraction with a single unpaged page, cut at the text limit (the cut is the last warning)."""
    return limited_extraction(file, sha256, fmt, [PageText(page=None, text=text)], metadata, warnings)
