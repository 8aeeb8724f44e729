"""Does a clause commit its speaker to what it names? A small learned classifier.

The stance patterns (data/stance.tsv) catch the non-committal wording they list; this model reads
what they have not seen ("좀 더 살펴볼게요", "임기 내 약속은 이르다"). It is a logistic regression over
character n-grams, the clause's last characters and Kiwi's ending morphemes, trained on the labelled
sentences in data/stance_corpus/ (illustrative text written for training, see its README) by
``commitment_training``; the weights ship in data/commitment_model.json, so reading a clause needs
no training library and no download. A clause scores the probability that it does not commit
(a hedge, a refusal, or not the speaker's promise at all).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from pledgetrack.engine.errors import ConfigurationError
from pledgetrack.engine.text.kiwi import get_kiwi

MODEL_FILE = "commitment_model.json"
FEATURE_VERSION = "commitment-features-v2"
_NOISE = re.compile(r"[^0-9A-Za-z가-힣?!~…\"'“”‘’ ]+")
_SPACES = re.compile(r"\s+")
_MORPHEME_TAGS = ("E", "VX", "XSV", "XSA", "VCN", "MAG", "SF", "IC")


def normalise(clause: str) -> str:
    """The clause with markup removed and spaces collapsed (what the features read)."""
    return _SPACES.sub(" ", _NOISE.sub(" ", clause)).strip()


def _char_grams(text: str) -> list[str]:
    padded = f" {text} "
    return [f"c:{padded[i:i + n]}" for n in (2, 3, 4) for i in range(len(padded) - n + 1)]


def _ending(text: str) -> list[str]:
    tail = text.replace(" ", "")[-6:]
    return [f"e:{tail[-n:]}" for n in range(2, len(tail) + 1)]


@lru_cache(maxsize=4096)
def _morphemes(text: str) -> tuple[str, ...]:
    """Kiwi forms of endings, auxiliaries and adverbs, with bigrams of neighbours."""
    kept = [f"{t.form}/{t.tag}" for t in get_kiwi().tokenize(text) if t.tag.startswith(_MORPHEME_TAGS)]
    return tuple([f"m:{m}" for m in kept] + [f"m2:{a}+{b}" for a, b in pairwise(kept)])


def features(clause: str) -> Counter[str]:
    """The bag of features of one clause (the same in training and reading)."""
    text = normalise(clause)
    return Counter(_char_grams(text) + _ending(text) + list(_morphemes(text)))


def feature_values(clause: str) -> dict[str, float]:
    """Log counts scaled to unit length, so that a long sentence does not add up many small weights."""
    logs = {f: math.log1p(n) for f, n in features(clause).items()}
    norm = math.sqrt(sum(v * v for v in logs.values())) or 1.0
    return {f: v / norm for f, v in logs.items()}


@dataclass(frozen=True)
class CommitmentModel:
    """Weights of a binary logistic regression: positive means "does not commit"."""

    weights: dict[str, float]
    bias: float
    version: str
    corpus_hash: str

    def hedge_probability(self, clause: str) -> float:
        """Probability that ``clause`` does not commit its speaker."""
        values = feature_values(clause)
        z = self.bias + sum(self.weights.get(f, 0.0) * v for f, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def strongest(self, clause: str, count: int = 3) -> list[str]:
        """The features that pushed most towards "does not commit" (for reasons and debugging)."""
        bag = features(clause)
        scored = sorted(bag, key=lambda f: self.weights.get(f, 0.0), reverse=True)
        return [f for f in scored[:count] if self.weights.get(f, 0.0) > 0]


def model_from_json(data: dict[str, object]) -> CommitmentModel:
    if data.get("version") != FEATURE_VERSION:
        raise ConfigurationError(
            f"약속 분류기 모델의 특징 버전({data.get('version')})이 코드({FEATURE_VERSION})와 다릅니다. "
            "python -m pledgetrack.engine.match.commitment_training 으로 다시 학습하세요."
        )
    weights = data["weights"]
    assert isinstance(weights, dict)
    return CommitmentModel(
        weights={str(k): float(v) for k, v in weights.items()},
        bias=float(str(data["bias"])),
        version=str(data["version"]),
        corpus_hash=str(data.get("corpus_hash", "")),
    )


@lru_cache(maxsize=1)
def get_model() -> CommitmentModel:
    """The shipped model (read once per process)."""
    path = resources.files("pledgetrack.engine.match").joinpath("data", MODEL_FILE)
    return model_from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=8192)
def hedge_probability(clause: str) -> float:
    """Probability, from the shipped model, that ``clause`` does not commit its speaker."""
    return get_model().hedge_probability(clause)
