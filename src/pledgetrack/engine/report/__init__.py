"""The report engine: reflection rates, the proposals × actors matrix, timelines, charts and exports.

Plain Python (no web framework). Build a :class:`ReportInput`, then::

    from pledgetrack.engine.report import reflection_rates, write_report
    table = reflection_rates(data)              # RateTable
    write_report(data, Path("보고서.xlsx"))      # json, csv, xlsx, html or pdf by suffix

See docs/reports.md for what each number means and the JSON schema.
"""

from pledgetrack.engine.report.exports import WRITERS, report_dict, to_csv, to_json, write_report, writer_for
from pledgetrack.engine.report.html import render_html
from pledgetrack.engine.report.matrix import Matrix, MatrixCell, MatrixRow, build_matrix
from pledgetrack.engine.report.model import (
    DEFAULT_PARTIAL_WEIGHT,
    EVENT_KIND_LABELS,
    ReportCell,
    ReportInput,
    SourceInfo,
    TimelineEvent,
)
from pledgetrack.engine.report.pdf import PdfRenderError, find_chromium, html_to_pdf
from pledgetrack.engine.report.rates import (
    ActorRate,
    BudgetRate,
    CountRate,
    RateTable,
    TaskActorRate,
    TaskRate,
    reflection_rates,
)
from pledgetrack.engine.report.timeline import timeline_events
from pledgetrack.engine.report.xlsx import to_xlsx

__all__ = [
    "DEFAULT_PARTIAL_WEIGHT",
    "EVENT_KIND_LABELS",
    "WRITERS",
    "ActorRate",
    "BudgetRate",
    "CountRate",
    "Matrix",
    "MatrixCell",
    "MatrixRow",
    "PdfRenderError",
    "RateTable",
    "ReportCell",
    "ReportInput",
    "SourceInfo",
    "TaskActorRate",
    "TaskRate",
    "TimelineEvent",
    "build_matrix",
    "find_chromium",
    "html_to_pdf",
    "reflection_rates",
    "render_html",
    "report_dict",
    "timeline_events",
    "to_csv",
    "to_json",
    "to_xlsx",
    "write_report",
    "writer_for",
]
