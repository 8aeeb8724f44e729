"""Validation of the report input (예시 자료)."""

from __future__ import annotations

import pytest
from report_sample import ACTORS, PROPOSALS, make_cells, make_input

from pledgetrack.engine.errors import InputError
from pledgetrack.engine.report.model import ReportCell, ReportInput
from pledgetrack.engine.types import Cell, ProposalRow


def test_registry_order_puts_projects_under_their_task() -> None:
    shuffled = (PROPOSALS[1], PROPOSALS[3], PROPOSALS[0], *PROPOSALS[4:], PROPOSALS[2])
    data = make_input(proposals=shuffled)
    expected = ["T2", "T2-1", "T2-2", "T1", "T1-1", "T1-2", "T3", "T4", "T4-1", "T4-2"]
    assert [p.id for p in data.ordered] == expected


def test_cell_lookup(report_input: ReportInput) -> None:
    cell = report_input.cell("T1-2", "가람당")
    assert cell is not None and cell.verdict == "partial" and cell.machine_verdict == "reflected"
    assert report_input.cell("T1-2", "다온 후보") is None


def test_from_cell_applies_review_overlay() -> None:
    cell = Cell(proposal="T1", actor="가람당", verdict="absent", score=0.3, reasons=("예시",))
    machine = ReportCell.from_cell(cell, needs_review=True)
    assert (machine.verdict, machine.reviewed, machine.needs_review) == ("absent", False, True)
    reviewed = ReportCell.from_cell(cell, "partial", needs_review=True, review_note="부분 반영 확인 (예시)")
    assert (reviewed.verdict, reviewed.machine_verdict, reviewed.reviewed) == ("partial", "absent", True)
    assert reviewed.needs_review is False


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"actors": (*ACTORS, "가람당")}, "중복"),
        ({"proposals": (*PROPOSALS, ProposalRow("Z-1", "예시", parent="Z"))}, "상위 과제 'Z'"),
        ({"proposals": (*PROPOSALS, ProposalRow("Z", "예시", parent="T1-1"))}, "상위 과제 'T1-1'"),
        ({"actors": ACTORS[:2]}, "다온 후보"),
        ({"proposals": PROPOSALS[:-1]}, "T4-2"),
        ({"cells": (*make_cells(), make_cells()[0])}, "두 번"),
    ],
)
def test_invalid_input_is_refused_in_korean(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        make_input(**changes)


def test_unreviewed_cell_must_keep_machine_verdict() -> None:
    with pytest.raises(InputError, match="reviewed=True"):
        ReportCell(proposal="T1", actor="가람당", verdict="reflected", machine_verdict="absent")
    with pytest.raises(InputError, match="판정 값"):
        ReportCell(proposal="T1", actor="가람당", verdict="yes", machine_verdict="yes")  # type: ignore[arg-type]


def test_report_engine_imports_no_web_framework() -> None:
    import subprocess
    import sys

    code = (
        "import sys, pledgetrack.engine.report; "
        "print(any(m.split('.')[0] in ('django', 'rest_framework') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
