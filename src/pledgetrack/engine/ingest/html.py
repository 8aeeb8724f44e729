"""HTML pages (news articles, press releases): the main text without menus, ads and footers.

trafilatura finds the article body and its metadata; when it finds nothing, the visible
text of the page's block elements is used instead. Dates and bylines missing from the
page's metadata are looked for in the text (:mod:`.metadata`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.metadata import find_byline, find_published_date, parse_korean_date
from pledgetrack.engine.ingest.safety import DEFAULT_LIMITS, unpaged_extraction
from pledgetrack.engine.ingest.txt import decode_text
from pledgetrack.engine.types import DocumentMetadata, Extraction

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DROP_TAGS = ("head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe")
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "br", "tr", "article"}
)


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """Page text by its declared charset, else by :func:`~.txt.decode_text`; warnings if guessed."""
    match = _META_CHARSET.search(data[:4096])
    if match:
        try:
            return _XML_DECLARATION.sub("", data.decode(match[1].decode("ascii"))), []
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_text(data)
    warnings = [f"문자 인코딩을 {decoded.encoding}(으)로 추정해 읽었습니다."] if decoded.guessed else []
    return _XML_DECLARATION.sub("", decoded.text), warnings


def main_text(markup: str) -> str:
    """The article body with paragraph breaks; the visible block text if trafilatura finds none."""
    text = trafilatura.extract(markup, output_format="txt", include_comments=False, include_tables=True)
    return text.strip() if text and text.strip() else fallback_text(markup)


def fallback_text(markup: str) -> str:
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    parts: list[str] = []
    _collect(root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _collect(element: etree._Element, parts: list[str]) -> None:
    """Text of ``element`` and its children in order, with a line break around block elements."""
    block = "\n" if element.tag in _BLOCK_TAGS else ""
    parts.append(block + ((element.text or "") if isinstance(element.tag, str) else ""))
    for child in element:
        _collect(child, parts)
        parts.append(child.tail or "")
    parts.append(block)


def page_metadata(markup: str, text: str) -> DocumentMetadata:
    """Metadata from the page's tags; the date and byline from the text when the tags lack them."""
    page_text = fallback_text(markup)
    found = trafilatura.extract_metadata(markup)
    title = (found.title or "").strip() if found else ""
    published: date | None = parse_korean_date(found.date) if found and found.date else None
    author = (found.author or "").strip() if found else ""
    url = (found.url or "").strip() if found else ""
    return DocumentMetadata(
        title=title,
        published=published or find_published_date(page_text) or find_published_date(text),
        url=url,
        byline=find_byline(text) or find_byline(page_text) or author,
    )


def read_html(
    path: Path, sha256: str, *, progress: Callable[[int, int], None] | None = None
) -> list[Extraction]:
    """One Extraction with one unpaged PageText holding the main text."""
    with path.open("rb") as handle:
        data = handle.read(DEFAULT_LIMITS.max_member_bytes)
    markup, warnings = decode_html(data)
    text = main_text(markup)
    if not text:
        raise DocumentError(
            "웹 페이지에서 본문을 찾지 못했습니다",
            file=path.name,
            hint="기사 본문이 있는 페이지인지 확인해 주세요.",
        )
    metadata = page_metadata(markup, text)
    if progress:
        progress(1, 1)
    prefixed = tuple(f"'{path.name}': {w}" for w in warnings)
    return [unpaged_extraction(path.name, sha256, "html", text, metadata, prefixed)]
