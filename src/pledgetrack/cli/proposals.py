"""``pledgetrack proposals`` and ``pledgetrack actors``: the registry."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pledgetrack.cli.output import django, emit_json, emit_table, json_option

FORMATS = ("csv", "xlsx", "yaml")


@click.group("proposals")
def proposals_group() -> None:
    """정책 제안(과제 → 사업) 등록부를 가져오고 내보냅니다."""


@proposals_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--campaign", help="캠페인 이름 (기본: '기본 캠페인').")
@json_option
def import_command(file: Path, campaign: str | None, as_json: bool) -> None:
    """CSV·XLSX·YAML 파일에서 제안을 가져옵니다. 오류가 있으면 아무것도 바꾸지 않습니다.

    \b
    열: id, parent, title, description, budget (선택: owner, priority, keywords, level,
        budget_national, budget_local, budget_private)
    예:
      pledgetrack proposals import examples/gwangju-2022/proposals.csv
    """
    django()
    from pledgetrack.registry.services import import_proposals, resolve_campaign

    summary = import_proposals(file, campaign=resolve_campaign(campaign))
    if as_json:
        emit_json(summary.__dict__)
        return
    click.echo(
        f"{summary.file}: 과제 {summary.tasks}개, 사업 {summary.projects}개를 가져왔습니다 "
        f"(새로 {summary.created}, 갱신 {summary.updated}, 삭제 {summary.deleted}) → {summary.campaign}"
    )


@proposals_group.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="출력 파일 (없으면 표준 출력).")
@click.option("--campaign", help="캠페인 이름.")
def export_command(fmt: str, out: Path | None, campaign: str | None) -> None:
    """등록부를 CSV·XLSX·YAML로 내보냅니다.

    \b
    예:
      pledgetrack proposals export --format yaml
      pledgetrack proposals export --format xlsx --out 제안.xlsx
    """
    django()
    from pledgetrack.registry.services import export_proposals, resolve_campaign

    data = export_proposals(fmt, campaign=resolve_campaign(campaign))
    if out:
        out.write_bytes(data)
        click.echo(f"{out}에 저장했습니다.", err=True)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


@proposals_group.command("list")
@click.option("--campaign", help="캠페인 이름.")
@json_option
def list_command(campaign: str | None, as_json: bool) -> None:
    """등록된 제안을 보여 줍니다.

    \b
    예:
      pledgetrack proposals list --json
    """
    django()
    from pledgetrack.engine.text.money import format_won
    from pledgetrack.registry.services import proposal_rows, resolve_campaign

    rows = proposal_rows(resolve_campaign(campaign))
    if as_json:
        emit_json([r.__dict__ for r in rows])
        return
    table = [
        (
            r.id,
            ("  └ " if r.parent else "") + r.title,
            format_won(r.budget_won) if r.budget_won else "",
            r.owner,
            ", ".join(r.keywords),
        )
        for r in rows
    ]
    emit_table("정책 제안", ["번호", "제목", "사업비", "담당", "핵심어"], table)


@click.group("actors", invoke_without_command=True)
@click.pass_context
def actors_group(ctx: click.Context) -> None:
    """정당·후보 목록과 별칭(민주당 = 더불어민주당)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(actors_list)


@actors_group.command("list")
@json_option
def actors_list(as_json: bool = False) -> None:
    """정당·후보와 별칭을 보여 줍니다.

    \b
    예:
      pledgetrack actors list
    """
    django()
    from pledgetrack.registry.models import Actor

    actors = [
        (a.name, a.get_kind_display(), ", ".join(x.alias for x in a.aliases.all()), a.sources.count())
        for a in Actor.objects.prefetch_related("aliases")
    ]
    if as_json:
        emit_json(
            [{"name": n, "kind": k, "aliases": al.split(", ") if al else [], "sources": s} for n, k, al, s in actors]
        )
        return
    emit_table("정당·후보", ["이름", "구분", "별칭", "문서 수"], actors)


@actors_group.command("alias")
@click.argument("name")
@click.argument("alias")
def actors_alias(name: str, alias: str) -> None:
    """정당·후보에 별칭을 붙입니다.

    \b
    예:
      pledgetrack actors alias 더불어민주당 민주
    """
    django()
    from pledgetrack.registry.services import add_alias, resolve_actor

    actor = resolve_actor(name)
    add_alias(actor, alias)
    click.echo(f"'{alias}' → '{actor.name}'")


def register(cli: click.Group) -> None:
    cli.add_command(proposals_group)
    cli.add_command(actors_group)
