"""HWPX (OWPML, KS X 6101): a ZIP of XML parts; text lives in ``Contents/section*.xml``.

Paragraphs (``hp:p``) are read in order; a table (``hp:tbl``) inside a paragraph's run
becomes one line per row with cells separated by tabs, right after the paragraph's own
text. Text boxes and other drawing objects with a ``subList`` are read the same way.
Elements are matched by local name, so both the 2011 and 2016 namespaces work.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from pledgetrack.engine.errors import DocumentError, EncryptedDocumentError
from pledgetrack.engine.ingest.safety import limited_extraction, open_zip_safely, read_member
from pledgetrack.engine.types import DocumentMetadata, Extraction, PageText

SECTION_NAME = re.compile(r"^Contents/section(\d+)\.xml$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
# inline elements inside hp:t -> the text they stand for
INLINE_TEXT: dict[str, str] = {
    "tab": "\t",
    "lineBreak": "\n",
    "nbSpace": "\u00a0",
    "fwSpace": " ",
    "hyphen": "-",
}


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def parse_xml(path: Path, data: bytes, part: str) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise DocumentError(
            f"'{part}'의 XML이 손상되었습니다 ({error})",
            file=path.name,
            hint="한글에서 다시 저장해 올려 주세요.",
        ) from error


def _t_text(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(INLINE_TEXT.get(_local(child), ""))
        parts.append(child.tail or "")
    return "".join(parts)


def paragraph_lines(paragraph: etree._Element) -> list[str]:
    """The paragraph's own text as one line, then the lines of tables and text boxes it holds."""
    own: list[str] = []
    nested: list[str] = []
    for run in paragraph:
        for child in run:
            name = _local(child)
            if name == "t":
                own.append(_t_text(child))
            elif name == "tbl":
                nested.extend(table_lines(child))
            else:
                nested.extend(_sublist_lines(child))
    text = "".join(own)
    return ([text] if text.strip() else []) + nested


def table_lines(table: etree._Element) -> list[str]:
    lines: list[str] = []
    for row in (child for child in table if _local(child) == "tr"):
        cells = [" ".join(_sublist_lines(cell)) for cell in row if _local(cell) == "tc"]
        if any(cell.strip() for cell in cells):
            lines.append("\t".join(cells))
    return lines


def _sublist_lines(element: etree._Element) -> list[str]:
    """Lines of the paragraphs in the nearest ``subList`` elements below ``element``."""
    lines: list[str] = []
    for child in element:
        name = _local(child)
        if name == "subList":
            for paragraph in child:
                if _local(paragraph) == "p":
                    lines.extend(paragraph_lines(paragraph))
        elif name not in ("p", "tbl"):
            lines.extend(_sublist_lines(child))
    return lines


def section_text(root: etree._Element) -> str:
    lines: list[str] = []
    for paragraph in root:
        if _local(paragraph) == "p":
            lines.extend(paragraph_lines(paragraph))
    return "\n".join(lines)


def section_names(names: list[str]) -> list[str]:
    numbered = [(int(match[1]), name) for name in names if (match := SECTION_NAME.match(name))]
    return [name for _, name in sorted(numbered)]


def _title(path: Path, archive: zipfile.ZipFile) -> str:
    if "Contents/content.hpf" not in archive.namelist():
        return ""
    root = parse_xml(path, read_member(path, archive, "Contents/content.hpf"), "content.hpf")
    titles = [el.text.strip() for el in root.iter() if _local(el) == "title" and el.text and el.text.strip()]
    return titles[0] if titles else ""


def _refuse_encrypted(path: Path, archive: zipfile.ZipFile) -> None:
    if "META-INF/manifest.xml" not in archive.namelist():
        return
    if b"encryption-data" in read_member(path, archive, "META-INF/manifest.xml"):
        raise EncryptedDocumentError(
            "암호가 걸린 파일", file=path.name, hint="암호를 해제한 뒤 다시 올려 주세요."
        )


def read_hwpx(
    path: Path, sha256: str, *, progress: Callable[[int, int], None] | None = None
) -> list[Extraction]:
    """One Extraction with one unpaged PageText per section."""
    pages: list[PageText] = []
    with open_zip_safely(path) as archive:
        _refuse_encrypted(path, archive)
        names = section_names(archive.namelist())
        if not names:
            raise DocumentError(
                "본문 구역(Contents/section0.xml)이 없습니다",
                file=path.name,
                hint="HWPX 형식인지 확인해 주세요.",
            )
        for done, name in enumerate(names, start=1):
            root = parse_xml(path, read_member(path, archive, name), name)
            pages.append(PageText(page=None, text=section_text(root)))
            if progress:
                progress(done, len(names))
        title = _title(path, archive)
    return [limited_extraction(path.name, sha256, "hwpx", pages, DocumentMetadata(title=title))]
