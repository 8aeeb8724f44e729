"""Normalise extracted text so that the same words look the same everywhere.

- Unicode NFC (decomposed Hangul jamo from some PDFs become syllables);
- full-width ASCII forms (U+FF01–FF5E) and the ideographic space become ASCII;
- zero-width characters and control characters (except newline and tab) are removed;
- line endings become ``\\n``; runs of spaces/tabs inside a line become one space (a line's
  leading indentation is kept, it carries the outline of bullet lists); trailing spaces go;
  runs of blank lines become one blank line.

- the middle-dot look-alikes (Hangul "ㆍ" U+318D as HWP and OCR write it, "・", "･", "‧") become "·".

Korean punctuation (·, 「」, ‘’, “”) is kept as it is.
"""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = "\u200b\u200c\u200d\ufeff\u2060"
_MIDDLE_DOTS = "\u318d\u30fb\uff65\u2027"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def _translation_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table.update({ord(char): " " for char in _SPACES})
    table.update({ord(char): None for char in _ZERO_WIDTH})
    table.update({ord(char): "\u00b7" for char in _MIDDLE_DOTS})
    controls = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    table.update({code: None for code in controls if chr(code) not in "\n\t\r"})
    return table


_TABLE = _translation_table()
_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INNER_RUNS = re.compile(r"(?<=\S)[ \t]*\t[ \t]*|(?<=\S) {2,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Return ``text`` normalised as described in the module docstring.

    >>> normalize_text("ＡＩ　１００조\\u200b원  투자\\r\\n\\r\\n\\r\\n\\r\\n끝  ")
    'AI 100조원 투자\\n\\n끝'
    """
    text = _LINE_ENDINGS.sub("\n", text)
    text = text.translate(_TABLE)
    text = unicodedata.normalize("NFC", text)
    text = _INNER_RUNS.sub(" ", text)
    text = _TRAILING.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")
