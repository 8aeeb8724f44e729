"""Commitment classifier quality: ``.venv/bin/python -m benchmarks.commitment [--sets dev,...]``.

1. Leave one author out on the training corpus (data/stance_corpus/: each file is one author who
   wrote in one genre): train on the other authors, score the held-out author's sentences.
2. Evidence lines of labelled evaluation sets (default: the dev sets): the line holding the gold
   evidence of a reflected or partial cell should commit; that of an absent ``stance_excluded`` cell
   should not. The shipped model (trained on the whole corpus) is scored here; these lines were
   never in its training data.
Each is compared with the stance patterns alone (data/stance.tsv), and with patterns or model.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from benchmarks.baselines.metrics import compact
from benchmarks.baselines.sets import read_gold, resolve_sets
from pledgetrack.engine.match.aspects import find_stance
from pledgetrack.engine.match.commitment import CommitmentModel, get_model
from pledgetrack.engine.match.commitment_training import Example, fit, read_corpus

THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
DEV_SETS = "synthetic-dev,synthetic-dev2,synthetic-dev3,synthetic-dev4,synthetic-dev5,synthetic-dev6,synthetic-dev7"
Detector = Callable[[str], bool]


def scores(truth: Sequence[bool], predicted: Sequence[bool]) -> str:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    accuracy = sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (f"acc {accuracy:.3f}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
            f"(n={len(truth)}, non-commit {sum(truth)})")


def patterns(text: str) -> bool:
    return find_stance(text, []) is not None


def _model_says(model: CommitmentModel, threshold: float, text: str) -> bool:
    return model.hedge_probability(text) > threshold


def _either(model: CommitmentModel, threshold: float, text: str) -> bool:
    return patterns(text) or _model_says(model, threshold, text)


def detectors(model: CommitmentModel) -> dict[str, Detector]:
    found: dict[str, Detector] = {"patterns": patterns}
    for t in THRESHOLDS:
        found[f"model>{t}"] = partial(_model_says, model, t)
        found[f"patterns|model>{t}"] = partial(_either, model, t)
    return found


def report(title: str, texts: Sequence[str], truth: Sequence[bool], model: CommitmentModel) -> None:
    print(f"\n## {title}")
    for name, detect in detectors(model).items():
        print(f"  {name:22s} {scores(truth, [detect(t) for t in texts])}")


def leave_one_author_out(examples: Sequence[Example]) -> None:
    for author in sorted({e.author for e in examples}):
        train = [e for e in examples if e.author != author]
        test = [e for e in examples if e.author == author]
        report(f"corpus, held-out author '{author}'", [e.text for e in test], [e.hedge for e in test], fit(train))


def _lines(folder: Path) -> list[str]:
    return [line for f in sorted(folder.glob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines()]


def evidence_lines(set_names: str) -> tuple[list[str], list[bool]]:
    texts, truth = [], []
    for name in set_names.split(","):
        for item in resolve_sets(name):
            lines = {actor.name: _lines(actor) for actor in item.docs.iterdir() if actor.is_dir()}
            for g in read_gold(item.gold):
                hedge = g.options[0] == "absent" and g.case == "stance_excluded"
                if not g.evidence or not (hedge or g.options[0] != "absent"):
                    continue
                line = next((x for x in lines.get(g.actor, []) if compact(g.evidence) in compact(x)), None)
                if line is not None:
                    texts.append(line)
                    truth.append(hedge)
    return texts, truth


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default=DEV_SETS, help="evaluation sets whose evidence lines are scored")
    args = parser.parse_args(argv)
    examples = read_corpus()
    print(f"corpus: {len(examples)} sentences, authors {sorted({e.author for e in examples})}, "
          f"non-commit {sum(e.hedge for e in examples)}")
    leave_one_author_out(examples)
    texts, truth = evidence_lines(args.sets)
    report(f"evidence lines of {args.sets} (shipped model)", texts, truth, get_model())


if __name__ == "__main__":
    main()
