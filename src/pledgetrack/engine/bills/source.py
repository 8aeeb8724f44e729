"""The National Assembly bills dataset (``korean-assembly-bills`` on PyPI, CC BY 4.0).

The sdist ships the parquet files; ``fetch_bills_dataset`` downloads it with pip into a cache
folder and unpacks only the two parquet files this package reads, checking every tar member.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from pledgetrack.engine.errors import ConfigurationError, UnsafeDocumentError

PACKAGE = "korean-assembly-bills"
VERSION = "0.1.0"
SDIST = f"korean_assembly_bills-{VERSION}.tar.gz"
FILES = ("bills.parquet", "bill_texts.parquet")
MAX_MEMBER_BYTES = 512 * 1024 * 1024
ATTRIBUTION = (
    "Kyusik Yang, Korean National Assembly Bills Dataset (20th-22nd Assembly), 2026, "
    "PyPI korean-assembly-bills 0.1.0, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
)
BILL_COLUMNS = ("BILL_ID", "BILL_NO", "BILL_NAME", "AGE", "PROPOSER", "PROPOSE_DT", "COMMITTEE", "PROC_RESULT")


@dataclass(frozen=True)
class Bill:
    """One member-proposed bill. ``result`` is empty while the bill is pending (계류)."""

    bill_id: str
    bill_no: int
    age: int
    title: str
    proposer: str = ""
    proposed_on: date | None = None
    committee: str = ""
    result: str = ""
    url: str = ""
    reason: str = ""


def require_pyarrow() -> ModuleType:
    """``pyarrow.parquet``, or a Korean error saying how to install it."""
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ConfigurationError(
            "국회 법안 데이터(parquet)를 읽으려면 pyarrow가 필요한데 설치되어 있지 않습니다. "
            "pip install 'pledgetrack[bills]' 로 설치한 뒤 다시 실행해 주세요."
        ) from error
    return pq


def bill_url(bill_id: str, age: int) -> str:
    """The bill's page in the National Assembly's legislative information system."""
    return f"https://likms.assembly.go.kr/bill/billDetail.do?billId={bill_id}&ageFrom={age}&ageTo={age}"


def fetch_bills_dataset(cache_dir: Path) -> Path:
    """The folder holding ``bills.parquet`` and ``bill_texts.parquet``, downloading them if needed."""
    data_dir = cache_dir / f"{PACKAGE}-{VERSION}"
    if all((data_dir / name).is_file() for name in FILES):
        return data_dir
    cache_dir.mkdir(parents=True, exist_ok=True)
    archive = cache_dir / SDIST
    if not archive.is_file():
        _pip_download(cache_dir)
    _unpack(archive, data_dir)
    return data_dir


def _pip_download(cache_dir: Path) -> None:
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
    command += [f"{PACKAGE}=={VERSION}", "-d", str(cache_dir), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (cache_dir / SDIST).is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["알 수 없는 오류"]
        raise ConfigurationError(
            f"국회 법안 데이터({PACKAGE}=={VERSION})를 PyPI에서 내려받지 못했습니다 ({detail[0]}). "
            "네트워크(PyPI 접속)를 확인하거나, 내려받은 파일 "
            f"{SDIST}을 '{cache_dir}'에 넣은 뒤 다시 실행해 주세요."
        )


def _unpack(archive: Path, data_dir: Path) -> None:
    """Extract only ``<root>/data/{bills,bill_texts}.parquet``, as regular files within size limits."""
    data_dir.mkdir(parents=True, exist_ok=True)
    wanted = {f"{archive.name.removesuffix('.tar.gz')}/data/{name}": name for name in FILES}
    found: set[str] = set()
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                if member.name not in wanted:
                    continue
                _check_member(member, archive)
                _extract_member(tar, member, data_dir / wanted[member.name])
                found.add(wanted[member.name])
    except (tarfile.TarError, OSError, EOFError) as error:
        hint = "캐시 폴더의 파일을 지우고 다시 받아 주세요."
        raise UnsafeDocumentError(str(error), file=archive.name, hint=hint) from error
    missing = sorted(set(FILES) - found)
    if missing:
        raise UnsafeDocumentError(f"{', '.join(missing)} 없음", file=archive.name, hint="패키지 버전을 확인해 주세요.")


def _check_member(member: tarfile.TarInfo, archive: Path) -> None:
    path = Path(member.name)
    if not member.isfile() or path.is_absolute() or ".." in path.parts:
        raise UnsafeDocumentError(f"안전하지 않은 항목 {member.name!r}", file=archive.name)
    if member.size > MAX_MEMBER_BYTES:
        raise UnsafeDocumentError(f"{member.name!r}이(가) 너무 큽니다", file=archive.name)


def _extract_member(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> None:
    source = tar.extractfile(member)
    if source is None:
        raise tarfile.TarError(f"cannot read {member.name}")
    partial = target.with_suffix(".part")
    with source, partial.open("wb") as out:
        while chunk := source.read(1 << 20):
            out.write(chunk)
    partial.replace(target)


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _texts(pq: Any, data_dir: Path) -> dict[str, str]:
    table = pq.read_table(data_dir / "bill_texts.parquet", columns=["BILL_ID", "propose_reason"])
    return dict(zip(table.column(0).to_pylist(), table.column(1).to_pylist(), strict=True))


def load_bills(data_dir: Path) -> Iterator[Bill]:
    """Every bill of the dataset in file order, with its 제안이유 text (empty where none was scraped)."""
    pq = require_pyarrow()
    texts = _texts(pq, data_dir)
    table = pq.read_table(data_dir / "bills.parquet", columns=list(BILL_COLUMNS))
    for batch in table.to_batches(max_chunksize=4096):
        for row in batch.to_pylist():
            yield _bill(row, texts.get(row["BILL_ID"]) or "")


def _bill(row: dict[str, Any], reason: str) -> Bill:
    age = int(row["AGE"])
    return Bill(
        bill_id=row["BILL_ID"],
        bill_no=int(row["BILL_NO"]),
        age=age,
        title=(row["BILL_NAME"] or "").strip(),
        proposer=row["PROPOSER"] or "",
        proposed_on=_parse_date(row["PROPOSE_DT"]),
        committee=row["COMMITTEE"] or "",
        result=row["PROC_RESULT"] or "",
        url=bill_url(row["BILL_ID"], age),
        reason=reason.strip(),
    )
