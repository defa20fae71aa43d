"""The command line rests Python's cycle collector while a command runs (a run holds millions
of tracked geometries) and turns it back on after, except for ``batch`` (a Dask scheduler runs
in the process for hours)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import spaceplanner.cli as cli
import spaceplanner.cli_batch as cli_batch


@pytest.fixture
def collecting() -> Iterator[None]:
    """The collector on for the test, as in a user's process (the test process keeps it off)."""
    gc.enable()
    try:
        yield
    finally:
        gc.disable()


def test_a_command_runs_without_the_collector_and_gives_it_back(
    collecting: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(cli, "cmd_info", lambda args: seen.append(gc.isenabled()) or 0)
    assert cli.main(["info"]) == 0
    assert seen == [False]
    assert gc.isenabled()


def test_a_failing_command_gives_the_collector_back(
    collecting: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "cmd_info", fails)
    assert cli.main(["info"]) == 1
    assert gc.isenabled()


def test_batch_keeps_the_collector(collecting: None, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    monkeypatch.setattr(cli_batch, "cmd_batch", lambda args: seen.append(gc.isenabled()) or 0)
    args = ["batch", "--sample", "synthetic_cn", "--communities", "x.gpkg", "--out", "o"]
    assert cli.main(args) == 0
    assert seen == [True]


def test_a_process_that_had_it_off_keeps_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not gc.isenabled()  # the test process's own setting (tests/conftest.py)
    monkeypatch.setattr(cli, "cmd_info", lambda args: 0)
    assert cli.main(["info"]) == 0
    assert not gc.isenabled()
