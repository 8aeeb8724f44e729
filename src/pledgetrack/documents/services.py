"""Store documents in the workspace: original files by content hash, text, pages and passages.

Identity is the content hash: the same file twice is a no-op; a changed file with the
same name from the same actor becomes a new version of the same source. A file that
cannot be read is kept (nothing is lost) and marked failed with the reason.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from pledgetrack.audit.services import record
from pledgetrack.documents.models import Document, Passage, Source
from pledgetrack.engine.corpus import iter_files
from pledgetrack.engine.errors import PledgetrackError
from pledgetrack.engine.ingest.pipeline import extract_file, file_sha256
from pledgetrack.engine.text.prepare import prepare_document
from pledgetrack.engine.types import Extraction, PreparedDocument
from pledgetrack.registry.models import Campaign
from pledgetrack.registry.services import default_campaign, resolve_actor

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class IngestOutcome:
    filename: str
    document: Document | None
    created: bool
    error: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)


def iter_inputs(paths: list[Path]) -> Iterator[Path]:
    """Files named directly, and every file under a named folder."""
    for path in paths:
        if path.is_dir():
            yield from iter_files(path)
        else:
            yield path


def store_original(path: Path, sha256: str) -> Path:
    """Copy a file into the workspace under its content hash (atomic rename)."""
    target = Path(settings.FILES_DIR) / sha256[:2] / f"{sha256}{path.suffix.lower()}"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as tmp, path.open("rb") as source:
        shutil.copyfileobj(source, tmp, 1 << 20)
    Path(tmp.name).replace(target)
    return target


def ingest_path(
    path: Path,
    *,
    actor: str,
    kind: str = "pledge",
    published: date | None = None,
    url: str = "",
    progress: ProgressCallback | None = None,
    user: Any = None,
    campaign: Campaign | None = None,
) -> list[IngestOutcome]:
    """Ingest one file (or every file under a folder) for an actor."""
    actor_obj = resolve_actor(actor)
    target = _Target(actor_obj, campaign or default_campaign(), kind, published, url)
    outcomes: list[IngestOutcome] = []
    for file in iter_inputs([path]):
        outcomes.extend(_ingest_file(file, target, progress, user))
    return outcomes


@dataclass(frozen=True)
class _Target:
    actor: Any
    campaign: Campaign
    kind: str
    published: date | None
    url: str


def _ingest_file(path: Path, target: _Target, progress: ProgressCallback | None, user: Any) -> list[IngestOutcome]:
    try:
        size = path.stat().st_size
        if size > settings.MAX_UPLOAD_BYTES:
            limit_mb = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
            return [
                IngestOutcome(
                    path.name,
                    None,
                    False,
                    f"파일이 너무 큽니다: '{path.name}' ({size / 1024 / 1024:,.0f}MB, 한도 {limit_mb:,}MB). "
                    "파일을 나누거나 PLEDGETRACK_MAX_UPLOAD_MB를 늘려 주세요.",
                )
            ]
        sha256 = file_sha256(path)
    except OSError as error:
        return [IngestOutcome(path.name, None, False, f"파일을 열 수 없습니다: '{path}' ({error.strerror}).")]
    existing = Document.objects.filter(sha256=sha256).first()
    if existing:
        return [IngestOutcome(path.name, existing, False)]
    stored = store_original(path, sha256)
    document = _new_version(path.name, sha256, stored, target)
    record(
        action="ingest",
        object_type="document",
        object_id=document.pk,
        object_label=path.name,
        after={"sha256": sha256, "actor": target.actor.name},
        user=user,
        actor_label="" if user else "cli",
    )
    return process_document(document, progress=progress)


def _new_version(filename: str, sha256: str, stored: Path, target: _Target) -> Document:
    with transaction.atomic():
        source, _ = Source.objects.get_or_create(
            actor=target.actor,
            name=filename,
            defaults={"kind": target.kind, "url": target.url, "campaign": target.campaign},
        )
        version = source.versions.count() + 1
        return Document.objects.create(
            source=source,
            version=version,
            sha256=sha256,
            filename=filename,
            stored_path=str(stored),
            size_bytes=stored.stat().st_size,
            published=target.published,
            status=Document.Status.PROCESSING,
        )


def process_document(document: Document, *, progress: ProgressCallback | None = None) -> list[IngestOutcome]:
    """Extract and prepare a stored document; a failure is recorded on the document, not raised."""
    path = Path(document.stored_path)
    try:
        extractions = extract_file(path, progress=_saving_progress(document, progress), sha256=document.sha256)
    except PledgetrackError as error:
        message = str(error).replace(path.name, document.filename)
        Document.objects.filter(pk=document.pk).update(status=Document.Status.FAILED, error=message)
        return [IngestOutcome(document.filename, document, True, message)]
    if extractions and extractions[0].format == "feed":
        return _save_feed(document, extractions)
    return [_save_extraction(document, extractions[0])]


def _save_feed(feed: Document, entries: list[Extraction]) -> list[IngestOutcome]:
    """A feed file is a container: every entry becomes a document of its own, keyed by the entry's hash,
    so a re-fetched feed that gained entries adds only the new ones."""
    Document.objects.filter(pk=feed.pk).update(
        status=Document.Status.DONE, progress=1.0, format="feed", title=f"피드 ({len(entries)}개 항목)"
    )
    return [_save_feed_entry(feed, entry, n) for n, entry in enumerate(entries, start=1)]


def _saving_progress(document: Document, progress: ProgressCallback | None) -> ProgressCallback:
    def report(done: int, total: int) -> None:
        Document.objects.filter(pk=document.pk).update(progress=done / total if total else 0.0)
        if progress:
            progress(done, total)

    return report


def _save_extraction(document: Document, extraction: Extraction) -> IngestOutcome:
    prepared = prepare_document(extraction, actor=document.source.actor.name, name=document.filename)
    with transaction.atomic():
        _apply_prepared(document, prepared)
    return IngestOutcome(document.filename, document, True, "", prepared.warnings)


def _save_feed_entry(feed: Document, extraction: Extraction, n: int) -> IngestOutcome:
    name = extraction.metadata.title or f"{feed.filename}#{n}"
    sha256 = extraction.sha256 or hashlib.sha256(f"{feed.sha256}#{n}".encode()).hexdigest()
    existing = Document.objects.filter(sha256=sha256).first()
    if existing:
        return IngestOutcome(name, existing, False)
    target = _Target(
        feed.source.actor,
        feed.source.campaign or default_campaign(),
        feed.source.kind,
        extraction.metadata.published,
        extraction.metadata.url,
    )
    entry = _new_version(name, sha256, Path(feed.stored_path), target)
    return _save_extraction(entry, extraction)


def _apply_prepared(document: Document, prepared: PreparedDocument) -> None:
    meta = prepared.metadata
    document.text = prepared.text
    document.format = prepared.format
    document.title = meta.title[:500]
    document.published = document.published or meta.published
    document.byline = meta.byline[:200]
    document.pages = [{"page": p.page, "start": p.start, "end": p.end, "method": p.method} for p in prepared.pages]
    document.warnings = list(prepared.warnings)
    document.duplicates_removed = prepared.duplicates_removed
    document.status = Document.Status.DONE
    document.progress = 1.0
    document.error = ""
    if meta.url and not document.source.url:
        Source.objects.filter(pk=document.source_id).update(url=meta.url[:1000])
    document.save()
    Passage.objects.filter(document=document).delete()
    Passage.objects.bulk_create(
        [
            Passage(
                document=document,
                ordinal=p.ordinal,
                page=p.page,
                start=p.start,
                end=p.end,
                text=p.text,
                heading=p.heading[:500],
                text_hash=hashlib.sha256(p.text.encode()).hexdigest(),
            )
            for p in prepared.passages
        ],
        batch_size=2000,
    )


def prepared_documents(
    *, campaign: Campaign | None = None, actor_ids: list[int] | None = None
) -> list[PreparedDocument]:
    """Latest version of every source, rebuilt as engine documents from stored passages."""
    from pledgetrack.engine.types import PageSpan
    from pledgetrack.engine.types import Passage as PassageRow

    latest: dict[int, Document] = {}
    documents = Document.objects.filter(status=Document.Status.DONE).select_related("source__actor")
    if campaign is not None:
        documents = documents.filter(source__campaign=campaign)
    if actor_ids is not None:
        documents = documents.filter(source__actor_id__in=actor_ids)
    for doc in documents.order_by("source_id", "version"):
        latest[doc.source_id] = doc
    result = []
    for doc in latest.values():
        passages = tuple(
            PassageRow(ordinal=p.ordinal, start=p.start, end=p.end, text=p.text, page=p.page, heading=p.heading)
            for p in doc.passages.order_by("ordinal")
        )
        pages = tuple(PageSpan(page=p["page"], start=p["start"], end=p["end"], method=p["method"]) for p in doc.pages)
        result.append(
            PreparedDocument(
                name=doc.filename,
                actor=doc.source.actor.name,
                text=doc.text,
                pages=pages,
                passages=passages,
                sha256=doc.sha256,
                format=doc.format,
            )
        )
    return result
