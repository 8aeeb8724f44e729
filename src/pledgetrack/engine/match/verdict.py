"""From aspects to a verdict for one proposal row and one actor.

Each candidate passage gets a level from its topic score (reflected / partial / absent), then caps:
another region's pledge or an excluding/deferring statement cannot reflect; a pledge without a region
reflects a regional proposal at most partly, as does a smaller amount or a later timing. The best
capped level over the passages is the verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from pledgetrack.engine.match.aspects import (
    Assessment,
    Query,
    amounts_in,
    counts_in,
    coverage,
    describe_amounts,
    find_noncommitment,
    find_stance,
    find_timing,
    home_places,
    is_background,
    is_label,
    later_than,
    places_elsewhere,
    scaled_cosine,
    smaller_count,
    topic_score,
)
from pledgetrack.engine.match.index import PassageIndex
from pledgetrack.engine.match.instances import qualified_terms
from pledgetrack.engine.match.lexicon import compact, get_lexicon
from pledgetrack.engine.match.region import (
    find_regions,
    innermost_named,
    is_province_name,
    regions_in,
    resolve_region,
)
from pledgetrack.engine.match.settings import MatchSettings
from pledgetrack.engine.match.speakers import line_speaker, opens_turn, other_speaker
from pledgetrack.engine.match.structure import starts_item
from pledgetrack.engine.match.tokens import Term, content_forms, key_terms, query_tokens
from pledgetrack.engine.text.headings import SEPARATOR as HEADING_SEPARATOR
from pledgetrack.engine.types import ProposalRow, Verdict

RANK: dict[str, int] = {"absent": 0, "partial": 1, "reflected": 2}
STANCE_LABELS: dict[str, str] = {"exclude": "제외", "defer": "유보", "reject": "반대·불가", "unsure": "약속 아님",
                                  "heard": "들은 이야기"}
_LAW = re.compile(r"법률|법\s*제정|특별법|법제화|입법|제도화|법\s*개정")


@dataclass(frozen=True)
class Judged:
    """A passage's capped level and the reasons for it."""

    assessment: Assessment
    verdict: Verdict
    reasons: tuple[str, ...]


def make_query(row: ProposalRow, s: MatchSettings, children: Sequence[ProposalRow] = (),
               parent: ProposalRow | None = None) -> Query:
    """What ``row`` asks for; a task's deadlines include its projects' ("2029년 개항"), and a project
    is about the places its task names ("주민 상생기금" of a task about 홍천 is about 홍천)."""
    text = " ".join(part for part in (row.title, row.description, " ".join(row.keywords)) if part)
    when = " ".join([text, *(f"{c.title} {c.description}" for c in children)])
    terms = _query_terms(row, s)
    amounts = amounts_in(text) + ((row.budget_won,) if row.budget_won else ())
    mentions = find_regions(text)
    neutral = row.level in s.region_neutral_levels or (bool(_LAW.search(row.title)) and not mentions)
    regions = frozenset(r for m in mentions if len(m.regions) <= 2 for r in m.regions)
    named = [*mentions, *(find_regions(f"{parent.title} {parent.description}") if parent else ())]
    places = frozenset(m.name for m in named if not is_province_name(m.name))
    supra = frozenset(r for m in mentions if len(m.regions) > 2 for r in m.regions)
    return Query(row.id, text, terms, amounts, find_timing(text, "urgent"), neutral, regions, places, when,
                 counts_in(text), supra, qualified_terms(row.title, terms))


def _query_terms(row: ProposalRow, s: MatchSettings) -> tuple[Term, ...]:
    """Title terms, then description and keyword terms at ``description_weight`` of their weight."""
    title = key_terms(f"{row.title} {' '.join(row.keywords)}", generic_weight=s.generic_weight,
                      named_weight=s.named_weight)
    seen = {t.form for t in title}
    extra = key_terms(row.description, generic_weight=s.generic_weight, named_weight=s.named_weight)
    more = [replace(t, weight=t.weight * s.description_weight) for t in extra if t.form not in seen]
    return (*title, *more)


def subject_terms(row: ProposalRow, s: MatchSettings) -> tuple[str, ...]:
    """The row's own specific terms: not generic, not a place of one 시도, not a number."""
    return tuple(t.form for t in _query_terms(row, s) if t.weight > s.generic_weight and not t.form[0].isdigit())


