"""The monitor: watched folders and feeds are scanned, new documents matched, alerts raised.

Only documents that are new in a scan are matched (never the whole corpus), each one on its own:
the matcher's cell for (proposal, document) becomes an alert when it is 반영 or 부분반영.
Nothing raises for a bad file or an unreachable feed: errors are collected in the result.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.db import DatabaseError, IntegrityError, close_old_connections, transaction
from django.utils import timezone

from pledgetrack.audit.services import record
from pledgetrack.documents.models import Document, DocumentKind
from pledgetrack.documents.services import IngestOutcome, ingest_path
from pledgetrack.engine.corpus import iter_files
from pledgetrack.engine.errors import InputError, PledgetrackError
from pledgetrack.engine.ingest.pipeline import file_sha256
from pledgetrack.engine.match import MatchSettings, analyze
from pledgetrack.engine.types import VERDICT_LABELS, Cell, DocumentMetadata, PageSpan, Passage, PreparedDocument
from pledgetrack.monitor.feeds import FeedFetchError, fetch_feed, is_url, write_snapshot
from pledgetrack.monitor.models import Alert, WatchedSource
from pledgetrack.registry.models import Campaign, Proposal
from pledgetrack.registry.services import default_campaign, proposal_rows, resolve_actor

log = logging.getLogger(__name__)

ALERT_VERDICTS: tuple[str, ...] = ("reflected", "partial")
SETTLE_SECONDS = 2.0  # a file changed more recently than this may still be being copied
TEMPORARY_PATTERNS: tuple[str, ...] = ("~$*", "*.tmp", "*.part", "*.crdownload", "*.partial")
ResultCallback = Callable[["ScanResult"], None]


@dataclass(frozen=True)
class ScanResult:
    """What one scan of one source found: new documents, the alerts they raised, errors."""

    source: WatchedSource
    new_documents: tuple[Document, ...] = ()
    alerts: tuple[Alert, ...] = ()
    errors: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()  # files still being written; picked up by a later scan
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class _Collected:
    outcomes: tuple[IngestOutcome, ...] = ()
    errors: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()


def default_match_settings() -> MatchSettings:
    """The matcher's defaults with the embedding cache in the workspace (as ``pledgetrack match``)."""
    return dataclasses.replace(MatchSettings(), cache_dir=Path(django_settings.CACHE_DIR) / "embeddings")


# ---------------------------------------------------------------- watched sources


def _check_folder(location: str) -> str:
    path = Path(location).expanduser().resolve()
    if not path.is_dir():
        raise InputError(f"감시할 폴더가 없습니다: '{location}'. 경로를 확인하거나 네트워크 드라이브를 연결해 주세요.")
    return str(path)


def _check_feed(location: str) -> str:
    if is_url(location):
        return location
    path = Path(location).expanduser().resolve()
    if not path.is_file():
        raise InputError(f"피드 파일이 없습니다: '{location}'. http(s) 주소나 있는 파일 경로를 써 주세요.")
    return str(path)


LOCATION_CHECKS: dict[str, Callable[[str], str]] = {"folder": _check_folder, "feed": _check_feed}


def add_watch(kind: str, location: str, *, actor: str, document_kind: str = "news", user: Any = None) -> WatchedSource:
    """Watch a folder or a feed for an actor; the same watch twice returns the existing one."""
    if kind not in LOCATION_CHECKS:
        raise InputError(f"알 수 없는 감시 종류입니다: '{kind}'. 가능한 값: {', '.join(LOCATION_CHECKS)}")
    if document_kind not in DocumentKind.values:
        raise InputError(f"알 수 없는 문서 종류입니다: '{document_kind}'. 가능한 값: {', '.join(DocumentKind.values)}")
    resolved = LOCATION_CHECKS[kind](location.strip())
    source, created = WatchedSource.objects.get_or_create(
        kind=kind, location=resolved, actor=resolve_actor(actor), defaults={"document_kind": document_kind}
    )
    if created:
        record(
            action="watch",
            object_type="watched_source",
            object_id=source.pk,
            object_label=str(source),
            after={"kind": kind, "location": resolved, "actor": source.actor.name, "document_kind": document_kind},
            user=user,
            actor_label="" if user else "cli",
        )
    return source


WATCH_ROOTS_ENV = "PLEDGETRACK_WATCH_ROOTS"


def watch_roots() -> list[Path]:
    """Folders under which the web form may add folder watches (``PLEDGETRACK_WATCH_ROOTS``, os.pathsep-separated)."""
    return [Path(p).expanduser().resolve() for p in os.environ.get(WATCH_ROOTS_ENV, "").split(os.pathsep) if p]


