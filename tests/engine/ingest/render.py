"""Render Korean text with a real font into test documents.

- ``render_text_image``: a PNG (or JPEG/WebP by suffix) of the text, at a given DPI;
- ``render_image_pdf``: an image-only PDF (no text layer), one page per string;
- ``render_text_pdf``: a PDF with a real text layer (fpdf2, test-only dependency), in one or
  two columns; two-column pages can be written row by row across the columns, the way
  some producers write them, to test reading order.

Fonts come from Debian's fonts-nanum.
"""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
A4_INCHES = (8.27, 11.69)
MARGIN_INCHES = 0.8


def render_page(text: str, *, dpi: int = 300, font: Path = NANUM, size_pt: float = 12.0) -> Image.Image:
    """An A4-width grayscale page of ``text`` (lines kept; long lines wrapped), at ``dpi``."""
    face = ImageFont.truetype(str(font), round(size_pt * dpi / 72))
    width, margin = round(A4_INCHES[0] * dpi), round(MARGIN_INCHES * dpi)
    lines = _wrap(text, face, width - 2 * margin)
    line_height = round(size_pt * dpi / 72 * 1.8)
    height = max(round(A4_INCHES[1] * dpi), 2 * margin + line_height * len(lines))
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((margin, margin + number * line_height), line, font=face, fill=0)
    return page


def _wrap(text: str, face: ImageFont.FreeTypeFont, max_width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines():
        width = max(10, len(paragraph))
        while width > 10 and any(
            face.getlength(line) > max_width for line in textwrap.wrap(paragraph, width)
        ):
            width -= 2
        lines += textwrap.wrap(paragraph, width) or [""]
    return lines


def render_text_image(
    text: str, path: Path, *, dpi: int = 300, font: Path = NANUM, size_pt: float = 12.0
) -> Path:
    """Write ``text`` as an image file (format from the suffix) that states its DPI."""
    page = render_page(text, dpi=dpi, font=font, size_pt=size_pt)
    if path.suffix.lower() in {".jpg", ".jpeg", ".webp"}:
        page.save(path, dpi=(dpi, dpi), quality=90)
    else:
        page.save(path, dpi=(dpi, dpi))
    return path


def render_image_pdf(
    pages: list[str], path: Path, *, dpi: int = 200, font: Path = NANUM, size_pt: float = 12.0
) -> Path:
    """Write an image-only PDF (no text layer) with one page per string."""
    images = [render_page(text, dpi=dpi, font=font, size_pt=size_pt) for text in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=float(dpi))
    return path


def render_text_pdf(
    pages: list[str | tuple[str, str]],
    path: Path,
    *,
    font: Path = NANUM,
    size_pt: float = 11.0,
    row_by_row: bool = False,
    header: str = "",
) -> Path:
    """Write a PDF with a real text layer. A page given as (left, right) has two columns;
    with ``row_by_row`` their lines are written alternately (left 1, right 1, left 2, …)."""
    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("nanum", "", str(font))
    pdf.set_font("nanum", size=size_pt)
    pdf.set_auto_page_break(False)
    for page in pages:
        pdf.add_page()
        if header:
            pdf.text(56, 40, header)
        columns = [page] if isinstance(page, str) else list(page)
        _write_columns(pdf, columns, size_pt, row_by_row)
    pdf.output(str(path))
    return path


def _write_columns(pdf: object, columns: list[str], size_pt: float, row_by_row: bool) -> None:
    width = (595 - 2 * 56 - 30 * (len(columns) - 1)) / len(columns)
    wrapped = [_wrap_pt(pdf, column, width) for column in columns]
    cells = [(c, n) for c, lines in enumerate(wrapped) for n in range(len(lines))]
    if row_by_row:
        cells.sort(key=lambda cell: (cell[1], cell[0]))
    for column, number in cells:
        x = 56 + column * (width + 30)
        pdf.text(x, 90 + number * size_pt * 1.6, wrapped[column][number])  # type: ignore[attr-defined]


def _wrap_pt(pdf: object, text: str, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and pdf.get_string_width(candidate) > width:  # type: ignore[attr-defined]
                lines.append(line)
                candidate = word
            line = candidate
        lines.append(line)
    return lines
