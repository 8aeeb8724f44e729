"""Shared fixtures for matcher tests: one embedding and token cache per session."""

from __future__ import annotations

import pytest

from pledgetrack.engine.match import MatchSettings


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> MatchSettings:
    return MatchSettings(cache_dir=tmp_path_factory.mktemp("match-cache"))
