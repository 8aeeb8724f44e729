"""Plotly figures of the report: rates per actor, the per-task heatmap and the advocacy timeline.

Figures carry their numbers as text on the marks (colour is never the only signal); the HTML
report also prints every number in a table next to its chart.
"""

from __future__ import annotations

from datetime import timedelta

import plotly.graph_objects as go

from pledgetrack.engine.report.formatting import pct
from pledgetrack.engine.report.matrix import VERDICT_COLOURS, verdict_label
from pledgetrack.engine.report.model import EVENT_KIND_LABELS, TimelineEvent
from pledgetrack.engine.report.rates import RateTable, TaskRate

FONT = "NanumGothic, 'Nanum Gothic', 'Noto Sans KR', 'Malgun Gothic', 'Apple SD Gothic Neo', sans-serif"
COUNT_COLOUR = "#2F5D8A"
BUDGET_COLOUR = "#D9822B"
SHARE_COLOUR = "#8AB3D9"
ZERO_WIDTH = "\u200b"
KIND_COLOURS = {"meeting": "#2F5D8A", "budget_ask": "#D9822B", "publication": "#1B7F3B"}


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font={"family": FONT, "size": 13, "color": "#1a1a1a"},
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 10, "t": 56, "b": 10},
        legend={"orientation": "h", "y": -0.12},
    )
    return fig


def _percent_values(values: list[float | None]) -> list[float | None]:
    return [None if v is None else round(v * 100, 1) for v in values]


def rates_bar(table: RateTable) -> go.Figure:
    """Grouped bars per actor: task rate by count, project rate by count, budget-weighted rate."""
    actors = [r.actor for r in table.actors]
    series: tuple[tuple[str, list[float | None], str], ...] = (
        ("과제 반영률(건수)", [r.tasks.rate for r in table.actors], COUNT_COLOUR),
        ("사업 반영률(건수)", [r.projects.rate for r in table.actors], SHARE_COLOUR),
        ("예산 가중 반영률", [r.budget.rate for r in table.actors], BUDGET_COLOUR),
    )
    if not table.asked_won:  # no budgets in the registry: a budget bar would only say "–"
        series = series[:2]
    fig = go.Figure()
    for name, values, colour in series:
        fig.add_bar(
            name=name,
            x=actors,
            y=_percent_values(values),
            text=[pct(v) for v in values],
            textposition="outside",
            marker_color=colour,
            hovertemplate="%{x}<br>" + name + ": %{text}<extra></extra>",
        )
    fig.update_yaxes(range=[0, 112], ticksuffix="%")
    fig.update_layout(barmode="group", uniformtext={"minsize": 10, "mode": "show"})
    return _layout(fig, "정당·후보별 반영률: 건수 기준과 예산 가중", 420)


def _heat_value(task: TaskRate, actor_index: int, weight: float) -> float | None:
    verdict = task.by_actor[actor_index].verdict
    return {"reflected": 1.0, "partial": weight, "absent": 0.0}.get(verdict) if verdict else None


def task_heatmap(table: RateTable) -> go.Figure:
    """Tasks × actors: colour and label show each task's verdict; hover adds the budget share."""
    actors = [r.actor for r in table.actors]
    tasks = list(reversed(table.tasks))  # first task on top
    labels = [f"{t.task} {t.title}" for t in tasks]
    z = [[_heat_value(t, i, table.partial_weight) for i in range(len(actors))] for t in tasks]
    text = [[verdict_label(r.verdict) for r in t.by_actor] for t in tasks]
    hover = [
        [f"예산 반영률 {pct(r.budget.rate)} · 사업 반영률 {pct(r.projects.rate)}" for r in t.by_actor] for t in tasks
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=actors,
            y=labels,
            text=text,
            customdata=hover,
            texttemplate="%{text}",
            textfont={"size": 13, "color": "#1a1a1a"},
            hovertemplate="%{y}<br>%{x}: %{text}<br>%{customdata}<extra></extra>",
            colorscale=[[0, "#E6E8EB"], [0.5, "#FFE08A"], [1, "#B7E1C1"]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    fig.update_xaxes(side="top")
    fig.update_yaxes(automargin=True)
    return _layout(fig, "과제별 반영 현황", max(260, 90 + 36 * len(tasks)))


def _unique(labels: list[str]) -> list[str]:
    """Make repeated labels distinct (plotly merges equal categories) with trailing zero-width spaces."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, -1) + 1
        out.append(label + ZERO_WIDTH * seen[label])
    return out


def _event_label(event: TimelineEvent) -> str:
    who = f"{event.actor} · " if event.actor and event.actor not in event.title else ""
    return f"{event.date:%m.%d} {who}{event.title}"


def timeline_chart(events: tuple[TimelineEvent, ...]) -> go.Figure:
    """One row per event (labels never overlap), placed on a date axis, coloured and grouped by kind."""
    ordered = sorted(events, key=lambda ev: ev.date)
    labels = _unique([_event_label(ev) for ev in ordered])
    fig = go.Figure()
    for kind in dict.fromkeys(ev.kind for ev in ordered):
        rows = [(label, ev) for label, ev in zip(labels, ordered, strict=True) if ev.kind == kind]
        fig.add_scatter(
            name=EVENT_KIND_LABELS.get(kind, kind),
            x=[ev.date.isoformat() for _, ev in rows],
            y=[label for label, _ in rows],
            mode="markers",
            customdata=[ev.detail for _, ev in rows],
            marker={"size": 13, "color": KIND_COLOURS.get(kind, VERDICT_COLOURS[None]), "symbol": "diamond"},
            hovertemplate="%{y}<br>%{customdata}<extra></extra>",
        )
    pad = timedelta(days=max(2, (ordered[-1].date - ordered[0].date).days // 20)) if ordered else timedelta(0)
    span = [(ordered[0].date - pad).isoformat(), (ordered[-1].date + pad).isoformat()] if ordered else None
    fig.update_xaxes(type="date", tickformat="%m월 %d일", showgrid=True, range=span)
    fig.update_yaxes(automargin=True, categoryorder="array", categoryarray=list(reversed(labels)))
    return _layout(fig, "활동 일정", 150 + 30 * len(ordered))
