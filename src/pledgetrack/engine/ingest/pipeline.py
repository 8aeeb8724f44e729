"""Turn any supported file into extractions, and extractions into prepared documents.

The choice of reader is a mapping from format name to function; the error for an
unsupported type is built from the mapping's keys.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Protocol

from pledgetrack.engine.errors import UnsupportedFormatError
from pledgetrack.engine.types import Extraction

# format name -> "module:function"; each function takes (path: Path, sha256: str) and
# returns a list of Extraction (one for most formats, one per entry for feeds).
READERS: dict[str, str] = {
    "pdf": "pledgetrack.engine.ingest.pdf:read_pdf",
    "image": "pledgetrack.engine.ingest.image:read_image",
    "hwp": "pledgetrack.engine.ingest.hwp:read_hwp",
    "hwpx": "pledgetrack.engine.ingest.hwpx:read_hwpx",
    "docx": "pledgetrack.engine.ingest.docx:read_docx",
    "html": "pledgetrack.engine.ingest.html:read_html",
    "txt": "pledgetrack.engine.ingest.txt:read_txt",
    "feed": "pledgetrack.engine.ingest.feed:read_feed",
}

ProgressCallback = Callable[[int, int], None]


class Reader(Protocol):
    """A format reader: ``reader(path, sha256, progress=...)`` → extractions."""

    def __call__(
        self, path: Path, sha256: str, *, progress: ProgressCallback | None = None
    ) -> list[Extraction]: ...


def file_sha256(path: Path, chunk_size: int = 1 << 20) -> str:
    """Content hash of a file, read in chunks (bounded memory for large files)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def reader_for(fmt: str, file: str) -> Reader:
    try:
        target = READERS[fmt]
    except KeyError:
        supported = ", ".join(sorted(READERS))
        raise UnsupportedFormatError(
            f"지원하지 않는 형식 '{fmt}'", file=file, hint=f"지원 형식: {supported}."
        ) from None
    module_name, function_name = target.split(":")
    reader: Reader = getattr(import_module(module_name), function_name)
    return reader


def extract_file(
    path: Path, *, progress: ProgressCallback | None = None, sha256: str | None = None
) -> list[Extraction]:
    """Detect a file's format and read it: one Extraction (a feed gives one per entry)."""
    from pledgetrack.engine.ingest.detect import detect_format

    fmt = detect_format(path)
    reader = reader_for(fmt, path.name)
    digest = sha256 or file_sha256(path)
    return reader(path, digest, progress=progress)
