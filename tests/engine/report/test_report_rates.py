"""Reflection rates, checked against numbers computed by hand from report_sample.py (예시 자료).

Budget units of the sample (조원): T1-1 20, T1-2 10 (task T1 has no budget: 30 = 20 + 10),
T2-1 10, T2-2 5, T2 remainder 10 (25 - 15), T3 16, T4-1 4, T4 remainder 6 (T4-2 has no budget).
Total 81조원.
"""

from __future__ import annotations

import pytest
from report_sample import JO, PROPOSALS, make_input

from pledgetrack.engine.errors import InputError
from pledgetrack.engine.report.model import ReportCell, ReportInput
from pledgetrack.engine.report.rates import (
    ANY_ACTOR,
    BudgetUnit,
    budget_units,
    reflection_rates,
    task_budget_units,
)
from pledgetrack.engine.types import ProposalRow


def test_budget_units_cover_81_jo_without_double_counting(report_input: ReportInput) -> None:
    units, notes = budget_units(report_input)
    assert [(u.proposal, u.amount_won // JO, u.fallback) for u in units] == [
        ("T1-1", 20, "T1"),
        ("T1-2", 10, "T1"),
        ("T2-1", 10, "T2"),
        ("T2-2", 5, "T2"),
        ("T2", 10, None),
        ("T3", 16, None),
        ("T4-1", 4, "T4"),
        ("T4", 6, None),
    ]
    assert sum(u.amount_won for u in units) == 81 * JO
    assert notes == ()
    assert reflection_rates(report_input).asked_won == 81 * JO


def test_actor_rates_by_count(report_input: ReportInput) -> None:
    table = reflection_rates(report_input)
    garam = table.for_actor("가람당")
    # tasks: T1 R, T2 P, T3 R, T4 A (reviewed from P to A)
    assert (garam.tasks.reflected, garam.tasks.partial, garam.tasks.absent, garam.tasks.total) == (2, 1, 1, 4)
    assert garam.tasks.rate == pytest.approx(2.5 / 4)
    assert garam.tasks.share == pytest.approx(3 / 4)
    # projects: T1-1 R, T1-2 P, T2-1 R, T2-2 A, T4-1 A, T4-2 A
    assert (garam.projects.reflected, garam.projects.partial, garam.projects.absent) == (2, 1, 3)
    assert garam.projects.rate == pytest.approx(2.5 / 6)
    assert garam.projects.share == pytest.approx(0.5)
    assert (garam.reviewed, garam.needs_review) == (2, 0)

    narae = table.for_actor("나래당")
    # T4-2 was not judged for 나래당: counts as unjudged, stays in the denominator
    assert (narae.projects.reflected, narae.projects.partial, narae.projects.unjudged) == (1, 1, 1)
    assert narae.projects.total == 6
    assert narae.projects.rate == pytest.approx(1.5 / 6)
    assert narae.needs_review == 1


def test_actor_rates_by_budget(report_input: ReportInput) -> None:
    table = reflection_rates(report_input)
    garam = table.for_actor("가람당").budget
    # R: T1-1 20 + T2-1 10 + T3 16 = 46; P: T1-2 10 + T2 rest 10 = 20; A: 5 + 4 + 6 = 15
    assert (garam.reflected_won, garam.partial_won, garam.absent_won) == (46 * JO, 20 * JO, 15 * JO)
    assert garam.rate == pytest.approx(56 / 81)
    assert garam.share == pytest.approx(66 / 81)
    narae = table.for_actor("나래당").budget
    # R: T1-2 10 + T4 rest 6 = 16; P: T3 16 + T4-1 4 = 20
    assert narae.rate == pytest.approx(26 / 81)
    daon = table.for_actor("다온 후보").budget
    # T1-2 not judged for 다온 후보: its 10조 fall back to T1's verdict (absent)
    # R: T2-1 10 + T2-2 5 + T2 rest 10 + T4 rest 6 = 31; no partial; unjudged 0
    assert (daon.reflected_won, daon.partial_won, daon.unjudged_won) == (31 * JO, 0, 0)
    assert daon.rate == pytest.approx(31 / 81)


def test_overall_pooled_and_best_of(report_input: ReportInput) -> None:
    table = reflection_rates(report_input)
    assert table.overall.tasks.total == 12
    assert table.overall.tasks.rate == pytest.approx(6.5 / 12)
    assert table.overall.budget.asked_won == 3 * 81 * JO
    assert table.overall.budget.rate == pytest.approx(113 / 243)
    assert table.best.actor == ANY_ACTOR
    assert table.best.tasks.rate == pytest.approx(1.0)
    # every unit reflected by someone except T4-1 (best: partial, 4조)
    assert table.best.budget.rate == pytest.approx(79 / 81)
    assert (table.best.projects.reflected, table.best.projects.partial) == (4, 2)


def test_per_task_rates(report_input: ReportInput) -> None:
    table = reflection_rates(report_input)
    t2 = next(t for t in table.tasks if t.task == "T2")
    assert t2.budget_won == 25 * JO
    assert [r.verdict for r in t2.by_actor] == ["partial", "absent", "reflected"]
    assert t2.actors.rate == pytest.approx(1.5 / 3)
    garam = t2.by_actor[0]
    assert garam.budget.rate == pytest.approx((10 + 0.5 * 10) / 25)
    assert garam.projects.rate == pytest.approx(0.5)
    t1 = table.tasks[0]
    assert t1.budget_won == 30 * JO  # empty task budget = sum of its projects
    t3 = next(t for t in table.tasks if t.task == "T3")
    assert t3.by_actor[0].projects.total == 0 and t3.by_actor[0].projects.rate is None


@pytest.mark.parametrize(("weight", "expected"), [(0.0, 46 / 81), (1.0, 66 / 81), (0.25, 51 / 81)])
def test_partial_weight_is_a_setting(weight: float, expected: float) -> None:
    table = reflection_rates(make_input(partial_weight=weight))
    assert table.partial_weight == weight
    assert table.for_actor("가람당").budget.rate == pytest.approx(expected)
    assert table.for_actor("가람당").budget.share == pytest.approx(66 / 81)


def test_partial_weight_out_of_range_is_refused() -> None:
    with pytest.raises(InputError, match="부분반영 가중치"):
        make_input(partial_weight=1.5)


def test_task_budget_smaller_than_projects_uses_projects_and_notes_it() -> None:
    task = ProposalRow("X", "예시 과제", budget_won=5)
    projects = (ProposalRow("X-1", "예시 사업", parent="X", budget_won=8),)
    units, note = task_budget_units(task, projects)
    assert units == [BudgetUnit("X", "X-1", 8, fallback="X")]
    assert "사업 예산의 합" in note


def test_task_without_any_budget_is_noted_and_left_out() -> None:
    proposals = (*PROPOSALS, ProposalRow("T5", "예산 미정 과제 (예시)"))
    table = reflection_rates(make_input(proposals=proposals))
    assert table.asked_won == 81 * JO
    assert table.notes == (
        "과제 1개(T5)와 소속 사업에 예산 정보가 없어 예산 가중 반영률에서 빠졌습니다. 예산을 등록하면 함께 계산됩니다.",
    )
    assert table.for_actor("가람당").tasks.total == 5
    assert table.for_actor("가람당").tasks.unjudged == 1


def test_nothing_judged_gives_no_rate_rather_than_zero() -> None:
    table = reflection_rates(make_input(cells=()))
    garam = table.for_actor("가람당")
    assert garam.tasks.rate is None and garam.tasks.unjudged == 4
    assert garam.budget.rate is None and garam.budget.unjudged_won == 81 * JO
    assert table.best.tasks.rate is None


def test_one_judged_absent_gives_zero() -> None:
    cell = ReportCell("T3", "가람당", "absent", "absent")
    garam = reflection_rates(make_input(cells=(cell,))).for_actor("가람당")
    assert garam.tasks.rate == 0.0 and garam.tasks.unjudged == 3
    assert garam.budget.rate == 0.0 and garam.budget.absent_won == 16 * JO


def test_empty_registry_gives_none_rates() -> None:
    table = reflection_rates(make_input(proposals=(), cells=()))
    assert table.for_actor("가람당").tasks.rate is None
    assert table.for_actor("가람당").budget.rate is None
