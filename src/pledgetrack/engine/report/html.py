"""The self-contained Korean HTML report (works offline: CSS and plotly.js are inlined once).

Every value from the input is escaped with :func:`html.escape`; charts are plotly divs whose
numbers are also printed in tables, and matrix cells show text labels, not colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from html import escape
from importlib.resources import files

import plotly.graph_objects as go
import plotly.offline

import pledgetrack
from pledgetrack.engine.report.charts import rates_bar, task_heatmap, timeline_chart
from pledgetrack.engine.report.formatting import day, moment, pct, won
from pledgetrack.engine.report.matrix import VERDICT_CSS, VERDICT_SYMBOLS, Matrix, build_matrix, verdict_label
from pledgetrack.engine.report.model import ReportCell, ReportInput
from pledgetrack.engine.report.provenance import method_label, provenance_rows
from pledgetrack.engine.report.rates import ActorRate, CountRate, RateTable, reflection_rates
from pledgetrack.engine.report.timeline import timeline_events
from pledgetrack.engine.types import VERDICTS, Evidence

NO_BUDGET = "예산 정보 없음"
SECTIONS = (
    ("summary", "요약"),
    ("charts", "그래프"),
    ("matrix", "매트릭스"),
    ("timeline", "활동 일정"),
    ("evidence", "판정 근거"),
    ("provenance", "출처와 설정"),
)


def e(value: object) -> str:
    """Escape any value for HTML text and attributes."""
    return escape(str(value), quote=True)


@cache
def _css() -> str:
    return files("pledgetrack.engine.report").joinpath("report.css").read_text(encoding="utf-8")


@cache
def _plotly_js() -> str:
    # Inline scripts end at the first "</script"; plotly.js contains none, but make sure.
    return plotly.offline.get_plotlyjs().replace("</script", "<\\/script")


def _figure(fig: go.Figure, div_id: str, caption: str) -> str:
    body = fig.to_html(
        full_html=False,
        include_plotlyjs=False,
        div_id=div_id,
        default_height=f"{fig.layout.height or 420}px",
        default_width="100%",
        config={"displaylogo": False, "responsive": True, "staticPlot": False},
    )
    label = e(caption)
    return f'<figure class="chart" aria-label="{label}">{body}<figcaption>{label}</figcaption></figure>'


def _count_detail(c: CountRate) -> str:
    parts = [f"반영 {c.reflected}", f"부분 {c.partial}", f"미반영 {c.absent}"]
    if c.unjudged:
        parts.append(f"미판정 {c.unjudged}")
    return " · ".join(parts) + f" / {c.total}건"


def _metric(label: str, value: str, detail: str, big: bool = False) -> str:
    return (
        f'<div class="metric"><span class="label">{e(label)}</span>'
        f'<span class="{"big" if big else "value"}">{e(value)}</span>'
        f'<span class="detail">{e(detail)}</span></div>'
    )


def _card(rate: ActorRate, aggregate: bool = False) -> str:
    b = rate.budget
    shown = not aggregate or rate.reviewed or rate.needs_review
    review = f"검토 완료 {rate.reviewed} · 검토 필요 {rate.needs_review}" if shown else ""
    budget = f"요청 {won(b.asked_won)} 중 반영 {won(b.reflected_won)}, 부분반영 {won(b.partial_won)}"
    if not b.asked_won:
        budget = NO_BUDGET
    return (
        f'<article class="card{" aggregate" if aggregate else ""}"><h3>{e(rate.actor)}</h3>'
        + _metric("과제 반영률", pct(rate.tasks.rate), _count_detail(rate.tasks), big=True)
        + _metric("예산 가중 반영률", pct(b.rate), budget, big=True)
        + _metric("사업 반영률", pct(rate.projects.rate), _count_detail(rate.projects))
        + (f'<p class="detail">{e(review)}</p>' if review else "")
        + "</article>"
    )


def _rates_table(table: RateTable) -> str:
    head = "".join(
        f'<th scope="col" class="num">{h}</th>'
        for h in (
            "과제 반영률",
            "반영·부분 비율(과제)",
            "사업 반영률",
            "예산 가중 반영률",
            "반영·부분 예산 비율",
        )
    )
    rows = "".join(
        f'<tr><th scope="row">{e(r.actor)}</th><td class="num">{pct(r.tasks.rate)}</td>'
        f'<td class="num">{pct(r.tasks.share)}</td><td class="num">{pct(r.projects.rate)}</td>'
        f'<td class="num">{pct(r.budget.rate)}</td><td class="num">{pct(r.budget.share)}</td></tr>'
        for r in (*table.actors, table.overall, table.best)
    )
    return (
        '<table class="rates"><caption>반영률 표 (그래프의 수치)</caption>'
        f'<thead><tr><th scope="col">정당·후보</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _summary(table: RateTable) -> str:
    cards = "".join(_card(r) for r in table.actors)
    cards += _card(table.overall, aggregate=True) + _card(table.best, aggregate=True)
    notes = "".join(f"<li>{e(n)}</li>" for n in table.notes)
    weight = f"{table.partial_weight:g}"
    asked = won(table.asked_won) if table.asked_won else NO_BUDGET
    return f"""<section id="summary"><h2>요약</h2>
