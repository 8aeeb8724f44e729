"""Build PreparedDocuments from an actor-per-folder document tree (the one place that does it).

Text files are read as text; PDFs and images go through the engine's ingest readers (OCR). In ``ocr``
mode every text file is first rendered to PNG pages (cached in ``benchmarks/.cache``) and read back
by OCR, so recognition noise is part of the evaluation. Extractions are cached by file hash.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from dataclasses import asdict
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from pledgetrack.engine.ingest.ocr import OcrOptions
from pledgetrack.engine.types import Extraction, PageText, PreparedDocument

CACHE = Path(__file__).resolve().parent.parent / ".cache"
FONT = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
SUFFIXES = {".txt", ".pdf", ".png", ".jpg", ".jpeg", ".webp"}


def _ocr_version() -> str:
    """The second pass's languages and a hash of the OCR code and data: cached extractions are keyed
    by file hash and by this, so a change to how pages are read is never hidden by the cache."""
    import pledgetrack.engine.ingest as ingest

    folder = Path(ingest.__file__).parent
    files = sorted([*folder.glob("ocr*.py"), *folder.glob("data/*")])
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()[:10]
    return f"{OcrOptions().merge_languages or 'kor'}-{digest}"


OCR_VERSION = _ocr_version()


def load_corpus(docs_dir: Path, *, ocr: bool = False) -> list[PreparedDocument]:
    """Every document under ``docs_dir/<actor>/`` prepared for matching, actor = folder name."""
    documents = []
    for actor_dir in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        for path in sorted(actor_dir.iterdir()):
            if path.suffix.lower() in SUFFIXES:
                documents.append(_prepare(_extract(path, ocr=ocr), actor=actor_dir.name))
    return documents


def _extract(path: Path, *, ocr: bool) -> Extraction:
    if path.suffix.lower() == ".txt" and not ocr:
        return Extraction(path.name, _sha(path.read_bytes()), "txt",
                          (PageText(None, path.read_text(encoding="utf-8")),))
    if path.suffix.lower() == ".txt":
        return _cached(path, lambda: _ocr_rendered(path), tag=f"ocr-{OCR_VERSION}")
    return _cached(path, lambda: _engine_extract(path), tag=f"ingest-{OCR_VERSION}")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _cached(path: Path, make: object, *, tag: str) -> Extraction:
    key = _sha(path.read_bytes())
    cache = CACHE / "extract" / f"{key[:24]}-{tag}.json"
    if cache.is_file():
        raw = json.loads(cache.read_text(encoding="utf-8"))
        pages = tuple(PageText(**page) for page in raw["pages"])
        return Extraction(raw["file"], raw["sha256"], raw["format"], pages)
    extraction: Extraction = make()  # type: ignore[operator]
    cache.parent.mkdir(parents=True, exist_ok=True)
    data = {"file": extraction.file, "sha256": extraction.sha256, "format": extraction.format,
            "pages": [asdict(p) for p in extraction.pages]}
    cache.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return extraction


def _engine_extract(path: Path) -> Extraction:
    from pledgetrack.engine.ingest.pipeline import extract_file

    return extract_file(path)[0]


def render_text_pages(text: str, folder: Path, *, width: int = 1240, lines_per_page: int = 40) -> list[Path]:
    """Render text to PNG pages (NanumGothic 26 px on white, about 150 DPI A4) in ``folder``."""
    font = ImageFont.truetype(str(FONT), 26)
    lines = [wrapped for line in text.splitlines() for wrapped in (textwrap.wrap(line, 44) or [""])]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, max(len(lines), 1), lines_per_page), start=1):
        image = Image.new("L", (width, int(width * 1.414)), 255)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines[start:start + lines_per_page]):
            draw.text((80, 90 + row * 42), line, font=font, fill=0)
        path = folder / f"page-{number:02d}.png"
        image.save(path, dpi=(150, 150))
        paths.append(path)
    return paths


def _ocr_rendered(path: Path) -> Extraction:
    from pledgetrack.engine.ingest.image import read_image

    text = path.read_text(encoding="utf-8")
    folder = CACHE / "render" / _sha(text.encode())[:24]
    pages = []
    for number, png in enumerate(render_text_pages(text, folder), start=1):
        page = read_image(png, _sha(png.read_bytes()))[0].pages[0]
        pages.append(PageText(number, page.text, "ocr", page.confidence))
    return Extraction(path.name, _sha(text.encode()), "image", tuple(pages))


def _prepare(extraction: Extraction, *, actor: str) -> PreparedDocument:
    from pledgetrack.engine.text.prepare import prepare_document

    return prepare_document(extraction, actor=actor, name=extraction.file)
