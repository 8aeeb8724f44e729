"""An index over the National Assembly bills: which bills relate to a proposal.

Two BM25 fields (bm25s): the title, tokenised with Kiwi, and the 제안이유, cut into character
bigrams. A bill's score is ``title_weight * title + body``. The index is saved to a folder (the
two bm25s indexes, the bills as parquet, a manifest) and loaded memory-mapped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import bm25s
import numpy as np

from pledgetrack.engine.bills.source import ATTRIBUTION, Bill, require_pyarrow
from pledgetrack.engine.bills.tokens import Vocabulary, char_bigrams, query_body_tokens, title_tokens
from pledgetrack.engine.errors import ConfigurationError, InputError
from pledgetrack.engine.types import ProposalRow

FORMAT = "pledgetrack-bills-v1"
TITLE_BATCH = 2000
Progress = Callable[[int], None]


@dataclass(frozen=True)
class IndexSettings:
    """How the index was built and is scored; saved in its manifest."""

    title_weight: float = 3.0
    k1: float = 1.2
    b: float = 0.75


@dataclass(frozen=True)
class BillHit:
    bill: Bill
    score: float
    snippet: str


@dataclass(frozen=True)
class _Fields:
    title: list[list[int]]
    body: list[list[int]]
    title_vocab: dict[str, int]
    body_vocab: dict[str, int]


def _tokenise(bills: Sequence[Bill], progress: Progress | None) -> _Fields:
    title_vocab, body_vocab = Vocabulary(), Vocabulary()
    title: list[list[int]] = []
    body: list[list[int]] = []
    for start in range(0, len(bills), TITLE_BATCH):
        batch = bills[start : start + TITLE_BATCH]
        for bill, tokens in zip(batch, title_tokens([b.title for b in batch]), strict=True):
            title.append(title_vocab.encode(tokens + char_bigrams(bill.title)))
            body.append(body_vocab.encode(char_bigrams(bill.reason)))
        if progress:
            progress(len(batch))
    return _Fields(title, body, title_vocab.ids, body_vocab.ids)


def _bm25(ids: list[list[int]], vocab: dict[str, int], settings: IndexSettings) -> bm25s.BM25:
    model = bm25s.BM25(k1=settings.k1, b=settings.b)
    model.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
    return model


def _bill_table(bills: Sequence[Bill]) -> Any:
    import pyarrow as pa

    require_pyarrow()
    rows = [asdict(b) for b in bills]
    return pa.Table.from_pylist(rows)


def _bill_from_row(row: dict[str, Any]) -> Bill:
    return Bill(**row)


class BillIndex:
    """Search the bills; build with :meth:`build`, keep with :meth:`save` and :meth:`load`."""

    def __init__(self, title: bm25s.BM25, body: bm25s.BM25, table: Any, settings: IndexSettings) -> None:
        self.title = title
        self.body = body
        self.table = table
        self.settings = settings
        self.ages = np.asarray(table.column("age").to_numpy(), dtype=np.int16)

    def __len__(self) -> int:
        return int(self.table.num_rows)

    @classmethod
    def build(
        cls, bills: Iterable[Bill], *, settings: IndexSettings | None = None, progress: Progress | None = None
    ) -> BillIndex:
        """Index bills; ``progress(n)`` is called after each batch of ``n`` bills."""
        settings = settings or IndexSettings()
        items = list(bills)
        if not items:
            raise InputError("색인할 법안이 없습니다. 법안 데이터 폴더를 확인해 주세요.")
        fields = _tokenise(items, progress)
        title = _bm25(fields.title, fields.title_vocab, settings)
        body = _bm25(fields.body, fields.body_vocab, settings)
        return cls(title, body, _bill_table(items), settings)

    def save(self, folder: Path) -> None:
        pq = require_pyarrow()
        folder.mkdir(parents=True, exist_ok=True)
        self.title.save(str(folder / "title"))
        self.body.save(str(folder / "body"))
        pq.write_table(self.table, folder / "bills.parquet", compression="zstd")
        manifest = {"format": FORMAT, "bills": len(self), "settings": asdict(self.settings), "source": ATTRIBUTION}
        (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> BillIndex:
        pq = require_pyarrow()
        manifest = read_manifest(folder)
        title = bm25s.BM25.load(str(folder / "title"), mmap=True)
        body = bm25s.BM25.load(str(folder / "body"), mmap=True)
        table = pq.read_table(folder / "bills.parquet", memory_map=True)
        return cls(title, body, table, IndexSettings(**manifest["settings"]))

    def scores(self, query: str) -> np.ndarray:
        """The combined score of every bill for ``query`` (0 where nothing matches)."""
        forms = title_tokens([query])[0]
        tokens = list(dict.fromkeys(forms + char_bigrams(query)))
        title = self.title.get_scores(tokens)
        body = self.body.get_scores(query_body_tokens(query, forms))
        return np.asarray(self.settings.title_weight * title + body, dtype=np.float32)

    def search(self, query: str, k: int = 10, *, age: int | None = None) -> list[BillHit]:
        """The ``k`` best bills for ``query``, best first; ``age`` keeps one Assembly (20, 21, 22)."""
        if not query.strip():
            raise InputError("검색어가 비어 있습니다. 찾을 법안의 제목이나 내용을 입력해 주세요.")
        scores = self.scores(query)
        if age is not None:
            scores = np.where(self.ages == age, scores, 0.0)
        order = _top(scores, k)
        bills = self.table.take(order).to_pylist()
        hits = [_hit(_bill_from_row(row), float(scores[i]), query) for row, i in zip(bills, order, strict=True)]
        return hits


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    positive = int(np.count_nonzero(scores > 0))
    k = min(k, positive)
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def _hit(bill: Bill, score: float, query: str) -> BillHit:
    return BillHit(bill, round(score, 4), snippet(bill.reason, query))


def snippet(text: str, query: str, width: int = 160) -> str:
    """The sentence of ``text`` that shares most bigrams with ``query``, cut to ``width`` characters."""
    wanted = set(char_bigrams(query))
    sentences = [s.strip() for s in text.replace("\n", ". ").split(". ") if s.strip()]
    if not sentences:
        return ""
    best = max(sentences, key=lambda s: len(wanted.intersection(char_bigrams(s))))
    return best if len(best) <= width else best[: width - 1] + "…"


def read_manifest(folder: Path) -> dict[str, Any]:
    """The saved index's manifest, or an error saying to build the index."""
    path = folder / "manifest.json"
    if not path.is_file():
        raise ConfigurationError(
            f"법안 색인이 없습니다: '{folder}'. 먼저 pledgetrack bills index 로 색인을 만들어 주세요."
        )
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ConfigurationError(
            f"법안 색인 형식이 다릅니다 ({manifest.get('format')} ≠ {FORMAT}). "
            "pledgetrack bills index --rebuild 로 다시 만들어 주세요."
        )
    return manifest


def proposal_query(proposal: ProposalRow) -> str:
    """A proposal as a query: its title, description and keywords."""
    return " ".join([proposal.title, proposal.description, *proposal.keywords]).strip()


def related_bills(proposal: ProposalRow, index: BillIndex, k: int = 10) -> list[BillHit]:
    """The bills that relate to a proposal (a task or a project), best first."""
    return index.search(proposal_query(proposal), k=k)
