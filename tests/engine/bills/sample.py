"""예시 (illustrative) National Assembly bills for tests: a tiny parquet pair and a fake sdist.

The titles imitate real bill names; the ids, proposers and reasons are made up for the tests.
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pledgetrack.engine.bills.source import SDIST

ROOT = SDIST.removesuffix(".tar.gz")
BILLS = [
    # id, no, age, title, date, result, reason
    (
        "PRC_EX1",
        2118050,
        21,
        "광주 군 공항 이전을 위한 특별법안",
        "2022-11-02",
        "대안반영폐기",
        "예시 제안이유. 광주 군 공항의 소음 피해가 커서 이전과 종전부지 개발을 지원하려는 것임.",
    ),
    (
        "PRC_EX2",
        2123938,
        21,
        "달빛고속철도 건설을 위한 특별법안",
        "2023-08-22",
        "수정가결",
        "예시 제안이유. 광주와 대구를 잇는 고속철도를 신속히 건설하여 영호남 교류를 넓히려는 것임.",
    ),
    (
        "PRC_EX3",
        2216804,
        22,
        "인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 일부개정법률안",
        "2026-02-12",
        None,
        "예시 제안이유. 인공지능 산업을 육성하고 인공지능 집적단지를 지원하려는 것임.",
    ),
    (
        "PRC_EX4",
        2204450,
        22,
        "공항소음 방지 및 소음대책지역 지원에 관한 법률 일부개정법률안",
        "2024-09-30",
        None,
        "예시 제안이유. 민간공항 주변 주민의 소음 피해를 보상하려는 것임.",
    ),
    (
        "PRC_EX5",
        2106814,
        21,
        "아시아문화중심도시 조성에 관한 특별법 일부개정법률안",
        "2020-12-22",
        "수정가결",
        "예시 제안이유. 국립아시아문화전당의 운영을 안정시키려는 것임.",
    ),
    ("PRC_EX6", 2013684, 20, "청년기본법안", "2018-05-21", "대안반영폐기", ""),
]


def write_dataset(folder: Path) -> Path:
    """``bills.parquet`` and ``bill_texts.parquet`` with the dataset's column names."""
    folder.mkdir(parents=True, exist_ok=True)
    bills = pa.table(
        {
            "BILL_ID": [b[0] for b in BILLS],
            "BILL_NO": [b[1] for b in BILLS],
            "BILL_NAME": [b[3] for b in BILLS],
            "COMMITTEE": ["국토교통위원회"] * len(BILLS),
            "PROPOSE_DT": [b[4] for b in BILLS],
            "PROC_RESULT": [b[5] for b in BILLS],
            "AGE": [b[2] for b in BILLS],
            "PROPOSER": ["홍길동의원 등 10인"] * len(BILLS),
        }
    )
    texts = pa.table(
        {
            "BILL_ID": [b[0] for b in BILLS],
            "propose_reason": [b[6] or None for b in BILLS],
            "scrape_status": ["ok" if b[6] else "empty" for b in BILLS],
        }
    )
    pq.write_table(bills, folder / "bills.parquet")
    pq.write_table(texts, folder / "bill_texts.parquet")
    return folder


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def write_sdist(cache_dir: Path, tmp: Path, *, extra: tarfile.TarInfo | None = None) -> Path:
    """A fake ``korean_assembly_bills-0.1.0.tar.gz`` holding the example parquet pair."""
    data = write_dataset(tmp / "sample-data")
    cache_dir.mkdir(parents=True, exist_ok=True)
    archive = cache_dir / SDIST
    with tarfile.open(archive, "w:gz") as tar:
        _add(tar, f"{ROOT}/README.md", "예시".encode())
        if extra is not None:
            tar.addfile(extra)
        for name in ("bills.parquet", "bill_texts.parquet"):
            _add(tar, f"{ROOT}/data/{name}", (data / name).read_bytes())
    return archive