def assess(index: PassageIndex, query: Query, actor: str, home: str | None) -> list[Assessment]:
    """Measure the actor's candidate passages against the query."""
    s = index.settings
    indices = index.candidates(query_tokens(query.terms), actor, s.candidates)
    cosines = index.dense(query.text, indices)
    baseline = index.query_baseline(query.text) if cosines is not None else 0.0
    out = []
    for j, i in enumerate(indices):
        cosine = None if cosines is None else float(cosines[j])
        out.append(_assess_one(index, query, i, (cosine, baseline), home))
    return out


def _contexts(index: PassageIndex, i: int) -> list[tuple[str, str]]:
    entry = index.entries[i]
    doc = index.documents[entry.doc]
    parent, title = index.structures[entry.doc].context(entry.passage.start)
    document = f"{doc.name} {doc.metadata.title} {doc.text[:120].splitlines()[0] if doc.text else ''}"
    heading = innermost_named(entry.passage.heading, HEADING_SEPARATOR)
    return [("text", index.texts[i]), ("heading", heading), ("parent", parent),
            ("section", title), ("document", document)]


# a row of a table or a card flattened to text ("| 충남-1 | …", "카드 3 | …") ends where its line ends
_TABLE_ROW = re.compile(r"^\s*\||\s\|\s")
_RECORD_LABEL = re.compile(r"^\s*([^\W\d_]{1,6})\s*\d{1,3}\b")  # "카드 3", "과제 12"
_SENTENCE_END = re.compile(r"(?:[다요음함임]|[.!?」』\"'’”)])\s*$")


def _continued(index: PassageIndex, i: int) -> str:
    """The passage's match text, with the next passage of its document when the sentence runs on
    (an OCR line break can cut "… 거쳐 다룰" from "사안으로, 이번 공약에는 포함하지 않습니다"), and a
    table row's next cells when the row was cut inside its line."""
    text = index.texts[i]
    if _SENTENCE_END.search(text) or i + 1 >= len(index.entries):
        return text
    here, after = index.entries[i], index.entries[i + 1]
    if after.doc != here.doc or after.passage.ordinal != here.passage.ordinal + 1:
        return text
    if _TABLE_ROW.search(text):  # a row cut inside its line ("… | 하동 갈사만 산단 |" + "… 다시 따져 보기로 함 |")
        same_line = "\n" not in index.documents[here.doc].text[here.passage.end : after.passage.start]
        return f"{text} {index.texts[i + 1]}" if same_line else text
    if starts_item(after.passage.text):
        return text
    if _TABLE_ROW.search(after.passage.text) or _same_label(text, after.passage.text):
        return text
    return f"{text} {index.texts[i + 1]}"


def _same_label(text: str, following: str) -> bool:
    """Both lines open with the same record label and a number ("카드 3 …", "카드 4 …"): two records."""
    a, b = _RECORD_LABEL.match(text), _RECORD_LABEL.match(following)
    return a is not None and b is not None and a.group(1) == b.group(1)


def _assess_one(index: PassageIndex, query: Query, i: int, dense: tuple[float | None, float],
                home: str | None) -> Assessment:
    s = index.settings
    cosine, baseline = dense
    entry = index.entries[i]
    text = index.texts[i]
    contexts = _contexts(index, i)
    heading = " ".join(c for source, c in contexts[1:4] if c)
    tokens = frozenset(index.tokens[i])
    pair = query.regions <= regions_in(text) if len(query.regions) >= 2 else None
    doc = index.documents[entry.doc]
    block_end = index.structures[entry.doc].block_end(entry.passage.start, entry.passage.end)
    block = doc.text[entry.passage.start : block_end]
    cov = coverage(query.terms, tokens, compact(text), compact(heading), s, pair, spaced=text,
                   qualified=query.qualified)
    topic = topic_score(cov, cosine, s, baseline)
    following = _caveat(index, i, cov.matched)
    caveat = index.texts[following] if following is not None else ""
    return Assessment(
        entry=i,
        coverage=cov.share,
        dense=cosine,
        topic=topic,
        matched=cov.matched,
        missing=cov.missing,
        named=cov.named,
        region=resolve_region([*_focus(text, cov.matched), *contexts], home, query.places),
        stance=_stance(_continued(index, i), cov.matched, topic, s),
        amounts=amounts_in(f"{block} {caveat}"),
        later=find_timing(text, "later"),
        small=find_timing(f"{block} {caveat}", "small"),
        partly=cov.partly,
        dense_scaled=scaled_cosine(cosine, s, baseline),
        specific=cov.specific,
        late=later_than(f"{text} {caveat} {_sub_lines(block)}", query.when or query.text),
        counts=counts_in(block) if query.counts else (),
        background=is_background(text) or is_background(contexts[2][1]),
        label=is_label(text),
        speaker=_speaker(text, _line_head(doc.text, entry.passage.start), entry.actor, doc.text),
        elsewhere=places_elsewhere(_placed_text(text, contexts, home), query.places, home) if query.places else (),
        qualifier_end=index.entries[following].passage.end if following is not None else None,
    )


