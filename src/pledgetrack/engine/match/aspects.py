"""The aspects of one passage against one proposal: topic (terms and meaning), region, named
projects, scale, timing and stance. Each aspect is measured here; the verdict is decided elsewhere."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from pledgetrack.engine.errors import ConfigurationError
from pledgetrack.engine.match.commitment import hedge_probability
from pledgetrack.engine.match.instances import another_instance, mentions
from pledgetrack.engine.match.lexicon import compact, get_lexicon
from pledgetrack.engine.match.region import PassageRegion, find_regions
from pledgetrack.engine.match.settings import MatchSettings
from pledgetrack.engine.match.tokens import Term
from pledgetrack.engine.text.kiwi import get_kiwi
from pledgetrack.engine.text.money import find_amounts, format_won

_CLAUSE = re.compile(r"[;\n]|(?<!\d)[,.]|[,.](?!\d)|\s-\s")  # "2,600만" stays whole
# "…했다 ", "…추진함 ", "…없음 " end a clause ("…하기 위해" and the noun "소음 " do not)
_CLAUSE_ENDS = frozenset({("EF", None), ("ETN", "음"), ("ETN", "ㅁ")})


@dataclass(frozen=True)
class Query:
    """What a proposal row asks for: its text, key terms, amounts and whether it is urgent."""

    id: str
    text: str
    terms: tuple[Term, ...]
    amounts: tuple[int, ...]
    urgent: str
    region_neutral: bool
    regions: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # place names the proposal itself uses
    when: str = ""  # the text whose years and plan rounds are the deadline (a task's includes its projects')
    counts: tuple[tuple[str, float], ...] = ()  # counted quantities it asks for: ("동", 100.0)
    supra: frozenset[str] = frozenset()  # the 시도 of a 초광역 area the proposal itself names ("충청권")
    qualified: tuple[tuple[str, str], ...] = ()  # (qualifier, term) pairs of its title ("일산", "테크노밸리")


@dataclass(frozen=True)
class Assessment:
    """One passage measured against one query."""

    entry: int
    coverage: float
    dense: float | None
    topic: float
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    named: tuple[str, ...]
    region: PassageRegion
    stance: tuple[str, str] | None
    amounts: tuple[int, ...]
    later: str
    small: str = ""
    partly: tuple[str, ...] = ()
    dense_scaled: float = 0.0
    specific: bool = True
    late: str = ""
    counts: tuple[tuple[str, float], ...] = ()
    background: bool = False  # a background or current-state line ("추진 배경: …"), not a promise
    label: bool = False  # a question, a label ending in ":" or a line of place names only, not a promise
    elsewhere: tuple[str, ...] = ()  # places of the home 시도 the passage names, none of them the proposal's
    speaker: str = ""  # another candidate whose words these are ("○번 후보: …" in the actor's debate transcript)
    qualifier_end: int | None = None  # end of the next sentence that says when or how much of this one


def _found(forms: Sequence[str], tokens: frozenset[str], text: str) -> bool:
    return any(f in tokens or (len(f) >= 2 and f in text) for f in forms)


def part_share(form: str, text: str) -> float:
    """Share of a compound term's characters found as one contiguous, non-generic piece of ``text``
    (not when only a leading syllable differs, see :func:`_sibling_name`):
    "국가ai컴퓨팅센터" in "초거대ai컴퓨팅센터" is 0.78, "미래모빌리티" in "대표모빌리티도시" 0.67. Also
    absorbs OCR damage to part of a word. 0 when the piece is shorter than 2 characters, not
    more than half the term, or a generic word ("도시" of "신도시")."""
    if len(form) < 3 or not text:
        return 0.0
    match = SequenceMatcher(None, form, text, autojunk=False).find_longest_match(0, len(form), 0, len(text))
    piece = form[match.a : match.a + match.size]
    if match.size < 2 or match.size * 2 <= len(form) or get_lexicon().is_generic(piece):
        return 0.0
    if _sibling_name(form, text, match.a, match.b, match.size):
        return 0.0
    return match.size / len(form)


def _sibling_name(form: str, text: str, a: int, b: int, size: int) -> bool:
    """"동대구역" against "서대구역": the term and the text differ only in one leading syllable right
    before the shared piece, which makes them two different names, not one damaged word."""
    return (a == 1 and a + size == len(form) and b > 0 and text[b - 1] != form[0]
            and "가" <= text[b - 1] <= "힣")


_LANDMARK_AFTER = re.compile(
    r"\s*(?:바로\s*)?(?:앞|옆|뒤|인근|근처|건너편|맞은편)(?![가-힣])|\s*(?:앞|옆|뒤)(?:에|의|을|으로)"
)


def only_as_landmark(forms: Sequence[str], text: str) -> bool:
    """Every mention of a name locates something else ("원자력연구원 앞 갑천 자전거길", "미포 국가산단
    옆 부지에 데이터센터"): the passage is about what stands there, not about the named project."""
    spots = [m.end() for m in mentions(forms, text)]
    return bool(spots) and all(_LANDMARK_AFTER.match(text, end) for end in spots)


def term_credit(term: Term, tokens: frozenset[str], text: str, heading: str, s: MatchSettings) -> float:
    """1 when a form of the term is in the passage, less for a related term, a heading-only match or
    a part of a compound term."""
    if _found(term.alternatives, tokens, text):
        return 1.0
    if _found(term.alternatives, frozenset(), heading):
        return s.heading_credit
    related = s.related_credit if term.related and _found(term.related, tokens, text) else 0.0
    part = max(part_share(term.form, text), split_share(term.form, text)) * s.part_credit
    return max(related, part)


def split_share(form: str, text: str) -> float:
    """1 when a compound ends in a lexicon word and both its head and some form of that word are in
    ``text``: "울릉공항" in "울릉도 하늘길을 열고" (공항 = 하늘길). 0 otherwise."""
    synonyms = get_lexicon().synonyms
    for cut in range(2, len(form) - 1):
        head, tail = form[:cut], form[cut:]
        if tail in synonyms and head in text and any(alt in text for alt in synonyms[tail]):
            return 1.0
    return 0.0


@dataclass(frozen=True)
class Coverage:
    """Weighted share of the query's terms found; which matched; whether a specific one did."""

    share: float
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    named: tuple[str, ...]
    specific: bool
    partly: tuple[str, ...] = ()


def coverage(terms: Sequence[Term], tokens: frozenset[str], text: str, heading: str, s: MatchSettings,
             pair: bool | None = None, spaced: str = "", qualified: Sequence[tuple[str, str]] = ()) -> Coverage:
    """How much of the query the passage covers. Generic words alone never make a topic match.
    ``pair``: for a query linking several regions, whether the passage names all of them (one more term).
    ``spaced``: the passage as written, where a name used only as a landmark is told apart, and where a
    term of a ``qualified`` pair found only as another one of its kind ("판교 테크노밸리" for "일산
    테크노밸리", see ``instances``) counts for nothing."""
    total = sum(t.weight for t in terms) + (1.0 if pair is not None else 0.0) or 1.0
    got = 1.0 if pair else 0.0
    matched: list[str] = []
    missing: list[str] = []
    named: list[str] = []
    partly: list[str] = []
    specific = bool(pair) or all(t.weight == s.generic_weight for t in terms)
    by_form = {t.form: t for t in terms}
    qualifiers = {term: by_form[q] for q, term in qualified if q in by_form}
    for term in terms:
        credit = term_credit(term, tokens, text, heading, s)
        if credit == 1.0 and term.form in qualifiers and another_instance(term, qualifiers[term.form], spaced):
            credit = 0.0
        landmark = term.named and credit == 1.0 and only_as_landmark(term.alternatives, spaced)
        if landmark:
            credit = 1.0 / s.named_weight  # weighs as an ordinary word and names no project
        got += term.weight * credit
        (matched if credit else missing).append(term.form)
        # a number with its counter ("2027", "2단계") counts toward coverage but never makes a topic match
        specific = specific or (credit > 0 and term.weight > s.generic_weight and not term.form[0].isdigit())
        if term.named and credit == 1.0:
            named.append(term.form)
        elif 0 < credit < 1.0 and not landmark:
            partly.append(term.form)
    return Coverage(got / total, tuple(matched), tuple(missing), tuple(named), specific, tuple(partly))


def _fixed(cosine: float, baseline: float, s: MatchSettings) -> float:
    return (cosine - s.dense_floor) / (s.dense_ceiling - s.dense_floor)


def _background(cosine: float, baseline: float, s: MatchSettings) -> float:
    return (cosine - baseline - s.dense_margin) / (s.dense_ceiling - s.dense_floor)


CALIBRATIONS = {"fixed": _fixed, "background": _background}


def scaled_cosine(cosine: float | None, s: MatchSettings, baseline: float = 0.0) -> float:
    """The cosine on a 0..1 scale: above a fixed floor ("fixed"), or above the query's own baseline
    against unrelated sentences plus a margin ("background"). ``s.dense_calibration`` chooses."""
    if cosine is None:
        return 0.0
    if s.dense_calibration not in CALIBRATIONS:
        known = ", ".join(CALIBRATIONS)
        raise ConfigurationError(f"알 수 없는 의미 점수 보정 방식입니다: '{s.dense_calibration}'. "
                                 f"사용할 수 있는 방식: {known}. MatchSettings(dense_calibration=…)를 고쳐 주세요.")
    return min(1.0, max(0.0, CALIBRATIONS[s.dense_calibration](cosine, baseline, s)))


def topic_score(cov: Coverage, cosine: float | None, s: MatchSettings, baseline: float = 0.0) -> float:
    """Lexical coverage blended with meaning; a matched project name lifts it to at least a floor.
    Without any specific (non-generic) term in common, the score stays below the partial threshold."""
    share = cov.share
    dense = scaled_cosine(cosine, s, baseline)
    score = share if cosine is None else s.weight_lexical * share + s.weight_dense * dense
    if cov.named:
        score = max(score, s.named_floor)
    if not cov.specific:
        score = min(score, s.partial_threshold * 0.9)
    return score


_STANCE_CONTEXT = frozenset(
    ["이번", "공약", "포함", "반영", "추진", "여부", "결정", "입장", "사안", "검토", "논의", "합의", "국민",
     "제외", "대상", "이후", "추후", "향후", "필요", "시기"]
)


def _predicate_only(clause: str) -> bool:
    """A clause that only carries a predicate about what came before ("이번 공약에는 포함하지 않습니다")."""
    from pledgetrack.engine.match.tokens import content_forms

    return all(form in _STANCE_CONTEXT for form, tag in content_forms(clause) if tag in {"NNG", "NNP"})


@lru_cache(maxsize=65536)
def clauses(text: str) -> tuple[str, ...]:
    """``text`` cut at punctuation, dashes and the space after a predicate that ends its clause (a final
    ending or a nominal "-음/-함"; the noun "소음" or "바다" does not end one)."""
    cuts = [token.end for token in get_kiwi().tokenize(text)
            if _ends_clause(token.tag, token.form) and text[token.end : token.end + 1] == " "]
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(text[last:cut])
        last = cut + 1
    pieces.append(text[last:])
    return tuple(c for piece in pieces for c in _CLAUSE.split(piece) if c.strip())


def _ends_clause(tag: str, form: str) -> bool:
    return (tag, None) in _CLAUSE_ENDS or (tag, form) in _CLAUSE_ENDS


def _stance_scope(text: str, forms: Sequence[str]) -> list[str]:
    """Clauses about the proposal, each joined with a following predicate-only clause."""
    parts = clauses(text)
    if not forms:
        return list(parts)
    scope = []
    for i, clause in enumerate(parts):
        if any(f in compact(clause) for f in forms):
            following = parts[i + 1] if i + 1 < len(parts) else ""
            follow = following if following and (_predicate_only(following) or names_an_ask(clause)) else ""
            scope.append(f"{clause} {follow}")
    return scope


_ASK_ENDING = re.compile(
    r"(?:요구|요청|건의|민원|숙원|바람|목소리|주문|제안|이야기|얘기|말씀|질문|물음)(?:에|엔|에는|에도|는|도|와|과)?\s*$"
)
# someone asks about it inside the clause ("…2단계를 묻자 그는 …"): the answer runs on after it
_ASKED_ABOUT = re.compile(r"(?:을|를)\s*(?:묻자|물었더니|물어보자|묻는\s*말에|질문하자)|(?:질문|물음)에\s")


def names_an_ask(clause: str) -> bool:
    """A clause that only names what others ask for ("부곡온천 관광특구 재생 요구, 말씀에 공감합니다",
    "딸기 종자 연구센터 얘기, 오늘도 들었습니다") or asks about it ("…를 묻자 그는 …"): the next
    clause is the speaker's answer to it."""
    return bool(_ASK_ENDING.search(clause) or _ASKED_ABOUT.search(clause))


_WRAP = re.compile(r"(?<![다요음함.!?:])\n")


def find_stance(text: str, forms: Sequence[str]) -> tuple[str, str] | None:
    """(kind, marker) when a clause about the proposal excludes, defers or rejects it. A line break
    inside a sentence (wrapped or OCR'd text) is not a clause boundary."""
    for clause in _stance_clauses(text, forms):
        for kind, pattern in get_lexicon().stance:
            match = pattern.search(clause)
            if match:
                return kind, match.group(0)
    return None


def _stance_clauses(text: str, forms: Sequence[str]) -> list[str]:
    """The clauses a stance is read in (the whole text when none holds the proposal's terms); a line break
    inside a sentence is not a clause boundary."""
    text = _WRAP.sub(" ", text)
    return _stance_scope(text, forms) or [text]


def find_noncommitment(text: str, forms: Sequence[str], threshold: float) -> tuple[str, str] | None:
    """("unsure", probability) when the commitment model reads the clauses about the proposal as not
    committing their speaker (wording the stance patterns do not list); see ``commitment``."""
    probability = max(hedge_probability(clause.strip()) for clause in _stance_clauses(text, forms))
    return ("unsure", f"{probability:.2f}") if probability > threshold else None


def find_timing(text: str, kind: str) -> str:
    """The first timing marker of the given kind ("urgent" or "later") in ``text``, or ""."""
    for marker_kind, pattern in get_lexicon().timing:
        match = pattern.search(text) if marker_kind == kind else None
        if match:
            return match.group(0)
    return ""


_YEAR = re.compile(r"(?<!\d)(20[2-9]\d)(?!\d|\s*(?:억|만|천|원|개|명|호|곳|%))")
_ROUND = re.compile(r"제\s*(\d{1,2})\s*차")


_YEAR_RANGE = re.compile(r"(?<!\d)(20[2-9]\d)\s*년?\s*[~∼〜\-–]\s*(20[2-9]\d)(?!\d)")


def later_than(text: str, wanted: str) -> str:
    """A year or plan round ("2032년", "제8차") in ``text`` later than every one ``wanted`` names, or "".
    A period that starts by the wanted year ("2027~2030년" for 2027) is not later."""
    asked_years = [int(m.group(1)) for m in _YEAR.finditer(wanted)]
    if asked_years:
        text = _YEAR_RANGE.sub(lambda m: m.group(1) if int(m.group(1)) <= max(asked_years) else m.group(0), text)
    for pattern in (_YEAR, _ROUND):
        asked = [int(m.group(1)) for m in pattern.finditer(wanted)]
        found = next((m for m in pattern.finditer(text) if asked and int(m.group(1)) > max(asked)), None)
        if found is not None:
            return found.group(0)
    return ""


_COUNT = re.compile(
    r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(만|천)?\s*(개소|곳|동|호(?![선기])|명|병상|세대|가구|km|척|대(?![학학교구])|개(?![발선편월년]))"
)
_MULTIPLIER = {"만": 10_000.0, "천": 1_000.0, None: 1.0}


def counts_in(text: str) -> tuple[tuple[str, float], ...]:
    """Counted quantities in ``text`` ("스마트팜 100동", "공공병원 2곳", "1만 명"), as (unit, number)."""
    found = []
    for m in _COUNT.finditer(text):
        number = float(m.group(1).replace(",", "")) * _MULTIPLIER[m.group(2)]
        found.append(("곳" if m.group(3) == "개소" else m.group(3), number))
    return tuple(found)


def smaller_count(asked: Sequence[tuple[str, float]], found: Sequence[tuple[str, float]],
                  ratio: float) -> tuple[str, str] | None:
    """("100동", "10동") when the passage counts, in a unit the proposal uses, under ``ratio`` of it."""
    for unit, wanted in asked:
        same = [n for u, n in found if u == unit]
        if same and max(same) < ratio * wanted:
            return f"{wanted:g}{unit}", f"{max(same):g}{unit}"
    return None


_BACKGROUND = re.compile(r"^\s*(?:[-–·•∙○●□■◆▶※*]|\d{1,2}[.)]|[가-하][.)])?\s*(?:추진\s*)?"
                         r"(?:배경|현황|문제점|필요성|그간의\s*경과|추진\s*경과)\s*(?:[:：]|$)")


def is_background(text: str) -> bool:
    """Whether a line states background or the current state ("추진 배경: …", "□ 현황") rather than a
    promise."""
    return bool(_BACKGROUND.match(text))


_QUESTION = re.compile(r"(?:\?|습니까|입니까|을까요|인가요|나요|는가|는지|보나|겠나)[\s.\"'”’)|]*$"
                       r"|(?:어디|어떻게|언제|무엇|왜|누가|얼마)\S*\s+(?:\S+\s+)?\S*(?:나|까|냐|니)\s*[.?!]?\s*$")
# someone else's question reported ("…맡아야 하지 않느냐"고 묻자), with no promise after it
_REPORTED_QUESTION = re.compile(r"(?:냐|니|까|나요|는지)\??[\"'”’]\s*(?:고|라고|하고|며)\s*(?:묻|물|질문|외치|따지)")
_PROMISE_AFTER = re.compile(r"겠|약속")
# a line spoken or asked by someone other than the actor: "진행자: …", "질의 4. …", "Q. …", "시민 패널(가상): …"
OTHER_SPEAKER = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?"
                            r"(?:진행자|사회자|앵커|기자|질의|질문|문|Q|패널|시민\s*패널|청중|방청객|참석자)"
                            r"\s*(?:\d+|[A-Z])?\s*(?:\([^)]*\))?\s*[:：.)]")
