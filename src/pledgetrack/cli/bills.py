"""``pledgetrack bills``: National Assembly bills related to a proposal (index, search, related)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pledgetrack.cli.output import console, django, emit_json, emit_table, json_option
from pledgetrack.engine.errors import InputError

if TYPE_CHECKING:
    from pledgetrack.engine.bills.index import BillHit

STAGES = {"download": "법안 데이터 준비", "load": "법안 읽기", "index": "색인"}


def cache_option(function: Any) -> Any:
    return click.option(
        "--cache",
        "cache_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="법안 데이터·색인 폴더 (기본: 작업 공간의 cache/bills).",
    )(function)


def _cache(cache_dir: Path | None) -> Path:
    if cache_dir is not None:
        return cache_dir
    django()
    from django.conf import settings

    return Path(settings.CACHE_DIR) / "bills"


@click.group("bills")
def bills_group() -> None:
    """국회 법안(제20~22대 의원발의 60,925건)에서 정책 제안과 관련된 법안을 찾습니다."""


@bills_group.command("index")
@cache_option
@click.option("--rebuild", is_flag=True, help="색인이 있어도 다시 만듭니다.")
def index_command(cache_dir: Path | None, rebuild: bool) -> None:
    """법안 데이터를 PyPI에서 내려받아(처음 한 번) 검색 색인을 만듭니다.

    \b
    데이터: korean-assembly-bills 0.1.0 (Kyusik Yang, CC BY 4.0)
    예:
      pledgetrack bills index
      pledgetrack bills index --cache /srv/bills --rebuild
    """
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    from pledgetrack.engine.bills.cache import build_index
    from pledgetrack.engine.bills.source import ATTRIBUTION

    folder = _cache(cache_dir)
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("법안 색인", total=None)

        def show(stage: str, done: int, total: int) -> None:
            bar.update(task, description=STAGES.get(stage, stage), completed=done, total=total or None)

        summary = build_index(folder, rebuild=rebuild, progress=show)
    verb = "만들었습니다" if summary.built else "이미 있습니다 (다시 만들려면 --rebuild)"
    click.echo(f"법안 {summary.bills:,}건의 색인을 {verb}: {summary.folder}")
    click.echo(f"출처: {ATTRIBUTION}")


def _rows(hits: list[BillHit]) -> list[tuple[Any, ...]]:
    return [
        (
            rank,
            f"{hit.score:.1f}",
            hit.bill.age,
            hit.bill.bill_no,
            hit.bill.title,
            hit.bill.proposer,
            hit.bill.proposed_on or "",
            hit.bill.result or "계류",
        )
        for rank, hit in enumerate(hits, 1)
    ]


def _hit_dict(rank: int, hit: BillHit) -> dict[str, Any]:
    """A hit as JSON: the bill without its full 제안이유 (the snippet and the URL stand for it)."""
    bill = {key: value for key, value in hit.bill.__dict__.items() if key != "reason"}
    return {"rank": rank, "score": hit.score, "snippet": hit.snippet, **bill}


def _emit(title: str, hits: list[BillHit], as_json: bool) -> None:
    if as_json:
        emit_json([_hit_dict(rank, hit) for rank, hit in enumerate(hits, 1)])
        return
    if not hits:
        click.echo("관련 법안을 찾지 못했습니다.")
        return
    emit_table(title, ["순위", "점수", "대수", "의안번호", "법안명", "제안자", "제안일", "처리"], _rows(hits))


@bills_group.command("search")
@click.argument("query")
@click.option("--age", type=click.IntRange(1, 99), help="국회 대수만 (20, 21, 22).")
@click.option("-k", "k", type=click.IntRange(1, 200), default=10, show_default=True, help="보여 줄 법안 수.")
@cache_option
@json_option
def search_command(query: str, age: int | None, k: int, cache_dir: Path | None, as_json: bool) -> None:
    """검색어와 관련된 법안을 찾습니다 (법안명에 가중치, 제안이유 포함).

    \b
    예:
      pledgetrack bills search "광주 군공항 이전 특별법"
      pledgetrack bills search "공항 소음" --age 21 -k 5 --json
    """
    from pledgetrack.engine.bills.cache import open_index

    hits = open_index(_cache(cache_dir)).search(query, k=k, age=age)
    _emit(f"'{query}' 관련 법안", hits, as_json)


@bills_group.command("related")
@click.argument("proposal_id")
@click.option("--campaign", help="캠페인 이름.")
@click.option("-k", "k", type=click.IntRange(1, 200), default=10, show_default=True, help="보여 줄 법안 수.")
@cache_option
@json_option
def related_command(proposal_id: str, campaign: str | None, k: int, cache_dir: Path | None, as_json: bool) -> None:
    """등록부의 제안(과제·사업) 하나와 관련된 법안을 찾습니다 (제목·설명·핵심어로 검색).

    \b
    예:
      pledgetrack bills related GJ22-1
      pledgetrack bills related GJ22-2-1 --json
    """
    django()
    from pledgetrack.engine.bills.cache import open_index
    from pledgetrack.engine.bills.index import related_bills
    from pledgetrack.registry.services import proposal_rows, resolve_campaign

    rows = {row.id: row for row in proposal_rows(resolve_campaign(campaign))}
    if proposal_id not in rows:
        raise InputError(
            f"제안 '{proposal_id}'이(가) 등록부에 없습니다. pledgetrack proposals list 로 번호를 확인해 주세요."
        )
    proposal = rows[proposal_id]
    hits = related_bills(proposal, open_index(_cache(cache_dir)), k=k)
    _emit(f"{proposal.id} {proposal.title} 관련 법안", hits, as_json)


def register(cli: click.Group) -> None:
    cli.add_command(bills_group)
