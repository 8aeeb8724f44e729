"""Word-by-word merge of the kor and kor+eng readings, and the box rules for "AI" and bullets.

The TSV here is written by hand in Tesseract's format; boxes are (left, top, width, height).
The sentences are 예시 (illustrative), not any party's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from pledgetrack.engine.ingest.ocr_merge import merge_readings, parse_tsv, place_words

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
Word = tuple[str, int, int, int, int, float]  # text, left, top, width, height, confidence


def tsv(*lines: Sequence[Word]) -> str:
    rows = [HEADER]
    for number, line in enumerate(lines, 1):
        for index, (text, left, top, width, height, conf) in enumerate(line, 1):
            rows.append(f"5\t1\t1\t1\t{number}\t{index}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(rows)


# "에너지 기반 RE100 단지" read by kor as "에너지 기반 ㅁㄷ100 단지"
KOR_LINE: list[Word] = [
    ("에", 0, 0, 30, 40, 93),
    ("너", 32, 0, 30, 40, 93),
    ("지", 64, 0, 30, 40, 93),
    ("기", 114, 0, 30, 40, 93),
    ("반", 146, 0, 30, 40, 93),
    ("ㅁㄷ100", 196, 2, 120, 36, 40),
    ("단", 336, 0, 30, 40, 93),
    ("지", 368, 0, 30, 40, 93),
]
KOR_TEXT = "에너지 기반 ㅁㄷ100 단지\n"


def test_latin_word_replaces_a_non_hangul_kor_reading_under_its_box() -> None:
    mixed = tsv([("에너지", 0, 0, 94, 40, 90), ("기반", 114, 0, 62, 40, 90), ("RE100", 196, 2, 120, 36, 91)])
    assert merge_readings(KOR_TEXT, tsv(KOR_LINE), mixed) == "에너지 기반 RE100 단지\n"


def test_uppercase_junk_over_confident_hangul_is_ignored() -> None:
    mixed = tsv([("HANS", 0, 0, 94, 40, 60), ("기반", 114, 0, 62, 40, 90), ("RE100", 196, 2, 120, 36, 91)])
    assert merge_readings(KOR_TEXT, tsv(KOR_LINE), mixed) == "에너지 기반 RE100 단지\n"


def test_lone_or_lowercase_or_unsure_latin_is_not_merged() -> None:
    for word in (("R", 196, 2, 120, 36, 91), ("re", 196, 2, 120, 36, 91), ("RE100", 196, 2, 120, 36, 20)):
        assert merge_readings(KOR_TEXT, tsv(KOR_LINE), tsv([word])) == KOR_TEXT


def test_digits_padded_with_letters_are_not_merged() -> None:
    kor = tsv([("앞", 0, 0, 30, 40, 93), ("10", 50, 2, 40, 36, 90), ("분", 92, 0, 30, 40, 93)])
    mixed = tsv([("앞", 0, 0, 30, 40, 93), ("10H", 50, 2, 50, 36, 80), ("분", 102, 0, 30, 40, 93)])
    assert merge_readings("앞 10분\n", kor, mixed) == "앞 10분\n"


def test_wide_low_si_is_ai_but_a_narrow_si_stays() -> None:
    line: list[Word] = [
        ("시", 0, 6, 34, 34, 96),  # AI: as wide as tall, lower than the Hangul
        ("연", 54, 0, 30, 40, 93),
        ("계", 86, 0, 30, 40, 93),
        ("도", 136, 0, 30, 40, 93),
        ("시", 168, 0, 26, 40, 93),  # the syllable 시 in 도시
    ]
    assert merge_readings("시 연계 도시\n", tsv(line)) == "AI 연계 도시\n"


def test_small_square_first_letter_is_a_bullet_but_an_opening_quote_is_not() -> None:
    bullet = [("를", 0, 8, 25, 25, 40), ("서", 50, 0, 30, 40, 93), ("울", 82, 0, 30, 40, 93)]
    assert merge_readings("를 서울\n", tsv(bullet)) == "■ 서울\n"
    quote = [("'", 0, 8, 25, 25, 40), ("서", 50, 0, 30, 40, 93), ("울", 82, 0, 30, 40, 93)]
    assert merge_readings("' 서울\n", tsv(quote)) == "' 서울\n"
    wrapped = [("를", 0, 0, 30, 40, 93), ("구", 50, 0, 30, 40, 93), ("축", 82, 0, 30, 40, 93)]
    assert merge_readings("를 구축\n", tsv(wrapped)) == "를 구축\n"


def test_words_are_placed_in_the_text_in_order() -> None:
    lines = tsv([("가", 0, 0, 1, 1, 90), ("나", 2, 0, 1, 1, 90)], [("가", 0, 5, 1, 1, 90)])
    words = place_words("가 나\n가", parse_tsv(lines))
    assert [w.start for w in words] == [0, 2, 4]
    assert place_words("가", parse_tsv(tsv([("다", 0, 0, 1, 1, 90)])))[0].start == -1
