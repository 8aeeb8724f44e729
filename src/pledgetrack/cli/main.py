"""The ``pledgetrack`` command. Library errors become CLI errors only here.

Exit codes: 0 success, 1 a user error (bad file, bad value), 2 a usage error.
A traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pledgetrack import __version__
from pledgetrack.cli import bills, documents, matching, monitor, proposals, reports, server
from pledgetrack.cli.reference import koreanize_help
from pledgetrack.engine.errors import PledgetrackError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="pledgetrack", help="버전을 보여 주고 끝냅니다.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="PLEDGETRACK_DATA",
    help="작업 공간(데이터 폴더). 기본값: ./pledgetrack-data (환경 변수 PLEDGETRACK_DATA)",
)
@click.option("--debug", is_flag=True, help="오류가 나면 전체 추적 정보(traceback)를 보여 줍니다.")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, debug: bool) -> None:
    """pledgetrack — 공약 반영 추적기.

    정책 제안(과제·사업)이 정당·후보의 공약에 반영되었는지 근거와 함께 판정합니다.

    \b
    예:
      pledgetrack proposals import 제안.csv
      pledgetrack ingest 공약집/ --actor 더불어민주당
      pledgetrack match
      pledgetrack report --format html --out 보고서.html
    """
    if data_dir:
        os.environ["PLEDGETRACK_DATA"] = str(data_dir)
    ctx.obj = {"debug": debug}


for module in (proposals, documents, matching, reports, monitor, bills, server):
    module.register(cli)
koreanize_help(cli)


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("중단했습니다.", err=True)
        sys.exit(1)
    except click.UsageError as error:
        error.show()
        sys.exit(2)
    except click.ClickException as error:
        click.secho(f"오류: {error.format_message()}", fg="red", err=True)
        sys.exit(1)
    except PledgetrackError as error:
        if debug:
            raise
        click.secho(f"오류: {error}", fg="red", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("중단했습니다.", err=True)
        sys.exit(1)
    except Exception as error:
        if debug or not _is_database_error(error):
            raise
        click.secho(
            f"오류: 데이터베이스에 연결할 수 없습니다 ({str(error).strip().splitlines()[-1]}). "
            "PLEDGETRACK_DATABASE_URL과 데이터베이스 서버 상태를 확인해 주세요.",
            fg="red",
            err=True,
        )
        sys.exit(1)


def _is_database_error(error: Exception) -> bool:
    from django.db import DatabaseError

    return isinstance(error, DatabaseError)


if __name__ == "__main__":
    main()
