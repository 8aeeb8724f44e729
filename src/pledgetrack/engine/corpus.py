"""Load a folder of documents, one sub-folder per actor, into prepared documents.

This is what ``pledgetrack analyze`` and the quality benchmark read: no database,
just files. A file that cannot be read is reported and skipped; the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pledgetrack.engine.errors import PledgetrackError
from pledgetrack.engine.ingest.pipeline import extract_file
from pledgetrack.engine.text.prepare import prepare_document
from pledgetrack.engine.types import PreparedDocument


@dataclass(frozen=True)
class FileFailure:
    file: str
    error: str


@dataclass(frozen=True)
class Corpus:
    documents: tuple[PreparedDocument, ...]
    failures: tuple[FileFailure, ...]

    @property
    def actors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.actor for d in self.documents))


def iter_files(folder: Path) -> Iterator[Path]:
    """Files under a folder in a stable order, hidden files and folders skipped."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield path


def load_folder_corpus(docs_dir: Path, *, on_file: Callable[[Path], None] | None = None) -> Corpus:
    """Read ``docs_dir/<actor>/**`` into prepared documents named by their path relative to docs_dir."""
    documents: list[PreparedDocument] = []
    failures: list[FileFailure] = []
    for actor_dir in sorted(p for p in docs_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in iter_files(actor_dir):
            if on_file:
                on_file(path)
            name = path.relative_to(docs_dir).as_posix()
            try:
                for n, extraction in enumerate(extract_file(path)):
                    doc_name = name if n == 0 else f"{name}#{n}"
                    documents.append(prepare_document(extraction, actor=actor_dir.name, name=doc_name))
            except PledgetrackError as error:
                failures.append(FileFailure(name, str(error)))
    return Corpus(tuple(documents), tuple(failures))
