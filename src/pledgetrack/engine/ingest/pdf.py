"""Read a PDF page by page: the text layer where it is usable, OCR where it is not.

Pages are opened, read and closed one at a time; pages that need OCR are rendered in
this thread and handed to a small pool of Tesseract processes (``ocr.ocr_many``) that
holds at most a few rendered pages at once, so memory stays bounded for long books.

A text layer is *usable* when it holds Korean (or other) prose for the page's size;
pledge books often carry only a running header as text and draw the rest as outlines,
and such pages go to OCR. So does a page whose text layer is usable but accounts for less
than about two thirds of the dark ink drawn (a paragraph of text beside outlined glyphs or
a pasted image of text: ``pdf_coverage``). Running headers and footers are dropped later, when the
document is prepared (``pledgetrack.engine.text.dedupe.drop_running_lines``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pledgetrack.engine.errors import DocumentError, EncryptedDocumentError
from pledgetrack.engine.ingest.ocr import OcrJob, OcrOptions, OcrPage, check_tesseract, ocr_many, to_ocr_bytes
from pledgetrack.engine.ingest.ocr_correct import correct_text
from pledgetrack.engine.ingest.pdf_coverage import text_layer_partial
from pledgetrack.engine.types import DocumentMetadata, Extraction, PageText

Progress = Callable[[int, int], None]
A4_AREA_PT = 595.0 * 842.0
MIN_HANGUL_PER_A4 = 60
MIN_LETTERS_PER_A4 = 300
MAX_BAD_CHAR_RATIO = 0.1
MAX_RENDER_PIXELS = 40_000_000
PASSWORD_ERROR = 4


@dataclass(frozen=True)
class _PageFailure:
    page: int
    warning: str


def read_pdf(
    path: Path,
    sha256: str,
    *,
    progress: Progress | None = None,
    options: OcrOptions | None = None,
) -> list[Extraction]:
    """Read a PDF into one ``Extraction`` with one ``PageText`` per page (``page`` is 1-based)."""
    options = options or OcrOptions()
    document = open_pdf(path)
    try:
        total = len(document)
        pages: list[PageText] = []
        warnings: list[str] = []
        for item in ocr_many(_page_items(document, path.name, options), options):
            page_text, warning = _finish(item, len(pages) + 1, options)
            pages.append(page_text)
            if warning:
                warnings.append(warning)
            if progress is not None:
                progress(len(pages), total)
        metadata = _metadata(document)
    finally:
        document.close()
    return [Extraction(path.name, sha256, "pdf", tuple(pages), metadata, tuple(warnings))]


def open_pdf(path: Path) -> pdfium.PdfDocument:
    """Open a PDF; ``EncryptedDocumentError`` for a password, ``DocumentError`` when corrupt."""
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == PASSWORD_ERROR:
            raise EncryptedDocumentError(
                "암호가 걸린 파일", file=path.name, hint="암호를 해제한 뒤 다시 올려 주세요."
            ) from error
        raise DocumentError(
            "손상되었거나 PDF가 아닌 파일", file=path.name, hint="원본 파일을 다시 받아 올려 주세요."
        ) from error


def _page_items(
    document: pdfium.PdfDocument, file: str, options: OcrOptions
) -> Iterator[OcrJob | PageText | _PageFailure]:
    checked = False
    for index in range(len(document)):
        number = index + 1
        try:
            item = _read_page(document, index, options)
        except pdfium.PdfiumError as error:
            yield _PageFailure(number, f"'{file}' {number}쪽을 읽지 못해 건너뛰었습니다 ({error})")
            continue
        if isinstance(item, OcrJob) and not checked:
            check_tesseract(options, file)
            checked = True
        yield item


def _read_page(document: pdfium.PdfDocument, index: int, options: OcrOptions) -> OcrJob | PageText:
    page = document[index]
    try:
        width, height = page.get_size()
        text = page_text(page)
        if not _has_graphics(page) or (text_layer_usable(text, width * height) and not _partial(page)):
            return PageText(index + 1, text, "text")
        return OcrJob(f"{index + 1}쪽", _render(page, options))
    finally:
        page.close()


def _partial(page: pdfium.PdfPage) -> bool:
    """Whether much of the page's ink lies outside its text layer (outlined or pasted-in text)."""
    textpage = page.get_textpage()
    try:
        return text_layer_partial(page, textpage)
    finally:
        textpage.close()


def _render(page: pdfium.PdfPage, options: OcrOptions) -> bytes:
    width, height = page.get_size()
    scale = options.dpi / 72.0
    pixels = width * scale * height * scale
    if pixels > MAX_RENDER_PIXELS:
        scale *= (MAX_RENDER_PIXELS / pixels) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        return to_ocr_bytes(bitmap.to_pil(), options, source_dpi=scale * 72.0)
    finally:
        bitmap.close()


