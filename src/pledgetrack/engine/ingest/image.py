"""Read an image (PNG, JPEG, WebP: pledge cards, photographed pages) by OCR: one page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from pledgetrack.engine.errors import DocumentError, UnsafeDocumentError
from pledgetrack.engine.ingest.ocr import OcrOptions, check_tesseract, ocr_image
from pledgetrack.engine.ingest.ocr_correct import correct_text
from pledgetrack.engine.types import Extraction, PageText

Progress = Callable[[int, int], None]
FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
MAX_PIXELS = 60_000_000


def read_image(
    path: Path,
    sha256: str,
    *,
    progress: Progress | None = None,
    options: OcrOptions | None = None,
) -> list[Extraction]:
    """OCR an image into one ``Extraction`` with one ``PageText`` (page 1, ``method="ocr"``)."""
    options = options or OcrOptions()
    image, source_dpi = load_image(path)
    check_tesseract(options, path.name)
    result = ocr_image(image, options, label=f"'{path.name}'", source_dpi=source_dpi)
    text = correct_text(result.text) if options.correct else result.text
    if progress is not None:
        progress(1, 1)
    warnings = (result.warning,) if result.warning else ()
    page = PageText(1, text, "ocr", result.confidence)
    return [Extraction(path.name, sha256, "image", (page,), warnings=warnings)]


def load_image(path: Path) -> tuple[Image.Image, float | None]:
    """Open and decode an image (EXIF rotation applied); its DPI when the file states one."""
    try:
        with Image.open(path) as opened:
            if opened.format not in FORMATS:
                raise DocumentError(
                    f"지원하지 않는 이미지 형식 {opened.format}",
                    file=path.name,
                    hint="PNG, JPG, WebP로 바꿔 올려 주세요.",
                )
            if opened.width * opened.height > MAX_PIXELS:
                raise UnsafeDocumentError(
                    f"이미지가 너무 큽니다 ({opened.width}×{opened.height})",
                    file=path.name,
                    hint="해상도를 줄여 다시 올려 주세요.",
                )
            dpi = _stated_dpi(opened.info.get("dpi"))
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise DocumentError(
            "손상되었거나 이미지가 아닌 파일", file=path.name, hint="원본 파일을 다시 받아 올려 주세요."
        ) from error
    return image, dpi


def _stated_dpi(value: object) -> float | None:
    """A stated DPI, ignoring the 72/96 defaults that screen images carry without meaning."""
    if isinstance(value, tuple) and value and isinstance(value[0], int | float):
        dpi = float(value[0])
        return dpi if dpi >= 100 else None
    return None
