"""The advocacy timeline: the given events plus each source document's publication date."""

from __future__ import annotations

from pledgetrack.engine.report.model import ReportInput, TimelineEvent


def timeline_events(data: ReportInput) -> tuple[TimelineEvent, ...]:
    """Events sorted by date; a source with a publication date adds a 'publication' event
    unless an event of that kind, actor and date is already there."""
    events = list(data.events)
    known = {(e.date, e.kind, e.actor) for e in events}
    for source in data.sources:
        if source.published is None or (source.published, "publication", source.actor) in known:
            continue
        known.add((source.published, "publication", source.actor))
        title = f"{source.actor} 공약 문서 공개" if source.actor else "문서 공개"
        events.append(TimelineEvent(source.published, "publication", source.actor, title, source.name))
    return tuple(sorted(events, key=lambda e: e.date))
