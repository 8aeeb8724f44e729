"""How much of a PDF page's dark ink the text layer accounts for.

A page can hold a real text paragraph and, beside it, text drawn as outlines or as an
image (a pasted scan, a pledge list in outlined glyphs). Such a page passes the usable-text
check, yet its text layer holds only part of what a reader sees. The page is rendered
small; dark pixels not under (a slightly widened) text-layer segment are "uncovered ink".
Light grey shapes (maps, watermark letters, tinted boxes) are not ink at this threshold.
"""

from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium

COVERAGE_DPI = 50
INK_LEVEL = 128  # grey levels below this are ink
PAD_PT = 2.0  # text segments widened by this much on every side


def uncovered_ink(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> tuple[int, int]:
    """(ink pixels outside the text layer's segments, ink pixels inside them), at 50 DPI."""
    scale = COVERAGE_DPI / 72.0
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        ink = np.asarray(bitmap.to_numpy()).reshape(bitmap.height, bitmap.width) < INK_LEVEL
    finally:
        bitmap.close()
    covered = np.zeros_like(ink)
    height = page.get_height()
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        x0, x1 = int((left - PAD_PT) * scale), int(np.ceil((right + PAD_PT) * scale))
        y0, y1 = int((height - top - PAD_PT) * scale), int(np.ceil((height - bottom + PAD_PT) * scale))
        covered[max(y0, 0) : max(y1, 0), max(x0, 0) : max(x1, 0)] = True
    return int((ink & ~covered).sum()), int((ink & covered).sum())


def text_layer_partial(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, *, share: float = 0.35) -> bool:
    """True when at least ``share`` of the page's ink lies outside its text layer (and that ink
    is more than a stray mark: 0.1% of the page)."""
    outside, inside = uncovered_ink(page, textpage)
    width, height = page.get_size()
    page_pixels = width * height * (COVERAGE_DPI / 72.0) ** 2
    return outside >= 0.001 * page_pixels and outside >= share * (outside + inside)