<p>요청 예산 합계 <strong>{e(asked)}</strong>. 반영률은 반영 = 1, 부분반영 = {weight},
미반영·미판정 = 0 으로 센 비율입니다. ‘전체’는 모든 정당·후보의 판정을 합친 값, ‘어느 한 곳이라도’는
제안마다 가장 좋은 판정을 센 값입니다.</p>
<div class="cards">{cards}</div>
{_rates_table(table)}
{f'<div class="notes"><strong>주의</strong><ul>{notes}</ul></div>' if notes else ""}
</section>"""


def _legend() -> str:
    items = "".join(
        f'<li class="{VERDICT_CSS[v]}">{VERDICT_SYMBOLS[v]} {e(verdict_label(v))}</li>' for v in (*VERDICTS, None)
    )
    return f'<ul class="legend" aria-label="범례">{items}</ul>'


def _matrix_cell(text: str, css: str, review: str, needs: bool) -> str:
    note = f'<span class="review{" needs" if needs else ""}">{e(review)}</span>' if review else ""
    return f'<td class="v {css}">{e(text)}{note}</td>'


def _matrix(matrix: Matrix) -> str:
    head = "".join(f'<th scope="col">{e(a)}</th>' for a in matrix.actors)
    body = []
    for row in matrix.rows:
        p = row.proposal
        cells = "".join(
            _matrix_cell(f"{c.symbol} {c.label}", c.css_class, c.review_label, c.needs_review) for c in row.cells
        )
        kind = "task" if row.depth == 0 else "project"
        body.append(
            f'<tr class="{kind}"><td>{e(row.kind_label)}</td>'
            f'<th scope="row"><span class="id">{e(p.id)}</span>{e(p.title)}</th>'
            f'<td class="num">{e(row.budget_label or "–")}</td>{cells}</tr>'
        )
    return f"""<section id="matrix"><h2>정책 제안 × 정당·후보 매트릭스</h2>{_legend()}
<table class="matrix"><caption>과제와 소속 사업별 판정 (검토 완료 = 사람이 확인한 판정)</caption>
<thead><tr><th scope="col">구분</th><th scope="col">정책 제안</th>
<th scope="col" class="num">예산</th>{head}</tr></thead>
<tbody>{"".join(body)}</tbody></table></section>"""


def _timeline(data: ReportInput) -> str:
    events = timeline_events(data)
    if not events:
        return ""
    rows = "".join(
        f'<tr><td class="num">{e(day(ev.date))}</td><td>{e(ev.kind_label)}</td><td>{e(ev.actor)}</td>'
        f"<td>{e(ev.title)}</td><td>{e(ev.detail)}</td></tr>"
        for ev in events
    )
    chart = _figure(timeline_chart(events), "chart-timeline", "활동 일정 (면담·예산 요청·문서 발표)")
    return f"""<section id="timeline"><h2>활동 일정</h2>{chart}
