"""Text files in the encodings Korean offices use, built in the test from Korean text."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from pledgetrack.engine.errors import DocumentError
from pledgetrack.engine.ingest.detect import detect_format
from pledgetrack.engine.ingest.txt import decode_text, read_txt

# 예시(illustrative) article-like text; the byline and address are invented
TEXT = (
    "광주시, 예시 공약 과제 발표\n"
    "입력 : 2025. 04. 14(월) 17:56\n"
    "광주시는 AI 중심도시 완성과 달빛철도 조기 착공을 각 정당에 제안했다.\n"
    "똠방각하 뷁 같은 드문 글자도 cp949에서만 쓸 수 있다.\n"
    "홍길동 기자 gildong@example.kr\n"
)
EUC_KR_TEXT = TEXT.replace("똠방각하 뷁 같은 드문 글자도 cp949에서만 쓸 수 있다.\n", "")


@pytest.mark.parametrize(
    ("source", "encoded", "encoding", "guessed"),
    [
        (TEXT, TEXT.encode("utf-8"), "utf-8", False),
        (TEXT, codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", False),
        (TEXT, TEXT.encode("utf-16"), "utf-16", False),
        (TEXT, codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", False),
        (TEXT, TEXT.encode("cp949"), "cp949", True),
        (EUC_KR_TEXT, EUC_KR_TEXT.encode("euc-kr"), None, True),  # euc-kr and cp949 agree here
    ],
)
def test_read_in_each_encoding(
    tmp_path: Path, source: str, encoded: bytes, encoding: str | None, guessed: bool
) -> None:
    path = tmp_path / "기사.txt"
    path.write_bytes(encoded)
    [extraction] = read_txt(path, "s")
    assert extraction.pages[0].text == source
    assert extraction.format == "txt" and extraction.pages[0].page is None
    if guessed:
        assert len(extraction.warnings) == 1 and "추정" in extraction.warnings[0]
    else:
        assert extraction.warnings == ()
    if encoding:
        assert decode_text(encoded).encoding == encoding
    assert extraction.metadata.title == "광주시, 예시 공약 과제 발표"
    assert extraction.metadata.published == date(2025, 4, 14)
    assert extraction.metadata.byline == "홍길동 기자"


def test_euc_kr_only_text_is_read_as_a_korean_encoding() -> None:
    decoded = decode_text("광주광역시 정책 제안 과제 목록입니다.".encode("euc-kr"))
    assert decoded.text == "광주광역시 정책 제안 과제 목록입니다."
    assert decoded.encoding in ("euc-kr", "cp949") and decoded.guessed


def test_crlf_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("첫 줄\r\n둘째 줄\r셋째 줄".encode())
    [extraction] = read_txt(path, "s")
    assert extraction.pages[0].text == "첫 줄\n둘째 줄\n셋째 줄"


def test_blank_text_file(tmp_path: Path) -> None:
    path = tmp_path / "공백.txt"
    path.write_bytes(b" \n\t\n")
    with pytest.raises(DocumentError, match=r"공백\.txt"):
        read_txt(path, "s")


def test_seed_article_as_a_text_file(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parents[4] / "shared" / "seed" / "000_c6af87ee6670b6e4.txt"
    if not seed.is_file():
        pytest.skip("shared seed article is not present")
    path = tmp_path / "seed.txt"
    path.write_bytes(seed.read_text(encoding="utf-8").encode("cp949"))
    [extraction] = read_txt(path, "s")
    assert extraction.metadata.title == "강 시장, 서울 집무실 운영 “대선공약 반영 총력”"
    assert extraction.metadata.published == date(2025, 4, 14)
    assert extraction.metadata.byline == "정상아 기자"
    assert "cp949" in extraction.warnings[0]


def test_real_campaign_text_files(shared_data: Path) -> None:
    files = sorted(shared_data.rglob("*.txt"))
    assert files
    for path in files:
        assert detect_format(path) == "txt", path
        [extraction] = read_txt(path, "s")
        assert extraction.pages[0].text.strip(), path
        assert extraction.metadata.title, path
