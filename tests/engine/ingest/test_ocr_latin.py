"""Acronyms from the ``eng`` reading with character boxes, spliced into the ``kor`` reading.

The TSV and hOCR here are written by hand in Tesseract's formats (kor word boxes; eng character
boxes). Capitals are 30 px high on a line whose Hangul is 40 px; junk Latin that eng reads for
Hangul is as tall as the Hangul. The sentences are 예시 (illustrative), not any party's words.
"""

from __future__ import annotations

import pytest

from pledgetrack.engine.ingest.ocr import OcrOptions, ocr_image
from pledgetrack.engine.ingest.ocr_latin import known_acronyms, parse_hocr_chars
from pledgetrack.engine.ingest.ocr_merge import merge_readings
from tests.engine.ingest.render import render_page
from tests.engine.ingest.test_ocr_merge import tsv

Char = tuple[str, int, int, int, int, float]  # text, left, top, right, bottom, confidence


def hocr(*words: list[Char]) -> str:
    spans = []
    for number, chars in enumerate(words, 1):
        inner = "".join(
            f"<span class='ocrx_cinfo' title='x_bboxes {left} {top} {right} {bottom}; x_conf {conf}'>{text}</span>"
            for text, left, top, right, bottom, conf in chars
        )
        spans.append(f"<span class='ocrx_word' id='word_1_{number}' title='bbox 0 0 1 1; x_wconf 90'>{inner}</span>")
    return ("<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body>"
            f"<div class='ocr_page'><span class='ocr_line'>{''.join(spans)}</span></div></body></html>")


# "경주 SMR 산업" read by kor as "경주 5078 산업"
KOR = tsv([("경주", 0, 0, 62, 40, 95), ("5078", 80, 5, 60, 30, 13), ("산업", 160, 0, 62, 40, 95)])
KOR_TEXT = "경주 5078 산업\n"


def test_hocr_characters_are_parsed_per_word() -> None:
    words = parse_hocr_chars(hocr([("S", 80, 5, 98, 35, 99.0), ("M", 100, 5, 120, 35, 99.0)]))
    assert [[c.text for c in w] for w in words] == [["S", "M"]]
    assert words[0][1].box == (100, 5, 120, 35) and words[0][1].confidence == 99.0


def test_a_listed_acronym_lower_than_hangul_replaces_the_junk_under_it() -> None:
    eng = hocr([("S", 80, 5, 98, 35, 99), ("M", 100, 5, 120, 35, 99), ("R", 122, 5, 140, 35, 99)])
    assert merge_readings(KOR_TEXT, KOR, eng_hocr=eng) == "경주 SMR 산업\n"


def test_junk_as_tall_as_hangul_is_not_taken() -> None:
    eng = hocr([("S", 80, 0, 98, 40, 99), ("M", 100, 0, 120, 40, 99), ("R", 122, 0, 140, 40, 99)])
    assert merge_readings(KOR_TEXT, KOR, eng_hocr=eng) == KOR_TEXT


def test_confident_hangul_under_the_run_stays() -> None:
    kor = tsv([("경주", 0, 0, 62, 40, 95), ("수도", 80, 0, 60, 40, 93), ("산업", 160, 0, 62, 40, 95)])
    eng = hocr([("S", 80, 5, 98, 35, 99), ("M", 100, 5, 120, 35, 99), ("R", 122, 5, 140, 35, 99)])
    assert merge_readings("경주 수도 산업\n", kor, eng_hocr=eng) == "경주 수도 산업\n"


def test_an_unlisted_two_letter_run_is_not_taken() -> None:
    assert "EA" not in known_acronyms()
    eng = hocr([("E", 80, 5, 98, 35, 99), ("A", 100, 5, 120, 35, 99)])
    assert merge_readings(KOR_TEXT, KOR, eng_hocr=eng) == KOR_TEXT


def test_letters_of_uneven_height_are_not_one_acronym() -> None:
    eng = hocr([("S", 80, 5, 98, 35, 99), ("M", 100, 14, 120, 35, 99), ("R", 122, 5, 140, 35, 99)])
    assert merge_readings(KOR_TEXT, KOR, eng_hocr=eng) == KOR_TEXT


def test_an_o_after_a_digit_is_a_zero() -> None:
    kor = tsv([("경주", 0, 0, 62, 40, 95), ("ㄷ100", 80, 5, 60, 30, 81), ("산업", 160, 0, 62, 40, 95)])
    eng = hocr([(ch, 80 + 12 * i, 5, 90 + 12 * i, 35, 98) for i, ch in enumerate("RE1OO")])
    assert merge_readings("경주 ㄷ100 산업\n", kor, eng_hocr=eng) == "경주 RE100 산업\n"


def test_digits_read_as_letters_do_not_replace_a_number() -> None:
    kor = tsv([("경주", 0, 0, 62, 40, 95), ("0(00", 80, 5, 60, 30, 52), ("산업", 160, 0, 62, 40, 95)])
    eng = hocr([("O", 80, 5, 98, 35, 98), ("O", 100, 5, 120, 35, 98), ("O", 122, 5, 140, 35, 98)])
    assert merge_readings("경주 0(00 산업\n", kor, eng_hocr=eng) == "경주 0(00 산업\n"


@pytest.mark.ocr
@pytest.mark.slow
def test_acronyms_in_korean_lines_are_read_end_to_end() -> None:
    image = render_page("경주 SMR 산업단지와 RE100 산업단지, GPU 1만장\n5대 전략산업 육성과 3대 혁신 과제")
    text = ocr_image(image, OcrOptions(workers=1), label="1쪽").text
    for acronym in ("SMR", "RE100", "GPU"):  # kor alone reads "94", "(ㄷ100" and "664" (measured)
        assert acronym in text, text
    assert "5대" in text and "3대" in text, text  # digit-led Korean words are left alone
