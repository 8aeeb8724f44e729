"""``pledgetrack report`` and ``pledgetrack demo``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import click

from pledgetrack.cli.output import django

REPORT_FORMATS = ("html", "xlsx", "csv", "json", "pdf")


def write_report(fmt: str, out: Path, *, campaign: str | None = None) -> Path:
    """Write the campaign's report in one format; returns the path written."""
    from pledgetrack.engine.report import write_report as write
    from pledgetrack.registry.services import resolve_campaign
    from pledgetrack.reports.services import build_report_input

    return write(build_report_input(resolve_campaign(campaign)), out, fmt)


@click.command("report")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="html", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="출력 파일 (기본: 작업 공간의 reports/보고서.<형식>).",
)
@click.option("--campaign", help="캠페인 이름.")
def report_command(fmt: str, out: Path | None, campaign: str | None) -> None:
    """반영률·매트릭스·근거·출처를 담은 보고서를 씁니다 (HTML, XLSX, CSV, JSON, PDF).

    \b
    예:
      pledgetrack report --format html --out 보고서.html
      pledgetrack report --format xlsx --out 반영현황.xlsx
    """
    django()
    from django.conf import settings

    target = out or Path(settings.DATA_DIR) / "reports" / f"보고서.{fmt}"
    write_report(fmt, target, campaign=campaign)
    click.echo(f"보고서를 썼습니다: {target}")


EXAMPLE_DIR = Path(__file__).resolve().parents[3] / "examples" / "gwangju-2022"
DEMO_CAMPAIGN = "제20대 대통령선거 광주 (2022, 예시)"


def _load_gold(path: Path) -> dict[tuple[str, str], set[str]]:
    with path.open(encoding="utf-8") as handle:
        return {(r["proposal"], r["actor"]): set(r["verdict"].split("|")) for r in csv.DictReader(handle)}


@click.command("demo")
@click.option(
    "--examples",
    "example_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=EXAMPLE_DIR,
    show_default=False,
    help="예시 폴더 (기본: examples/gwangju-2022).",
)
def demo_command(example_dir: Path) -> None:
    """동봉한 예시(2022 광주 제안과 후보별 광주 공약)로 전 과정을 돌려 봅니다.

    제안 가져오기 → 문서 저장 → 판정 → 매트릭스 출력 → HTML 보고서. 예시의 정답(gold.csv)과도 비교합니다.

    \b
    예:
      pledgetrack demo
    """
    django()
    from pledgetrack.cli.matching import match_settings, print_matrix
    from pledgetrack.documents.services import ingest_path
    from pledgetrack.matching.services import run_matching, stored_cells
    from pledgetrack.registry.services import import_proposals, proposal_rows, resolve_campaign

    campaign = resolve_campaign(DEMO_CAMPAIGN)
    summary = import_proposals(example_dir / "proposals.csv", campaign=campaign)
    click.echo(f"1. 제안: 과제 {summary.tasks}개, 사업 {summary.projects}개 ({summary.file})")
    for actor_dir in sorted(p for p in (example_dir / "docs").iterdir() if p.is_dir()):
        outcomes = ingest_path(actor_dir, actor=actor_dir.name, campaign=campaign)
        stored = sum(1 for o in outcomes if o.document and not o.error)
        click.echo(f"2. 문서: {actor_dir.name} {stored}건")
    run_matching(campaign=campaign, settings=match_settings(False), home_region="광주")
    cells, reviewed = stored_cells(campaign)
    click.echo("3. 판정 (엔진: 어휘·의미 검색 + 지역·사업명·규모·입장 판정)")
    print_matrix(proposal_rows(campaign), cells, reviewed)
    _print_gold_agreement(example_dir / "gold.csv", cells)
    from django.conf import settings

    out = write_report("html", Path(settings.DATA_DIR) / "reports" / "demo-gwangju-2022.html", campaign=DEMO_CAMPAIGN)
    click.echo(f"4. HTML 보고서: {out}")


def _print_gold_agreement(gold_path: Path, cells: list) -> None:
    if not gold_path.exists():
        return
    gold = _load_gold(gold_path)
    judged = [(key, c.verdict) for c in cells if (key := (c.proposal, c.actor)) in gold]
    agree = sum(1 for key, verdict in judged if verdict in gold[key])
    buffer = io.StringIO()
    buffer.write(f"   정답(gold.csv)과 일치: {agree}/{len(judged)} 칸")
    misses = [f"{k[0]}×{k[1]}: {v} (정답 {'|'.join(sorted(gold[k]))})" for k, v in judged if v not in gold[k]]
    if misses:
        buffer.write("\n   불일치: " + "; ".join(misses))
    click.echo(buffer.getvalue())


def register(cli: click.Group) -> None:
    cli.add_command(report_command)
    cli.add_command(demo_command)
