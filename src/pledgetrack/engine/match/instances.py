"""Another one of the same kind: "판교 제2테크노밸리" is not the "일산 테크노밸리" a proposal asks for.

A proposal often names its project by a kind and a qualifier ("일산 테크노밸리", "전라선 고속철도",
"월미 문화의거리"). A passage that has the kind but not the qualifier, and puts another name of its own
right before the kind ("남해안 고속철도", "부평 문화의거리"), speaks of another one of that kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from pledgetrack.engine.match.lexicon import compact, get_lexicon
from pledgetrack.engine.match.region import is_province_name
from pledgetrack.engine.match.tokens import Term
from pledgetrack.engine.text.kiwi import get_kiwi

_WORD = re.compile(r"[0-9A-Za-z가-힣]+")
_ORDINAL_BEFORE = re.compile(r"\s*제?\d+(?:단계|차|호|기)?$")
_WORD_BEFORE = re.compile(r"([0-9A-Za-z가-힣]+)\s?$")  # glued to the term or one space before it


def qualified_terms(title: str, terms: Sequence[Term]) -> tuple[tuple[str, str], ...]:
    """(qualifier, term) pairs of the title: a project name (a named term: "테크노밸리", "고속철도")
    written right after another key term. Ordinary words are left out: on dev, pairs of any specific
    terms took away more right cells (8) than they gave (6)."""
    forms = {alt: t for t in terms for alt in t.alternatives}
    words = [compact(w) for w in _WORD.findall(title)]
    return tuple((forms[a].form, forms[b].form) for a, b in pairwise(words)
                 if a in forms and b in forms and not a[0].isdigit() and forms[a] != forms[b]
                 and forms[b].named)


def another_instance(term: Term, qualifier: Term, spaced: str) -> bool:
    """Whether every mention of ``term`` in the passage is qualified by another name than ``qualifier``
    (which the passage does not mention at all)."""
    text = compact(spaced)
    if any(alt in text for alt in (*qualifier.alternatives, *qualifier.related)):
        return False
    spots = [m.start() for m in mentions(term.alternatives, spaced)]
    return bool(spots) and all(_other_name_before(spaced, at) for at in spots)


def mentions(forms: Sequence[str], spaced: str) -> list[re.Match[str]]:
    """Every place in the passage as written where one of ``forms`` occurs (letters in any case)."""
    return [m for form in forms for m in re.finditer(re.escape(form), spaced, re.IGNORECASE)]


def _other_name_before(spaced: str, at: int) -> bool:
    before = _ORDINAL_BEFORE.sub("", spaced[max(0, at - 24) : at])  # "판교 제2테크노밸리": the name before "제2"
    word = _WORD_BEFORE.search(before)
    return word is not None and _is_name(word.group(1))


@lru_cache(maxsize=8192)
def _is_name(word: str) -> bool:
    """A noun that can name a place or a thing (not a 시도, not a generic word, not an inflected word)."""
    if len(word) < 2 or is_province_name(word) or get_lexicon().is_generic(word):
        return False
    tokens = get_kiwi().tokenize(word)
    return bool(tokens) and all(t.tag.startswith(("NN", "SL", "SN", "XSN")) for t in tokens)
