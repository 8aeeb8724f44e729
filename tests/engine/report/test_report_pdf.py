"""PDF printing through headless Chromium (예시 자료). The real print is slow-marked."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_sample import make_input

from pledgetrack.engine.errors import ConfigurationError, PledgetrackError
from pledgetrack.engine.report.exports import write_report
from pledgetrack.engine.report.html import render_html
from pledgetrack.engine.report.pdf import CHROMIUM_ENV, PdfRenderError, find_chromium, html_to_pdf

needs_chromium = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def test_missing_chromium_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(CHROMIUM_ENV, raising=False)
    with pytest.raises(ConfigurationError) as info:
        html_to_pdf("<p>예시</p>", tmp_path / "out.pdf")
    message = str(info.value)
    assert "Chromium" in message and "apt-get install chromium" in message and CHROMIUM_ENV in message
    assert isinstance(info.value, PledgetrackError)
    assert not (tmp_path / "out.pdf").exists()


def test_named_chromium_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="없는-브라우저"):
        find_chromium(str(tmp_path / "없는-브라우저"))


def test_browser_that_prints_nothing_is_an_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake-chromium"
    fake.write_text("#!/bin/sh\necho 'no display' >&2\nexit 3\n")
    fake.chmod(0o755)
    with pytest.raises(PdfRenderError, match="종료 코드 3: no display"):
        html_to_pdf("<p>예시</p>", tmp_path / "out.pdf", chromium=str(fake))


@pytest.mark.slow
@needs_chromium
@needs_poppler
def test_pdf_has_korean_text_and_all_actors(tmp_path: Path) -> None:
    data = make_input()
    out = write_report(data, tmp_path / "보고서.pdf")
    assert out.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for actor in data.actors:
        assert actor in text
    for label in ("반영", "부분반영", "미반영", "미판정", "검토 필요"):
        assert label in text
    assert "광주의 제안 반영 현황 (예시)" in text
    assert "a32b57e22286851223588861ad84978ae77200e2d0ad33fdedcf497d691f9fca" in text.replace(" ", "")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Nanum" in fonts  # Korean glyphs came from an embedded Korean font


@pytest.mark.slow
@needs_chromium
def test_html_to_pdf_directly(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "direct.pdf"
    html_to_pdf(render_html(make_input(events=())), out, timeout_s=120)
    assert out.stat().st_size > 10_000