# a questionnaire row that carries its own answer ("질의 | 찬성 | 2028년 준공 추진") is not only a question
_ANSWER_CELL = re.compile(r"\|[^|]*(?:겠|약속|찬성|추진)")
_HASHTAGS_ONLY = re.compile(r"^\s*(?:#\S+\s*)+$")
# a demand reported, not made ("…연구동을 짓자는 요구가 있는데요")
_REPORTED_DEMAND = re.compile(r"(?:자는|라는|해\s*달라는|하라는)\s*(?:요구|주장|목소리|요청|민원|의견)")
# a request addressed to someone ("… 지어 주십시오", "… 해 주세요"): asked for, not promised
_REQUEST_END = re.compile(r"(?:주십시오|주세요|주시기\s*바랍니다|주시길\s*바랍니다|해\s*달라|달라)[\s.!\"'”’)]*$")
# a visit's schedule ("◎ 상주 경천섬 주차장 (오전 10시)"): where and when, not what is promised
_CLOCK_TIME = re.compile(r"(?:오전|오후|아침|저녁|밤|낮)\s*\d{1,2}\s*시(?!간|대|설|장|민|도|범)")
# a short topic put as a question ("― 서산 쪽 응급의료는."): a noun and a topic particle, no predicate
_TOPIC_ONLY = re.compile(r"^[\W\d_]*[^\n]{0,24}?[가-힣](?:은|는)[.?!…\s]*$")
_LABEL_END = re.compile(r"(?:[:：]|(?:에\s*대한|관련)\s*(?:\S+\s+)?입장)\s*$")
_PLACE_LINE_REST = re.compile(r"[\W\d_]|편|권|지역")


