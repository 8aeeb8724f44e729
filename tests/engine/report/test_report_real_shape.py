"""Reports on the real-shaped 2022 Gwangju development set (../shared/data/gwangju-2022).

The registry and the three actors are real; verdicts are taken from the set's gold.csv (the first
acceptable verdict of each task × actor) and treated as reviewed, so this checks how the reports
handle real names, a registry without budgets and task-only verdicts. Skips if the data is absent.
"""

from __future__ import annotations

import csv
import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest

from pledgetrack.engine.report import ReportCell, ReportInput, SourceInfo, reflection_rates, render_html, to_csv
from pledgetrack.engine.types import ProposalRow, Verdict


def _load(folder: Path) -> ReportInput:
    with (folder / "proposals.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle)]
    proposals = tuple(ProposalRow(r["id"], r["title"], parent=r["parent"] or None) for r in rows)
    with (folder / "gold.csv").open(encoding="utf-8") as handle:
        gold = [r for r in csv.DictReader(handle)]
    actors = tuple(dict.fromkeys(r["actor"] for r in gold))
    cells = []
    for r in gold:
        verdict: Verdict = r["verdict"].split("|")[0]  # type: ignore[assignment]
        cells.append(ReportCell(r["proposal"], r["actor"], verdict, verdict, reviewed=True))
    sources = tuple(
        SourceInfo(doc.parent.name, doc.name, hashlib.sha256(doc.read_bytes()).hexdigest())
        for doc in sorted((folder / "docs").glob("*/*"))
    )
    return ReportInput(
        title="제20대 대선 광주 제안 반영 현황 (개발 자료)",
        proposals=proposals,
        actors=actors,
        cells=tuple(cells),
        sources=sources,
        generated_at=datetime(2022, 5, 10, 12, 0),
        data_date=date(2022, 5, 4),
    )


@pytest.fixture(scope="module")
def real(shared_data: Path) -> ReportInput:
    return _load(shared_data / "gwangju-2022")


def test_rates_on_real_registry(real: ReportInput) -> None:
    table = reflection_rates(real)
    assert len(table.tasks) == 7
    assert table.asked_won == 0  # the set carries no budgets
    for rate in table.actors:
        assert rate.tasks.total == 7 and rate.tasks.unjudged == 0
        assert rate.projects.unjudged == rate.projects.total  # gold judges tasks only
        assert rate.projects.rate is None
        assert rate.budget.rate is None
        assert rate.tasks.rate is not None and 0 <= rate.tasks.rate <= 1
    assert len(table.notes) == 1 and "과제 7개(GJ22-1, GJ22-2," in table.notes[0]


def test_html_and_csv_on_real_registry(real: ReportInput) -> None:
    page = render_html(real)
    for actor in real.actors:
        assert actor in page
    assert page.count('<th scope="row">') >= len(real.proposals)
    assert "요청 예산 합계 <strong>예산 정보 없음</strong>" in page  # not "0원"
    assert page.count("Plotly.newPlot(") == 2 and '예산 가중 반영률"' not in page
    rows = to_csv(real).splitlines()
    assert len([r for r in rows if r.startswith("GJ22")]) >= len(real.proposals) * len(real.actors)
