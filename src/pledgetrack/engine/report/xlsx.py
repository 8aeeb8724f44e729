"""The XLSX export: sheets 요약 (rates), 매트릭스 (colour-filled), 근거 (evidence), 출처 (provenance)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pledgetrack.engine.report.formatting import day, moment, won
from pledgetrack.engine.report.matrix import build_matrix, verdict_label
from pledgetrack.engine.report.model import ReportInput
from pledgetrack.engine.report.provenance import method_label, provenance_rows
from pledgetrack.engine.report.rates import ActorRate, RateTable, reflection_rates
from pledgetrack.engine.report.timeline import timeline_events

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
WRAP = Alignment(wrap_text=True, vertical="top")
PERCENT = "0.0%"
SUMMARY_HEADER = (
    "정당·후보",
    "과제 반영",
    "과제 부분반영",
    "과제 미반영",
    "과제 미판정",
    "과제 반영률",
    "사업 반영",
    "사업 부분반영",
    "사업 미반영",
    "사업 미판정",
    "사업 반영률",
    "예산 반영액(원)",
    "예산 부분반영액(원)",
    "예산 반영률",
    "검토 완료",
    "검토 필요",
)

EVIDENCE_HEADER = (
    "제안ID",
    "제안명",
    "정당·후보",
    "판정",
    "자동판정",
    "검토",
    "사유",
    "문서",
    "쪽",
    "인용",
    "점수",
)


def _header(ws: Worksheet, values: Sequence[str]) -> None:
    """Append a bold, shaded header row."""
    ws.append(list(values))
    for col in range(1, len(values) + 1):
        cell = ws.cell(ws.max_row, col)
        cell.font = BOLD
        cell.fill = HEADER_FILL


def _widths(ws: Worksheet, widths: Iterable[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _summary_row(rate: ActorRate) -> list[Any]:
    t, p, b = rate.tasks, rate.projects, rate.budget
    return [
        rate.actor,
        *(t.reflected, t.partial, t.absent, t.unjudged, t.rate),
        *(p.reflected, p.partial, p.absent, p.unjudged, p.rate),
        *(b.reflected_won, b.partial_won, b.rate),
        rate.reviewed,
        rate.needs_review,
    ]


def _summary_sheet(ws: Worksheet, data: ReportInput, table: RateTable) -> None:
    ws.title = "요약"
    ws.append([data.title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["데이터 기준일", day(data.data_date), "생성 시각", moment(data.generated_at)])
    ws.append(["요청 예산 합계", won(table.asked_won), "부분반영 가중치", table.partial_weight])
    ws.append([])
    _header(ws, SUMMARY_HEADER)
    for rate in (*table.actors, table.overall, table.best):
        ws.append(_summary_row(rate))
        for col in (6, 11, 14):
            ws.cell(ws.max_row, col).number_format = PERCENT
        for col in (12, 13):
            ws.cell(ws.max_row, col).number_format = "#,##0"
    ws.append([])
    _task_table(ws, data, table)
    for note in table.notes:
        ws.append([f"주의: {note}"])
    _widths(ws, (28, *([11] * 10), 20, 20, 11, 10, 10))
    ws.freeze_panes = "B6"


def _task_table(ws: Worksheet, data: ReportInput, table: RateTable) -> None:
    _header(ws, ("과제", "예산(원)", *data.actors, "반영률(정당·후보 평균)", "예산 반영률"))
    for task in table.tasks:
        verdicts = [verdict_label(r.verdict) for r in task.by_actor]
        ws.append([f"{task.task} {task.title}", task.budget_won, *verdicts, task.actors.rate, task.budget.rate])
        ws.cell(ws.max_row, 2).number_format = "#,##0"
        for col in (len(data.actors) + 3, len(data.actors) + 4):
            ws.cell(ws.max_row, col).number_format = PERCENT


def _matrix_sheet(ws: Worksheet, data: ReportInput) -> None:
    matrix = build_matrix(data)
    _header(ws, ("구분", "ID", "제안명", "예산", *matrix.actors))
    for row in matrix.rows:
        ws.append(
            [
                row.kind_label,
                row.proposal.id,
                row.proposal.title,
                row.budget_label,
                *(c.text for c in row.cells),
            ]
        )
        line = ws.max_row
        ws.cell(line, 3).alignment = Alignment(indent=2 * row.depth, wrap_text=True, vertical="top")
        if row.depth == 0:
            for col in (1, 2, 3):
                ws.cell(line, col).font = BOLD
        for offset, cell in enumerate(row.cells, start=5):
            target = ws.cell(line, offset)
            target.fill = PatternFill("solid", fgColor=cell.fill.lstrip("#"))
            target.alignment = Alignment(horizontal="center", vertical="top")
    _widths(ws, (6, 8, 40, 14, *([18] * len(matrix.actors))))
    ws.freeze_panes = "E2"


def _evidence_sheet(ws: Worksheet, data: ReportInput) -> None:
    titles = {p.id: p.title for p in data.proposals}
    _header(
        ws,
        ("제안ID", "제안명", "정당·후보", "판정", "자동판정", "검토", "사유", "문서", "쪽", "인용", "점수"),
    )
    for row in data.ordered:
        for actor in data.actors:
            cell = data.cell(row.id, actor)
            if cell is None:
                continue
            review = "검토 완료" if cell.reviewed else ("검토 필요" if cell.needs_review else "")
            head = [
                row.id,
                titles[row.id],
                actor,
                verdict_label(cell.verdict),
                verdict_label(cell.machine_verdict),
            ]
            head += [review, "\n".join(cell.reasons)]
            for evidence in cell.evidence or (None,):
                tail = [evidence.document, evidence.page, evidence.quote, evidence.score] if evidence else []
                ws.append(head + tail)
                for col in (2, 7, 10):
                    ws.cell(ws.max_row, col).alignment = WRAP
    _widths(ws, (8, 28, 12, 10, 10, 10, 40, 24, 6, 60, 8))
    ws.freeze_panes = "A2"


def _sources_sheet(ws: Worksheet, data: ReportInput) -> None:
    _header(ws, ("정당·후보", "문서", "sha256", "쪽수", "추출 방법", "발표일"))
    for s in data.sources:
        ws.append([s.actor, s.name, s.sha256, s.pages, method_label(s.method), day(s.published)])
    ws.append([])
    _header(ws, ("항목", "값"))
    for key, value in provenance_rows(data):
        ws.append([key, value])
    _widths(ws, (24, 36, 68, 8, 14, 12))


def _events_sheet(ws: Worksheet, data: ReportInput) -> None:
    _header(ws, ("날짜", "종류", "정당·후보", "제목", "내용"))
    for e in timeline_events(data):
        ws.append([day(e.date), e.kind_label, e.actor, e.title, e.detail])
    _widths(ws, (12, 12, 14, 40, 50))


def _no_formulas(wb: Workbook) -> None:
    """Text that starts with '=' (a quote, a title) must stay text, never become a formula."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def to_xlsx(data: ReportInput, out: BinaryIO) -> None:
    """Write the workbook to a binary stream (a file opened with "wb" or io.BytesIO)."""
    wb = Workbook()
    table = reflection_rates(data)
    _summary_sheet(wb.active, data, table)
    _matrix_sheet(wb.create_sheet("매트릭스"), data)
    _evidence_sheet(wb.create_sheet("근거"), data)
    _sources_sheet(wb.create_sheet("출처"), data)
    if data.events or any(s.published for s in data.sources):
        _events_sheet(wb.create_sheet("일정"), data)
    _no_formulas(wb)
    wb.properties.creator = "pledgetrack"
    wb.properties.title = data.title
    wb.properties.created = data.generated_at.replace(tzinfo=None)
    wb.properties.modified = data.generated_at.replace(tzinfo=None)
    wb.save(out)
