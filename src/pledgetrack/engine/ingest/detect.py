"""Find a file's format from its bytes first and its extension second.

The result is always a key of :data:`~pledgetrack.engine.ingest.pipeline.READERS`.
A renamed executable is refused, never handed to a reader by its extension.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import olefile

from pledgetrack.engine.errors import DocumentError, EncryptedDocumentError, UnsupportedFormatError
from pledgetrack.engine.ingest.pipeline import READERS
from pledgetrack.engine.ingest.safety import DEFAULT_LIMITS, IngestLimits, check_file_size

HEAD_BYTES = 64 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HWPX_MIMETYPE = b"application/hwp+zip"

# magic prefix -> format; checked in order on the first bytes of the file.
MAGIC: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "image",
    b"\xff\xd8\xff": "image",
    b"II*\x00": "image",
    b"MM\x00*": "image",
}
# first XML/HTML element name -> format
ROOT_ELEMENTS: dict[str, str] = {"rss": "feed", "feed": "feed", "rdf:rdf": "feed", "html": "html"}
# extension -> format, used only when the bytes are text without a telling root element
TEXT_EXTENSIONS: dict[str, str] = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed",
    ".txt": "txt", ".text": "txt", ".md": "txt", ".csv": "txt",
}  # fmt: skip
KNOWN_BINARIES: dict[bytes, str] = {
    b"MZ": "실행 파일(.exe)",
    b"\x7fELF": "실행 파일(ELF)",
    b"HWP Document File V3": "한글 97 이하(HWP 3.0) 문서",
    b"Rar!": "RAR 압축 파일",
    b"7z\xbc\xaf\x27\x1c": "7z 압축 파일",
    b"\x1f\x8b": "gzip 압축 파일",
}
_ROOT_TAG = re.compile(rb"<(?![?!/])([A-Za-z][\w:.-]*)")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def supported_formats() -> str:
    return ", ".join(sorted(READERS))


def _unsupported(path: Path, what: str) -> UnsupportedFormatError:
    return UnsupportedFormatError(
        what, file=path.name, hint=f"지원 형식: {supported_formats()}. 지원 형식으로 저장해 다시 올려 주세요."
    )


def detect_format(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> str:
    """Return the READERS key for ``path``; raise a DocumentError subclass if it cannot be read."""
    size = check_file_size(path, limits)
    if size == 0:
        raise DocumentError("빈 파일", file=path.name, hint="내용이 있는 파일을 올려 주세요.")
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    for sniff in SNIFFERS:
        found = sniff(path, head)
        if found:
            return found
    raise _unsupported(path, _describe_binary(path, head))


def _sniff_magic(path: Path, head: bytes) -> str | None:
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    return next((fmt for magic, fmt in MAGIC.items() if head.startswith(magic)), None)


def _sniff_ole(path: Path, head: bytes) -> str | None:
    if not head.startswith(OLE_MAGIC):
        return None
    try:
        with olefile.OleFileIO(str(path)) as ole:
            names = {"/".join(entry) for entry in ole.listdir(streams=True, storages=True)}
    except (OSError, ValueError) as error:
        raise DocumentError(
            f"손상된 문서 파일입니다 ({error})", file=path.name, hint="원본 파일을 다시 저장해 올려 주세요."
        ) from error
    if "FileHeader" in names:
        return "hwp"
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        raise EncryptedDocumentError(
            "암호가 걸린 Office 문서", file=path.name, hint="암호를 해제한 뒤 다시 올려 주세요."
        )
    raise _unsupported(path, "한글(HWP)이 아닌 OLE 문서입니다(예: 옛 .doc, .xls)")


def _sniff_zip(path: Path, head: bytes) -> str | None:
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(64).strip()
    except (zipfile.BadZipFile, OSError) as error:
        raise DocumentError(
            f"손상된 압축 문서입니다 ({error})", file=path.name, hint="원본 파일을 다시 저장해 올려 주세요."
        ) from error
    if mimetype == HWPX_MIMETYPE or "Contents/section0.xml" in names:
        return "hwpx"
    if "word/document.xml" in names:
        return "docx"
    raise _unsupported(path, "HWPX나 DOCX가 아닌 ZIP 파일입니다")


def _sniff_text(path: Path, head: bytes) -> str | None:
    text = _decode_head(head)
    if text is None:
        return None
    root = _root_element(text)
    if root in ROOT_ELEMENTS:
        return ROOT_ELEMENTS[root]
    if re.search(r"<!doctype\s+html|<(?:html|head|body)[\s>]", text[:8192], re.IGNORECASE):
        return "html"
    return TEXT_EXTENSIONS.get(path.suffix.lower(), "txt")


def _decode_head(head: bytes) -> str | None:
    """The head as text if it looks like text (a cut multibyte character at the end is allowed)."""
    if head.startswith(_BOMS[1:]):
        return head.decode("utf-16", errors="ignore")
    if b"\x00" in head:
        return None
    body = head[3:] if head.startswith(_BOMS[0]) else head
    for encoding in ("utf-8", "cp949"):
        text = body.decode(encoding, errors="ignore")
        if len(body) - len(text.encode(encoding)) <= 4 and _mostly_printable(text):
            return text
    return None


def _mostly_printable(text: str) -> bool:
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    return controls <= len(text) // 100


def _root_element(text: str) -> str:
    body = re.sub(r"<!--.*?-->", "", text[:8192], flags=re.DOTALL).lstrip("\ufeff \t\r\n")
    if not body.startswith("<"):
        return ""
    match = _ROOT_TAG.search(body.encode("utf-8"))
    return match.group(1).decode("ascii", errors="ignore").lower() if match else ""


def _describe_binary(path: Path, head: bytes) -> str:
    for magic, what in KNOWN_BINARIES.items():
        if head.startswith(magic):
            return f"{what}은(는) 읽을 수 없는 형식입니다 (확장자 '{path.suffix}')"
    return f"알 수 없는 이진 파일입니다 (확장자 '{path.suffix}')"


SNIFFERS: tuple[Callable[[Path, bytes], str | None], ...] = (
    _sniff_magic,
    _sniff_ole,
    _sniff_zip,
    _sniff_text,
)
