"""Key terms and index tokens: compounds, synonyms, generic words (예시 문장)."""

from __future__ import annotations

from pledgetrack.engine.match.aspects import coverage
from pledgetrack.engine.match.lexicon import compact
from pledgetrack.engine.match.settings import MatchSettings
from pledgetrack.engine.match.tokens import index_tokens_many, key_terms

S = MatchSettings()


def terms(text: str):
    return key_terms(text, generic_weight=S.generic_weight, named_weight=S.named_weight)


def cover(query: str, passage: str) -> float:
    tokens = frozenset(index_tokens_many([passage])[0])
    return coverage(terms(query), tokens, compact(passage), "", S).share


def test_compound_meets_its_spaced_form() -> None:
    assert cover("광주 미래차 국가산단 조성", "미래자동차 국가산업단지를 조성하겠습니다") == 1.0
    assert cover("아시아문화전당 위상 강화", "국립 아시아 문화전당의 위상을 강화") == 1.0


def test_synonyms_count_as_the_same_term() -> None:
    assert cover("인공지능 대표도시", "AI 대표도시 광주") == 1.0
    assert cover("달빛고속철도 조기 착공", "광주-대구 철도 조기 착공") == 1.0
    assert cover("군공항 이전", "군 공항 이전") == 1.0


def test_region_names_are_not_topic_terms() -> None:
    forms = [t.form for t in terms("광주 군공항 이전")]
    assert "광주" not in forms and "군공항" in forms


def test_generic_compounds_weigh_less() -> None:
    weights = {t.form: t.weight for t in terms("미래 모빌리티 신산업 생태계 구축")}
    assert weights["모빌리티"] == 1.0
    assert weights["신산업"] == weights["생태계"] == S.generic_weight


def test_generic_words_alone_are_not_a_topic_match() -> None:
    query = terms("청년 창업 보육센터 건립")
    tokens = frozenset(index_tokens_many(["청년 일자리 지원"])[0])
    assert not coverage(query, tokens, compact("청년 일자리 지원"), "", S).specific


def test_index_tokens_split_compounds_into_bigrams() -> None:
    tokens = index_tokens_many(["국가산단 조성"])[0]
    assert "국가산업단지" in tokens  # canonical synonym
    assert "산단" in tokens or "단지" in tokens
