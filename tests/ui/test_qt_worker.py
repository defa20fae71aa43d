"""The evaluation runner: one run at a time off the GUI thread, coalesced live runs, cancel."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import MoveFeature
from spaceplanner.model.plan import Plan, load_plan
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_indicators_panel import QtIndicatorsPanel
from spaceplanner.ui.qt_worker import QtBackgroundTask, QtEvaluationRunner


def figures(report) -> dict:
    return report.figures()


@pytest.fixture
def session() -> Session:
    return Session(load_plan(get_path("synthetic_cn"), strict=False))


@pytest.fixture
def runner(qtbot, session: Session) -> Iterator[QtEvaluationRunner]:
    runner = QtEvaluationRunner(session)
    yield runner
    assert runner.shutdown(30000)


def test_full_run_reports_progress_and_matches_a_direct_evaluation(qtbot, session, runner):
    steps: list[tuple[float, str]] = []
    runner.progress.connect(lambda f, code, detail: steps.append((f, code)))
    with qtbot.waitSignal(runner.started) as start:
        runner.request_full()
    assert start.args == [True]
    assert runner.busy
    with qtbot.waitSignal(runner.finished, timeout=30000) as done:
        pass
    report, full = done.args
    assert full is True
    assert not runner.busy
    assert session.report is report
    assert runner.last_full_report is report and not runner.stale_areas
    assert {"gap_areas", "service_areas"} <= set(report.layers)
    direct = Evaluator(load_plan(get_path("synthetic_cn"), strict=False)).evaluate(
        scenario=session.scenario, period=session.period
    )
    assert figures(report) == figures(direct)
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    # step codes, not words: the window translates them
    assert [code for _, code in steps] == [
        "network",
        "shelters",
        "activity_spaces",
        "facilities",
        "gaps",
        "done",
    ]


def test_live_run_after_an_edit_equals_a_fresh_evaluation(qtbot, session, runner):
    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.request_full()
    before = figures(session.report)
    session.push(MoveFeature("shelters", "BN01", 400.0, 250.0))
    with qtbot.waitSignal(runner.finished, timeout=30000) as done:
        runner.request_live()
    report, full = done.args
    assert full is False
    assert session.report is report
    assert runner.stale_areas  # gap areas shown are the last full run's
    # the slow area layers come from the last full run, marked stale; the rest is new
    assert report.stale == {"gap_areas", "service_areas"}
    assert report.layers["gap_areas"] is runner.last_full_report.layers["gap_areas"]
    assert "uncovered_residents" in report.layers
    fresh = Evaluator(session.plan).evaluate(scenario=session.scenario, period=session.period)
    assert figures(report) == figures(fresh)
    assert figures(report) != before
    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.request_full()
    assert not runner.stale_areas


def test_scenario_and_period_come_from_the_session(qtbot, session, runner):
    session.scenario, session.period = "flood", "normal"
    with qtbot.waitSignal(runner.finished, timeout=30000) as done:
        runner.request_live()
    report = done.args[0]
    assert report.to_dict()["scenario"] == "flood" and report.to_dict()["period"] == "normal"
    assert report.to_dict()["shelters"] is None and report.to_dict()["facilities"]


def test_cancel_stops_the_run_without_a_report(qtbot, session, runner, gate):
    reports = []
    runner.finished.connect(lambda r, full: reports.append(r))
    with qtbot.waitSignal(runner.started):
        runner.request_full()
    runner.request_live()  # wanted after the run: cancel forgets it too
    with qtbot.waitSignal(runner.cancelled, timeout=10000):
        runner.cancel()
        gate.set()
    assert not runner.busy and runner.pending is None
    assert session.report is None and reports == []
    assert runner.wait(1000)
    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.request_live()  # the next request works
    assert session.report is not None and runner.runs == 2


def test_many_live_requests_during_a_run_make_one_more_run(qtbot, session, runner, gate):
    started: list[bool] = []
    finished: list[bool] = []
    runner.started.connect(started.append)
    runner.finished.connect(lambda r, full: finished.append(full))
    runner.request_live()
    for i in range(8):  # a drag: an edit and a request every few milliseconds
        session.push(MoveFeature("shelters", "BN02", 10.0, 0.0, label=f"step {i}"))
        runner.request_live()
    assert runner.pending == "live"
    gate.set()
    assert runner.wait(30000)
    assert started == [False, False] and finished == [False, False]
    fresh = Evaluator(session.plan).evaluate(scenario=session.scenario, gaps=False)
    assert figures(session.report) == figures(fresh)  # the second run saw every edit


def test_requests_without_edits_do_not_run_again(qtbot, session, runner, gate):
    runner.request_full()
    for _ in range(3):
        runner.request_live()  # nothing changed: the full run already answers it
    gate.set()
    assert runner.wait(30000)
    assert runner.runs == 1
    runner.request_live()  # idle: a request always runs
    assert runner.wait(30000)
    assert runner.runs == 2


def test_a_full_request_during_a_live_run_wins(qtbot, session, runner, gate):
    kinds: list[bool] = []
    runner.started.connect(kinds.append)
    runner.request_live()
    runner.request_full()
    runner.request_live()
    assert runner.pending == "full"
    gate.set()
    assert runner.wait(30000)
    assert kinds == [False, True]
    assert not runner.stale_areas and runner.last_full_report is session.report


def test_a_plan_the_engine_refuses_fails_with_its_message(qtbot):
    session = Session(Plan("empty", crs=None))
    runner = QtEvaluationRunner(session)
    with qtbot.waitSignal(runner.failed, timeout=10000) as failed:
        runner.request_full()
    assert "no usable layers" in failed.args[0]
    assert not runner.busy and session.report is None
    assert runner.shutdown(10000)


def test_an_unexpected_error_is_a_short_message_and_a_logged_traceback(
    qtbot, session, runner, monkeypatch, caplog
):
    def broken(self, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(Evaluator, "evaluate", broken)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(runner.failed, timeout=10000) as failed:
        runner.request_live()
    message = failed.args[0]
    assert "ZeroDivisionError: boom" in message and "log" in message
    assert "Traceback" not in message
    assert "Traceback" in runner.last_traceback and "boom" in caplog.text
    assert not runner.busy and session.report is None


def test_edits_after_a_failure_are_evaluated(qtbot, session, runner, monkeypatch):
    calls = []
    real = Evaluator.evaluate

    def flaky(self, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ZeroDivisionError("first")
        return real(self, **kwargs)

    monkeypatch.setattr(Evaluator, "evaluate", flaky)
    with qtbot.waitSignal(runner.failed, timeout=10000):
        runner.request_live()
    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.request_live()
    assert session.report is not None


def test_shutdown_cancels_and_leaves_no_thread_running(qtbot, session, gate):
    runner = QtEvaluationRunner(session)
    signals: list[str] = []
    runner.finished.connect(lambda *a: signals.append("finished"))
    runner.cancelled.connect(lambda: signals.append("cancelled"))
    with qtbot.waitSignal(runner.started):
        runner.request_full()
    host = runner._host
    assert host.thread_alive
    threading.Timer(0.2, gate.set).start()
    assert runner.shutdown(20000)
    assert not host.thread_alive and not runner.busy
    assert not [t for t in threading.enumerate() if t.name == host.name]
    runner.request_live()  # a closed runner does nothing
    qtbot.wait(100)
    assert not runner.busy and signals == [] and session.report is None


def test_without_a_session_requests_do_nothing(qtbot):
    runner = QtEvaluationRunner(None)
    runner.request_full()
    runner.request_live()
    assert not runner.busy and runner.runs == 0
    assert runner.shutdown(1000)


def test_switching_sessions_drops_the_running_run(qtbot, session, runner, gate):
    other = Session(load_plan(get_path("synthetic_cn"), strict=False))
    with qtbot.waitSignal(runner.started):
        runner.request_full()
    runner.set_session(other)
    with qtbot.waitSignal(runner.cancelled, timeout=10000):
        gate.set()
    assert session.report is None and other.report is None
    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.request_live()
    assert other.report is not None and session.report is None


def test_background_task_runs_cancels_and_fails(qtbot):
    task = QtBackgroundTask()

    def quick(feedback):
        feedback.step("writing", 0.5, "csv")
        return 42

    reported: list[tuple[float, str, str]] = []
    task.progress.connect(lambda f, code, detail: reported.append((f, code, detail)))
    with qtbot.waitSignal(task.finished, timeout=5000) as done:
        assert task.start(quick)
    assert done.args == [42] and not task.busy and reported == [(0.5, "writing", "csv")]

    gate = threading.Event()

    def slow(feedback):
        gate.wait(10)
        feedback.check()
        return "late"

    assert task.start(slow)
    assert not task.start(slow)  # one at a time
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
        gate.set()
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        task.start(lambda feedback: 1 / 0)
    assert "ZeroDivisionError" in failed.args[0]
    assert task.shutdown(5000) and not task._host.thread_alive
    with qtbot.waitSignal(task.finished, timeout=5000):
        assert task.start(quick)  # a new worker thread after a shutdown
    assert task.shutdown(5000)


def test_every_edit_reaches_the_panel_on_helsinki(qtbot):
    """The live path: MoveFeature → live run → QtIndicatorsPanel updated, once per edit (its
    time is measured by bench/bench_live.py, not here: the machine is shared)."""
    session = Session(load_plan(get_path("helsinki"), strict=False))
    runner = QtEvaluationRunner(session)
    panel = QtIndicatorsPanel(session)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(runner.finished, timeout=60000):
        runner.request_full()  # builds the network and every layer's distances once
    edits = {
        "facility": ("facilities", "node/1007942428"),
        "space (dual-use shelter)": ("activity_spaces", "relation/6627217"),
    }
    for layer, fid in edits.values():
        for i in range(3):
            shown = panel.report
            session.push(MoveFeature(layer, fid, 30.0 if i % 2 else -30.0, 15.0))
            runner.request_live()
            assert runner.wait(10000)
            assert panel.report is not shown and panel.report is session.report
            assert runner.stale_areas  # a live run: the areas are the last full run's
    assert runner.shutdown(30000)


def test_quick_live_runs_are_done_at_once_in_the_window_thread(qtbot, session, runner, monkeypatch):
    threads: list[threading.Thread] = []
    real = Evaluator.evaluate

    def spy(self, **kwargs):
        threads.append(threading.current_thread())
        return real(self, **kwargs)

    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.request_full()
    session.push(MoveFeature("shelters", "BN01", 100.0, 0.0))
    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.request_live()  # the first live run: in the worker, and timed
    assert runner.last_live_duration is not None
    runner.quick_seconds = 10.0
    monkeypatch.setattr(Evaluator, "evaluate", spy)
    session.push(MoveFeature("shelters", "BN01", 150.0, 50.0))
    seen: list[bool] = []
    runner.finished.connect(lambda _report, full: seen.append(full))
    runner.request_live()
    assert seen == [False]  # done before request_live returned
    assert threads == [threading.main_thread()]
    assert not runner.busy and runner.stale_areas
    fresh = Evaluator(session.plan).evaluate(scenario=session.scenario, period=session.period)
    assert figures(session.report) == figures(fresh)
    # a slow live run goes back to the worker
    runner.quick_seconds = 0.0
    session.push(MoveFeature("shelters", "BN01", -250.0, -50.0))
    runner.request_live()
    assert seen == [False] and runner.busy
    qtbot.waitUntil(lambda: not runner.busy, timeout=30000)
    assert threads[-1] is not threading.main_thread()


def test_live_reports_carry_areas_only_of_the_same_period(qtbot, session, runner):
    with qtbot.waitSignal(runner.finished, timeout=30000):
        runner.request_full()
    full = runner.last_full_report
    session.push(MoveFeature("shelters", "BN01", 50.0, 0.0))
    with qtbot.waitSignal(runner.finished, timeout=30000) as same:
        runner.request_live()
    assert same.args[0].layers["gap_areas"] is full.layers["gap_areas"]
    # the period changes and its full run never finishes: no areas of the old period
    session.period = "normal"
    session.push(MoveFeature("shelters", "BN01", 50.0, 0.0))
    with qtbot.waitSignal(runner.finished, timeout=30000) as other:
        runner.request_live()
    report = other.args[0]
    assert report.to_dict()["period"] == "normal"
    assert "gap_areas" not in report.layers and not report.stale
