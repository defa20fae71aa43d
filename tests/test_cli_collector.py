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


def test_a_command_ending_the_process_holds_its_results_until_the_end(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``evaluate`` run by the console script (``main(ending=True)``, the process ends right
    after): its plan and report are held past the command, for the process's end to free;
    run from Python (``main()``), nothing is held."""
    import weakref
    from pathlib import Path

    from spaceplanner.model.plan import Plan
    from spaceplanner.results.report import Report

    monkeypatch.setattr(cli, "_HELD", [])
    out = Path(str(tmp_path))
    assert cli.main(["evaluate", "--sample", "synthetic_cn", "--out", str(out / "a"), "-q"]) == 0
    assert cli._HELD == []
    assert (
        cli.main(
            ["evaluate", "--sample", "synthetic_cn", "--out", str(out / "b"), "-q"], ending=True
        )
        == 0
    )
    kinds = [type(o) for o in cli._HELD]
    assert kinds == [Plan, Report]
    report = weakref.ref(cli._HELD[1])
    cli._HELD.clear()
    assert report() is None  # nothing else kept it: held only for the end
