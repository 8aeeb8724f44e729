"""Train the commitment classifier on data/stance_corpus/ and write data/commitment_model.json.

    python -m pledgetrack.engine.match.commitment_training          # retrain and write the model
    python -m pledgetrack.engine.match.commitment_training --check  # fail if the shipped model is stale

Needs scikit-learn (the ``train`` extra); reading the model does not.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pledgetrack.engine.errors import ConfigurationError
from pledgetrack.engine.match.commitment import FEATURE_VERSION, MODEL_FILE, CommitmentModel, feature_values

LABELS = ("commit", "hedge", "notpromise")
_RIVAL = re.compile(r"상대|다른|경쟁|타\s*(?:후보|당|정당)|후보들|쪽\s*후보")
REGULARISATION = 3.0  # inverse strength C of the L2 penalty
PRUNE_BELOW = 0.05  # weights smaller than this are dropped from the shipped file


@dataclass(frozen=True)
class Example:
    """One labelled sentence of the corpus."""

    author: str
    group: str
    label: str
    kind: str
    text: str

    @property
    def hedge(self) -> bool:
        return self.label != "commit"

    @property
    def usable(self) -> bool:
        """Whether the example teaches what the matcher needs. A rival's pledge reported without saying
        it is a rival's ("A 후보는 …을 공약했다") is left out: in candidate A's own documents that line is
        A's promise, and the matcher reads every line within one actor's documents."""
        return self.kind != "other_actor" or bool(_RIVAL.search(self.text))


def corpus_dir() -> Path:
    return Path(str(resources.files("pledgetrack.engine.match").joinpath("data", "stance_corpus")))


def read_corpus(folder: Path | None = None) -> list[Example]:
    """Every example of every ``*.tsv`` file in the corpus folder (the file stem is the author)."""
    examples = []
    for path in sorted((folder or corpus_dir()).glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4 or fields[1] not in LABELS:
                raise ConfigurationError(f"{path.name} {number}행: 'group<TAB>label<TAB>kind<TAB>text' 형식이 "
                                         "아닙니다.")
            examples.append(Example(path.stem, f"{path.stem}:{fields[0]}", fields[1], fields[2], fields[3]))
    return examples


def corpus_hash(examples: Sequence[Example]) -> str:
    digest = hashlib.sha256(FEATURE_VERSION.encode())
    for e in examples:
        digest.update(f"{e.author}\t{e.label}\t{e.text}\n".encode())
    return digest.hexdigest()[:16]


def _vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    return [feature_values(t) for t in texts]


def fit(examples: Sequence[Example], c: float = REGULARISATION) -> CommitmentModel:
    """A model trained on ``examples`` (deterministic)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    used = [e for e in examples if e.usable]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(_vectors([e.text for e in used]))
    y = [int(e.hedge) for e in used]
    classifier = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, class_weight="balanced").fit(x, y)
    names = vectorizer.get_feature_names_out()
    pairs = zip(names, classifier.coef_[0], strict=True)
    weights = {str(n): round(float(w), 4) for n, w in pairs if abs(w) >= PRUNE_BELOW}
    return CommitmentModel(weights, round(float(classifier.intercept_[0]), 4), FEATURE_VERSION, corpus_hash(examples))


def model_json(model: CommitmentModel) -> dict[str, Any]:
    return {
        "version": model.version,
        "corpus_hash": model.corpus_hash,
        "bias": model.bias,
        "weights": dict(sorted(model.weights.items())),
    }


def model_path() -> Path:
    return Path(str(resources.files("pledgetrack.engine.match").joinpath("data", MODEL_FILE)))


def main(argv: Sequence[str]) -> int:
    examples = read_corpus()
    if "--check" in argv:
        shipped = json.loads(model_path().read_text(encoding="utf-8"))
        if shipped.get("corpus_hash") != corpus_hash(examples):
            print("commitment model is stale: retrain with python -m pledgetrack.engine.match.commitment_training")
            return 1
        print("commitment model matches the corpus")
        return 0
    model = fit(examples)
    text = json.dumps(model_json(model), ensure_ascii=False, separators=(",", ":"))
    model_path().write_text(text + "\n", encoding="utf-8")
    print(f"trained on {len(examples)} sentences, {len(model.weights)} weights -> {model_path()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
