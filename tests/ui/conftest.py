"""Qt tests: each test gets its own app home (settings, recent plans, autosaves)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "app-home"
    monkeypatch.setenv("SPACEPLANNER_HOME", str(home))
    return home
