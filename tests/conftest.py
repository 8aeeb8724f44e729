"""Shared fixtures. Engine tests need no Django; Django tests use pytest-django's ``db``."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the repository (real inputs that are not copied into the repo)."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present beside the repository")
    return path


@pytest.fixture
def workspace(tmp_path: Path, settings: object) -> Path:
    """A Django workspace whose files live in a temporary folder."""
    data = tmp_path / "data"
    for name, sub in (("DATA_DIR", ""), ("FILES_DIR", "files"), ("CACHE_DIR", "cache")):
        folder = data / sub if sub else data
        folder.mkdir(parents=True, exist_ok=True)
        setattr(settings, name, folder)
    return data
