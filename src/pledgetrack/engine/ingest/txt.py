"""Plain text in UTF-8 (with or without BOM), UTF-16 (BOM), CP949 or EUC-KR."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.metadata import find_byline, find_published_date, guess_title
from pledgetrack.engine.ingest.safety import DEFAULT_LIMITS, unpaged_extraction
from pledgetrack.engine.types import DocumentMetadata, Extraction

# BOM -> codec; UTF-32 first because its little-endian BOM starts with UTF-16's.
BOMS: dict[bytes, str] = {
    codecs.BOM_UTF32_LE: "utf-32",
    codecs.BOM_UTF32_BE: "utf-32",
    codecs.BOM_UTF8: "utf-8-sig",
    codecs.BOM_UTF16_LE: "utf-16",
    codecs.BOM_UTF16_BE: "utf-16",
}
# The only encodings charset-normalizer may choose among for Korean text.
KOREAN_ENCODINGS = ("cp949", "euc_kr", "utf_16_le", "utf_16_be")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool


def decode_text(data: bytes) -> Decoded:
    """Decode bytes: BOM, strict UTF-8, then a guess restricted to Korean encodings, then cp949."""
    for bom, codec in BOMS.items():
        if data.startswith(bom):
            return Decoded(data.decode(codec, errors="replace"), codec.removesuffix("-sig"), False)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(KOREAN_ENCODINGS)).best()
    if best is not None:
        return Decoded(str(best), best.encoding.replace("_", "-"), True)
    return Decoded(data.decode("cp949", errors="replace"), "cp949", True)


def text_metadata(text: str) -> DocumentMetadata:
    """Title, date and byline found in the text itself."""
    return DocumentMetadata(
        title=guess_title(text), published=find_published_date(text), byline=find_byline(text)
    )


def read_txt(
    path: Path, sha256: str, *, progress: Callable[[int, int], None] | None = None
) -> list[Extraction]:
    """One Extraction with one unpaged PageText; a warning when the encoding was guessed."""
    limit = DEFAULT_LIMITS.max_text_chars * 4
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    warnings: list[str] = []
    if len(data) > limit:
        data = data[:limit]
        warnings.append(f"'{path.name}': 파일이 {limit:,}바이트를 넘어 앞부분만 읽었습니다.")
    decoded = decode_text(data)
    if decoded.guessed:
        warnings.append(
            f"'{path.name}': 문자 인코딩을 {decoded.encoding}(으)로 추정해 읽었습니다. "
            "글자가 깨져 보이면 UTF-8로 저장해 다시 올려 주세요."
        )
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError("글자가 없는 텍스트 파일", file=path.name, hint="내용이 있는 파일을 올려 주세요.")
    if progress:
        progress(1, 1)
    return [unpaged_extraction(path.name, sha256, "txt", text, text_metadata(text), tuple(warnings))]