def check_web_location(kind: str, location: str) -> None:
    """Refuse what a web user must not watch: a server folder outside the allowed roots, a local feed file.

    The server would otherwise read any file it can (settings, keys) into the document viewer.
    """
    if kind == "feed" and not is_url(location.strip()):
        raise InputError("웹에서는 http(s) 주소의 피드만 등록할 수 있습니다. 서버의 파일은 명령줄로 등록해 주세요.")
    if kind != "folder":
        return
    roots = watch_roots()
    path = Path(location.strip()).expanduser().resolve()
    if not roots:
        raise InputError(
            f"웹에서 폴더를 등록하려면 관리자가 {WATCH_ROOTS_ENV}에 허용할 상위 폴더를 정해야 합니다. "
            "또는 명령줄(pledgetrack watch add)로 등록해 주세요."
        )
    if not any(path == root or path.is_relative_to(root) for root in roots):
        allowed = ", ".join(str(r) for r in roots)
        raise InputError(f"허용된 폴더 밖입니다: '{location}'. 다음 폴더 안에서 골라 주세요: {allowed}")


# ---------------------------------------------------------------- collecting new files


def _is_temporary(path: Path) -> bool:
    return any(path.match(pattern) for pattern in TEMPORARY_PATTERNS)


def _collect_folder(source: WatchedSource, campaign: Campaign, settle_s: float) -> _Collected:
    folder = Path(source.location)
    if not folder.is_dir():
        message = f"감시 폴더를 열 수 없습니다: '{folder}'. 경로나 네트워크 드라이브 연결을 확인해 주세요."
        return _Collected(errors=(message,))
    outcomes: list[IngestOutcome] = []
    errors: list[str] = []
    waiting: list[str] = []
    now = time.time()
    for file in iter_files(folder):
        if _is_temporary(file):
            continue
        try:
            if now - file.stat().st_mtime < settle_s:
                waiting.append(file.name)
                continue
            known = Document.objects.filter(sha256=file_sha256(file)).exists()
        except OSError as error:
            errors.append(f"파일을 열 수 없습니다: '{file}' ({error.strerror}).")
            continue
        if not known:
            outcomes.extend(_ingest(file, source, campaign))
    errors.extend(o.error for o in outcomes if o.error)
    return _Collected(tuple(outcomes), tuple(errors), tuple(waiting))


def _ingest(path: Path, source: WatchedSource, campaign: Campaign) -> list[IngestOutcome]:
    return ingest_path(path, actor=source.actor.name, kind=source.document_kind, campaign=campaign)


def snapshot_folder(source: WatchedSource) -> Path:
    return Path(django_settings.DATA_DIR) / "monitor" / f"feed-{source.pk}"


def _collect_feed(source: WatchedSource, campaign: Campaign, settle_s: float) -> _Collected:
    try:
        data = fetch_feed(source.location)
    except FeedFetchError as error:
        return _Collected(errors=(str(error),))
    snapshot = write_snapshot(data, snapshot_folder(source), f"feed-{source.pk}.xml")
    outcomes = _ingest(snapshot, source, campaign)
    return _Collected(tuple(outcomes), tuple(o.error for o in outcomes if o.error))


COLLECTORS: dict[str, Callable[[WatchedSource, Campaign, float], _Collected]] = {
    "folder": _collect_folder,
    "feed": _collect_feed,
}


def _new_documents(outcomes: Iterable[IngestOutcome]) -> list[Document]:
    """Documents created by this scan, read without error, whose text was not stored before.

    The text check catches a feed entry seen again under another hash (the first entry of a feed
    snapshot is stored under the snapshot's hash, so it comes back once the feed has moved on).
    """
    found: dict[int, Document] = {}
    for outcome in outcomes:
        doc = outcome.document
        if outcome.created and not outcome.error and doc is not None and doc.status == Document.Status.DONE:
            found.setdefault(doc.pk, doc)
    fresh = []
    for doc in found.values():
        seen = Document.objects.filter(text=doc.text, source__actor_id=doc.source.actor_id).exclude(pk=doc.pk)
        if doc.text.strip() and not seen.exists():
            fresh.append(doc)
    return fresh


# ---------------------------------------------------------------- matching new documents


def _doc_key(document: Document) -> str:
    return f"document:{document.pk}"


def _prepared(document: Document) -> PreparedDocument:
    """An engine document from the stored passages; the actor is the document's own key so that
    each new document gets its own cell per proposal."""
    passages = tuple(
        Passage(ordinal=p.ordinal, start=p.start, end=p.end, text=p.text, page=p.page, heading=p.heading)
        for p in document.passages.order_by("ordinal")
    )
    pages = tuple(PageSpan(page=p["page"], start=p["start"], end=p["end"], method=p["method"]) for p in document.pages)
    return PreparedDocument(
        name=document.filename,
        actor=_doc_key(document),
        text=document.text,
        pages=pages,
        passages=passages,
        sha256=document.sha256,
        format=document.format,
        metadata=DocumentMetadata(title=document.title, published=document.published),
    )


