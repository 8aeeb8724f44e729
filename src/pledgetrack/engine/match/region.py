"""Which region a passage is about: the 시도 it names, else its heading's, else its document's.

A gazetteer of the 17 시도 (full and short names), their 시군구 and landmarks, and supra-regional
names (호남, 부울경 …). The longest name wins at each position, so "전남대" (in 광주) is not 전남 and
"대전환" is not 대전; a name never starts inside a word ("취수원" is not 수원).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pledgetrack.engine.match.lexicon import get_lexicon

Scope = Literal["home", "other", "national"]
SCOPE_LABELS: dict[str, str] = {"home": "지역 일치", "other": "타 지역", "national": "지역 미명시"}


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    name: str
    regions: tuple[str, ...]


@dataclass(frozen=True)
class PassageRegion:
    """The regions a passage is about, where that came from (text/heading/document) and its scope."""

    regions: frozenset[str]
    source: str
    scope: Scope

    def label(self) -> str:
        names = "·".join(sorted(self.regions)) or "전국"
        return f"{SCOPE_LABELS[self.scope]}: {names}"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(get_lexicon().place_names, key=len, reverse=True)
    return re.compile("(?<![가-힣])(?:" + "|".join(re.escape(n) for n in names) + ")")


# a short 시도 name that is also a common word, and what follows it when it is the word: "경기장",
# "경기가 열리는", "경기 날 환승 대책", "경기 침체" are games and the economy, not 경기도 ("경기남부",
# "경기 화성", and file names such as "유세발언_경기순회" are the province)
_COMMON_AFTER = ("날|당일|일정|침체|부양|불황|호황|회복|둔화|결과|중계|관람|시간|운영|진행|규칙|도중|시작|종료|전망|"
                 "지표|흐름|악화|활성화")
_NOT_A_PLACE_AFTER: dict[str, re.Pattern[str]] = {
    "경기": re.compile(rf"(?:장|력|를|가\s|{_COMMON_AFTER})|\s+(?:{_COMMON_AFTER})(?![가-힣])"),
}


def find_regions(text: str) -> list[RegionMention]:
    """Place names in ``text`` with the 시도 they stand for (masking names cover none)."""
    places = get_lexicon().place_names
    return [
        RegionMention(m.start(), m.end(), m.group(0), places[m.group(0)])
        for m in _pattern().finditer(text) if not _is_common_word(m.group(0), text, m.end())
    ]


def _is_common_word(name: str, text: str, end: int) -> bool:
    after = _NOT_A_PLACE_AFTER.get(name)
    return after is not None and after.match(text, end) is not None


def regions_in(text: str) -> frozenset[str]:
    """The set of 시도 that ``text`` names."""
    return frozenset(r for mention in find_regions(text) for r in mention.regions)


def innermost_named(path: str, separator: str) -> str:
    """The deepest part of a heading path that names a place ("광주광역시 > 전남 공약" -> "전남 공약"),
    or the whole path when none does: the nearest heading decides, not the document's top one."""
    for part in reversed(path.split(separator)):
        if regions_in(part):
            return part
    return path


def _scope(regions: frozenset[str], home: str | None) -> Scope:
    if not regions:
        return "national"
    if home is None or home in regions:
        return "home"
    return "other"


# "전국" as a scope ("전국 공통", "전국 해상풍력 설비"), not as a comparison ("전국 최초", "전국 1위").
NATIONWIDE = re.compile(r"(?<![가-힣])전국(?!\s*(?:최초|최고|최대|최소|유일|제일|1위|첫|평균|수준|에서|으뜸|대비))")


def resolve_region(contexts: Sequence[tuple[str, str]], home: str | None,
                   common: frozenset[str] = frozenset()) -> PassageRegion:
    """The first context naming a place, or saying it is nationwide ("■ 전국 공통"), decides: the
    passage's own text, then its heading(s), then its document's title. ``contexts`` are (source,
    text) pairs in that order. Names in ``common`` (the 시군구 and landmark names the proposal itself
    uses) are read as common nouns when they stand for no region of ``home``: a 울산 proposal's
    "대체 수원 확보" is a water source, not the city of 수원."""
    for source, part in contexts:
        found = frozenset(r for m in find_regions(part)
                          if m.name not in common or (home is not None and home in m.regions) for r in m.regions)
        if found:
            return PassageRegion(found, source, _scope(found, home))
        if NATIONWIDE.search(part):
            return PassageRegion(frozenset(), source, "national")
    return PassageRegion(frozenset(), "none", "national")


def normalize_region(name: str) -> str:
    """The short 시도 name for any of its names ("광주광역시" -> "광주"); unknown names unchanged."""
    regions = get_lexicon().place_names.get(name.strip(), ())
    return regions[0] if len(regions) == 1 and name.strip() in _sido_names() else name.strip()


def is_province_name(name: str) -> bool:
    """Whether ``name`` is a 시도's own name ("울산", "전라북도"), not a 시군구 or landmark."""
    return name.strip() in _sido_names()


@lru_cache(maxsize=1)
def _sido_names() -> frozenset[str]:
    return frozenset(n for names in get_lexicon().regions.values() for n in names)


def infer_home_region(texts: Iterable[str]) -> str | None:
    """The 시도 most often named in the proposals (only single-시도 names count), or None."""
    counts: Counter[str] = Counter()
    for text in texts:
        for mention in find_regions(text):
            if len(mention.regions) == 1:
                counts[mention.regions[0]] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]
