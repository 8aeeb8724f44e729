"""``pledgetrack extract`` and ``pledgetrack ingest``: documents in, text with provenance out."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn

from pledgetrack.cli.output import console, django, emit_json, emit_table, json_option

KINDS = ("pledge", "press", "news", "sns", "bill", "other")


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
def extract_command(file: Path, as_json: bool) -> None:
    """문서 하나의 본문을 뽑아 보여 줍니다 (저장하지 않음). 이미지·스캔 PDF는 OCR합니다.

    \b
    예:
      pledgetrack extract 공약카드.png
      pledgetrack extract 공약집.pdf --json
    """
    from pledgetrack.engine.ingest.pipeline import extract_file

    with _progress() as bar:
        task = bar.add_task(file.name, total=None)
        extractions = extract_file(file, progress=lambda done, total: bar.update(task, completed=done, total=total))
    if as_json:
        emit_json(_extraction_json(extractions))
        return
    for extraction in extractions:
        for page in extraction.pages:
            label = f"{page.page}쪽" if page.page is not None else "본문"
            click.secho(f"── {extraction.file} {label} ({'OCR' if page.method == 'ocr' else '텍스트'})", bold=True)
            click.echo(page.text.rstrip())
        for warning in extraction.warnings:
            click.secho(f"경고: {warning}", fg="yellow", err=True)


def _extraction_json(extractions: list) -> dict | list:
    items = [
        {
            "file": e.file,
            "sha256": e.sha256,
            "format": e.format,
            "metadata": {
                "title": e.metadata.title,
                "published": e.metadata.published,
                "url": e.metadata.url,
                "byline": e.metadata.byline,
            },
            "pages": [{"page": p.page, "text": p.text, "method": p.method} for p in e.pages],
            "warnings": list(e.warnings),
        }
        for e in extractions
    ]
    return items[0] if len(items) == 1 else items


def _parse_date(_: click.Context, __: click.Parameter, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"'{value}'은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 써 주세요.") from None


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--actor", required=True, help="문서를 낸 정당·후보 (별칭 가능: 민주당).")
@click.option("--kind", type=click.Choice(KINDS), default="pledge", show_default=True, help="문서 종류.")
@click.option("--date", "published", callback=_parse_date, help="발표일 (YYYY-MM-DD).")
@click.option("--url", default="", help="출처 URL.")
@json_option
def ingest_command(
    paths: tuple[Path, ...], actor: str, kind: str, published: date | None, url: str, as_json: bool
) -> None:
    """문서를 작업 공간에 저장합니다. 폴더는 안의 파일을 모두 읽습니다.

    같은 파일(같은 내용)은 다시 저장하지 않고, 내용이 바뀐 같은 이름의 파일은 새 버전이 됩니다.
    읽을 수 없는 파일은 이유를 알리고 나머지를 계속 처리합니다.

    \b
    예:
      pledgetrack ingest 공약집.pdf --actor 더불어민주당 --date 2025-05-28
      pledgetrack ingest 카드뉴스/ --actor 개혁신당 --kind sns
    """
    django()
    from pledgetrack.documents.services import ingest_path, iter_inputs

    files = list(iter_inputs(list(paths)))
    outcomes = []
    with _progress() as bar:
        overall = bar.add_task("문서", total=len(files))
        for file in files:
            pages = bar.add_task(f"  {file.name}", total=None)

            def show(done: int, total: int, task: TaskID = pages) -> None:
                bar.update(task, completed=done, total=total)

            outcomes += ingest_path(
                file,
                actor=actor,
                kind=kind,
                published=published,
                url=url,
                progress=show,
            )
            bar.remove_task(pages)
            bar.advance(overall)
    _print_outcomes(outcomes, as_json)
    if any(o.error for o in outcomes):
        raise SystemExit(1)


def _print_outcomes(outcomes: list, as_json: bool) -> None:
    rows = []
    for o in outcomes:
        doc = o.document
        methods = sorted({p["method"] for p in doc.pages}) if doc and doc.pages else []
        rows.append(
            {
                "file": o.filename,
                "status": "오류" if o.error else ("저장" if o.created else "이미 있음"),
                "sha256": doc.sha256 if doc else None,
                "version": doc.version if doc else None,
                "pages": len(doc.pages) if doc else 0,
                "method": "+".join(methods),
                "characters": len(doc.text) if doc else 0,
                "duplicates_removed": doc.duplicates_removed if doc else 0,
                "warnings": list(o.warnings),
                "error": o.error,
            }
        )
    if as_json:
        emit_json(rows)
        return
    emit_table(
        "문서 저장 결과",
        ["파일", "상태", "버전", "쪽", "방식", "글자 수", "중복 제거", "SHA-256"],
        [
            (
                r["file"],
                r["status"],
                r["version"],
                r["pages"],
                r["method"],
                f"{r['characters']:,}",
                r["duplicates_removed"],
                (r["sha256"] or "")[:12],
            )
            for r in rows
        ],
    )
    for r in rows:
        for warning in r["warnings"]:
            click.secho(f"경고: {r['file']}: {warning}", fg="yellow", err=True)
        if r["error"]:
            click.secho(f"오류: {r['error']}", fg="red", err=True)


@click.group("documents", invoke_without_command=True)
@click.pass_context
def documents_group(ctx: click.Context) -> None:
    """저장된 문서: 목록과 본문(쪽·글자 위치·문단)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(documents_list)


