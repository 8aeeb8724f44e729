"""The matcher's small lexicons, shipped as text files in ``engine/match/data``.

General Korean policy vocabulary and geography only: synonyms, related terms, generic words,
the 시도 gazetteer, stance and timing markers. Nothing here names a data set's answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


def compact(text: str) -> str:
    """Text without spaces and punctuation, lower-cased: the form used for substring matching."""
    return _PUNCT.sub("", text).lower()


def _lines(name: str) -> list[str]:
    path = resources.files("pledgetrack.engine.match") / "data" / name
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n"))
    return rows


@dataclass(frozen=True)
class Lexicon:
    """All lexicons, loaded once. Terms are keyed by their compact form."""

    synonyms: dict[str, tuple[str, ...]]
    related: dict[str, tuple[str, ...]]
    generic: frozenset[str]
    regions: dict[str, tuple[str, ...]]
    place_names: dict[str, tuple[str, ...]]
    stance: tuple[tuple[str, re.Pattern[str]], ...]
    timing: tuple[tuple[str, re.Pattern[str]], ...]

    def alternatives(self, term: str) -> tuple[str, ...]:
        """The compact forms that count as the same term (the group's canonical form first)."""
        key = compact(term)
        return self.synonyms.get(key, (key,))

    def related_forms(self, term: str) -> tuple[str, ...]:
        return self.related.get(compact(term), ())

    def is_generic(self, term: str) -> bool:
        return compact(term) in self.generic


def _groups(name: str) -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for line in _lines(name):
        forms = tuple(dict.fromkeys(compact(f) for f in line.split(",") if f.strip()))
        for form in forms:
            others = tuple(f for f in forms if f != form)
            groups[form] = forms if name == "synonyms.txt" else others
    return groups


def _generic() -> frozenset[str]:
    words = {compact(w) for line in _lines("generic.txt") for w in line.split(",")}
    return frozenset(w for w in words if w)


def _regions() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(시도 -> its names, place name -> the 시도 it lies in). Supra-regional names cover several."""
    regions: dict[str, tuple[str, ...]] = {}
    places: dict[str, tuple[str, ...]] = {}
    for line in _lines("regions.tsv"):
        sido, names, subs = [*line.split("\t"), "", ""][:3]
        regions[sido] = tuple(n for n in names.split(",") if n)
        for name in (*regions[sido], *subs.split(",")):
            if name:
                places[name] = (sido,)
    for line in _lines("supra_regions.tsv"):
        name, _, covered = line.partition("\t")
        places[name] = tuple(s for s in covered.split(",") if s)
    return regions, places


def _patterns(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = []
    for line in _lines(name):
        kind, _, pattern = line.partition("\t")
        rows.append((kind, re.compile(pattern)))
    return tuple(rows)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The process-wide lexicon."""
    regions, places = _regions()
    return Lexicon(
        synonyms=_groups("synonyms.txt"),
        related=_groups("related.txt"),
        generic=_generic(),
        regions=regions,
        place_names=places,
        stance=_patterns("stance.tsv"),
        timing=_patterns("timing.tsv"),
    )