@lru_cache(maxsize=65536)
def is_label(text: str) -> bool:
    """Whether a line only introduces what follows: a question ("… 어떻게 보나.", "아프면 어디로 가나"),
    someone's question reported without a promise after it ("…하지 않느냐"고 묻자), a line of a host,
    reporter or questionnaire ("진행자: …", "질의 4. …"), a line of hashtags only, a label ending
    in a colon ("간담회 답변 정리:") or in "…에 대한 입장", or a heading of place names only ("안면도·태안")."""
    line = text.strip()
    asked = _QUESTION.search(line) or OTHER_SPEAKER.match(line)
    if (asked and not _ANSWER_CELL.search(line)) or _LABEL_END.search(line) or _HASHTAGS_ONLY.match(line):
        return True
    if _REQUEST_END.search(line) or (_CLOCK_TIME.search(line) and not _PROMISE_AFTER.search(line)):
        return True
    if _TOPIC_ONLY.match(line) and len(line) <= 30:
        return True
    for reported in (_REPORTED_DEMAND.search(line), _REPORTED_QUESTION.search(line)):
        if reported and not _PROMISE_AFTER.search(line[reported.end() :]):
            return True
    mentions = find_regions(line)
    rest = line
    for mention in reversed(mentions):
        rest = rest[: mention.start] + rest[mention.end :]
    return bool(mentions) and not _PLACE_LINE_REST.sub("", rest)


def home_places(places: frozenset[str], home: str | None) -> tuple[str, ...]:
    """Those of ``places`` (시군구, landmarks) that lie in ``home``, sorted."""
    lexicon = get_lexicon()
    return tuple(sorted(p for p in places if home is not None and home in lexicon.place_names.get(p, ())))


def places_elsewhere(text: str, wanted: frozenset[str], home: str | None) -> tuple[str, ...]:
    """The 시군구 and landmarks of ``home`` that ``text`` names when the proposal names its own
    (``wanted``) and the text names none of those: "판교 제2테크노밸리" for a proposal about 일산."""
    own = set(home_places(wanted, home))
    if not own:
        return ()
    province = get_lexicon().regions.get(home or "", ())
    named = {m.name for m in find_regions(text) if home in m.regions and m.name not in province}
    if not named or any(a in b or b in a for a in named for b in own):
        return ()
    return tuple(sorted(named))


def amounts_in(text: str) -> tuple[int, ...]:
    return tuple(m.won for m in find_amounts(text) if m.won >= 10**8)


def describe_amounts(amounts: Sequence[int]) -> str:
    return ", ".join(format_won(a) for a in amounts)