@documents_group.command("list")
@json_option
def documents_list(as_json: bool = False) -> None:
    """저장된 문서 목록 (id, 정당·후보, 파일, 버전, 상태, 쪽, 글자 수, 해시).

    \b
    예:
      pledgetrack documents list --json
    """
    django()
    from pledgetrack.documents.models import Document

    docs = Document.objects.select_related("source__actor").order_by("source__actor__name", "filename", "version")
    rows = [_document_row(d) for d in docs]
    if as_json:
        emit_json(rows)
        return
    emit_table(
        "문서",
        ["ID", "정당·후보", "파일", "버전", "상태", "쪽", "글자 수", "SHA-256"],
        [
            (
                r["id"],
                r["actor"],
                r["file"],
                r["version"],
                r["status"],
                r["pages"],
                f"{r['characters']:,}",
                r["sha256"][:12],
            )
            for r in rows
        ],
    )


def _document_row(d: Any) -> dict[str, Any]:
    return {
        "id": d.pk,
        "actor": d.source.actor.name,
        "file": d.filename,
        "version": d.version,
        "status": d.get_status_display(),
        "pages": len(d.pages),
        "characters": len(d.text),
        "sha256": d.sha256,
        "duplicates_removed": d.duplicates_removed,
        "warnings": d.warnings,
        "error": d.error,
    }


@documents_group.command("show")
@click.argument("document")
@click.option("--passages", is_flag=True, help="문단(문장 단위)마다 쪽·글자 위치·제목 경로를 보여 줍니다.")
@json_option
def documents_show(document: str, passages: bool, as_json: bool) -> None:
    """문서 하나의 본문을 쪽 표시와 함께 보여 줍니다. DOCUMENT는 ID, 파일 이름 또는 SHA-256 앞부분입니다.

    \b
    예:
      pledgetrack documents show 3
      pledgetrack documents show 광주_지역공약_2022.txt --passages
      pledgetrack documents show 3 --json
    """
    django()
    doc = _find_document(document)
    rows = [
        {"ordinal": p.ordinal, "page": p.page, "start": p.start, "end": p.end, "heading": p.heading, "text": p.text}
        for p in doc.passages.order_by("ordinal")
    ]
    if as_json:
        emit_json(_document_row(doc) | {"text": doc.text, "page_spans": doc.pages, "passages": rows})
        return
    for span in doc.pages or [{"page": None, "start": 0, "end": len(doc.text), "method": "text"}]:
        label = f"{span['page']}쪽" if span["page"] is not None else "본문"
        method = "OCR" if span["method"] == "ocr" else "텍스트"
        click.secho(f"── {doc.filename} {label} [{span['start']}:{span['end']}] ({method})", bold=True)
        click.echo(doc.text[span["start"] : span["end"]].rstrip())
    if passages:
        emit_table(
            "문단",
            ["#", "쪽", "위치", "제목 경로", "본문"],
            [(r["ordinal"], r["page"], f"{r['start']}-{r['end']}", r["heading"], r["text"]) for r in rows],
        )


def _find_document(key: str) -> Any:
    from pledgetrack.documents.models import Document

    query = Document.objects.select_related("source__actor")
    found = None
    if key.isdigit():
        found = query.filter(pk=int(key)).first()
    found = found or query.filter(filename=key).order_by("-version").first()
    if found is None and len(key) >= 6:
        found = query.filter(sha256__startswith=key.lower()).first()
    if found is None:
        raise click.ClickException(
            f"문서를 찾을 수 없습니다: '{key}'. 'pledgetrack documents list'로 ID를 확인해 주세요."
        )
    return found


def register(cli: click.Group) -> None:
    cli.add_command(extract_command)
    cli.add_command(ingest_command)
    cli.add_command(documents_group)
