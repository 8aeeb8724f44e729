"""OCR runner (Tesseract) and post-OCR lexicon correction."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest import ocr
from pledgetrack.engine.ingest.ocr import (
    OcrJob,
    OcrOptions,
    OcrPage,
    check_tesseract,
    clean_text,
    layouts,
    mean_confidence,
    ocr_image,
    ocr_many,
    prepare_image,
)
from pledgetrack.engine.ingest.ocr_correct import (
    build_lexicon,
    correct_text,
    default_lexicon,
    find_corrections,
    misread_forms,
    parse_lexicon,
)
from tests.engine.ingest.render import render_page
from tests.engine.ingest.samples import PLEDGE_PAGES, char_accuracy, squash
from tests.engine.ingest.truth import char_accuracy as truth_char_accuracy
from tests.engine.ingest.truth import load_truth, read_cases, word_recall

TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90.0\t광주\n"
    "5\t1\t1\t1\t1\t2\t12\t0\t10\t10\t60.0\tAI\n"
    "5\t1\t1\t1\t1\t3\t24\t0\t10\t10\t-1\t \n"
)


def test_mean_confidence_weights_words_by_length() -> None:
    assert mean_confidence(TSV) == pytest.approx(0.75)
    assert mean_confidence(TSV.splitlines()[0]) is None


def test_clean_text_drops_form_feeds_and_repeated_blank_lines() -> None:
    assert clean_text("가나  \n\n\n\n다라\f") == "가나\n\n다라"


def test_layouts_tries_every_psm_and_language_only_when_asked() -> None:
    options = OcrOptions(psm=(6, 4), alt_languages=("kor+eng",))
    assert layouts(options) == [("kor", 6), ("kor", 4), ("kor+eng", 6), ("kor+eng", 4)]
    assert layouts(OcrOptions(try_layouts=False)) == [("kor", 6)]


def test_second_psm_and_merge_pass_run_only_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, int]] = []
    confidence = {6: "50.0", 4: "95.0"}

    def fake(data: bytes, psm: int, options: OcrOptions, char_boxes: bool = False) -> tuple[str, str]:
        calls.append((options.languages, psm))
        if char_boxes:
            return "", "<html xmlns='http://www.w3.org/1999/xhtml'><body></body></html>"
        return "광주", TSV.splitlines()[0] + f"\n5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t{confidence[psm]}\t광주"

    monkeypatch.setattr(ocr, "run_tesseract", fake)
    page = ocr.ocr_prepared(b"", OcrOptions(), label="1쪽")
    assert calls == [("kor", 6), ("kor", 4), ("eng", 4)] and page.psm == 4
    confidence[6] = "90.0"
    calls.clear()
    ocr.ocr_prepared(b"", OcrOptions(merge_languages=""), label="1쪽")
    assert calls == [("kor", 6)]


def test_missing_binary_names_the_fix() -> None:
    with pytest.raises(DocumentError, match="apt-get install tesseract-ocr tesseract-ocr-kor") as caught:
        check_tesseract(OcrOptions(binary="no-such-tesseract-binary"), "공약.pdf")
    assert "'공약.pdf'" in str(caught.value)


@pytest.mark.ocr
def test_missing_language_names_the_fix() -> None:
    with pytest.raises(DocumentError, match="xyz"):
        check_tesseract(OcrOptions(languages="kor+xyz"), "공약.pdf")


def test_small_images_without_dpi_are_upscaled_and_made_grey() -> None:
    small = Image.new("RGB", (800, 600), "white")
    prepared = prepare_image(small, OcrOptions())
    assert prepared.mode == "L"
    assert prepared.size == (1600, 1200)
    assert prepare_image(small, OcrOptions(), source_dpi=300).size == (800, 600)


def test_ocr_many_keeps_order_and_passes_other_items_through(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(data: bytes, options: OcrOptions, *, label: str) -> OcrPage:
        return OcrPage(data.decode(), 0.9, 6, 0.0)

    monkeypatch.setattr(ocr, "ocr_prepared", fake)
    items: list[OcrJob | str] = [
        OcrJob("1쪽", b"a"),
        "text",
        *(OcrJob(f"{n}쪽", str(n).encode()) for n in range(9)),
    ]
    out = list(ocr_many(items, OcrOptions(workers=2)))
    assert [o.text if isinstance(o, OcrPage) else o for o in out] == ["a", "text", *map(str, range(9))]


@pytest.mark.ocr
def test_rendered_korean_page_is_read_at_least_98_percent_right() -> None:
    page = render_page(PLEDGE_PAGES[0], dpi=300)
    result = ocr_image(page, OcrOptions(), label="1쪽", source_dpi=300)
    assert char_accuracy(PLEDGE_PAGES[0], result.text) >= 0.98
    assert result.confidence is not None and result.confidence > 0.8
    assert result.psm in (6, 4)


@pytest.mark.ocr
def test_rendered_latin_words_are_merged_into_the_korean_reading() -> None:
    text = "예시 공약: AI 연계 산업과 RE100 산업단지, SOC 조기 완성"
    page = render_page(text, dpi=300, size_pt=14)
    result = ocr_image(page, OcrOptions(), label="1쪽", source_dpi=300)
    assert squash(text) in squash(result.text)


@pytest.mark.ocr
def test_timeout_becomes_a_warning_naming_the_page() -> None:
    page = render_page(PLEDGE_PAGES[1], dpi=300)
    result = ocr_image(page, OcrOptions(timeout_s=0.01), label="7쪽", source_dpi=300)
    assert result.text == ""
    assert "7쪽" in result.warning and "0.01초" in result.warning


# --- correction ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("misread", "expected"),
    [
        ("시 국가 시범도시 조성", "AI 국가 시범도시 조성"),
        ("(대한민국 시로봇 수도'로", "(대한민국 AI로봇 수도'로"),
        ("Al 반도체 기업", "AI 반도체 기업"),
        ("'아시아문회중심도시 3.0시대'", "'아시아문화중심도시 3.0시대'"),
        ("광주-대구간 달빚고속철도", "광주-대구간 달빛고속철도"),
        ("수록하여 빚고을 광주", "수록하여 빛고을 광주"),
        ("헌법에 5-18 광주 민주화", "헌법에 5·18 광주 민주화"),
        ("518 정신 헌법 전문 수록", "5·18 정신 헌법 전문 수록"),
    ],
)
def test_known_misreadings_are_fixed(misread: str, expected: str) -> None:
    assert correct_text(misread) == expected


@pytest.mark.parametrize(
    "text",
    [
        "광주시반도체 특구",  # "시" after a syllable is the city, not AI
        "빚을 갚겠습니다",  # 빚 (debt) is a word
        "사회 안전망과 회의",  # 회 is not 화 outside lexicon terms
        "2518 정신",  # a digit before: not 5·18
        "5-18쪽을 보세요",  # a page range
        "광주 AI 국가 시범도시",  # already right
    ],
)
def test_text_without_misreadings_is_unchanged(text: str) -> None:
    assert correct_text(text) == text
    assert find_corrections(text) == []


def test_correction_is_idempotent_and_no_misread_form_is_a_term() -> None:
    lexicon = default_lexicon()
    terms = set(lexicon.variants.values())
    assert terms.isdisjoint(lexicon.variants)
    text = "시반도체와 달빚철도, 5-18 민주화"
    assert correct_text(correct_text(text)) == correct_text(text) == "AI반도체와 달빛철도, 5·18 민주화"


def test_lexicon_file_format_and_listed_forms() -> None:
    terms = parse_lexicon(["# 주석", "", "광주 <- 과즈, 가즈", "문화  # 뒤 주석"])
    assert terms == {"광주": ("과즈", "가즈"), "문화": ()}
    assert misread_forms("문화") == {"문회"}
    assert correct_text("과즈 문회", build_lexicon(terms)) == "광주 문화"
    assert correct_text("아무거나", build_lexicon({})) == "아무거나"


def test_lexicon_ships_with_the_package() -> None:
    path = Path(ocr.__file__).parent / "data" / "ocr_lexicon.txt"
    assert path.is_file()
    assert len(default_lexicon().variants) > 20


# --- real documents against the hand-made truth (tests/data/ingest/real-truth) ------------------


@pytest.mark.slow
@pytest.mark.ocr
def test_real_pages_and_cards_meet_the_measured_accuracy(shared_data: Path, tmp_path: Path) -> None:
    cases = load_truth()
    texts = read_cases(cases, shared_data, OcrOptions(), tmp_path)
    chars = {c.name: truth_char_accuracy(c.text, texts[c.name]) for c in cases}
    words = {c.name: word_recall(c.text, texts[c.name]) for c in cases}
    # measured 0.953 / 0.969 (kor + merged kor+eng); the kor+eng-only reader before it: 0.917 / 0.927
    assert sum(chars.values()) / len(chars) >= 0.94 and min(chars.values()) >= 0.88
    assert sum(words.values()) / len(words) >= 0.95
    jeonbuk, seoul = squash(texts["pdf14_전북"]), squash(texts["pdf02_서울"])
    for right in ("AI연계융복합산업", "기반RE100국가산업단지", "새만금SOC", "미래산업을육성하여"):
        assert right in jeonbuk + seoul
    assert "IT첨단전략산업" in squash(texts["card_경기"]) and "UAM" in texts["card_전라남도"]
