"""The advocacy timeline (예시 자료)."""

from __future__ import annotations

from datetime import date

from report_sample import make_input

from pledgetrack.engine.report.model import SourceInfo, TimelineEvent
from pledgetrack.engine.report.timeline import timeline_events


def test_events_sorted_and_sources_added() -> None:
    events = timeline_events(make_input())
    assert [e.date for e in events] == sorted(e.date for e in events)
    published = [e for e in events if e.kind == "publication" and e.actor]
    assert [(e.actor, e.detail) for e in published] == [
        ("가람당", "가람당_공약집_예시.pdf"),
        ("나래당", "나래당_공약집_예시.pdf"),
        ("다온 후보", "다온 후보_공약집_예시.pdf"),
    ]
    assert published[0].kind_label == "문서 발표"


def test_source_publication_already_logged_is_not_repeated() -> None:
    logged = TimelineEvent(date(2025, 5, 10), "publication", "가람당", "가람당 공약집 발표 (예시)")
    sources = (SourceInfo("가람당", "a.pdf", "0" * 64, published=date(2025, 5, 10)),)
    events = timeline_events(make_input(events=(logged,), sources=sources))
    assert events == (logged,)


def test_unknown_kind_keeps_its_name_as_label() -> None:
    assert TimelineEvent(date(2025, 4, 1), "토론회").kind_label == "토론회"
