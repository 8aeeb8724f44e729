"""OCR with Tesseract: one single-threaded ``tesseract`` process per page, a few in parallel.

Tesseract's own OpenMP threading is slow on small machines, so every process runs with
``OMP_THREAD_LIMIT=1`` and a small thread pool (threads only wait on the processes)
keeps one process per core busy. Output is TSV, which gives word confidences (to pick
the page-segmentation mode per page) and the line structure to rebuild the text.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from PIL import Image, ImageOps

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.ocr_merge import merge_readings

INSTALL_HINT = "Tesseract와 한국어 데이터를 설치해 주세요: apt-get install tesseract-ocr tesseract-ocr-kor"
A4_SHORT_SIDE_INCHES = 8.27
T = TypeVar("T")


@dataclass(frozen=True)
class OcrOptions:
    """How to run Tesseract. ``workers=0`` means one process per CPU core.

    Each page is read with ``languages`` in the first ``psm``; the next psm (and each
    ``alt_languages`` entry) is tried only while the best mean word confidence is below
    ``good_enough`` (0–1; 0 tries them all); a later reading replaces the first only when
    its confidence is higher by ``layout_margin`` (psm 6 read the real pages best, measured).
    ``try_layouts=False`` reads once. With ``merge_languages`` the page is read a second
    time in those languages (same psm) and its Latin words are merged into the first
    reading (``ocr_merge``): ``kor`` reads Korean best, ``kor+eng`` reads RE100, SOC, UAM.
    """

    dpi: int = 300
    languages: str = "kor"
    psm: tuple[int, ...] = (6, 4)
    try_layouts: bool = True
    alt_languages: tuple[str, ...] = ()
    good_enough: float = 0.9
    layout_margin: float = 0.03
    merge_languages: str = "eng"
    timeout_s: float = 180.0
    workers: int = 0
    binarize: bool = False
    correct: bool = True
    binary: str = "tesseract"

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


@dataclass(frozen=True)
class OcrPage:
    """The OCR result of one page. ``confidence`` is Tesseract's mean word confidence (0–1)."""

    text: str
    confidence: float | None
    psm: int
    seconds: float
    warning: str = ""


@lru_cache(maxsize=8)
def _installed_languages(binary: str) -> frozenset[str]:
    done = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    lines = (done.stdout + done.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def check_tesseract(options: OcrOptions, file: str) -> None:
    """Raise a ``DocumentError`` with the fix when the binary or a language is missing."""
    if shutil.which(options.binary) is None:
        raise DocumentError("OCR 프로그램(tesseract)이 없습니다", file=file, hint=INSTALL_HINT)
    specs = (options.languages, *options.alt_languages, options.merge_languages)
    wanted = {lang for spec in specs if spec for lang in spec.split("+")}
    missing = wanted - _installed_languages(options.binary)
    if missing:
        names = ", ".join(sorted(missing))
        raise DocumentError(f"OCR 언어 데이터가 없습니다: {names}", file=file, hint=INSTALL_HINT)


def prepare_image(image: Image.Image, options: OcrOptions, source_dpi: float | None = None) -> Image.Image:
    """Grayscale; upscale small images (to about ``options.dpi``); optional Otsu-like binarisation."""
    gray = ImageOps.grayscale(image) if image.mode != "L" else image
    scale = _upscale_factor(gray, options.dpi, source_dpi)
    if scale > 1.0:
        size = (round(gray.width * scale), round(gray.height * scale))
        gray = gray.resize(size, Image.Resampling.LANCZOS)
    if options.binarize:
        gray = gray.point(lambda v: 255 if v > 160 else 0)
    return gray


def _upscale_factor(image: Image.Image, dpi: int, source_dpi: float | None) -> float:
    if source_dpi:
        return min(dpi / source_dpi, 4.0)
    # No resolution known (screen images, cards): treat the short side as an A4 page's.
    equivalent_dpi = min(image.size) / A4_SHORT_SIDE_INCHES
    return min(dpi / equivalent_dpi, 2.0) if equivalent_dpi < dpi * 0.75 else 1.0


def _tiff_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="TIFF")
    return buffer.getvalue()


def run_tesseract(data: bytes, psm: int, options: OcrOptions, *, char_boxes: bool = False) -> tuple[str, str]:
    """One ``tesseract`` run writing both ``txt`` and ``tsv``; returns (text, tsv), or with
    ``char_boxes`` (text, hOCR with a box for every character).

    The text is Tesseract's own (it knows where the spaces between Korean words are; TSV
    splits Korean into syllable "words"); the TSV gives the word confidences.
    Raises ``subprocess.TimeoutExpired`` and ``RuntimeError``.
    """
    with tempfile.TemporaryDirectory(prefix="pledgetrack-ocr-") as folder:
        base = Path(folder) / "page"
        source = base.with_suffix(".tif")
        source.write_bytes(data)
        command = [options.binary, str(source), str(base), "-l", options.languages, "--psm", str(psm)]
        command += ["--dpi", str(options.dpi)]
        command += ["-c", "hocr_char_boxes=1", "txt", "hocr"] if char_boxes else ["txt", "tsv"]
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        done = subprocess.run(command, capture_output=True, timeout=options.timeout_s, env=env, check=False)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[-300:])
        text = base.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        second = base.with_suffix(".hocr" if char_boxes else ".tsv")
        return text, second.read_text(encoding="utf-8", errors="replace")


