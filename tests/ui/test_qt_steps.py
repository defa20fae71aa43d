"""Progress and cancel on the desktop: every job has a Feedback, Cancel calls its cancel(), and a
step code is shown in the app's language."""

from __future__ import annotations

import threading

import pytest
from PyQt5.QtWidgets import QApplication

from spaceplanner.feedback import STEPS, Feedback
from spaceplanner.model.plan import load_plan
from spaceplanner.sample_maps import get_path
from spaceplanner.ui import i18n
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_steps import step_text
from spaceplanner.ui.qt_worker import QtBackgroundTask


@pytest.fixture
def chinese(qapp: QApplication):
    assert i18n.install(qapp, "zh")
    yield qapp
    i18n.install(qapp, "en")


@pytest.fixture
def cancels(monkeypatch) -> list[Feedback]:
    """Every Feedback.cancel() call, by feedback."""
    seen: list[Feedback] = []
    real = Feedback.cancel

    def spy(self: Feedback) -> None:
        seen.append(self)
        real(self)

    monkeypatch.setattr(Feedback, "cancel", spy)
    return seen


def test_every_step_code_has_words() -> None:
    for code in STEPS:
        assert step_text(code) != code, f"no words for the step code {code!r}"
    assert step_text("writing", "csv") == "Writing the files: csv"
    assert step_text("a_new_step") == "a_new_step"  # shown as it is, never an error


def test_a_step_code_shows_its_chinese_words(qtbot, chinese) -> None:
    assert step_text("shelters") == "避难场所"
    assert step_text("gaps") == "服务盲区与服务范围"
    from spaceplanner.ui.qt_main_window import QtMainWindow

    window = QtMainWindow(None, lang="zh")
    qtbot.addWidget(window)
    window._closing_ok = True
    window._evaluation_progress(0.4, "network", "")
    assert window.progress.format() == "步行网络与居民 %p%"
    assert window.progress.value() == 40


def test_the_cancel_button_cancels_the_runs_feedback(qtbot, cancels, gate) -> None:
    from spaceplanner.ui.qt_main_window import QtMainWindow

    window = QtMainWindow(None)
    qtbot.addWidget(window)
    window._closing_ok = True
    window.show()
    qtbot.waitExposed(window)
    assert window.open_sample("synthetic_cn")  # its first, full run waits at the gate
    qtbot.waitUntil(lambda: window.runner.busy, timeout=30000)
    job = window.runner._current
    assert job is not None and not job.feedback.is_cancelled
    assert window.cancel_button.isVisible()
    with qtbot.waitSignal(window.runner.cancelled, timeout=30000):
        window.cancel_button.click()
        assert cancels == [job.feedback]  # the GUI thread cancels; the worker stops at a check
        gate.set()
    assert job.feedback.is_cancelled
    assert window.session is not None and window.session.report is None
    assert not window.cancel_button.isVisible()


def test_a_background_task_is_cancelled_through_its_feedback(qtbot, cancels) -> None:
    task = QtBackgroundTask()
    started, go_on = threading.Event(), threading.Event()
    seen: list[Feedback] = []

    def work(feedback: Feedback) -> str:
        seen.append(feedback)
        started.set()
        go_on.wait(10)
        feedback.step("writing", 0.5)  # raises: the job was cancelled meanwhile
        return "written"

    outcomes: list[str] = []
    task.finished.connect(lambda result: outcomes.append("finished"))
    assert task.start(work)
    assert started.wait(10)
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        task.cancel()
        assert task.is_cancelling()
        go_on.set()
    assert cancels == seen and outcomes == []
    assert task.shutdown(5000)


def test_the_suggest_dialogs_cancel_button_cancels_the_feedback(qtbot, cancels, monkeypatch):
    import spaceplanner.ui.dialogs.qt_suggest_dialog as suggest_dialog

    started, go_on = threading.Event(), threading.Event()
    given: list[Feedback] = []

    def slow_suggest(plan, *, feedback, **question):
        given.append(feedback)
        started.set()
        go_on.wait(10)
        feedback.step("solving", 0.3)
        raise AssertionError("not reached: cancelled")

    monkeypatch.setattr(suggest_dialog, "suggest", slow_suggest)
    session = Session(load_plan(get_path("synthetic_cn"), strict=False))
    dialog = suggest_dialog.QtSuggestDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.start()
    assert started.wait(10)
    with qtbot.waitSignal(dialog.task.cancelled, timeout=10000):
        dialog.cancel_button.click()
        go_on.set()
    assert cancels == given
    assert dialog.summary.text() == "Cancelled."