_CAVEAT = re.compile(r"^\s*(?:다만|하지만|그러나|그렇지만|단(?:\s|,)|대신|우선|먼저|일단|첫\s*단계로|1단계로)")
_WHEN_OR_HOW_MUCH = re.compile(r"20[2-9]\d\s*년|\d\s*(?:억|조|천만|만)\s*원|임기|단계")
# nouns of a sentence that only adds when, how much or how big to the one before ("2035년 개통이 목표입니다")
_FOLLOW_NOUNS = frozenset((
    "년", "월", "원", "억", "조", "목표", "개통", "완공", "착공", "개관",
    "개원", "준공", "개장", "운영", "예산", "사업비", "총사업비", "국비", "지방비",
    "도비", "시비", "민자", "규모", "단계", "첫", "처음", "우선", "먼저",
    "시범", "구간", "일부", "임기", "이후", "상반기", "하반기", "시기", "일정",
    "완료", "마무리", "시작", "방침", "목표치", "동", "곳", "개소", "명",
    "병상", "석", "호", "가구", "세대", "km", "설계", "공사", "개통식", "문",
    "삽", "첫삽",
))


def _caveat(index: PassageIndex, i: int, matched: Sequence[str] = ()) -> int | None:
    """The entry of a following sentence of the same paragraph that only qualifies this one: the next one
    when it starts with "다만·하지만 …" ("다만 … 2032년 개원으로 잡았습니다") or its nouns only say when,
    how much or how big, besides the proposal's own terms ("2035년 개통이 목표입니다", "우선 200억원으로 첫
    구간을 놓습니다"); or, up to ``_QUALIFIER_REACH`` sentences on, one that gives a year or sum and nothing
    else, past sentences that neither promise nor give one ("…고 강조했다. 착공 시점은 2034년으로
    제시했다"). Its later year, smaller scale and amounts are the pledge's own, and it is shown with it as
    evidence."""
    for k in range(i + 1, min(i + 1 + _QUALIFIER_REACH, len(index.entries))):
        if not _same_paragraph(index, k - 1, k):
            return None
        text = index.texts[k]
        if k == i + 1 and (_CAVEAT.search(index.entries[k].passage.text) or _only_qualifies(text, matched)):
            return k
        if k > i + 1 and _WHEN_OR_HOW_MUCH.search(text) and _only_qualifies(text, matched):
            return k
        if _WHEN_OR_HOW_MUCH.search(text) or _PROMISE.search(text):
            return None
    return None


_QUALIFIER_REACH = 3
_PROMISE = re.compile(r"겠(?:습니다|다|어요)|합니다|약속")


def _same_paragraph(index: PassageIndex, a: int, b: int) -> bool:
    """Whether entry ``b`` is the sentence right after ``a`` in the same paragraph (no blank line, item,
    table row or speaker's turn between)."""
    here, after = index.entries[a], index.entries[b]
    if after.doc != here.doc or after.passage.ordinal != here.passage.ordinal + 1:
        return False
    between = index.documents[here.doc].text[here.passage.end : after.passage.start]
    if "\n" in between and opens_turn(after.passage.text):
        return False  # another speaker's turn in a transcript
    return not ("\n\n" in between or starts_item(after.passage.text) or _TABLE_ROW.search(after.passage.text))


