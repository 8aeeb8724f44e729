"""Korean-aware tokens for retrieval and the key terms of a proposal.

Index tokens: Kiwi content morphemes (nouns, roots, foreign words, numbers), each mapped to the
canonical form of its synonym group, plus the character bigrams of longer nouns, so that a
compound Kiwi keeps whole ("국가산단") still meets its parts ("국가 산단").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pledgetrack.engine.match.lexicon import Lexicon, compact, get_lexicon
from pledgetrack.engine.text.kiwi import get_kiwi

TOKENIZER_VERSION = "kiwi-nouns-bigram-v1"
CONTENT_TAGS = frozenset({"NNG", "NNP", "SL", "SN", "XR", "SH", "NR"})
_NUMBERED = re.compile(r"\d+\s*[·.]\s*\d+")


def _canonical(form: str, lexicon: Lexicon) -> str:
    key = compact(form)
    return lexicon.alternatives(key)[0] if key else key


def _bigrams(word: str) -> list[str]:
    return [word[i : i + 2] for i in range(len(word) - 1)] if len(word) >= 3 and word.isalpha() else []


def content_forms(text: str) -> list[tuple[str, str]]:
    """(form, tag) of the content morphemes of ``text``."""
    return [(t.form, t.tag.split("-")[0]) for t in get_kiwi().tokenize(text) if t.tag.split("-")[0] in CONTENT_TAGS]


def index_tokens_many(texts: Sequence[str]) -> list[list[str]]:
    """Index tokens for many texts."""
    lexicon = get_lexicon()
    results = []
    kiwi = get_kiwi()
    for tokens in (kiwi.tokenize(text) for text in texts):
        out: list[str] = []
        for token in tokens:
            if token.tag.split("-")[0] not in CONTENT_TAGS:
                continue
            form = _canonical(token.form, lexicon)
            if form:
                out.append(form)
                out.extend(_bigrams(form))
        results.append(out)
    return results


@dataclass(frozen=True)
class Term:
    """A key term of a proposal: its compact form, the forms that count as it, and its weight."""

    form: str
    alternatives: tuple[str, ...]
    related: tuple[str, ...]
    weight: float
    named: bool


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """시도 names and supra-regional names that are not also project names (달빛철도 is both)."""
    lexicon = get_lexicon()
    names = {compact(n) for names in lexicon.regions.values() for n in names}
    names |= {compact(n) for n, covered in lexicon.place_names.items() if len(covered) > 1}
    return frozenset(n for n in names if n not in lexicon.synonyms)


def _is_region_name(form: str, lexicon: Lexicon) -> bool:
    return form in _region_names()


AFFIX_TAGS = frozenset({"XPN", "XSN"})


def _runs(text: str) -> Iterable[list[tuple[str, str]]]:
    """Runs of adjacent content morphemes (with prefixes/suffixes) inside one written word."""
    run: list[tuple[str, str]] = []
    end = -1
    for token in get_kiwi().tokenize(text):
        tag = token.tag.split("-")[0]
        if tag in CONTENT_TAGS or tag in AFFIX_TAGS:
            if run and token.start != end:
                yield run
                run = []
            run.append((token.form, tag))
            end = token.start + token.len
        elif run:
            yield run
            run = []
    if run:
        yield run


def _units(run: list[tuple[str, str]], lexicon: Lexicon) -> list[tuple[str, str]]:
    """A run as one compound term (short runs, known compounds) or as its content morphemes."""
    run = [(f, t) for f, t in run if not (t not in AFFIX_TAGS and _is_region_name(compact(f), lexicon))]
    content = [(f, t) for f, t in run if t not in AFFIX_TAGS]
    if not content:
        return []
    whole = compact("".join(f for f, _ in run))
    if all(lexicon.is_generic(f) for f, _ in content):
        return [(whole, "GENERIC")]
    if len(content) <= 2 or whole in lexicon.generic or whole in lexicon.synonyms:
        tag = content[0][1] if len(content) == 1 else "NNG"
        return [(whole, tag)]
    return [(compact(f), t) for f, t in content]


def _candidate_forms(text: str) -> Iterable[tuple[str, str]]:
    lexicon = get_lexicon()
    for match in _NUMBERED.finditer(text):
        yield compact(match.group(0)), "SN"
    for run in _runs(_NUMBERED.sub(" ", text)):
        yield from _units(run, lexicon)


_PLACE_SUFFIXES = ("시", "군", "구")


def _one_place(form: str, lexicon: Lexicon) -> bool:
    """A place of one 시도, also when written with its 시/군/구 ("청주시" as "청주"). Not the other way:
    short names that are common words (상주, 예산) are listed only with theirs."""
    stem = form[:-1] if len(form) >= 3 and form.endswith(_PLACE_SUFFIXES) else form
    return any(len(lexicon.place_names.get(f, ())) == 1 for f in (form, stem))


def key_terms(text: str, *, generic_weight: float, named_weight: float) -> tuple[Term, ...]:
    """The distinct key terms of a proposal text, without 시도 names (region is judged apart)."""
    lexicon = get_lexicon()
    terms: dict[str, Term] = {}
    for form, tag in _candidate_forms(text):
        if len(form) < 2 or (tag == "SN" and not form.isdigit()) or _is_region_name(form, lexicon):
            continue
        canonical = lexicon.alternatives(form)[0]
        if canonical in terms:
            continue
        # a place of one 시도 ("새만금", "무주") says where, as the region aspect does, not what: it
        # weighs like a generic word and is never a project's name ("달빛철도" names a project and two 시도)
        place = _one_place(form, lexicon)
        generic = tag == "GENERIC" or lexicon.is_generic(form) or place
        named = not generic and len(form) >= 3 and tag == "NNP"
        weight = generic_weight if generic else (named_weight if named else 1.0)
        related = tuple(r for alt in lexicon.alternatives(form) for r in lexicon.related_forms(alt))
        terms[canonical] = Term(canonical, lexicon.alternatives(form), related, weight, named)
    return tuple(terms.values())


def query_tokens(terms: Sequence[Term]) -> list[str]:
    """BM25 query tokens for key terms: each term's canonical form, bigrams and related terms."""
    out: list[str] = []
    for term in terms:
        out.append(term.form)
        out.extend(_bigrams(term.form))
        out.extend(term.related)
    return list(dict.fromkeys(out))
