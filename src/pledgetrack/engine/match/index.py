"""A searchable index of passages: BM25 over Korean-aware tokens, dense vectors on the candidates,
reciprocal-rank fusion of the two. Reused by the verdict layer, the monitor and the bills search."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import bm25s
import numpy as np

from pledgetrack.engine.match.embed import CachedEmbedder, VectorCache, get_embedder
from pledgetrack.engine.match.lexicon import compact
from pledgetrack.engine.match.ocrfix import OcrSpans, match_text
from pledgetrack.engine.match.settings import MatchSettings
from pledgetrack.engine.match.structure import DocumentStructure
from pledgetrack.engine.match.tokens import TOKENIZER_VERSION, index_tokens_many, key_terms, query_tokens
from pledgetrack.engine.types import Passage, PreparedDocument


@dataclass(frozen=True)
class Hit:
    """One retrieved passage: where it is, and its scores (bm25 raw, dense cosine, fused)."""

    document: str
    actor: str
    passage: int
    start: int
    end: int
    page: int | None
    heading: str
    text: str
    score: float
    bm25: float
    dense: float | None


@dataclass(frozen=True)
class Entry:
    doc: int
    passage: Passage
    actor: str


def _vocabulary_version() -> str:
    digest = hashlib.sha1(TOKENIZER_VERSION.encode())
    for package, name in (("pledgetrack.engine.text", "user_words.txt"), ("pledgetrack.engine.match", "synonyms.txt")):
        digest.update((resources.files(package) / "data" / name).read_bytes())
    return digest.hexdigest()[:12]


class TokenCache:
    """Index tokens by passage-text hash, in ``cache_dir/tokens.sqlite`` (memory only without a folder)."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.version = _vocabulary_version()
        self._db: sqlite3.Connection | None = None
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(cache_dir / "tokens.sqlite")
            self._db.execute("CREATE TABLE IF NOT EXISTS tok (key TEXT PRIMARY KEY, t TEXT)")

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.version}\x00{text}".encode()).hexdigest()

    def tokens(self, texts: Sequence[str]) -> list[list[str]]:
        keys = [self._key(t) for t in texts]
        found: dict[str, list[str]] = {}
        if self._db is not None:
            unique = list(dict.fromkeys(keys))
            for i in range(0, len(unique), 500):
                chunk = unique[i : i + 500]
                rows = self._db.execute(f"SELECT key, t FROM tok WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                found.update((k, t.split("\x1f") if t else []) for k, t in rows)
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        new = dict(zip([self._key(t) for t in todo], index_tokens_many(todo), strict=True))
        found.update(new)
        if self._db is not None and new:
            stored = [(k, "\x1f".join(v)) for k, v in new.items()]
            self._db.executemany("INSERT OR REPLACE INTO tok VALUES (?, ?)", stored)
            self._db.commit()
        return [found[k] for k in keys]


class PassageIndex:
    """All passages of some documents, searchable by a Korean query, optionally per actor."""

    def __init__(self, documents: Sequence[PreparedDocument], settings: MatchSettings) -> None:
        self.documents = tuple(documents)
        self.settings = settings
        self.structures = [DocumentStructure(d) for d in self.documents]
        self.document_ids = {(d.actor, d.name): i for i, d in enumerate(self.documents)}
        self.entries = [
            Entry(i, p, d.actor)
            for i, d in enumerate(self.documents)
            for p in d.passages
            if compact(p.text) not in self.structures[i].repeated
        ]
        self.actors = np.array([e.actor for e in self.entries], dtype=object)
        ocr = [OcrSpans(d) for d in self.documents]
        self.texts = [match_text(e.passage.text, ocr[e.doc].covers(e.passage.start)) for e in self.entries]
        self.tokens = TokenCache(settings.cache_dir).tokens(self.texts)
        self._bm25 = bm25s.BM25()
        if self.entries:
            self._bm25.index(self.tokens, show_progress=False)

    @cached_property
    def embedder(self) -> CachedEmbedder:
        return CachedEmbedder(get_embedder(self.settings.embedder), VectorCache(self.settings.cache_dir))

    def bm25_scores(self, tokens: Sequence[str]) -> np.ndarray:
        if not self.entries:
            return np.zeros(0, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(list(tokens)), dtype=np.float32)

    def candidates(self, tokens: Sequence[str], actor: str | None, limit: int) -> list[int]:
        """Entry indices: the BM25 top ``limit`` (with any score), or all of a small actor's passages."""
        scores = self.bm25_scores(tokens)
        mask = np.ones(len(self.entries), dtype=bool) if actor is None else self.actors == actor
        pool = np.flatnonzero(mask)
        if self.settings.use_dense and len(pool) <= self.settings.dense_scan_limit:
            return [int(i) for i in pool[np.argsort(-scores[pool], kind="stable")]]
        pool = pool[scores[pool] > 0]
        return [int(i) for i in pool[np.argsort(-scores[pool], kind="stable")][:limit]]

    def dense(self, query: str, indices: Sequence[int]) -> np.ndarray | None:
        """Cosines of ``query`` with the given entries (None when dense retrieval is off)."""
        if not self.settings.use_dense or not indices:
            return None
        q = self.embedder.vectors([query], kind="query")[0]
        vectors = self.embedder.vectors([self.texts[i] for i in indices], kind="passage")
        return vectors @ q

    @cached_property
    def _background(self) -> np.ndarray:
        path = resources.files("pledgetrack.engine.match") / "data" / "background.txt"
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        return self.embedder.vectors(lines, kind="passage")

    def query_baseline(self, query: str) -> float:
        """Mean cosine of ``query`` with unrelated pledge-like sentences: what "no relation" looks like
        for this query (long queries sit lower than short ones). 0 when dense retrieval is off."""
        if not self.settings.use_dense:
            return 0.0
        q = self.embedder.vectors([query], kind="query")[0]
        return float(np.mean(self._background @ q))

    def search(self, query: str, k: int, *, actor: str | None = None) -> list[Hit]:
        """The ``k`` best passages for ``query``: BM25 candidates re-ranked by fusion with dense cosine."""
        s = self.settings
        terms = key_terms(query, generic_weight=s.generic_weight, named_weight=s.named_weight)
        tokens = query_tokens(terms) or [t for ts in index_tokens_many([query]) for t in ts]
        indices = self.candidates(tokens, actor, max(s.candidates, k))
        bm25 = self.bm25_scores(tokens)
        cosines = self.dense(query, indices)
        fused = _rrf([bm25[indices], cosines], s.rrf_k)
        order = np.argsort(-fused, kind="stable")[:k]
        return [self._hit(indices[j], float(fused[j]), float(bm25[indices[j]]), cosines, j) for j in order]

    def _hit(self, index: int, score: float, bm25: float, cosines: np.ndarray | None, j: int) -> Hit:
        entry = self.entries[index]
        p, doc = entry.passage, self.documents[entry.doc]
        dense = float(cosines[j]) if cosines is not None else None
        return Hit(doc.name, entry.actor, p.ordinal, p.start, p.end, p.page, p.heading, p.text, score, bm25, dense)


def _rrf(score_lists: Sequence[np.ndarray | None], k: int) -> np.ndarray:
    """Reciprocal-rank fusion of the given score arrays (None entries are skipped)."""
    present = [s for s in score_lists if s is not None]
    total = np.zeros(len(present[0]) if present else 0, dtype=np.float64)
    for scores in present:
        ranks = np.empty(len(scores), dtype=np.int64)
        ranks[np.argsort(-scores, kind="stable")] = np.arange(len(scores))
        total += 1.0 / (k + 1 + ranks)
    return total


def build_index(documents: Sequence[PreparedDocument], settings: MatchSettings | None = None) -> PassageIndex:
    """Index the passages of ``documents`` (tokens cached in ``settings.cache_dir`` when set)."""
    return PassageIndex(documents, settings or MatchSettings())
