"""Bad plans of the corpus opened in the desktop app: the dialog says what the command line says.

For each case the plan is evaluated with the real ``spaceplanner`` command (its one ``error:``
line) and opened in the main window; the dialog must carry the same message (file paths shown
relative to the plan's folder on both sides) and no raw exception text.
"""

from __future__ import annotations

import re
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from PyQt5.QtWidgets import QMessageBox

from spaceplanner.ui.qt_main_window import QtMainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the corpus and its runner

from corpus.build import CASES
from test_corpus import error_lines, run

DIALOG_CASES = [
    "encoding_5",
    "layers_residents_string",
    "gpkg_plan_metadata_garbled",
    "gpkg_plan_layer_dropped",
    "dual_use_bad_value",
    "truncated_shp",
    "empty_geojson",
    "fifo_plan",
    "plan_is_a_folder",
]
BY_NAME = {case.name: case for case in CASES}
RAW = re.compile(
    r"Traceback|\b[A-Z][A-Za-z]*(Error|Exception)\b|argument must be|Unable to allocate|Errno"
)


def _plan_of(folder: Path) -> Path:
    gpkg = folder / "plan.gpkg"
    return gpkg if gpkg.exists() and not (folder / "plan.toml").exists() else folder / "plan.toml"


def _plain(text: str, folder: Path) -> str:
    for prefix in {f"{folder.resolve()}/", f"{folder}/"}:
        text = text.replace(prefix, "")
    return text


@pytest.fixture
def window(qtbot) -> Iterator[QtMainWindow]:
    win = QtMainWindow(None)
    qtbot.addWidget(win)
    win._closing_ok = True
    yield win
    runner = win.runner
    if runner is not None:  # a plan opened: let its evaluation end before the window goes
        qtbot.waitUntil(lambda: not runner.busy and runner.pending is None, timeout=60000)


class _HangError(BaseException):
    """Raised by the alarm; not an ``Exception``, so the app's own handlers cannot swallow it."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _HangError


@pytest.mark.parametrize("name", DIALOG_CASES)
def test_dialog_shows_the_command_line_message(
    name: str, window: QtMainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    BY_NAME[name].build(folder)
    plan = _plan_of(folder)
    shown: list[str] = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: shown.append(str(a[2])))
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(20)  # opening must not hang the window (a FIFO, a huge file)
    try:
        window.open_path(plan.resolve(), remember=False)
    except _HangError:
        pytest.fail("opening the plan hung the desktop app")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert shown, "no dialog was shown"
    text = _plain("\n".join(shown), folder)
    assert not RAW.search(text), f"raw exception text in the dialog:\n{text}"
    done = run(("evaluate", plan.name, "--out", "out"), folder, timeout=20.0)
    assert done.code == 2, f"the command line itself fails the case: exit {done.code} {done.err}"
    lines = error_lines(done)
    assert len(lines) == 1, done.err
    cli = _plain(lines[0].removeprefix("error: "), folder)
    assert cli in text, f"the dialog:\n{text}\n\ndoes not carry the command line's message:\n{cli}"
