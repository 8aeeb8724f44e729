"""``pledgetrack serve``: the team's web app."""

from __future__ import annotations

import click

from pledgetrack.cli.output import django


@click.command("serve")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="포트.")
@click.option("--host", default="127.0.0.1", show_default=True, help="주소 (팀이 함께 쓰려면 0.0.0.0).")
def serve_command(port: int, host: str) -> None:
    """웹 앱을 시작합니다 (기본: SQLite 작업 공간).

    처음에는 'pledgetrack createuser'로 계정을 만드세요.

    \b
    예:
      pledgetrack serve --port 8000
    """
    django()
    from django.core.management import call_command

    click.echo(f"pledgetrack 웹 앱: http://{host}:{port}/  (끝내려면 Ctrl+C)")
    call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=False)


@click.command("createuser")
@click.argument("username")
@click.option(
    "--role",
    type=click.Choice(["admin", "editor", "viewer"]),
    default="editor",
    show_default=True,
    help="역할: admin(관리자), editor(편집자), viewer(열람자).",
)
@click.password_option(help="비밀번호 (없으면 물어봅니다).")
def createuser_command(username: str, role: str, password: str) -> None:
    """웹 앱 계정을 만듭니다.

    \b
    예:
      pledgetrack createuser kim --role editor
    """
    django()
    from django.core.management import call_command

    call_command("pledgetrack_user", username, password, role)
    click.echo(f"계정 '{username}'({role})을(를) 만들었습니다.")


def register(cli: click.Group) -> None:
    cli.add_command(serve_command)
    cli.add_command(createuser_command)
