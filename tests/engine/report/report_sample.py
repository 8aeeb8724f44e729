"""Sample report input for the report engine tests.

모든 자료는 예시(illustrative)입니다: 정당·후보 이름(가람당, 나래당, 다온 후보)은 가상이며,
판정과 인용문은 실제 공약 문구가 아닙니다. 예산은 합이 81조원이 되도록 만든 예시 값입니다.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

from pledgetrack.engine.report.model import ReportCell, ReportInput, SourceInfo, TimelineEvent
from pledgetrack.engine.types import Evidence, ProposalRow, Verdict

JO = 10**12  # 1조원
KST = timezone(timedelta(hours=9))

PROPOSALS = (
    ProposalRow("T1", "AI 모델시티 조성 (예시)"),
    ProposalRow("T1-1", "국가AI컴퓨팅센터 광주 유치 (예시)", parent="T1", budget_won=20 * JO),
    ProposalRow("T1-2", "AX 실증밸리 조성 (예시)", parent="T1", budget_won=10 * JO),
    ProposalRow("T2", "미래모빌리티 신도시 (예시)", budget_won=25 * JO),
    ProposalRow("T2-1", "자율주행 실증도시 (예시)", parent="T2", budget_won=10 * JO),
    ProposalRow("T2-2", "미래차 국가산단 (예시)", parent="T2", budget_won=5 * JO),
    ProposalRow("T3", "달빛철도 조기 착공 (예시)", budget_won=16 * JO),
    ProposalRow("T4", "문화도시 위상 강화 (예시)", budget_won=10 * JO),
    ProposalRow("T4-1", "아시아문화전당 기능 강화 (예시)", parent="T4", budget_won=4 * JO),
    ProposalRow("T4-2", "5·18 기념사업 확대 (예시)", parent="T4"),
)
ACTORS = ("가람당", "나래당", "다온 후보")

# (proposal, actor, effective verdict, machine verdict or None if same, needs_review); "-" = not judged.
R, P, A = "reflected", "partial", "absent"
VERDICT_TABLE: dict[str, tuple[str, str, str]] = {
    #        가람당 나래당 다온 후보
    "T1": (R, P, A),
    "T1-1": (R, A, A),
    "T1-2": (P, R, "-"),
    "T2": (P, A, R),
    "T2-1": (R, A, R),
    "T2-2": (A, A, R),
    "T3": (R, P, A),
    "T4": (A, R, R),
    "T4-1": (A, P, A),
    "T4-2": (A, "-", P),
}
# Cells a person reviewed: (proposal, actor) -> the matcher's original verdict.
REVIEWED: dict[tuple[str, str], str] = {("T1-2", "가람당"): R, ("T4", "가람당"): P, ("T2", "다온 후보"): P}
NEEDS_REVIEW = {("T3", "나래당"), ("T4-2", "다온 후보")}


def _evidence(actor: str, proposal: str, verdict: str) -> tuple[Evidence, ...]:
    if verdict == "absent":
        return ()
    quote = f"{actor}은(는) {proposal} 관련 사업을 추진하겠습니다 (예시 문장)"
    document = f"{actor}_공약집_예시.pdf"
    return (Evidence(document=document, page=12, start=100, end=100 + len(quote), quote=quote),)


def make_cells() -> tuple[ReportCell, ...]:
    cells = []
    for proposal, verdicts in VERDICT_TABLE.items():
        for actor, verdict in zip(ACTORS, verdicts, strict=True):
            if verdict == "-":
                continue
            machine = REVIEWED.get((proposal, actor), verdict)
            cells.append(
                ReportCell(
                    proposal=proposal,
                    actor=actor,
                    verdict=_v(verdict),
                    machine_verdict=_v(machine),
                    reviewed=(proposal, actor) in REVIEWED,
                    score=0.8 if verdict == "reflected" else 0.5,
                    evidence=_evidence(actor, proposal, verdict),
                    reasons=(f"{proposal}의 핵심어가 {actor} 문서에 나옵니다 (예시)",),
                    needs_review=(proposal, actor) in NEEDS_REVIEW,
                )
            )
    return tuple(cells)


def _v(name: str) -> Verdict:
    assert name in ("reflected", "partial", "absent")
    return name  # type: ignore[return-value]


def make_input(**changes: object) -> ReportInput:
    values: dict[str, object] = dict(
        title="광주의 제안 반영 현황 (예시)",
        proposals=PROPOSALS,
        actors=ACTORS,
        cells=make_cells(),
        sources=tuple(
            SourceInfo(
                actor=a,
                name=f"{a}_공약집_예시.pdf",
                sha256=hashlib.sha256(a.encode()).hexdigest(),
                pages=100 + i,
                method="ocr" if i == 1 else "text",
                published=date(2025, 5, 10 + i),
            )
            for i, a in enumerate(ACTORS)
        ),
        matcher_settings={"retriever": "bm25+dense", "threshold": 0.62, "top_k": 5},
        generated_at=datetime(2025, 6, 1, 9, 30, tzinfo=KST),
        data_date=date(2025, 5, 31),
        events=(
            TimelineEvent(date(2025, 4, 8), "publication", "", "광주의 제안 발표 (예시)", "15대 과제"),
            TimelineEvent(date(2025, 4, 14), "budget_ask", "", "AI 실증 추경 요청 (예시)", "670억원"),
            TimelineEvent(date(2025, 4, 16), "meeting", "가람당", "가람당 정책위 방문 (예시)", "제안서 전달"),
            TimelineEvent(date(2025, 4, 17), "meeting", "나래당", "나래당 방문 (예시)", "<b>제안서</b> 전달"),
        ),
    )
    values.update(changes)
    return ReportInput(**values)  # type: ignore[arg-type]
