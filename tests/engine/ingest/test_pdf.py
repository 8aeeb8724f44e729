"""PDF reader: text layer, reading order, the usable-text check, OCR fallback, broken files."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from pledgetrack.engine.errors import DocumentError, EncryptedDocumentError
from pledgetrack.engine.ingest import pdf as pdf_module
from pledgetrack.engine.ingest.ocr import OcrOptions
from pledgetrack.engine.ingest.pdf import read_pdf, text_layer_usable
from tests.engine.ingest.render import render_image_pdf, render_page, render_text_pdf
from tests.engine.ingest.samples import PLEDGE_PAGES, char_accuracy, squash

REAL_PDF = "real-2025/docs/더불어민주당/21대대선_더불어민주당_광역공약_20250528.pdf"
A4 = 595.0 * 842.0
LEFT = "첫째, 미래차 국가산업단지를 조성하여 부품 기업을 돕겠습니다. 둘째, 달빛철도를 임기 안에 착공하겠습니다."
RIGHT = "셋째, 아시아문화전당의 위상을 높이겠습니다. 넷째, 영산강 수변 공간을 시민에게 돌려드리겠습니다."


def test_text_layer_pages_are_read_as_text_with_progress(tmp_path: Path) -> None:
    path = render_text_pdf(list(PLEDGE_PAGES), tmp_path / "예시.pdf")
    seen: list[tuple[int, int]] = []
    [extraction] = read_pdf(path, "abc", progress=lambda done, total: seen.append((done, total)))
    assert (extraction.file, extraction.sha256, extraction.format) == ("예시.pdf", "abc", "pdf")
    assert [p.page for p in extraction.pages] == [1, 2]
    assert {p.method for p in extraction.pages} == {"text"}
    for expected, page in zip(PLEDGE_PAGES, extraction.pages, strict=True):
        assert squash(page.text) == squash(expected)
    assert seen == [(1, 2), (2, 2)]


def test_two_columns_written_row_by_row_are_read_column_by_column(tmp_path: Path) -> None:
    path = render_text_pdf([(LEFT, RIGHT)], tmp_path / "two.pdf", row_by_row=True, header="예시 공약집")
    page = pdfium.PdfDocument(path)[0]
    plain = page.get_textpage().get_text_range()
    assert squash(LEFT) not in squash(plain)  # pdfium's own order interleaves the columns
    [extraction] = read_pdf(path, "x")
    text = squash(extraction.pages[0].text)
    assert text == squash("예시 공약집" + LEFT + RIGHT)


def test_single_column_keeps_pdfium_order(tmp_path: Path) -> None:
    path = render_text_pdf([LEFT + "\n" + RIGHT], tmp_path / "one.pdf")
    [extraction] = read_pdf(path, "x")
    assert squash(extraction.pages[0].text) == squash(LEFT + RIGHT)


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("", False),
        ("이제부터 진짜 대한민국\n회복·성장·행복으로 국민통합", False),  # a running header only
        (LEFT + RIGHT, True),
        ("\ue000\ue001\ue002\ue003" * 40 + LEFT, False),  # private-use glyphs (broken font map)
        ("Regional pledges for all seventeen regions. " * 12, True),  # non-Korean prose
    ],
)
def test_text_layer_usable(text: str, usable: bool) -> None:
    assert text_layer_usable(text, A4) is usable


def test_encrypted_pdf_says_so(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(300, 300)
    writer.encrypt("비밀")
    path = tmp_path / "잠김.pdf"
    writer.write(path)
    with pytest.raises(EncryptedDocumentError, match=r"'잠김\.pdf'.*암호"):
        read_pdf(path, "x")


def test_truncated_pdf_is_a_document_error_naming_the_file(tmp_path: Path) -> None:
    whole = render_text_pdf(list(PLEDGE_PAGES), tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "잘림.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(DocumentError, match=r"'잘림\.pdf'"):
        read_pdf(path, "x")


def test_a_failing_page_becomes_a_warning_and_the_rest_go_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = render_text_pdf([*PLEDGE_PAGES, LEFT], tmp_path / "예시.pdf")
    real = pdf_module._read_page

    def flaky(document: pdfium.PdfDocument, index: int, options: OcrOptions) -> object:
        if index == 1:
            raise pdfium.PdfiumError("broken page")
        return real(document, index, options)

    monkeypatch.setattr(pdf_module, "_read_page", flaky)
    [extraction] = read_pdf(path, "x")
    assert [p.page for p in extraction.pages] == [1, 2, 3]
    assert extraction.pages[1].text == ""
    assert len(extraction.warnings) == 1 and "2쪽" in extraction.warnings[0]
    assert squash(extraction.pages[2].text) == squash(LEFT)


def test_missing_tesseract_is_a_clear_error_for_image_pages(tmp_path: Path) -> None:
    path = render_image_pdf(PLEDGE_PAGES[:1], tmp_path / "스캔.pdf", dpi=72)
    with pytest.raises(DocumentError, match="apt-get install tesseract-ocr"):
        read_pdf(path, "x", options=OcrOptions(binary="no-such-tesseract-binary"))


@pytest.mark.ocr
def test_image_only_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    path = render_image_pdf(list(PLEDGE_PAGES), tmp_path / "스캔.pdf", dpi=200)
    [extraction] = read_pdf(path, "x")
    assert [p.method for p in extraction.pages] == ["ocr", "ocr"]
    for expected, page in zip(PLEDGE_PAGES, extraction.pages, strict=True):
        assert char_accuracy(expected, page.text) >= 0.98
        assert page.confidence is not None


@pytest.mark.ocr
def test_page_with_only_a_text_header_over_an_image_goes_to_ocr(tmp_path: Path) -> None:
    from fpdf import FPDF

    image = io.BytesIO()
    render_page(PLEDGE_PAGES[0], dpi=200).save(image, format="PNG")
    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("nanum", "", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
    pdf.set_font("nanum", size=9)
    pdf.add_page()
    pdf.text(40, 30, "이제부터 진짜 대한민국 회복·성장·행복으로 국민통합")
    pdf.image(image, x=0, y=40, w=595)
    path = tmp_path / "머리말만.pdf"
    pdf.output(str(path))
    [extraction] = read_pdf(path, "x")
    assert extraction.pages[0].method == "ocr"
    expected = "이제부터 진짜 대한민국 회복·성장·행복으로 국민통합\n" + PLEDGE_PAGES[0]
    assert char_accuracy(expected, extraction.pages[0].text) >= 0.95


def _mixed_pdf(path: Path, *, with_image: bool = True) -> Path:
    """A page with a real text paragraph (PLEDGE_PAGES[0]) and, below it, an image of text."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="pt")
    pdf.add_font("nanum", "", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
    pdf.set_font("nanum", size=11)
    pdf.add_page()
    for number, line in enumerate(PLEDGE_PAGES[0].splitlines()):
        pdf.text(56, 60 + number * 18, line)
    image = io.BytesIO()
    page = render_page(PLEDGE_PAGES[1], dpi=200)
    (page.crop((0, 0, page.width, 900)) if with_image else page.crop((0, 0, 40, 40))).save(image, format="PNG")
    pdf.image(image, x=0, y=200, w=595 if with_image else 12)
    pdf.output(str(path))
    return path


def test_text_layer_coverage_tells_a_mixed_page_from_a_text_page(tmp_path: Path) -> None:
    from pledgetrack.engine.ingest.pdf_coverage import text_layer_partial, uncovered_ink

    text_only = pdfium.PdfDocument(render_text_pdf(list(PLEDGE_PAGES), tmp_path / "글자.pdf"))[0]
    assert uncovered_ink(text_only, text_only.get_textpage())[0] == 0
    mixed = pdfium.PdfDocument(_mixed_pdf(tmp_path / "섞임.pdf"))[0]
    assert text_layer_usable(page_text_of(mixed), A4)
    assert text_layer_partial(mixed, mixed.get_textpage())
    blank_image = pdfium.PdfDocument(_mixed_pdf(tmp_path / "빈그림.pdf", with_image=False))[0]
    assert not text_layer_partial(blank_image, blank_image.get_textpage())


def page_text_of(page: pdfium.PdfPage) -> str:
    return str(page.get_textpage().get_text_range())


@pytest.mark.ocr
def test_page_with_a_text_paragraph_and_an_image_of_text_goes_to_ocr(tmp_path: Path) -> None:
    [extraction] = read_pdf(_mixed_pdf(tmp_path / "섞임.pdf"), "x")
    page = extraction.pages[0]
    assert page.method == "ocr"
    text = squash(page.text)
    assert squash(PLEDGE_PAGES[0].splitlines()[1]) in text  # from the text layer's drawing
    assert squash(PLEDGE_PAGES[1].splitlines()[1]) in text  # from the image


@pytest.mark.slow
@pytest.mark.ocr
def test_real_pledge_book_goes_to_ocr_and_the_gwangju_page_is_read(shared_data: Path) -> None:
    path = shared_data / REAL_PDF
    [extraction] = read_pdf(path, "x")
    assert len(extraction.pages) == 18
    assert {p.method for p in extraction.pages} == {"ocr"}
    [gwangju] = [p for p in extraction.pages if "광주천" in p.text]
    text = squash(gwangju.text)
    for line in (
        "AI국가시범도시조성을추진하겠습니다",
        "대한민국대표모빌리티도시",
        "아시아문화중심도시3.0시대",
    ):
        assert line in text
    assert "광주" in text and not extraction.warnings
