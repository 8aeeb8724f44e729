"""Fetch a watched feed (a local file or an http(s) URL) into a snapshot file in the workspace.

Plain Python (urllib): a timeout, a size cap, and a Korean error that says what to do when the
feed cannot be reached. The snapshot keeps one stable name per watched source, so each changed
poll becomes a new version of the same stored source; an unchanged feed is a no-op downstream.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlparse, urlsplit, urlunsplit

from pledgetrack.engine.errors import InputError

DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = "pledgetrack-monitor/1.0 (+https://github.com/)"


class FeedFetchError(InputError):
    """A watched feed could not be fetched (unreachable, too large, not found)."""


def is_url(location: str) -> bool:
    return urlparse(location).scheme in ("http", "https")


def fetch_feed(location: str, *, timeout_s: float = DEFAULT_TIMEOUT_S, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The feed's bytes from a local path or an http(s) URL; raises :class:`FeedFetchError`."""
    if is_url(location):
        return _fetch_url(location, timeout_s, max_bytes)
    if urlparse(location).scheme not in ("", "file") and not Path(location).exists():
        raise FeedFetchError(
            f"피드 위치를 알 수 없습니다: '{location}'. http(s) 주소나 파일 경로를 써 주세요."
        )
    return _read_file(Path(location.removeprefix("file://")), max_bytes)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise FeedFetchError(
            f"피드 파일을 읽을 수 없습니다: '{path}' ({error.strerror}). 경로와 권한을 확인해 주세요."
        ) from error
    return _capped(data, str(path), max_bytes)


def iri_to_uri(url: str) -> str:
    """A URL with Korean (non-ASCII) characters made ASCII: the host in IDNA, the rest percent-encoded."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = parts.netloc
    if host and not host.isascii():
        netloc = netloc.replace(host, host.encode("idna").decode("ascii"))
    safe = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit(
        (parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), quote(parts.fragment, safe))
    )


def _fetch_url(url: str, timeout_s: float, max_bytes: int) -> bytes:
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*"}
    request = urllib.request.Request(iri_to_uri(url), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        raise FeedFetchError(
            f"피드를 가져오지 못했습니다: '{url}' (서버 응답 {error.code} {error.reason}). "
            "주소가 맞는지, 피드가 아직 있는지 확인해 주세요."
        ) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise FeedFetchError(
            f"피드에 연결할 수 없습니다: '{url}' ({reason}). "
            f"인터넷·프록시 연결을 확인하거나 잠시 뒤 다시 시도해 주세요 (제한 시간 {timeout_s:g}초)."
        ) from error
    return _capped(data, url, max_bytes)


def _capped(data: bytes, where: str, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise FeedFetchError(
            f"피드가 너무 큽니다: '{where}' ({max_bytes // (1024 * 1024):,}MB 초과). "
            "피드 주소가 맞는지 확인해 주세요."
        )
    if not data.strip():
        raise FeedFetchError(f"피드가 비어 있습니다: '{where}'. 주소나 파일을 확인해 주세요.")
    return data


def write_snapshot(data: bytes, folder: Path, name: str) -> Path:
    """Write the fetched bytes atomically as ``folder/name`` and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    partial = folder / f".{name}.part"
    partial.write_bytes(data)
    partial.replace(target)
    return target
