"""The bills engine on 예시 (illustrative) data: load, fetch (no download), index, search, save/load."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from datetime import date
from pathlib import Path

import pytest

from pledgetrack.engine.bills import BillIndex, fetch_bills_dataset, load_bills, related_bills
from pledgetrack.engine.bills.cache import build_index, open_index
from pledgetrack.engine.bills.index import snippet
from pledgetrack.engine.bills.source import SDIST
from pledgetrack.engine.bills.tokens import char_bigrams
from pledgetrack.engine.errors import ConfigurationError, InputError, UnsafeDocumentError
from pledgetrack.engine.types import ProposalRow
from tests.engine.bills.sample import ROOT, write_dataset, write_sdist


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> BillIndex:
    folder = write_dataset(tmp_path_factory.mktemp("bills"))
    return BillIndex.build(load_bills(folder))


def titles(hits: list) -> list[str]:
    return [hit.bill.title for hit in hits]


def test_load_bills_joins_texts_and_parses_fields(tmp_path: Path) -> None:
    bills = {b.bill_id: b for b in load_bills(write_dataset(tmp_path))}
    assert len(bills) == 6
    first = bills["PRC_EX1"]
    assert (first.bill_no, first.age, first.proposed_on) == (2118050, 21, date(2022, 11, 2))
    assert first.result == "대안반영폐기" and first.committee == "국토교통위원회"
    assert first.reason.startswith("예시 제안이유. 광주 군 공항")
    assert first.url.endswith("billId=PRC_EX1&ageFrom=21&ageTo=21")
    assert bills["PRC_EX3"].result == ""  # pending (계류)
    assert bills["PRC_EX6"].reason == ""  # no text scraped


def test_char_bigrams_meet_compounds_whatever_the_spacing() -> None:
    assert char_bigrams("군공항 이전") == ["군공", "공항", "이전"]
    assert "공항" in char_bigrams("군 공항") and char_bigrams("AI 5·18") == ["ai", "5", "18"]


def test_search_ranks_the_bill_the_query_names_first(index: BillIndex) -> None:
    assert titles(index.search("광주 군공항 이전 특별법"))[0] == "광주 군 공항 이전을 위한 특별법안"
    assert titles(index.search("달빛철도 건설"))[0] == "달빛고속철도 건설을 위한 특별법안"  # synonym group
    hit = index.search("공항 소음 피해 보상", k=2)[0]
    assert hit.bill.bill_id == "PRC_EX4" and "소음 피해" in hit.snippet and hit.score > 0


def test_search_filters_by_assembly_and_returns_only_matches(index: BillIndex) -> None:
    hits = index.search("공항", age=21)
    assert hits and all(hit.bill.age == 21 for hit in hits)
    assert "PRC_EX4" not in {hit.bill.bill_id for hit in hits}
    assert index.search("양자컴퓨터") == []
    assert len(index.search("특별법", k=1)) == 1


def test_empty_query_is_a_user_error(index: BillIndex) -> None:
    with pytest.raises(InputError, match="검색어가 비어"):
        index.search("  ")


def test_save_load_round_trip(index: BillIndex, tmp_path: Path) -> None:
    index.save(tmp_path / "idx")
    loaded = BillIndex.load(tmp_path / "idx")
    for query in ("광주 군공항 이전", "인공지능 산업 육성", "청년"):
        assert loaded.search(query) == index.search(query)
    assert len(loaded) == 6
    manifest = json.loads((tmp_path / "idx" / "manifest.json").read_text(encoding="utf-8"))
    assert "CC BY 4.0" in manifest["source"]


def test_load_without_or_with_an_old_index_says_what_to_do(tmp_path: Path, index: BillIndex) -> None:
    with pytest.raises(ConfigurationError, match="bills index"):
        BillIndex.load(tmp_path / "none")
    index.save(tmp_path / "old")
    (tmp_path / "old" / "manifest.json").write_text('{"format": "v0"}', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="--rebuild"):
        BillIndex.load(tmp_path / "old")


def test_related_bills_uses_title_description_and_keywords(index: BillIndex) -> None:
    task = ProposalRow(id="T1", title="인공지능 대표도시 조성", description="예시 설명", keywords=("집적단지",))
    project = ProposalRow(id="T1-1", title="아시아문화전당 위상 강화", parent="T1")
    assert titles(related_bills(task, index, k=3))[0].startswith("인공지능 발전과 신뢰 기반")
    assert related_bills(project, index, k=1)[0].bill.bill_id == "PRC_EX5"


def test_snippet_picks_the_sentence_sharing_most_words() -> None:
    text = "첫 문장은 관계없음. 공항 소음 피해를 보상함. 끝."
    assert snippet(text, "공항 소음") == "공항 소음 피해를 보상함"
    assert snippet("", "공항") == "" and len(snippet("가" * 500, "가가")) == 160


def test_missing_pyarrow_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ConfigurationError, match=r"pip install 'pledgetrack\[bills\]'"):
        list(load_bills(tmp_path))


def test_fetch_unpacks_a_cached_sdist_without_downloading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("must not download"))
    write_sdist(tmp_path / "cache", tmp_path)
    data_dir = fetch_bills_dataset(tmp_path / "cache")
    assert sorted(p.name for p in data_dir.iterdir()) == ["bill_texts.parquet", "bills.parquet"]
    assert len(list(load_bills(data_dir))) == 6
    assert fetch_bills_dataset(tmp_path / "cache") == data_dir  # cached


def test_fetch_refuses_a_link_in_place_of_a_data_file(tmp_path: Path) -> None:
    link = tarfile.TarInfo(f"{ROOT}/data/bills.parquet")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    write_sdist(tmp_path / "cache", tmp_path, extra=link)
    with pytest.raises(UnsafeDocumentError, match="안전하지 않은"):
        fetch_bills_dataset(tmp_path / "cache")


def test_a_failed_download_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[list[str]] = []

    def fake_run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        return subprocess.CompletedProcess(command, 1, "", "ERROR: No matching distribution found")

    monkeypatch.setattr(subprocess, "run", fake_run)
    with pytest.raises(ConfigurationError, match="No matching distribution") as error:
        fetch_bills_dataset(tmp_path)
    assert SDIST in str(error.value)
    assert calls[0][:4] == [sys.executable, "-m", "pip", "download"] and "korean-assembly-bills==0.1.0" in calls[0]


def test_build_index_in_a_cache_folder_once(tmp_path: Path) -> None:
    write_sdist(tmp_path / "cache" / "dataset", tmp_path)
    stages: list[str] = []
    first = build_index(tmp_path / "cache", progress=lambda stage, done, total: stages.append(stage))
    assert first.built and first.bills == 6 and stages[:2] == ["download", "load"] and stages[-1] == "index"
    again = build_index(tmp_path / "cache")
    assert not again.built and again.bills == 6
    assert titles(open_index(tmp_path / "cache").search("청년 기본법"))[0] == "청년기본법안"
