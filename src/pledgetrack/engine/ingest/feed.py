"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one Extraction per entry.

Each entry's ``file`` is ``"{feed file name}#{n}"`` (1-based, in feed order) and its
``sha256`` is the hash of the entry's own content (title, link and text), so the same
article seen in two polls of a feed is recognised as one document.
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.metadata import parse_korean_date
from pledgetrack.engine.ingest.safety import DEFAULT_LIMITS, unpaged_extraction
from pledgetrack.engine.types import DocumentMetadata, Extraction

_BREAK_TAGS = ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, with a line break per block element."""
    if "<" not in markup:
        return "\n".join(" ".join(line.split()) for line in markup.splitlines() if line.strip())
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup
    etree.strip_elements(root, "script", "style", with_tail=False)
    for element in root.iter(*_BREAK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def entry_text(entry: Any) -> str:
    """The fullest text an entry carries: its content if present, else its summary."""
    contents = entry.get("content") or []
    values = [part.get("value", "") for part in contents if part.get("value")]
    markup = max(values, key=len) if values else entry.get("summary", "") or entry.get("description", "")
    return html_to_text(markup)


def local_date(raw: str) -> date | None:
    """The calendar date as written in the feed (its own time zone), not converted to UTC."""
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.strip()).date()
    except ValueError:
        return parse_korean_date(raw)


def entry_date(entry: Any) -> date | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        found = local_date(raw) if isinstance(raw, str) and raw.strip() else None
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if found or parsed:
            return found or date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)  # type: ignore[union-attr]
    return None


def entry_extraction(path: Path, number: int, entry: Any) -> Extraction:
    title = " ".join(str(entry.get("title", "")).split())
    link = str(entry.get("link", ""))
    text = entry_text(entry)
    body = "\n".join(part for part in (title, text) if part)
    digest = hashlib.sha256("\n".join((title, link, text)).encode("utf-8")).hexdigest()
    name = f"{path.name}#{number}"
    metadata = DocumentMetadata(
        title=title, published=entry_date(entry), url=link, byline=str(entry.get("author", "")).strip()
    )
    return unpaged_extraction(name, digest, "feed", body, metadata)


def read_feed(
    path: Path, sha256: str, *, progress: Callable[[int, int], None] | None = None
) -> list[Extraction]:
    """One Extraction per entry that has a title or text; ``sha256`` of the whole file is not used."""
    with path.open("rb") as handle:
        # a stream, never a string: feedparser would fetch a string that looks like a URL
        stream = io.BytesIO(handle.read(DEFAULT_LIMITS.max_member_bytes))
    parsed = feedparser.parse(stream, sanitize_html=True)
    if not parsed.entries:
        reason = (
            f"피드를 해석하지 못했습니다 ({parsed.get('bozo_exception')})"
            if parsed.bozo
            else "항목이 없는 피드"
        )
        raise DocumentError(reason, file=path.name, hint="RSS 또는 Atom 피드 파일인지 확인해 주세요.")
    note = _bozo_warning(path, parsed)
    extractions: list[Extraction] = []
    for number, entry in enumerate(parsed.entries, start=1):
        extraction = entry_extraction(path, number, entry)
        if extraction.pages and extraction.pages[0].text:
            extractions.append(replace(extraction, warnings=(*note, *extraction.warnings)))
        if progress:
            progress(number, len(parsed.entries))
    if not extractions:
        _refuse_empty(path, parsed)
    return extractions


def _refuse_empty(path: Path, parsed: Any) -> None:
    reason = (
        f"피드를 해석하지 못했습니다 ({parsed.get('bozo_exception')})" if parsed.bozo else "항목이 없는 피드"
    )
    raise DocumentError(reason, file=path.name, hint="RSS 또는 Atom 피드 파일인지 확인해 주세요.")


def _bozo_warning(path: Path, parsed: Any) -> tuple[str, ...]:
    if not parsed.bozo:
        return ()
    return (
        f"'{path.name}': 피드 형식에 오류가 있어({parsed.get('bozo_exception')}) "
        "일부 항목을 놓쳤을 수 있습니다.",
    )
