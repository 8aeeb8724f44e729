"""The CLI reference (docs/cli.md) generated from the commands' own help.

Regenerate with ``python -m pledgetrack.cli.reference > docs/cli.md``; a test fails
when the file and the code disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import click

HELP_TEXT = "도움말을 보여 주고 끝냅니다."


def walk(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name], (*path, name))


def koreanize_help(root: click.Command) -> None:
    """Give every command's -h/--help option a Korean description."""
    for _, command in walk(root):
        # Every command gets the same option names however it is invoked (Click caches the option).
        command.context_settings.setdefault("help_option_names", ["-h", "--help"])
        original = command.get_help_option

        def get_help_option(
            ctx: click.Context, original: Callable[[click.Context], click.Option | None] = original
        ) -> click.Option | None:
            option = original(ctx)
            if option is not None:
                option.help = HELP_TEXT
            return option

        command.get_help_option = get_help_option  # type: ignore[method-assign]


def render_reference(root: click.Command, prog: str = "pledgetrack") -> str:
    parts = [
        "# 명령줄 도구 (pledgetrack)\n",
        "이 문서는 `python -m pledgetrack.cli.reference`가 만듭니다. 고치지 마세요.\n",
    ]
    for path, command in walk(root):
        name = " ".join((prog, *path))
        with click.Context(
            command, info_name=name, terminal_width=100, max_content_width=100, help_option_names=["-h", "--help"]
        ) as ctx:
            parts.append(f"## `{name}`\n\n```\n{command.get_help(ctx)}\n```\n")
    return "\n".join(parts)


def main() -> None:
    from pledgetrack.cli.main import cli as root

    click.echo(render_reference(root), nl=False)


if __name__ == "__main__":
    main()
