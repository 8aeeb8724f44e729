"""A small in-process task runner for ingesting uploads, with progress the page polls.

The default runner needs no server: a ThreadPoolExecutor inside the web process
(``PLEDGETRACK_TASK_RUNNER=thread``, ``PLEDGETRACK_TASK_WORKERS`` workers). ``eager`` runs
the work inline (tests). The stored Document keeps its own status and progress too.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import OperationalError, close_old_connections
from django.utils import timezone

log = logging.getLogger(__name__)


@dataclass
class TaskState:
    """Progress of one uploaded file (mutable; guarded by the module lock)."""

    id: str
    filename: str
    actor: str
    campaign_id: int | None = None
    status: str = "pending"
    progress: float = 0.0
    message: str = ""
    document_ids: list[int] = field(default_factory=list)
    created_at: Any = field(default_factory=timezone.now)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def active(self) -> bool:
        return self.status in ("pending", "processing")


STATUS_LABELS: dict[str, str] = {"pending": "대기", "processing": "처리 중", "done": "완료", "failed": "실패"}
_lock = threading.Lock()
_tasks: dict[str, TaskState] = {}
_executor: ThreadPoolExecutor | None = None
MAX_KEPT = 200
LOCK_RETRIES = 5  # two uploads ingested at once can meet a locked SQLite table: try again, not fail


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(
                max_workers=settings.TASK_WORKERS, thread_name_prefix="pledgetrack-task"
            )
        return _executor


def _update(task: TaskState, **changes: Any) -> None:
    with _lock:
        for key, value in changes.items():
            setattr(task, key, value)


def _ingest(task: TaskState, path: Path, kind: str, user_id: int | None) -> None:
    from pledgetrack.documents.services import ingest_path
    from pledgetrack.registry.models import Campaign

    close_old_connections()
    _update(task, status="processing")
    try:
        user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
        campaign = Campaign.objects.filter(pk=task.campaign_id).first() if task.campaign_id else None
        outcomes = _retrying_on_lock(lambda: ingest_path(
            path, actor=task.actor, kind=kind, progress=_progress(task), user=user, campaign=campaign
        ))
        errors = [o.error for o in outcomes if o.error]
        ids = [o.document.pk for o in outcomes if o.document is not None]
        known = any(not o.created and o.document is not None for o in outcomes)
        message = " ".join(errors) or ("이미 올린 파일입니다 (같은 내용)." if known else "")
        _update(task, status="failed" if errors else "done", progress=1.0, message=message, document_ids=ids)
    except Exception as error:  # a task must never die silently: record why, keep the server running
        log.exception("ingest task failed: %s", task.filename)
        _update(task, status="failed", message=f"처리 중 오류가 났습니다: {error}")
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
        close_old_connections()


def _retrying_on_lock(work: Callable[[], Any]) -> Any:
    """``work()``, tried again after a short wait when the database reports a lock held by another
    task (each try is its own transaction and ingesting the same file twice keeps one version)."""
    for attempt in range(1, LOCK_RETRIES + 1):
        try:
            return work()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == LOCK_RETRIES:
                raise
            log.warning("database locked, trying again (%d/%d): %s", attempt, LOCK_RETRIES, error)
            close_old_connections()
            time.sleep(0.2 * attempt)
    raise AssertionError("unreachable")


def _progress(task: TaskState) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        _update(task, progress=done / total if total else 0.0)

    return report


def stage_upload(upload: Any) -> Path:
    """Move an uploaded file out of Django's temporary storage into the workspace's staging folder."""
    folder = Path(settings.DATA_DIR) / "uploads" / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(str(upload.name or "")).name
    target = folder / (name if name not in ("", ".", "..") else "upload.bin")
    if hasattr(upload, "temporary_file_path"):
        shutil.move(upload.temporary_file_path(), target)
    else:
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    return target


def submit_ingest(
    path: Path, *, actor: str, kind: str, user_id: int | None, campaign_id: int | None = None
) -> TaskState:
    """Ingest a staged file into a campaign (default: the default one) in the background; returns its state."""
    task = TaskState(id=uuid.uuid4().hex, filename=path.name, actor=actor, campaign_id=campaign_id)
    with _lock:
        _tasks[task.id] = task
        for old in list(_tasks)[:-MAX_KEPT]:
            _tasks.pop(old, None)
    if settings.TASK_RUNNER == "eager":
        _ingest(task, path, kind, user_id)
    else:
        _pool().submit(_ingest, task, path, kind, user_id)
    return task


def accept_uploads(
    files: list[Any], *, actor: str, kind: str, user_id: int | None, campaign_id: int | None
) -> list[TaskState]:
    """Stage uploaded files and queue one ingest task each (the page and the API both call this)."""
    return [
        submit_ingest(stage_upload(f), actor=actor, kind=kind, user_id=user_id, campaign_id=campaign_id)
        for f in files
    ]


def recent_tasks(limit: int = 20, campaign_id: int | None = None) -> list[TaskState]:
    """The newest tasks (of one campaign, if given)."""
    with _lock:
        found = [t for t in reversed(_tasks.values()) if campaign_id is None or t.campaign_id == campaign_id]
    return found[:limit]


def any_active() -> bool:
    with _lock:
        return any(t.active for t in _tasks.values())