def match_new_documents(
    documents: Sequence[Document],
    *,
    campaign: Campaign | None = None,
    home_region: str | None = None,
    settings: MatchSettings | None = None,
) -> tuple[list[Alert], dict[str, float]]:
    """Alerts for the 반영/부분반영 cells of these documents against every proposal of the campaign."""
    campaign = campaign or default_campaign()
    rows = proposal_rows(campaign)
    if not rows or not documents:
        return [], {}
    prepared = [_prepared(d) for d in documents]
    result = analyze(rows, prepared, settings=settings or default_match_settings(), home_region=home_region)
    proposals = {p.code: p for p in Proposal.objects.filter(campaign=campaign)}
    by_key = {_doc_key(d): d for d in documents}
    alerts = []
    for cell in result.cells:
        if cell.verdict in ALERT_VERDICTS:
            alert = _store_alert(by_key[cell.actor], proposals[cell.proposal], cell)
            if alert is not None:
                alerts.append(alert)
    return alerts, dict(result.timings)


def _store_alert(document: Document, proposal: Proposal, cell: Cell) -> Alert | None:
    """A new alert, or None when one exists already for (document, proposal)."""
    quote = cell.evidence[0].quote if cell.evidence else ""
    values = {"actor": document.source.actor, "verdict": cell.verdict, "score": cell.score, "quote": quote}
    try:
        with transaction.atomic():
            alert, created = Alert.objects.get_or_create(document=document, proposal=proposal, defaults=values)
    except IntegrityError:  # a concurrent scan stored it first
        return None
    return alert if created else None


# ---------------------------------------------------------------- scanning


def scan_source(
    source: WatchedSource,
    *,
    campaign: Campaign | None = None,
    home_region: str | None = None,
    settings: MatchSettings | None = None,
    settle_s: float = SETTLE_SECONDS,
) -> ScanResult:
    """Ingest what is new in one watched source and raise alerts for it. Never raises for bad input."""
    campaign = campaign or default_campaign()
    started = time.perf_counter()
    collected = COLLECTORS[source.kind](source, campaign, settle_s)
    timings = {"ingest": time.perf_counter() - started}
    documents = _new_documents(collected.outcomes)
    errors = list(collected.errors)
    alerts: list[Alert] = []
    try:
        alerts, match_timings = match_new_documents(
            documents, campaign=campaign, home_region=home_region, settings=settings
        )
        timings |= {f"match_{k}": v for k, v in match_timings.items()}
    except PledgetrackError as error:
        errors.append(f"새 문서 {len(documents)}건을 저장했지만 판정하지 못했습니다: {error}")
    source.last_checked = timezone.now()
    source.save(update_fields=["last_checked"])
    timings["total"] = time.perf_counter() - started
    return ScanResult(source, tuple(documents), tuple(alerts), tuple(errors), collected.waiting, timings)


def scan_all(
    *,
    campaign: Campaign | None = None,
    home_region: str | None = None,
    settings: MatchSettings | None = None,
    settle_s: float = SETTLE_SECONDS,
) -> list[ScanResult]:
    """Scan every active watched source once."""
    sources = WatchedSource.objects.filter(active=True).select_related("actor").order_by("pk")
    return [
        scan_source(s, campaign=campaign, home_region=home_region, settings=settings, settle_s=settle_s)
        for s in sources
    ]


def watch_forever(
    interval_s: float,
    *,
    stop: threading.Event | None = None,
    on_result: ResultCallback | None = None,
    **scan_options: Any,
) -> int:
    """Poll every active source every ``interval_s`` seconds until ``stop`` is set; returns the rounds run.

    Polling (not inotify) works on network shares. A failing round is logged and the loop goes on.
    """
    stop = stop or threading.Event()
    rounds = 0
    while not stop.is_set():
        close_old_connections()  # a long-running process must not keep a connection the server dropped
        try:
            for result in scan_all(**scan_options):
                if on_result is not None:
                    on_result(result)
        except (DatabaseError, OSError, PledgetrackError) as error:
            log.error("감시 중 오류가 났습니다 (다음 주기에 다시 시도합니다): %s", error)
        rounds += 1
        stop.wait(interval_s)
    return rounds


# ---------------------------------------------------------------- alerts


def alert_message(alert: Alert) -> str:
    """One line: who announced what, which proposal it touches, the quote and the verdict."""
    label = VERDICT_LABELS.get(alert.verdict, alert.verdict)
    quote = " ".join(alert.quote.split())
    return (
        f"{alert.actor.name}이(가) 발표한 내용이 제안 {alert.proposal.code} '{alert.proposal.title}'에 닿습니다: "
        f"「{quote}」 ({label})"
    )


def alerts(*, unread: bool = False) -> Any:
    """Alerts newest first (a queryset with document, proposal and actor loaded)."""
    query = Alert.objects.select_related("document", "proposal", "actor").order_by("-created_at", "-pk")
    return query.filter(read=False) if unread else query


def mark_read(ids: Sequence[int] | None = None, *, user: Any = None) -> int:
    """Mark some alerts (or, with ``ids=None``, every unread alert) as read; returns how many changed."""
    query = Alert.objects.filter(read=False)
    if ids is not None:
        query = query.filter(pk__in=list(ids))
    changed = query.update(read=True)
    if changed:
        record(
            action="read",
            object_type="alert",
            object_id="all" if ids is None else (str(ids[0]) if len(ids) == 1 else f"{len(ids)}건"),
            after={"ids": None if ids is None else list(ids), "changed": changed},
            user=user,
            actor_label="" if user else "cli",
        )
    return changed