<table><caption>일정 목록</caption><thead><tr><th scope="col">날짜</th><th scope="col">종류</th>
<th scope="col">정당·후보</th><th scope="col">제목</th><th scope="col">내용</th></tr></thead>
<tbody>{rows}</tbody></table></section>"""


def _quote(ev: Evidence) -> str:
    page = f" {ev.page}쪽" if ev.page is not None else ""
    return f"<blockquote>{e(ev.quote)}<cite>{e(ev.document)}{e(page)}</cite></blockquote>"


def _evidence_cell(cell: ReportCell) -> str:
    review = ""
    if cell.reviewed:
        review = f" · 검토 완료 (자동 판정: {verdict_label(cell.machine_verdict)})"
    elif cell.needs_review:
        review = " · 검토 필요"
    note = f"<p>검토 메모: {e(cell.review_note)}</p>" if cell.review_note else ""
    reasons = "".join(f"<li>{e(r)}</li>" for r in cell.reasons)
    return (
        f'<article><h4><span class="{VERDICT_CSS[cell.verdict]}">{VERDICT_SYMBOLS[cell.verdict]} '
        f"{e(verdict_label(cell.verdict))}</span> {e(cell.actor)}{e(review)}</h4>{note}"
        f"{f'<ul>{reasons}</ul>' if reasons else ''}{''.join(_quote(ev) for ev in cell.evidence)}</article>"
    )


def _evidence(data: ReportInput) -> str:
    parts = []
    for row in data.ordered:
        cells = [c for a in data.actors if (c := data.cell(row.id, a)) and (c.evidence or c.reasons)]
        if cells:
            kind = "과제" if row.parent is None else "사업"
            parts.append(f"<h3>{e(kind)} {e(row.id)} {e(row.title)}</h3>" + "".join(map(_evidence_cell, cells)))
    return f'<section id="evidence" class="evidence"><h2>판정 근거</h2>{"".join(parts)}</section>'


def _rows(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(f'<tr><th scope="row">{e(k)}</th><td>{e(v)}</td></tr>' for k, v in pairs)


def _provenance(data: ReportInput) -> str:
    sources = "".join(
        f"<tr><td>{e(s.actor)}</td><td>{e(s.name)}</td><td class='hash'>{e(s.sha256)}</td>"
        f"<td class='num'>{e(s.pages if s.pages is not None else '–')}</td>"
        f"<td>{e(method_label(s.method))}</td>"
        f"<td class='num'>{e(day(s.published))}</td></tr>"
        for s in data.sources
    )
    return f"""<section id="provenance"><h2>출처와 설정</h2>
<table><caption>출처 문서</caption><thead><tr><th scope="col">정당·후보</th><th scope="col">문서</th>
<th scope="col">SHA-256</th><th scope="col" class="num">쪽수</th><th scope="col">추출 방법</th>
<th scope="col" class="num">발표일</th></tr></thead><tbody>{sources}</tbody></table>
<table><caption>판정 설정과 도구</caption><tbody>{_rows(provenance_rows(data))}</tbody></table></section>"""


def _charts(table: RateTable) -> str:
    return f"""<section id="charts"><h2>그래프</h2>
{_figure(rates_bar(table), "chart-rates", "정당·후보별 반영률 (수치는 요약의 반영률 표와 같습니다)")}
{_figure(task_heatmap(table), "chart-tasks", "과제별 반영 현황 (칸의 글자가 판정입니다)")}
</section>"""


def _header(data: ReportInput, has_timeline: bool) -> str:
    toc = "".join(f'<li><a href="#{k}">{e(v)}</a></li>' for k, v in SECTIONS if has_timeline or k != "timeline")
    return f"""<header class="report"><h1>{e(data.title)}</h1>
<p class="meta">데이터 기준일 {e(day(data.data_date))} · 생성 {e(moment(data.generated_at))} ·
pledgetrack {e(pledgetrack.__version__)}</p>
<nav class="toc" aria-label="목차"><ol>{toc}</ol></nav></header>"""


def render_html(data: ReportInput) -> str:
    """The whole report as one HTML document (UTF-8 text), viewable offline and printable."""
    table = reflection_rates(data)
    timeline = _timeline(data)
    body = "".join(
        (
            _summary(table),
            _charts(table),
            _matrix(build_matrix(data)),
            timeline,
            _evidence(data),
            _provenance(data),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pledgetrack {e(pledgetrack.__version__)}">
<title>{e(data.title)}</title>
<style>{_css()}</style>
<script>{_plotly_js()}</script>
</head><body>
{_header(data, bool(timeline))}
<main>{body}</main>
<footer class="report">pledgetrack {e(pledgetrack.__version__)}로 만든 보고서입니다.
판정은 자동 판정과 사람의 검토를 합친 것이며, 근거 문단과 출처 문서의 SHA-256으로 확인할 수 있습니다.</footer>
</body></html>
"""
