"""BM25 baselines: bm25s over Kiwi morpheme tokens, or over Lucene Nori tokens (Java, one batch call)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import bm25s
import numpy as np

from benchmarks.baselines.corpus import CACHE

JAVA_SOURCE = Path(__file__).resolve().parent / "NoriTokenize.java"
JARS = ("lucene-core-8.7.0.jar", "lucene-analyzers-common-8.7.0.jar", "lucene-analyzers-nori-8.7.0.jar")
JAVA_DIR = Path("/usr/share/java")
CONTENT_TAGS = ("NN", "SL", "SN", "XR", "VV", "VA")

Tokenizer = Callable[[Sequence[str]], list[list[str]]]


def kiwi_tokens(texts: Sequence[str]) -> list[list[str]]:
    """Content morphemes (nouns, foreign words, numbers, roots, verb/adjective stems) per text."""
    from pledgetrack.engine.text.kiwi import get_kiwi

    kiwi = get_kiwi()
    return [[t.form.lower() for t in tokens if t.tag.startswith(CONTENT_TAGS)]
            for tokens in (kiwi.tokenize(text) for text in texts)]


def _classpath() -> str:
    missing = [jar for jar in JARS if not (JAVA_DIR / jar).is_file()]
    if missing:
        raise RuntimeError(f"Lucene jar 이 없습니다: {missing}. "
                           "'apt-get install liblucene8-java' 로 설치하세요.")
    return ":".join(str(JAVA_DIR / jar) for jar in JARS)


def _compiled() -> Path:
    """Compile NoriTokenize.java into the cache folder when the class is missing or older."""
    out = CACHE / "nori"
    target = out / "NoriTokenize.class"
    if not target.is_file() or target.stat().st_mtime < JAVA_SOURCE.stat().st_mtime:
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(["javac", "-cp", _classpath(), "-d", str(out), str(JAVA_SOURCE)], check=True)
    return out


def nori_tokens(texts: Sequence[str]) -> list[list[str]]:
    """Tokens from Lucene's KoreanAnalyzer, all texts in one JVM run over stdin/stdout."""
    classpath = f"{_compiled()}:{_classpath()}"
    payload = "\n".join(" ".join(text.split()) for text in texts) + "\n"
    result = subprocess.run(["java", "-Xshare:auto", "-cp", classpath, "NoriTokenize"], input=payload,
                            capture_output=True, text=True, encoding="utf-8", check=True)
    lines = result.stdout.split("\n")[: len(texts)]
    if len(lines) != len(texts):
        raise RuntimeError(f"Nori 토큰 줄 수가 맞지 않습니다: {len(lines)} != {len(texts)}")
    return [line.split() for line in lines]


def bm25_scores(queries: Sequence[str], passages: Sequence[str], tokenizer: Tokenizer) -> np.ndarray:
    """BM25 score of every passage for every query (shape queries × passages)."""
    tokens = tokenizer([*queries, *passages])
    query_tokens, passage_tokens = tokens[: len(queries)], tokens[len(queries):]
    retriever = bm25s.BM25()
    retriever.index(passage_tokens, show_progress=False)
    vocab = retriever.vocab_dict
    rows = [retriever.get_scores([t for t in q if t in vocab]) if any(t in vocab for t in q)
            else np.zeros(len(passages)) for q in query_tokens]
    return np.vstack(rows).astype(np.float64)