def mean_confidence(tsv: str) -> float | None:
    """Mean confidence (0–1) of the recognised words in Tesseract TSV, weighted by length."""
    weighted, weight = 0.0, 0
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        confidence = float(cells[10])
        if confidence >= 0:
            weighted += confidence * len(cells[11].strip())
            weight += len(cells[11].strip())
    return weighted / weight / 100.0 if weight else None


def clean_text(text: str) -> str:
    """Strip trailing spaces and form feeds; keep at most one blank line between blocks."""
    lines = [line.rstrip() for line in text.replace("\f", "\n").splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def ocr_image(image: Image.Image, options: OcrOptions, *, label: str, source_dpi: float | None = None) -> OcrPage:
    """OCR one image, trying each layout in ``options.psm`` and keeping the most confident."""
    return ocr_prepared(to_ocr_bytes(image, options, source_dpi), options, label=label)


def layouts(options: OcrOptions) -> list[tuple[str, int]]:
    """The (languages, psm) pairs to try: all of them with ``try_layouts``, else the first."""
    pairs = [(languages, psm) for languages in (options.languages, *options.alt_languages) for psm in options.psm]
    return pairs if options.try_layouts else pairs[:1]


def ocr_prepared(data: bytes, options: OcrOptions, *, label: str) -> OcrPage:
    """OCR prepared TIFF bytes: the most confident layout, then the merge pass (see ``OcrOptions``)."""
    started = time.perf_counter()
    try:
        raw, tsv, confidence, psm = _best_layout(data, options)
        text = _merged(data, raw, tsv, psm, options)
    except subprocess.TimeoutExpired:
        warning = f"{label}: OCR이 {options.timeout_s:g}초 안에 끝나지 않아 건너뛰었습니다"
        return OcrPage("", None, options.psm[0], time.perf_counter() - started, warning)
    except RuntimeError as error:
        return OcrPage("", None, options.psm[0], time.perf_counter() - started, f"{label}: OCR 실패 ({error})")
    return OcrPage(clean_text(text), confidence, psm, time.perf_counter() - started)


def _best_layout(data: bytes, options: OcrOptions) -> tuple[str, str, float | None, int]:
    """(text, tsv, confidence, psm) of the most confident reading among ``layouts(options)``."""
    best: tuple[str, str, float | None, int] | None = None
    for languages, psm in layouts(options):
        raw, tsv = run_tesseract(data, psm, replace(options, languages=languages))
        confidence = mean_confidence(tsv)
        if best is None or (confidence or 0.0) > (best[2] or 0.0) + options.layout_margin:
            best = (raw, tsv, confidence, psm)
        if (best[2] or 0.0) >= options.good_enough > 0:
            break
    assert best is not None
    return best


def _merged(data: bytes, raw: str, tsv: str, psm: int, options: OcrOptions) -> str:
    """The reading with the second reading's Latin merged in: acronyms from ``eng`` read with
    character boxes (``ocr_latin``), or Latin words from a mixed set such as ``kor+eng`` (``ocr_merge``)."""
    second = options.merge_languages
    if not second or second == options.languages:
        return merge_readings(raw, tsv)
    if second == "eng":
        _, hocr = run_tesseract(data, psm, replace(options, languages=second), char_boxes=True)
        return merge_readings(raw, tsv, eng_hocr=hocr)
    _, mixed_tsv = run_tesseract(data, psm, replace(options, languages=second))
    return merge_readings(raw, tsv, mixed_tsv)


@dataclass(frozen=True)
class OcrJob:
    """A page prepared for OCR: uncompressed TIFF bytes (see ``to_ocr_bytes``) and a label for warnings."""

    label: str
    data: bytes


def to_ocr_bytes(image: Image.Image, options: OcrOptions, source_dpi: float | None = None) -> bytes:
    """Prepare an image for OCR as uncompressed TIFF (cheap to write; Tesseract reads a file of
    it faster than PNM from stdin, measured)."""
    return _tiff_bytes(prepare_image(image, options, source_dpi))


def ocr_many(items: Iterable[OcrJob | T], options: OcrOptions) -> Iterator[OcrPage | T]:
    """OCR the ``OcrJob`` items in parallel and pass other items through, keeping their order.

    ``items`` is consumed lazily in the caller's thread (PDF rendering is not thread-safe),
    and at most ``2 × workers`` pages wait at once, so memory stays bounded.
    """
    workers = options.worker_count()
    pending: deque[Future[OcrPage] | T] = deque()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for item in items:
            if len(pending) >= 2 * workers:
                yield _resolve(pending.popleft())
            if isinstance(item, OcrJob):
                pending.append(pool.submit(ocr_prepared, item.data, options, label=item.label))
            else:
                pending.append(item)
        while pending:
            yield _resolve(pending.popleft())


def _resolve(entry: Future[OcrPage] | T) -> OcrPage | T:
    return entry.result() if isinstance(entry, Future) else entry
