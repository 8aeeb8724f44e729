"""HTML → PDF through headless Chromium's ``--print-to-pdf`` (Debian: ``apt-get install chromium``).

The HTML is written to a fresh temporary folder together with a throw-away browser profile;
Chromium gets a virtual-time budget so that the plotly charts are drawn before printing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pledgetrack.engine.errors import ConfigurationError, PledgetrackError

CHROMIUM_ENV = "PLEDGETRACK_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
PRINT_WIDTH_PX = 1000  # layout width while the charts are drawn (A4 content width scaled to fit)
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--no-pdf-header-footer",
    "--print-to-pdf-no-header",
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=10000",
    f"--window-size={PRINT_WIDTH_PX},1400",
)


class PdfRenderError(PledgetrackError):
    """Chromium ran but did not produce a PDF."""


def find_chromium(chromium: str | None = None) -> str:
    """The Chromium executable: the argument if given, else $PLEDGETRACK_CHROMIUM if set, else one on PATH."""
    wanted = chromium or os.environ.get(CHROMIUM_ENV)
    candidates = (wanted,) if wanted else CHROMIUM_NAMES
    for candidate in candidates:
        if found := shutil.which(candidate):
            return found
    named = f" ('{wanted}'을(를) 찾지 못했습니다)" if wanted else ""
    raise ConfigurationError(
        f"PDF를 만들 Chromium이 없습니다{named}. PDF 보고서는 헤드리스 Chromium으로 인쇄합니다. "
        "Debian/Ubuntu에서는 'sudo apt-get install chromium fonts-nanum'으로 설치하거나, "
        f"설치된 브라우저 경로를 {CHROMIUM_ENV} 환경 변수로 알려 주세요. "
        "PDF 대신 HTML 보고서를 만들어 브라우저에서 인쇄할 수도 있습니다."
    )


def _command(executable: str, page: Path, out: Path, profile: Path) -> list[str]:
    return [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}", page.as_uri()]


def _run(command: list[str], timeout_s: float) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        raise PdfRenderError(
            f"PDF 인쇄가 {timeout_s:g}초 안에 끝나지 않았습니다 (Chromium 응답 없음). "
            "보고서가 매우 크면 timeout_s를 늘리거나, 다른 Chromium 작업이 끝난 뒤 다시 시도해 주세요."
        ) from None


def html_to_pdf(html: str, out: Path, *, chromium: str | None = None, timeout_s: float = 120) -> None:
    """Print ``html`` (a whole document) to the PDF file ``out`` with headless Chromium."""
    executable = find_chromium(chromium)
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="pledgetrack-pdf-") as tmp:
        folder = Path(tmp)
        page, printed = folder / "report.html", folder / "report.pdf"
        page.write_text(html, encoding="utf-8")
        result = _run(_command(executable, page, printed, folder / "profile"), timeout_s)
        if not printed.is_file() or printed.read_bytes()[:5] != b"%PDF-":
            detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise PdfRenderError(
                f"Chromium이 PDF를 만들지 못했습니다 (종료 코드 {result.returncode}: {' / '.join(detail)}). "
                "Chromium이 제대로 설치되었는지 'chromium --version'으로 확인해 주세요."
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(printed, out)
