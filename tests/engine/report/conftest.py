"""Fixtures for the report engine (data: report_sample.py, 예시 자료)."""

from __future__ import annotations

import pytest
from report_sample import make_input

from pledgetrack.engine.report.model import ReportInput


@pytest.fixture
def report_input() -> ReportInput:
    return make_input()
