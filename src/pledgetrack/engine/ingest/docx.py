"""DOCX (press releases and papers in Word): paragraphs and tables in body order.

Headings are marked Markdown-style (``# `` for level 1, ``## `` for level 2 …) so later
steps can tell them from body text; a table becomes one line per row, cells joined by tabs.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.safety import open_zip_safely, unpaged_extraction
from pledgetrack.engine.types import DocumentMetadata, Extraction

# style name (English built-in or Korean Word) -> heading level
_HEADING_STYLE = re.compile(r"^(?:heading|제목)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "제목"})


def heading_level(paragraph: Paragraph) -> int:
    """1-9 for a heading paragraph, 0 for body text."""
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name.strip().lower() in _TITLE_STYLES:
        return 1
    match = _HEADING_STYLE.match(name.strip())
    return int(match[1]) if match else 0


def paragraph_line(paragraph: Paragraph) -> str:
    text = paragraph.text.strip()
    level = heading_level(paragraph)
    return f"{'#' * level} {text}" if text and level else text


def table_lines(table: Table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell repeats across the grid columns it spans
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def body_lines(document: Document) -> list[str]:
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(paragraph_line(block))
        else:
            lines.extend(table_lines(block))
    return [line for line in lines if line]


def core_metadata(document: Document) -> DocumentMetadata:
    props = document.core_properties
    created = props.created
    return DocumentMetadata(
        title=(props.title or "").strip(),
        published=created.date() if isinstance(created, datetime) else None,
        byline=(props.author or "").strip(),
    )


def _open(path: Path) -> Document:
    with open_zip_safely(path):
        pass  # central directory checked; python-docx then reads members within their declared sizes
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise DocumentError(
            f"손상된 DOCX 파일입니다 ({error})", file=path.name, hint="Word에서 다시 저장해 올려 주세요."
        ) from error


def read_docx(
    path: Path, sha256: str, *, progress: Callable[[int, int], None] | None = None
) -> list[Extraction]:
    """One Extraction with one unpaged PageText; title, created date and author from core properties."""
    document = _open(path)
    text = "\n".join(body_lines(document))
    if progress:
        progress(1, 1)
    return [unpaged_extraction(path.name, sha256, "docx", text, core_metadata(document))]