def _only_qualifies(text: str, matched: Sequence[str]) -> bool:
    """Nouns only of when, how much or how big (besides the proposal's own terms); or a year or sum and no
    name of its own (no proper noun, foreign word or place: "착공 시점은 2034년으로 제시했다")."""
    lexicon = get_lexicon()
    nouns, names = _nouns_and_names(text)
    own = {compact(m) for m in matched}
    if nouns and all(n in _FOLLOW_NOUNS or n in own or lexicon.is_generic(n) for n in nouns):
        return True
    named = [n for n in names if n not in own]
    return bool(_WHEN_OR_HOW_MUCH.search(text)) and not named and not find_regions(text)


@lru_cache(maxsize=16384)
def _nouns_and_names(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The compact common and proper nouns of ``text``, and its proper nouns and foreign words (read once
    per sentence, not once per proposal)."""
    forms = content_forms(text)
    nouns = tuple(compact(form) for form, tag in forms if tag in {"NNG", "NNP"})
    return nouns, tuple(compact(form) for form, tag in forms if tag in {"NNP", "SL"})


def _sub_lines(block: str) -> str:
    """The lines under an item (its "- 기간: 2029~2032년"), not the rest of its own line."""
    return block.split("\n", 1)[1] if "\n" in block else ""


@lru_cache(maxsize=65536)
def _speaker(text: str, head: str, actor: str, document: str) -> str:
    """Who other than ``actor`` speaks the passage: its own label, else its line's (once per passage, not
    once per proposal)."""
    return other_speaker(text, actor, document) or line_speaker(head, actor, document)


def _line_head(text: str, start: int) -> str:
    """The text of the line before ``start`` (empty when a passage begins its line)."""
    return text[text.rfind("\n", 0, start) + 1 : start]


def _stance(text: str, matched: Sequence[str], topic: float, s: MatchSettings) -> tuple[str, str] | None:
    """A stance pattern, else (for a passage that could count) the commitment model's reading. A table
    row is one record: a stance in any of its cells ("… | 하동 갈사만 산단 | … 다시 따져 보기로 함 | -")
    is said of the row's item."""
    found = find_stance(text, () if _TABLE_ROW.search(text) and "\n" not in text else matched)
    if found is None and topic >= s.partial_threshold and s.commitment_threshold < 1.0:
        found = find_noncommitment(text, matched, s.commitment_threshold)
    return found


def _focus(text: str, matched: Sequence[str]) -> list[tuple[str, str]]:
    """The lines of a passage of several lines that hold its matched terms, as the first place to look
    for its region: an OCR'd page can run lines of several 시도 into one passage ("… 대구 …\n군위 국가
    AI컴퓨팅센터 유치 … 광주 …")."""
    lines = text.splitlines()
    if len(lines) < 2 or not matched:
        return []
    held = [line for line in lines if any(form in compact(line) for form in matched)]
    return [("text", "\n".join(held))] if held and len(held) < len(lines) else []


def _placed_text(text: str, contexts: Sequence[tuple[str, str]], home: str | None) -> str:
    """The passage's text, or when it names no place of ``home`` the nearest heading or parent line that
    does ("▣ 4장 | 원주 …" over "의료기기 임상시험 지원센터 건립")."""
    for _, part in contexts[:4]:
        if home is not None and any(home in m.regions for m in find_regions(part)):
            return part
    return text


def base_level(a: Assessment, s: MatchSettings) -> Verdict:
    """The level from the topic score alone, before any cap."""
    if a.topic >= s.reflected_threshold:
        return "reflected"
    if a.topic >= s.partial_threshold:
        return "partial"
    return "absent"


def _cap(verdict: Verdict, limit: Verdict) -> Verdict:
    return verdict if RANK[verdict] <= RANK[limit] else limit


