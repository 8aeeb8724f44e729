"""``pledgetrack watch``: watched folders and feeds, the polling watcher and its alerts."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from pledgetrack.cli.output import django, emit_json, emit_table, json_option

if TYPE_CHECKING:
    from pledgetrack.monitor.models import Alert
    from pledgetrack.monitor.services import ScanResult

KINDS = ("pledge", "press", "news", "sns", "bill", "other")


@click.group("watch")
def watch_group() -> None:
    """폴더·피드를 감시해 새 문서가 제안에 닿으면 알립니다.

    \b
    예:
      pledgetrack watch add folder //서버/공유/보도자료 --actor 더불어민주당 --kind press
      pledgetrack watch run --interval 60
      pledgetrack watch alerts --unread
    """


@watch_group.command("add")
@click.argument("kind", type=click.Choice(["folder", "feed"]))
@click.argument("location")
@click.option("--actor", required=True, help="이 폴더·피드의 문서를 낸 정당·후보 (별칭 가능: 민주당).")
@click.option("--kind", "document_kind", type=click.Choice(KINDS), default="news", show_default=True,
              help="문서 종류.")
def add_command(kind: str, location: str, actor: str, document_kind: str) -> None:
    """감시할 폴더나 RSS/Atom 피드(파일 또는 http(s) 주소)를 등록합니다.

    \b
    예:
      pledgetrack watch add folder ./보도자료함 --actor 가나당 --kind press
      pledgetrack watch add feed https://example.org/rss.xml --actor 국민의힘
    """
    django()
    from pledgetrack.monitor.services import add_watch

    source = add_watch(kind, location, actor=actor, document_kind=document_kind)
    click.echo(f"감시 대상 #{source.pk}: {source.get_kind_display()} {source.location} ({source.actor.name})")


@watch_group.command("list")
@json_option
def list_command(as_json: bool) -> None:
    """감시 대상 목록.

    \b
    예:
      pledgetrack watch list --json
    """
    django()
    from pledgetrack.monitor.models import WatchedSource

    rows = [
        {
            "id": s.pk,
            "kind": s.kind,
            "location": s.location,
            "actor": s.actor.name,
            "document_kind": s.document_kind,
            "active": s.active,
            "last_checked": s.last_checked,
        }
        for s in WatchedSource.objects.select_related("actor").order_by("pk")
    ]
    if as_json:
        emit_json(rows)
        return
    emit_table(
        "감시 대상",
        ["번호", "종류", "위치", "정당·후보", "문서 종류", "사용", "마지막 확인"],
        [
            (r["id"], r["kind"], r["location"], r["actor"], r["document_kind"], "예" if r["active"] else "아니오",
             _local(r["last_checked"]) if r["last_checked"] else "아직 없음")
            for r in rows
        ],
    )


def _local(moment: datetime) -> str:
    """A stored (UTC) time shown in the configured time zone (Asia/Seoul by default)."""
    from django.utils import timezone

    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


@watch_group.command("remove")
@click.argument("source_id", metavar="ID", type=int)
def remove_command(source_id: int) -> None:
    """감시 대상을 지웁니다 (이미 저장한 문서와 알림은 남습니다).

    \b
    예:
      pledgetrack watch remove 3
    """
    django()
    from pledgetrack.monitor.models import WatchedSource

    deleted, _ = WatchedSource.objects.filter(pk=source_id).delete()
    if not deleted:
        raise click.ClickException(
            f"감시 대상 #{source_id}이(가) 없습니다. 'pledgetrack watch list'로 번호를 확인해 주세요."
        )
    click.echo(f"감시 대상 #{source_id}을(를) 지웠습니다.")


def _print_result(result: ScanResult) -> None:
    from pledgetrack.monitor.services import alert_message

    for alert in result.alerts:
        click.secho(alert_message(alert), fg="green" if alert.verdict == "reflected" else "yellow")
    for error in result.errors:
        click.secho(f"오류: {error}", fg="red", err=True)
    if result.new_documents or result.errors:
        seconds = result.timings.get("match_total", 0.0)
        click.echo(
            f"[{result.source.actor.name}] {result.source.location}: 새 문서 {len(result.new_documents)}건, "
            f"알림 {len(result.alerts)}건 (판정 {seconds:.2f}초)",
            err=True,
        )


def _result_json(result: ScanResult) -> dict[str, Any]:
    return {
        "source": result.source.pk,
        "location": result.source.location,
        "new_documents": [{"id": d.pk, "file": d.filename, "title": d.title} for d in result.new_documents],
        "alerts": [_alert_json(a) for a in result.alerts],
        "errors": list(result.errors),
        "waiting": list(result.waiting),
        "timings": result.timings,
    }


@watch_group.command("run")
@click.option("--once", is_flag=True, help="한 번만 확인하고 끝냅니다 (cron·작업 스케줄러용).")
@click.option("--interval", type=click.FloatRange(min=1), default=60, show_default=True, help="확인 간격(초).")
@click.option("--campaign", help="캠페인 이름 (기본: '기본 캠페인').")
@click.option("--home-region", help="제안한 지역 (예: 광주). 없으면 제안 내용에서 추정합니다.")
@click.option("--no-dense", is_flag=True, help="의미 검색(임베딩)을 끄고 어휘 검색만 씁니다.")
@json_option
def run_command(
    once: bool, interval: float, campaign: str | None, home_region: str | None, no_dense: bool, as_json: bool
) -> None:
    """감시 대상을 확인해 새 문서를 저장하고, 제안에 닿으면 알립니다. Ctrl+C로 멈춥니다.

    새 문서만 판정합니다 (이미 저장한 문서는 다시 보지 않습니다). 복사 중인 파일은
    다음 확인 때 읽습니다. 읽을 수 없는 파일은 알리고 나머지를 계속 처리합니다.

    \b
    예:
      pledgetrack watch run --once
      pledgetrack watch run --interval 300 --home-region 광주
    """
    django()
    from pledgetrack.cli.matching import match_settings
    from pledgetrack.monitor.services import scan_all, watch_forever
    from pledgetrack.registry.services import resolve_campaign

    options: dict[str, Any] = {
        "campaign": resolve_campaign(campaign),
        "home_region": home_region,
        "settings": match_settings(no_dense),
    }
    if once:
        results = scan_all(**options)
        if not results:
            click.echo("감시 대상이 없습니다. 'pledgetrack watch add'로 먼저 등록해 주세요.", err=True)
        if as_json:
            emit_json([_result_json(r) for r in results])
        else:
            for result in results:
                _print_result(result)
        if any(r.errors for r in results):
            raise SystemExit(1)
        return
    click.echo(f"감시를 시작합니다 ({interval:g}초마다). 멈추려면 Ctrl+C를 누르세요.", err=True)
    on_result = (lambda r: emit_json(_result_json(r))) if as_json else _print_result
    watch_forever(interval, on_result=on_result, **options)


def _alert_json(alert: Alert) -> dict[str, Any]:
    from pledgetrack.monitor.services import alert_message

    return {
        "id": alert.pk,
        "created_at": alert.created_at,
        "actor": alert.actor.name,
        "proposal": alert.proposal.code,
        "proposal_title": alert.proposal.title,
        "document": alert.document.filename,
        "document_title": alert.document.title,
        "verdict": alert.verdict,
        "score": alert.score,
        "quote": alert.quote,
        "read": alert.read,
        "message": alert_message(alert),
    }


@watch_group.command("alerts")
@click.option("--unread", is_flag=True, help="확인하지 않은 알림만 보여 줍니다.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True, help="최대 개수 (최신 순).")
@json_option
def alerts_command(unread: bool, limit: int, as_json: bool) -> None:
    """알림 목록 (최신 순).

    \b
    예:
      pledgetrack watch alerts --unread
      pledgetrack watch alerts --json
    """
    django()
    from pledgetrack.engine.types import VERDICT_LABELS
    from pledgetrack.monitor.services import alerts

    rows = [_alert_json(a) for a in alerts(unread=unread)[:limit]]
    if as_json:
        emit_json(rows)
        return
    emit_table(
        "알림",
        ["번호", "시각", "정당·후보", "제안", "판정", "인용", "확인"],
        [
            (r["id"], _local(r["created_at"]), r["actor"], f"{r['proposal']} {r['proposal_title'][:30]}",
             VERDICT_LABELS.get(r["verdict"], r["verdict"]), " ".join(r["quote"].split())[:60],
             "예" if r["read"] else "")
            for r in rows
        ],
    )


@watch_group.command("read")
@click.argument("ids", metavar="ID", nargs=-1, type=int)
@click.option("--all", "read_all", is_flag=True, help="확인하지 않은 알림을 모두 확인 처리합니다.")
def read_command(ids: tuple[int, ...], read_all: bool) -> None:
    """알림을 확인 처리합니다.

    \b
    예:
      pledgetrack watch read 12 13
      pledgetrack watch read --all
    """
    if bool(ids) == read_all:
        raise click.UsageError("알림 번호를 쓰거나 --all 중 하나만 써 주세요.")
    django()
    from pledgetrack.monitor.services import mark_read

    changed = mark_read(None if read_all else list(ids))
    click.echo(f"알림 {changed}건을 확인 처리했습니다.")


def register(cli: click.Group) -> None:
    cli.add_command(watch_group)
