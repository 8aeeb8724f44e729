"""The proposals × actors matrix (예시 자료)."""

from __future__ import annotations

import pytest

from pledgetrack.engine.report.matrix import VERDICT_FILLS, build_matrix
from pledgetrack.engine.report.model import ReportInput


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_rows_in_registry_order_with_projects_indented(report_input: ReportInput) -> None:
    matrix = build_matrix(report_input)
    assert matrix.actors == ("가람당", "나래당", "다온 후보")
    assert [(r.proposal.id, r.depth, r.kind_label) for r in matrix.rows[:4]] == [
        ("T1", 0, "과제"),
        ("T1-1", 1, "사업"),
        ("T1-2", 1, "사업"),
        ("T2", 0, "과제"),
    ]
    assert matrix.rows[0].budget_label == "30조원"  # empty task budget: sum of its projects
    assert matrix.rows[-1].budget_label == ""  # T4-2 has no budget


def test_cells_carry_label_class_and_review_state(report_input: ReportInput) -> None:
    rows = {r.proposal.id: r for r in build_matrix(report_input).rows}
    reviewed = rows["T1-2"].cells[0]
    assert (reviewed.label, reviewed.css_class, reviewed.machine_verdict) == (
        "부분반영",
        "v-partial",
        "reflected",
    )
    assert reviewed.text == "◐ 부분반영 · 검토 완료"
    unsure = rows["T3"].cells[1]
    assert unsure.text == "◐ 부분반영 · 검토 필요"
    missing = rows["T4-2"].cells[1]
    assert (missing.verdict, missing.label, missing.css_class, missing.text) == (
        None,
        "미판정",
        "v-unjudged",
        "– 미판정",
    )
    assert rows["T2"].cells[2].text == "● 반영 · 검토 완료"
    assert rows["T1"].cells[2].text == "○ 미반영"


@pytest.mark.parametrize("fill", list(VERDICT_FILLS.values()))
def test_fills_contrast_with_dark_text(fill: str) -> None:
    dark = _luminance("#1a1a1a")
    ratio = (_luminance(fill) + 0.05) / (dark + 0.05)
    assert ratio > 12