def _finish(item: object, number: int, options: OcrOptions) -> tuple[PageText, str]:
    if isinstance(item, PageText):
        return item, ""
    if isinstance(item, _PageFailure):
        return PageText(item.page, "", "text"), item.warning
    if not isinstance(item, OcrPage):
        raise TypeError(f"unexpected page item {item!r}")
    text = correct_text(item.text) if options.correct else item.text
    return PageText(number, text, "ocr", item.confidence), item.warning


def text_layer_usable(text: str, area_pt: float) -> bool:
    """True when ``text`` looks like the page's prose rather than a header or garbage."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return False
    bad = sum(1 for c in chars if _is_bad_char(c))
    if bad / len(chars) > MAX_BAD_CHAR_RATIO:
        return False
    size = max(area_pt / A4_AREA_PT, 0.1)
    hangul = sum(1 for c in chars if "가" <= c <= "힣")
    if hangul >= MIN_HANGUL_PER_A4 * size:
        return True
    letters = sum(1 for c in chars if c.isalpha())
    return hangul == 0 and letters >= MIN_LETTERS_PER_A4 * size


def _is_bad_char(char: str) -> bool:
    return char == "\ufffd" or unicodedata.category(char) in {"Co", "Cn", "Cc"}


def _has_graphics(page: pdfium.PdfPage) -> bool:
    """Whether anything other than text is drawn (only then can OCR find more text)."""
    return any(obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT for obj in page.get_objects(max_depth=1))


def _metadata(document: pdfium.PdfDocument) -> DocumentMetadata:
    try:
        title = document.get_metadata_value("Title")
    except pdfium.PdfiumError:
        title = ""
    return DocumentMetadata(title=title.strip())


# --- reading order -----------------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF points)


def page_text(page: pdfium.PdfPage) -> str:
    """The page's text layer in reading order (left column before right on 2-column pages)."""
    textpage = page.get_textpage()
    try:
        plain = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
        boxes = [textpage.get_rect(i) for i in range(textpage.count_rects())]
        width = page.get_width()
        gutter = find_gutter(boxes, width)
        if gutter is None:
            return plain.strip()
        ordered = order_columns(boxes, gutter)
        return "\n".join(_line_text(textpage, line) for line in ordered).strip()
    finally:
        textpage.close()


def find_gutter(boxes: list[Box], width: float) -> float | None:
    """The x of an empty vertical band between two columns of text segments, or None.

    Segments wider than 55% of the page (titles, full-width paragraphs) are ignored; each
    side must hold at least three segments.
    """
    narrow = [b for b in boxes if b[2] - b[0] < 0.55 * width]
    if len(narrow) < 6 or len(narrow) < 2 * (len(boxes) - len(narrow)):
        return None
    for x in _gap_centres(narrow, 0.3 * width, 0.7 * width, 0.015 * width):
        left = sum(1 for b in narrow if b[2] <= x)
        right = sum(1 for b in narrow if b[0] >= x)
        if left >= 3 and right >= 3:
            return x
    return None


def _gap_centres(boxes: list[Box], low: float, high: float, min_gap: float) -> list[float]:
    spans = sorted((b[0], b[2]) for b in boxes)
    centres: list[float] = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start - reach >= min_gap and low <= (start + reach) / 2 <= high:
            centres.append((start + reach) / 2)
        reach = max(reach, end)
    return centres


def order_columns(boxes: list[Box], gutter: float) -> list[list[Box]]:
    """Lines in reading order: full-width segments split the page into bands; in each band
    the left column's lines come before the right column's."""
    lines: list[list[Box]] = []
    band: list[Box] = []
    for box in sorted(boxes, key=lambda b: -b[3]):
        if box[0] < gutter < box[2]:
            lines += [*_band_lines(band, gutter), [box]]
            band = []
        else:
            band.append(box)
    return lines + _band_lines(band, gutter)


def _band_lines(band: list[Box], gutter: float) -> list[list[Box]]:
    left = [b for b in band if b[2] <= gutter]
    right = [b for b in band if b[0] >= gutter]
    return _group_lines(left) + _group_lines(right)


def _group_lines(boxes: list[Box]) -> list[list[Box]]:
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: -b[3]):
        if lines and abs(lines[-1][0][3] - box[3]) < 0.5 * (box[3] - box[1]):
            lines[-1].append(box)
        else:
            lines.append([box])
    return [sorted(line, key=lambda b: b[0]) for line in lines]


def _line_text(textpage: pdfium.PdfTextPage, line: list[Box]) -> str:
    parts = (textpage.get_text_bounded(*box).strip() for box in line)
    return " ".join(part for part in parts if part)


__all__ = ["open_pdf", "page_text", "read_pdf", "text_layer_usable"]