def judge(a: Assessment, q: Query, s: MatchSettings, home: str | None) -> Judged:
    """The passage's level after the region, stance, scale and timing caps, with reasons."""
    verdict, reasons = base_level(a, s), list(_topic_reasons(a))
    if home is not None and a.region.scope == "other":
        verdict = "absent"
        reasons.append(f"타 지역 공약: {'·'.join(sorted(a.region.regions))}")
    elif home is not None and a.region.scope == "national" and not q.region_neutral:
        # a proposal naming its own towns ("서산·태안 광역 상수도") is not a nationwide pledge's project
        placed = home_places(q.places, home)
        concrete = verdict == "reflected" and a.coverage >= s.national_coverage and not placed
        verdict = "partial" if concrete else "absent"
        missing = f", 제안 지역({'·'.join(placed)}) 없음" if placed else ", 구체 사업 불일치"
        reasons.append("지역 미명시: 전국 단위 공약" + ("" if concrete else missing))
    elif home is not None and _supra_only(a, q, s):
        verdict = "absent"
        reasons.append(f"초광역 구상({'·'.join(sorted(a.region.regions))})에 제안 지역의 사업이 없음")
    elif home is not None:
        reasons.append(a.region.label())
    if a.stance is not None:
        verdict = "absent"
        reasons.append(_stance_reason(a.stance))
    elif a.background:
        verdict = "absent"
        reasons.append("배경·현황 설명(약속 아님)")
    elif a.label:
        verdict = "absent"
        reasons.append("제목·질문(약속 아님)")
    elif a.speaker:
        verdict = "absent"
        reasons.append(f"다른 사람의 발언: {a.speaker}")
    elif a.elsewhere and not a.named and verdict != "absent":
        verdict = "absent"
        reasons.append(f"같은 시도의 다른 곳: {'·'.join(a.elsewhere)}")
    verdict = _scale(a, q, s, verdict, reasons)
    fewer = smaller_count(q.counts, a.counts, s.scale_ratio)
    if fewer is not None:
        verdict = _cap(verdict, "partial")
        reasons.append(f"규모 축소: 제안 {fewer[0]}, 공약 {fewer[1]}")
    elif a.small and not find_timing(q.text, "small"):
        verdict = _cap(verdict, "partial")
        reasons.append(f"규모 축소: 공약 '{a.small}'")
    if q.urgent and a.later:
        verdict = _cap(verdict, "partial")
        reasons.append(f"시기 차이: 제안 '{q.urgent}', 공약 '{a.later}'")
    elif a.late:
        verdict = _cap(verdict, "partial")
        reasons.append(f"시기 차이: 공약 '{a.late}'이 제안보다 늦음")
    return Judged(a, verdict, tuple(reasons))


def _stance_reason(stance: tuple[str, str]) -> str:
    kind, marker = stance
    if kind == "unsure":
        return f"약속 표현 아님: 문장이 약속하지 않는 말로 읽힘(분류기 확률 {marker})"
    return f"유보·제외 표현({STANCE_LABELS[kind]}): '{marker}'"


def _supra_only(a: Assessment, q: Query, s: MatchSettings) -> bool:
    """A 초광역 item of three or more 시도 ("부울경 공동 공약") sharing only part of a single-region
    proposal's terms. Two-시도 headings ("대구·경북", "광주·전남") are usually one metropolitan area's
    own section and are judged as home."""
    supra = len(a.region.regions) >= 3 and len(q.regions) < 2 and not q.region_neutral
    own_area = bool(q.supra) and a.region.regions <= q.supra  # the proposal is itself about that area
    return supra and not own_area and a.coverage < s.national_coverage and not a.named


def _scale(a: Assessment, q: Query, s: MatchSettings, verdict: Verdict, reasons: list[str]) -> Verdict:
    if not q.amounts:
        return verdict
    wanted = describe_amounts([max(q.amounts)])
    if not a.amounts:
        reasons.append(f"규모 미언급: 제안 {wanted}")
        return verdict
    if max(a.amounts) < s.scale_ratio * max(q.amounts):
        reasons.append(f"규모 축소: 제안 {wanted}, 공약 {describe_amounts([max(a.amounts)])}")
        return _cap(verdict, "partial")
    reasons.append(f"규모 일치: 공약 {describe_amounts([max(a.amounts)])}")
    return verdict


def _topic_reasons(a: Assessment) -> list[str]:
    reasons = []
    if a.named:
        reasons.append(f"사업명 일치: {', '.join(a.named)}")
    other = [m for m in a.matched if m not in a.named and m not in a.partly]
    if other:
        reasons.append(f"주제어 일치: {', '.join(other[:6])}")
    if a.partly:
        reasons.append(f"주제어 일부 일치: {', '.join(a.partly[:6])}")
    if a.missing:
        reasons.append(f"주제어 없음: {', '.join(a.missing[:6])}")
    if a.dense is not None:
        reasons.append(f"의미 유사도 {a.dense:.2f}")
    return reasons


def ranked(judged: Sequence[Judged]) -> list[Judged]:
    """Best first: by level, then topic score."""
    return sorted(judged, key=lambda j: (RANK[j.verdict], j.assessment.topic), reverse=True)
