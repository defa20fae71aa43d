"""Crash recovery without Qt: autosaves found after a crash, declined, and opened again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from spaceplanner import load_plan
from spaceplanner.model.commands import DeleteFeature
from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.model.recovery import Recovery
from spaceplanner.ui.model.session import Session


@pytest.fixture
def session() -> Session:
    return Session(load_plan(get_path("synthetic_cn")))


def _as_if_crashed(autosaved: Path) -> None:
    """Make the autosave's writer a process that has ended (as after a crash)."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    info_path = autosaved.with_suffix(".json")
    info = json.loads(info_path.read_text(encoding="utf-8"))
    info_path.write_text(json.dumps({**info, "pid": int(gone.stdout)}), encoding="utf-8")


def test_autosave_is_found_after_a_crash_and_discarded_after_a_clean_save(
    session: Session, tmp_path
) -> None:
    recovery = Recovery(tmp_path / "recovery")
    session.push(DeleteFeature("facilities", "SS02"))
    autosaved = recovery.autosave(session)
    assert autosaved.is_file()
    # this process wrote it, so it is not offered to itself ...
    assert recovery.pending() == []
    # ... but once the process that wrote it is gone (a crash), the next one finds it
    _as_if_crashed(autosaved)
    assert [i["file"] for i in Recovery(tmp_path / "recovery").pending()] == [autosaved]
    recovered = load_gpkg(autosaved)
    assert "SS02" not in set(recovered.layers["facilities"].frame["id"])
    recovery.discard(session)
    assert not autosaved.exists()


def test_another_running_copy_is_not_a_crash(session: Session, tmp_path) -> None:
    """An autosave whose process still runs (a second copy of the app) is not offered."""
    recovery = Recovery(tmp_path / "recovery")
    session.push(DeleteFeature("facilities", "SS02"))
    autosaved = recovery.autosave(session)
    info_path = autosaved.with_suffix(".json")
    info = json.loads(info_path.read_text(encoding="utf-8"))
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        info_path.write_text(json.dumps({**info, "pid": alive.pid}), encoding="utf-8")
        assert Recovery(tmp_path / "recovery").pending() == []
    finally:
        alive.kill()
        alive.wait()
    # once that process is gone, its autosave is a crash's
    assert [i["file"] for i in Recovery(tmp_path / "recovery").pending()] == [autosaved]


def test_untitled_plans_of_two_sessions_do_not_share_an_autosave() -> None:
    plan = load_plan(get_path("synthetic_cn"))
    one, two = Session(plan), Session(load_plan(get_path("synthetic_cn")))
    assert Recovery.key_for(one) != Recovery.key_for(two)


def test_recover_opens_an_unsaved_session_from_a_copy(session: Session, tmp_path) -> None:
    recovery = Recovery(tmp_path / "recovery")
    session.push(DeleteFeature("facilities", "SS02"))
    autosaved = recovery.autosave(session)
    _as_if_crashed(autosaved)
    (item,) = recovery.pending()
    recovered = recovery.recover(item)
    assert recovered.dirty
    assert recovered.path is None  # an untitled plan stays untitled
    assert "SS02" not in set(recovered.plan.layers["facilities"].frame["id"])
    # read from a copy kept aside, never from the autosave itself
    (copy,) = (tmp_path / "recovery" / "recovered").glob("*.gpkg")
    assert copy.name.startswith(item["key"])
    # the recovered session autosaves under its own key; the crashed one's is gone
    assert not autosaved.exists() and not autosaved.with_suffix(".json").exists()
    assert (tmp_path / "recovery" / f"{Recovery.key_for(recovered)}.gpkg").is_file()


def test_recover_keeps_the_plan_file_and_its_autosave(session: Session, tmp_path) -> None:
    plan_file = session.save(tmp_path / "plan.gpkg")
    recovery = Recovery(tmp_path / "recovery")
    session.push(DeleteFeature("facilities", "SS02"))
    autosaved = recovery.autosave(session)
    _as_if_crashed(autosaved)
    (item,) = recovery.pending()
    assert item["source"] == str(plan_file)
    recovered = recovery.recover(item)
    assert recovered.path == plan_file and recovered.dirty
    # same plan file, same key: the autosave is rewritten, not removed
    assert Recovery.key_for(recovered) == item["key"]
    assert autosaved.is_file()
    assert "SS02" in set(load_gpkg(plan_file).layers["facilities"].frame["id"])


def test_remove_forgets_a_declined_autosave(session: Session, tmp_path) -> None:
    recovery = Recovery(tmp_path / "recovery")
    autosaved = recovery.autosave(session)
    _as_if_crashed(autosaved)
    (item,) = recovery.pending()
    recovery.remove(item["key"])
    assert recovery.pending() == []
    assert list((tmp_path / "recovery").iterdir()) == []


def test_a_broken_info_file_is_not_offered(session: Session, tmp_path) -> None:
    recovery = Recovery(tmp_path / "recovery")
    autosaved = recovery.autosave(session)
    autosaved.with_suffix(".json").write_text("{not json", encoding="utf-8")
    assert recovery.pending() == []
