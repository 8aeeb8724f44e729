"""Tokens for the bills index: Kiwi content morphemes for titles, character bigrams for the 제안이유.

Kiwi tokenises about 50k characters a second here and the 제안이유 texts hold about 36 million
characters, so only the titles (about 1.2 million) go through Kiwi; the reasons are cut into
character bigrams inside runs of Hangul (about 2.7 million characters a second), which also meet
compounds whatever their spacing ("군공항" and "군 공항" share "공항").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pledgetrack.engine.match.lexicon import get_lexicon
from pledgetrack.engine.match.tokens import index_tokens_many

_RUNS = re.compile(r"[가-힣]+|[A-Za-z]+|[0-9]+")
_HANGUL_START, _HANGUL_END = "가", "힣"


def char_bigrams(text: str) -> list[str]:
    """Character bigrams of each Hangul run; a one-syllable run, a Latin word or a number as it is."""
    out: list[str] = []
    for run in _RUNS.findall(text):
        if len(run) > 1 and _HANGUL_START <= run[0] <= _HANGUL_END:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            out.append(run.lower())
    return out


def title_tokens(titles: Sequence[str]) -> list[list[str]]:
    """Kiwi tokens (synonym groups merged, bigrams of longer nouns) of bill titles or of a query."""
    return [[t.lower() for t in tokens] for tokens in index_tokens_many(titles)]


def _alternatives(words: Iterable[str]) -> list[str]:
    """Every written form of the synonym groups the words belong to ("달빛철도" → "달빛고속철도", …)."""
    lexicon = get_lexicon()
    out: list[str] = []
    for word in words:
        out.extend(lexicon.alternatives(word))
    return out


def query_body_tokens(query: str, title_forms: Sequence[str]) -> list[str]:
    """Bigrams of the query and of the other written forms of its terms, each once."""
    extra = " ".join(_alternatives(title_forms))
    return list(dict.fromkeys(char_bigrams(query) + char_bigrams(extra)))


class Vocabulary:
    """Token → id, shared by all documents of one field, so a document keeps only small ints."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def encode(self, tokens: Iterable[str]) -> list[int]:
        ids = self.ids
        return [ids.setdefault(token, len(ids)) for token in tokens]
