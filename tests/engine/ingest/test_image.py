"""Image reader (PNG, JPEG, WebP) by OCR, and the real 개혁신당 광주 card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.image import load_image, read_image
from tests.engine.ingest.render import render_text_image
from tests.engine.ingest.samples import PLEDGE_PAGES, char_accuracy, char_recall, squash

GWANGJU_CARD = "real-2025/docs/개혁신당/광주.png"
# Titles read off the card by eye (see the report): the three pledges on the 광주 card.
GWANGJU_TITLES = ("5·18 정신 헌법 전문 수록", "달빛고속철도 조기착공", "복합쇼핑몰 추진 지원")
GWANGJU_DETAILS = (
    "헌법에 5·18 광주 민주화 운동을 헌법 전문에 수록하여 빛고을 광주 정신 명문화",
    "광주-대구간 달빛 고속철도의 조기착공 지원",
    "복합쇼핑몰 더현대 광주의 패스트트랙 도입으로 규제 완화",
)


@pytest.mark.ocr
@pytest.mark.parametrize("suffix", [".png", ".jpg", ".webp"])
def test_rendered_image_is_read_at_least_98_percent_right(tmp_path: Path, suffix: str) -> None:
    path = render_text_image(PLEDGE_PAGES[1], tmp_path / f"카드{suffix}", dpi=200)
    seen: list[tuple[int, int]] = []
    [extraction] = read_image(path, "abc", progress=lambda done, total: seen.append((done, total)))
    assert (extraction.format, extraction.sha256, seen) == ("image", "abc", [(1, 1)])
    [page] = extraction.pages
    assert (page.page, page.method) == (1, "ocr")
    assert char_accuracy(PLEDGE_PAGES[1], page.text) >= 0.98


def test_stated_dpi_is_kept_and_screen_defaults_ignored(tmp_path: Path) -> None:
    Image.new("RGB", (50, 50), "white").save(tmp_path / "a.png", dpi=(300, 300))
    Image.new("RGB", (50, 50), "white").save(tmp_path / "b.png", dpi=(72, 72))
    assert load_image(tmp_path / "a.png")[1] == pytest.approx(300, abs=1)
    assert load_image(tmp_path / "b.png")[1] is None


def test_corrupt_image_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "깨짐.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(DocumentError, match=r"'깨짐\.png'"):
        read_image(path, "x")


def test_unsupported_image_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "움짤.gif"
    Image.new("P", (20, 20)).save(path)
    with pytest.raises(DocumentError, match="GIF"):
        read_image(path, "x")


@pytest.mark.slow
@pytest.mark.ocr
def test_real_gwangju_card_recovers_every_pledge_title(shared_data: Path) -> None:
    [extraction] = read_image(shared_data / GWANGJU_CARD, "x")
    text = squash(extraction.pages[0].text)
    for title in GWANGJU_TITLES:
        assert squash(title) in text
    lines = extraction.pages[0].text.splitlines()
    for detail in GWANGJU_DETAILS:
        assert max(char_recall(detail, line) for line in lines) >= 0.9
