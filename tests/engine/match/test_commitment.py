"""The commitment classifier: features, the shipped weights, training and its use as a stance."""

from __future__ import annotations

import json

import pytest

from pledgetrack.engine.errors import ConfigurationError
from pledgetrack.engine.match import commitment_training as training
from pledgetrack.engine.match.aspects import find_noncommitment
from pledgetrack.engine.match.commitment import (
    FEATURE_VERSION,
    features,
    get_model,
    hedge_probability,
    model_from_json,
    normalise,
)


def test_features_read_characters_endings_and_ending_morphemes() -> None:
    bag = features("○ 달빛철도를 2027년에 착공하겠습니다.")
    assert normalise("○ 달빛철도를  착공!") == "달빛철도를 착공!"
    assert "c:하겠" in bag and "e:습니다" in bag
    assert any(f.startswith("m:겠/EP") for f in bag)


def test_a_model_of_another_feature_version_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="다시 학습"):
        model_from_json({"version": "old", "bias": 0, "weights": {}})


def test_weights_push_the_probability_their_way() -> None:
    model = model_from_json({"version": FEATURE_VERSION, "bias": 0.0, "weights": {"e:겠다": -3.0, "e:보겠다": 4.0}})
    assert model.hedge_probability("착공하겠다") < 0.5 < model.hedge_probability("살펴보겠다")
    assert model.strongest("살펴보겠다") == ["e:보겠다"]


def test_the_shipped_model_was_trained_on_the_shipped_corpus() -> None:
    examples = training.read_corpus()
    assert len({e.author for e in examples}) >= 3 and len(examples) >= 1500
    assert get_model().corpus_hash == training.corpus_hash(examples), "retrain: python -m ...commitment_training"
    assert training.main(["--check"]) == 0


def test_training_reproduces_the_shipped_weights(tmp_path) -> None:
    pytest.importorskip("sklearn")
    model = training.fit(training.read_corpus())
    shipped = json.loads(training.model_path().read_text(encoding="utf-8"))
    assert training.model_json(model)["weights"] == pytest.approx(shipped["weights"], abs=2e-3)


# sentences written for this test, none of them in the corpus
COMMITS = [
    "○ 서해선 복선전철 2029년 개통, 사업비 1조 2천억원 전액 국비",
    "남부권 공공병원은 임기 첫해에 설계에 들어가 2030년 문을 열겠습니다.",
    "주민 반대가 있더라도 하수처리장 지하화는 끝까지 밀고 가겠습니다.",
]
HEDGES = [
    "하수처리장 지하화는 용역 결과를 받아 본 다음에 말씀드리겠습니다.",
    "공공병원 문제는 도청이 먼저 안을 내면 그때 같이 고민해 보죠.",
    "서해선 연장은 솔직히 아직 약속드리기 어렵습니다.",
]


def test_the_shipped_model_tells_commitments_from_hedges() -> None:
    assert all(hedge_probability(s) < 0.5 for s in COMMITS), [hedge_probability(s) for s in COMMITS]
    assert all(hedge_probability(s) > 0.5 for s in HEDGES), [hedge_probability(s) for s in HEDGES]


def test_noncommitment_reads_the_clauses_about_the_proposal() -> None:
    found = find_noncommitment(HEDGES[0], ["하수처리장"], 0.5)
    assert found is not None and found[0] == "unsure" and float(found[1]) > 0.5
    assert find_noncommitment(COMMITS[2], ["하수처리장"], 0.5) is None


def test_a_bad_corpus_line_names_file_and_line(tmp_path) -> None:
    lines = "# 예시\nA1\tcommit\tpromise\t좋은 문장입니다\nA2\tmaybe\tx\t나쁜 줄\n"
    (tmp_path / "x.tsv").write_text(lines, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"x\.tsv 3행"):
        training.read_corpus(tmp_path)
