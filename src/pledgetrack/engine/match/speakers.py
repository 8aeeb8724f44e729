"""Who speaks a line: in a transcript, a debate or meeting minutes, the words of another candidate, a
host or a group's representative are not the actor's promises, even inside the actor's own documents."""

from __future__ import annotations

import re
from functools import lru_cache

from pledgetrack.engine.match.aspects import OTHER_SPEAKER
from pledgetrack.engine.match.lexicon import compact

_SPEAKER_LABEL = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?([^:：\n|]{1,20}?)\s*(?:\([^)]*\))?\s*[:：]\s*\S")
_TURN = re.compile(r"^\s*[^\s:：]{1,12}(?:\s[^\s:：]{1,8})?\s*[:：]")  # "진행자:", "해솔 후보:"
_ACTOR_AFFIXES = re.compile(r"^가상|후보$|캠프$|선대위$|당$")
# speakers who are not a party or candidate: what they say is a request or an opinion, not a pledge
_OUTSIDE_ROLES = re.compile(r"(?:단체|협회|학회|노조|상인|주민|시민|학부모|교수|예총|기업)"
                            r"\s*(?:\S+\s+)?(?:대표|회장|위원장)?$|(?<!당)\s(?:대표|회장)$")


def other_speaker(text: str, actor: str, document: str = "") -> str:
    """The label of someone other than ``actor`` who speaks this line, or "": another candidate in the
    actor's transcript ("○번 후보: 저는 …을 약속했습니다"), or a group's representative ("환경단체 대표: …").
    A candidate actor's own label carries its name ("해솔 후보:" for 가상해솔후보); a party's documents may
    quote its own candidate under any name, so for a party another candidate's label counts only when the
    same document also labels the party's own speaker ("실타래당 후보:")."""
    match = _SPEAKER_LABEL.match(text)
    core = _ACTOR_AFFIXES.sub("", compact(actor))
    if match is None or len(core) < 2:
        return ""
    raw = match.group(1).strip()
    label = compact(raw)
    if core in label or (label.endswith("후보") and label.replace("후보", "") in core):
        return ""
    if label.endswith("후보"):
        own_in_document = compact(actor).endswith("후보") or _labels_actor(document, core)
        return raw if own_in_document else ""
    return raw if _OUTSIDE_ROLES.search(raw) else ""


def line_speaker(head: str, actor: str, document: str = "") -> str:
    """The speaker other than ``actor`` whose line this passage continues: ``head`` is the text of the line
    before the passage ("사회자: 전주 한지를 … 10년째입니다." before "한지 산업지원센터 건립 요구도 있고요.").
    A host, reporter or questioner counts as well as another candidate or a group's representative."""
    if not head.strip() or "|" in head:  # a later cell of a table row ("질의 1. … | 찬성 | …") is the answer
        return ""
    host = OTHER_SPEAKER.match(head)
    if host is not None:
        return head[: host.end()].strip(" :：.)")
    return other_speaker(head, actor, document)


@lru_cache(maxsize=256)
def _labels_actor(document: str, core: str) -> bool:
    """Whether some line of ``document`` is spoken under a label carrying the actor's name."""
    return any(core in compact(m.group(1)) for m in map(_SPEAKER_LABEL.match, document.splitlines()) if m)


def opens_turn(line: str) -> bool:
    """Whether a line opens with a speaker's label of one or two words ("진행자: …", "해솔 후보: …"): a new
    turn in a transcript, which no earlier sentence runs on into."""
    return _TURN.match(line) is not None
