"""Work off the GUI thread: evaluations after edits, and one-off tasks such as exports.

Each runner has one private worker thread that runs one job at a time (a Python thread, not a
``QThread``: see :class:`_TaskHost` for the pyproj crash that rules Qt's threads out). Results
come back as queued signals, so every slot runs in the GUI thread.

:class:`QtEvaluationRunner` owns one :class:`~spaceplanner.engine.evaluation.Evaluator` per
session. The evaluator caches its stages' work keyed by layer versions (an edit command gives the
layer it changes a new version), so evaluating again after an edit recomputes only what the edit
touched. Each run evaluates a
:meth:`~spaceplanner.ui.model.session.Session.snapshot` of the plan, so edits may go on meanwhile.

Two kinds of run:

*full* (:meth:`QtEvaluationRunner.request_full`, the Evaluate button)
    every layer, with the gap areas and service areas (seconds at city scale), with progress.
*live* (:meth:`QtEvaluationRunner.request_live`, after each edit)
    the figures and the point layers only (``gaps="points"``: tens of milliseconds once the
    evaluator is warm). A live report has no ``gap_areas`` or ``service_areas`` layer: the ones
    on the map are those of :attr:`QtEvaluationRunner.last_full_report`, and
    :attr:`QtEvaluationRunner.stale_areas` says they no longer match the figures.

Every job gets a :class:`~spaceplanner.feedback.Feedback`: it reports progress by step code
(the signals carry ``(fraction, code, detail)``; :func:`spaceplanner.ui.qt_steps.step_text` gives
the words) and Cancel calls :meth:`~spaceplanner.feedback.Feedback.cancel`, which is safe from
the GUI thread; the job stops with :class:`~spaceplanner.feedback.CancelledError` at its next
check.

Requests made while a run is going are coalesced (the policy, Qt-free, is
:mod:`spaceplanner.ui.model.scheduling`): at most one more run is remembered (a full one if any
full run was asked for), and it evaluates the plan as it is when it starts, so no stale run is
ever queued.

*drag* (:meth:`QtEvaluationRunner.drag_to`, while the move tool drags a site)
    the figures with the site at the pointer (:class:`~spaceplanner.engine.drag.SiteDrag`:
    only the moved site is recomputed). Pointer moves are coalesced the same way: one drag
    update runs at a time, and the next one is for the latest position; the positions in
    between are never computed. The release is an edit like any other (a live run follows).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PyQt5.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    pyqtSignal,
    pyqtSlot,
)

from spaceplanner.engine.drag import DRAGGABLE_ROLES, DragFrame, SiteDrag
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.feedback import CancelledError, Feedback, Listener
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.plan import Plan
from spaceplanner.results.report import Report
from spaceplanner.ui.model.scheduling import (
    Kind,
    RunSchedule,
    plan_state,
    runs_in_place,
    with_areas_of,
)
from spaceplanner.ui.model.session import Session

__all__ = ["QtBackgroundTask", "QtEvaluationRunner", "TaskFunction"]

log = logging.getLogger(__name__)

#: A task: called in the worker thread with the job's feedback (progress by step code, cancel);
#: returns the result, or raises (:class:`~spaceplanner.feedback.CancelledError` once cancelled).
TaskFunction = Callable[[Feedback], Any]


@dataclass(eq=False)
class _Job:
    """One run of a task function on the worker thread, with its feedback."""

    fn: TaskFunction
    info: dict[str, Any] = field(default_factory=dict)
    #: Where the feedback's steps go (the host sets it when the job is submitted).
    sink: Listener | None = None
    #: A task that returned normally has done its work (an export's files are in place): its
    #: result is delivered even if Cancel came too late to stop it.
    keep_late_result: bool = False
    feedback: Feedback = field(init=False)

    def __post_init__(self) -> None:
        self.feedback = Feedback(self._report)

    def _report(self, fraction: float, code: str, detail: str) -> None:
        if self.sink is not None:
            self.sink(fraction, code, detail)

    @property
    def cancelled(self) -> bool:
        return self.feedback.is_cancelled


@dataclass(eq=False)
class _Drag:
    """A drag in progress: the site, the latest pointer offset, the one last computed."""

    layer: str
    feature_id: str
    offset: tuple[float, float] = (0.0, 0.0)
    served: tuple[float, float] | None = None
    engine: SiteDrag | None = None
    failed: bool = False

    @property
    def waiting(self) -> bool:
        return not self.failed and self.offset != self.served


class _TaskHost(QObject):
    """One worker thread that runs one job at a time and reports back by queued signals.

    The thread is a Python thread, not a ``QThread``: on a thread Qt created, PyQt makes and
    drops a Python thread state around every call into Python, and pyproj 3.7 keeps its
    per-thread PROJ context in a way that dangles once that state is dropped, so the next
    evaluation on that thread crashes in ``proj_create`` (pyproj issues #1509 and #1622). A
    Python thread keeps one thread state for its whole life. It ends after
    :data:`IDLE_SECONDS` without work, or at :meth:`stop`.

    Signals carry the job, so a receiver can ignore a job it no longer waits for.
    """

    IDLE_SECONDS = 60.0

    progress = pyqtSignal(object, float, str, str)
    done = pyqtSignal(object, object)
    failed = pyqtSignal(object, str)
    cancelled = pyqtSignal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._lock = threading.Lock()
        # the worker thread and its own queue (a thread that outlives stop() keeps its queue)
        self._thread: threading.Thread | None = None
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._idle = threading.Event()
        self._idle.set()

    @property
    def thread_alive(self) -> bool:
        """True while the worker thread exists."""
        with self._lock:
            return self._thread is not None and self._thread.is_alive()

    def submit(self, job: _Job) -> None:
        """Queue ``job``; its feedback's steps are emitted as :attr:`progress`."""
        job.sink = lambda fraction, code, detail: self._emit(
            self.progress, job, fraction, code, detail
        )
        with self._lock:
            self._idle.clear()
            if self._thread is None:
                self._jobs = queue.SimpleQueue()
                # daemon: a forgotten stop() must not keep the interpreter from exiting
                self._thread = threading.Thread(
                    target=self._loop, args=(self._jobs,), name=self.name, daemon=True
                )
                self._thread.start()
            self._jobs.put(job)

    def _loop(self, jobs: queue.SimpleQueue[_Job | None]) -> None:
        while True:
            try:
                job = jobs.get(timeout=self.IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if jobs.empty():
                        if self._thread is threading.current_thread():
                            self._thread = None
                        return
                continue
            if job is None:
                return
            try:
                self._execute(job)
            finally:
                self._idle.set()

    def _emit(self, signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the receiver's side was deleted meanwhile
            signal.emit(*args)

    def _execute(self, job: _Job) -> None:
        """Run ``job`` (in the worker thread) and emit how it ended."""
        try:
            result = job.fn(job.feedback)
        except CancelledError:
            self._emit(self.cancelled, job)
        except SpacePlannerError as exc:
            self._emit(self.failed, job, exc.describe())
        except Exception as exc:
            # Unexpected: keep the app running, say it briefly, keep the details in the log.
            job.info["traceback"] = traceback.format_exc()
            log.error("background task failed:\n%s", job.info["traceback"])
            self._emit(self.failed, job, f"{type(exc).__name__}: {exc}")
        else:
            if job.cancelled and not job.keep_late_result:
                self._emit(self.cancelled, job)  # ended before it saw the flag: discarded
            else:
                self._emit(self.done, job, result)

    def wait_idle(self, ms: int) -> bool:
        """Wait up to ``ms`` for the current job to end; True when no job runs."""
        return self._idle.wait(ms / 1000)

    def stop(self, ms: int) -> bool:
        """End the worker thread after its current job; wait up to ``ms`` (-1: for ever).

        True when the thread has ended.
        """
        with self._lock:
            thread, self._thread = self._thread, None
            if thread is not None:
                self._jobs.put(None)
        if thread is None:
            return True
        thread.join(None if ms < 0 else ms / 1000)
        return not thread.is_alive()


def _process_until(done: Callable[[], bool], host: _TaskHost, ms: int) -> bool:
    """Deliver queued results (process GUI events) until ``done()`` or ``ms`` have passed."""
    end = None if ms < 0 else time.monotonic() + ms / 1000
    while not done():
        if end is not None and time.monotonic() >= end:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not done():
            host.wait_idle(10)
    return True


class QtBackgroundTask(QObject):
    """Runs one function at a time on a worker thread (exports, previews).

    Parameters
    ----------
    parent
        The owner; call :meth:`shutdown` before it goes away while a task may run.

    Signals
    -------
    started()
        A task began.
    progress(float fraction, str code, str detail)
        The step the task reported (a code of :data:`spaceplanner.feedback.STEPS`; the words
        are :func:`spaceplanner.ui.qt_steps.step_text`), in the GUI thread.
    finished(object result)
        The task's return value.
    failed(str message)
        A :class:`~spaceplanner.layers.errors.SpacePlannerError`'s description, or a short
        message for an unexpected error (its traceback goes to the log).
    cancelled()
        The task stopped after :meth:`cancel` (its result, if any, is discarded).
    """

    started = pyqtSignal()
    progress = pyqtSignal(float, str, str)
    finished = pyqtSignal(object)
    failed = pyqtSignal(str)
    cancelled = pyqtSignal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = _TaskHost("spaceplanner-task", self)
        self._host.progress.connect(self._on_progress)
        self._host.done.connect(self._on_done)
        self._host.failed.connect(self._on_failed)
        self._host.cancelled.connect(self._on_cancelled)
        self._current: _Job | None = None

    @property
    def busy(self) -> bool:
        """True while a task runs (until its ending signal has been emitted)."""
        return self._current is not None

    def start(self, fn: TaskFunction) -> bool:
        """Run ``fn(feedback)`` on the worker thread; False when one is running.

        ``fn`` reports with ``feedback.step(code, fraction, detail)`` and stops at
        ``feedback.check()`` (raising :class:`~spaceplanner.feedback.CancelledError`) once
        :meth:`cancel` was called.
        """
        if self._current is not None:
            return False
        self._current = _Job(fn, keep_late_result=True)
        self.started.emit()
        self._host.submit(self._current)
        return True

    def cancel(self) -> None:
        """Ask the running task to stop (:meth:`Feedback.cancel
        <spaceplanner.feedback.Feedback.cancel>`); :attr:`cancelled` follows when it has."""
        if self._current is not None:
            self._current.feedback.cancel()

    def is_cancelling(self) -> bool:
        """True when the running task was asked to stop."""
        return self._current is not None and self._current.cancelled

    def wait(self, ms: int = 30000) -> bool:
        """Block (processing events) until the task has ended and reported; True when idle."""
        return _process_until(lambda: self._current is None, self._host, ms)

    def shutdown(self, ms: int = -1) -> bool:
        """Cancel the task, drop its outcome (no signal follows) and end the worker thread,
        waiting up to ``ms`` (-1: as long as it takes); True when the thread has ended.

        A later :meth:`start` starts a new worker thread.
        """
        self.cancel()
        self._current = None
        return self._host.stop(ms)

    @pyqtSlot(object, float, str, str)
    def _on_progress(self, job: _Job, fraction: float, code: str, detail: str) -> None:
        if job is self._current and not job.cancelled:
            self.progress.emit(fraction, code, detail)

    @pyqtSlot(object, object)
    def _on_done(self, job: _Job, result: object) -> None:
        if self._end(job):
            self.finished.emit(result)

    @pyqtSlot(object, str)
    def _on_failed(self, job: _Job, message: str) -> None:
        if self._end(job):
            self.failed.emit(message)

    @pyqtSlot(object)
    def _on_cancelled(self, job: _Job) -> None:
        if self._end(job):
            self.cancelled.emit()

    def _end(self, job: _Job) -> bool:
        if job is not self._current:
            return False
        self._current = None
        return True


class QtEvaluationRunner(QObject):
    """Evaluates a session's plan on a worker thread, one run at a time.

    Parameters
    ----------
    session
        The open plan (or None until one is opened); its ``scenario`` and ``period`` are read
        when a run starts.
    parent
        The owner (the main window). Call :meth:`shutdown` when the app closes (the runner
        also does it when the application is about to quit).
    rules
        A rule profile name or path overriding the plan's.

    Signals
    -------
    started(bool full)
        A run began. Exactly one of the three signals below follows it (none after
        :meth:`shutdown`).
    progress(float fraction, str code, str detail)
        How far a full run is: the step code (:data:`spaceplanner.feedback.STEPS`; the words
        are :func:`spaceplanner.ui.qt_steps.step_text`).
    finished(object report, bool full)
        A run ended with a :class:`~spaceplanner.results.report.Report`, already given to
        :meth:`Session.set_report <spaceplanner.ui.model.session.Session.set_report>`.
    failed(str message)
        A run failed: the error's description (or a short message; the traceback is logged).
    cancelled()
        A run stopped after :meth:`cancel`, or its outcome was dropped because another session
        was set meanwhile; the session's report is unchanged.
    drag_updated(object frame)
        A :class:`~spaceplanner.engine.drag.DragFrame`: the figures with the dragged site at the
        latest pointer position computed (not given to the session: the window shows it).
    """

    drag_updated = pyqtSignal(object)
    started = pyqtSignal(bool)
    progress = pyqtSignal(float, str, str)
    finished = pyqtSignal(object, bool)
    failed = pyqtSignal(str)
    cancelled = pyqtSignal()

    def __init__(
        self,
        session: Session | None,
        parent: QObject | None = None,
        *,
        rules: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._rules = rules
        self._host = _TaskHost("spaceplanner-evaluation", self)
        self._host.progress.connect(self._on_progress)
        self._host.done.connect(self._on_done)
        self._host.failed.connect(self._on_failed)
        self._host.cancelled.connect(self._on_cancelled)
        self._evaluator: Evaluator | None = None
        self._evaluator_key: tuple[Any, ...] | None = None
        self._current: _Job | None = None
        self._schedule = RunSchedule()
        self._drag: _Drag | None = None
        self._closed = False
        #: The report of the last full run (its gap and service areas are the latest known).
        self.last_full_report: Report | None = None
        self._last_full_for: tuple[str, str] | None = None  # its (scenario, period)
        #: True when the session's report came from a live run: its figures are current, but the
        #: gap and service areas shown are from :attr:`last_full_report` (or not computed yet).
        self.stale_areas = False
        #: Runs started so far (full and live), for diagnostics and tests.
        self.runs = 0
        #: Seconds the last completed run took in the worker thread.
        self.last_duration: float | None = None
        #: Traceback text of the last unexpected error (also logged), or None.
        self.last_traceback: str | None = None
        #: Seconds the last live run took (None before the first); a live run is done at once
        #: in the window's thread when the one before took at most :attr:`quick_seconds`.
        self.last_live_duration: float | None = None
        #: Live runs expected to take up to this long are not handed to the worker thread.
        self.quick_seconds = 0.2
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)

    # -- state ------------------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        """The session evaluated."""
        return self._session

    def set_session(self, session: Session | None) -> None:
        """Evaluate another session (or none) from now on.

        A running run is cancelled; when it stops, :attr:`cancelled` is emitted.
        """
        self.cancel()
        self._session = session
        self._drag = None
        self._evaluator = None
        self._evaluator_key = None
        self.last_full_report = None
        self.last_live_duration = None
        self.stale_areas = False

    @property
    def rules(self) -> str | None:
        """The rule profile overriding the plan's (None: the plan's own)."""
        return self._rules

    @rules.setter
    def rules(self, value: str | None) -> None:
        if value != self._rules:
            self._rules = value
            self._evaluator = None  # its caches hold distances for the old radii

    @property
    def busy(self) -> bool:
        """True while a run is going (until its ending signal has been emitted)."""
        return self._current is not None

    @property
    def pending(self) -> Kind | None:
        """The run wanted after the current one: ``"full"``, ``"live"`` or None."""
        return self._schedule.pending

    # -- requests -----------------------------------------------------------------------------
    def request_full(self) -> None:
        """Evaluate everything, gap and service areas included (after the current run, if any)."""
        if self._closed or self._session is None:
            return
        if self._schedule.request("full", busy=self._current is not None):
            self._start(full=True)

    def request_live(self) -> None:
        """Update the figures after an edit: a quick run without gap areas.

        While a run is going, this only remembers that one more run is wanted; any number of
        requests then make one run, of the plan as it is when that run starts.
        """
        if self._closed or self._session is None:
            return
        if not self._schedule.request("live", busy=self._current is not None):
            return
        warm = self._evaluator is not None and self._evaluator_key == self._key(self._session)
        if runs_in_place(
            warm=warm, last_live_seconds=self.last_live_duration, quick_seconds=self.quick_seconds
        ):
            self._run_here()
        else:
            self._start(full=False)

    def drag_to(self, layer: str, feature_id: str, dx: float, dy: float) -> None:
        """The site (layer, id) is dragged ``(dx, dy)`` metres from where it is: compute the
        figures there (after the current run; only the latest position is remembered)."""
        session = self._session
        if self._closed or session is None or session.report is None:
            return
        lyr = session.plan.layers.get(layer)
        if lyr is None or lyr.role not in DRAGGABLE_ROLES:
            return
        drag = self._drag
        if drag is None or (drag.layer, drag.feature_id) != (layer, feature_id):
            drag = self._drag = _Drag(layer, feature_id)
        drag.offset = (float(dx), float(dy))
        if self._current is None and drag.waiting:
            self._start_drag(drag)

    def drag_end(self) -> None:
        """The drag ended: forget it (an update still running is dropped when it ends)."""
        self._drag = None

    @property
    def dragging(self) -> bool:
        """True while a drag is followed."""
        return self._drag is not None

    def _start_drag(self, drag: _Drag) -> None:
        session = self._session
        assert session is not None and session.report is not None
        key = self._key(session)
        if self._evaluator_key != key:
            self._evaluator = None
        evaluator, rules = self._evaluator, self._rules
        base, scenario, period = session.report, session.scenario, session.period
        plan = session.snapshot() if drag.engine is None else None
        offset = drag.served = drag.offset

        def run(feedback: Feedback) -> DragFrame:
            if drag.engine is None:
                assert plan is not None
                ev = evaluator or Evaluator(plan, rules=rules, check_content=False)
                job.info["evaluator"] = ev
                drag.engine = SiteDrag(
                    ev, plan, drag.layer, drag.feature_id, base, scenario=scenario, period=period
                )
            return drag.engine.at(*offset)

        job = _Job(run, info={"drag": drag, "session": session, "key": key, "full": False})
        self._current = job
        self._host.submit(job)

    def _after_drag(self) -> None:
        """A drag update ended: a wanted run goes first, then the latest pointer position."""
        if self._closed or self._session is None:
            self._schedule.cancel()
            return
        wanted = self._schedule.after(ended_full=False, unchanged=False)
        if wanted is not None:
            self._start(full=wanted == "full")
        elif self._drag is not None and self._drag.waiting and self._session is not None:
            self._start_drag(self._drag)

    def _run_here(self) -> None:
        """A live run in the calling (GUI) thread, with the same signals as a worker run."""
        session, ev = self._session, self._evaluator
        assert session is not None and ev is not None
        self.runs += 1
        self.started.emit(False)
        start = time.perf_counter()
        ev.plan = session.snapshot()
        try:
            report = ev.evaluate(scenario=session.scenario, period=session.period, gaps="points")
        except SpacePlannerError as exc:
            self.last_live_duration = None  # the next one goes to the worker again
            self.failed.emit(exc.describe())
            return
        except Exception as exc:
            self.last_live_duration = None
            self.last_traceback = traceback.format_exc()
            log.error("live evaluation failed:\n%s", self.last_traceback)
            self.failed.emit(
                self.tr(
                    "Unexpected error during the evaluation: {error}. The details are in the log."
                ).format(error=f"{type(exc).__name__}: {exc}")
            )
            return
        self.last_duration = self.last_live_duration = time.perf_counter() - start
        report = self._carry_areas(report, (session.scenario, session.period))
        self.stale_areas = True
        session.set_report(report)
        self.finished.emit(report, False)

    def _carry_areas(self, live: Report, made_for: tuple[str, str]) -> Report:
        """A live report with the last full run's gap and service areas, when that run was for
        the same scenario and period (areas of another period would mislead)."""
        if self.last_full_report is None or self._last_full_for != made_for:
            return live
        return with_areas_of(live, self.last_full_report)

    def cancel(self) -> None:
        """Stop the current run at its next check (:meth:`Feedback.cancel
        <spaceplanner.feedback.Feedback.cancel>`) and forget any wanted run.

        :attr:`cancelled` is emitted when the run has stopped.
        """
        self._schedule.cancel()
        if self._current is not None:
            self._current.feedback.cancel()

    def wait(self, ms: int = 30000) -> bool:
        """Block, processing events, until no run is going or wanted; True when idle."""
        return _process_until(
            lambda: self._current is None and self._schedule.pending is None, self._host, ms
        )

    def shutdown(self, ms: int = -1) -> bool:
        """Cancel, and wait for the worker thread to end (``-1``: as long as it takes).

        Afterwards the runner does no more work; results still in flight are discarded.
        """
        self._closed = True
        self.cancel()
        stopped = self._host.stop(ms)
        if stopped:
            self._current = None
        return stopped

    # -- running ------------------------------------------------------------------------------
    def _on_quit(self) -> None:
        self.shutdown()

    def _key(self, session: Session) -> tuple[Any, ...]:
        """What the evaluator is built for: the session's plan object, its rules and CRS."""
        plan = session.plan
        return (id(plan), self._rules or plan.rules, str(plan.crs))

    def _state(self, session: Session, plan: Plan) -> tuple[Any, ...]:
        return plan_state(self._key(session), session.scenario, session.period, plan)

    def _start(self, *, full: bool) -> None:
        session = self._session
        assert session is not None
        plan = session.snapshot()
        key = self._key(session)
        if self._evaluator_key != key:
            self._evaluator = None
        evaluator = self._evaluator
        rules = self._rules
        scenario, period = session.scenario, session.period

        def run(feedback: Feedback) -> Report:
            start = time.perf_counter()
            ev = (
                evaluator
                if evaluator is not None
                else Evaluator(plan, rules=rules, check_content=False)
            )
            job.info["evaluator"] = ev
            ev.plan = plan
            report = ev.evaluate(
                scenario=scenario,
                period=period,
                feedback=feedback,
                gaps=True if full else "points",
            )
            job.info["duration"] = time.perf_counter() - start
            return report

        job = _Job(
            run,
            info={
                "full": full,
                "for": (scenario, period),
                "session": session,
                "key": key,
                "state": self._state(session, plan),
                "plan": plan,  # keeps the frames alive, so the ids in "state" stay theirs
            },
        )
        self._current = job
        self.runs += 1
        self.started.emit(full)
        self._host.submit(job)

    def _end(self, job: _Job) -> str | None:
        """Close ``job``'s run: ``"ours"`` (its outcome stands), ``"dropped"`` (the session
        changed meanwhile) or None (not the current run, or the runner is shut down)."""
        if job is not self._current or self._closed:
            return None
        self._current = None
        if job.info["session"] is not self._session:
            return "dropped"
        ev = job.info.get("evaluator")
        if ev is not None:
            self._evaluator, self._evaluator_key = ev, job.info["key"]
        return "ours"

    def _next(self, ended: _Job, *, settled: bool) -> None:
        """Start the wanted run, unless ``ended`` already gave the outcome for this very plan.

        ``settled``: ``ended`` completed or failed for the current session.
        """
        session = self._session
        if self._closed or session is None:
            self._schedule.cancel()
            return
        unchanged = settled and ended.info["state"] == self._state(session, session.plan)
        wanted = self._schedule.after(ended_full=bool(ended.info["full"]), unchanged=unchanged)
        if wanted is not None:
            self._start(full=wanted == "full")
        elif self._drag is not None and self._drag.waiting and session.report is not None:
            self._start_drag(self._drag)

    @pyqtSlot(object, float, str, str)
    def _on_progress(self, job: _Job, fraction: float, code: str, detail: str) -> None:
        # a live run is too quick for a progress bar
        if job is self._current and job.info["full"] and not job.cancelled:
            self.progress.emit(fraction, code, detail)

    def _drag_ended(self, job: _Job, frame: DragFrame | None) -> bool:
        """Close a drag update's job (False: ``job`` is not one); ``frame`` is shown when it
        is for the drag still going on. A failed update stops the updates of its drag (the
        figures come with the release)."""
        drag = job.info.get("drag")
        if drag is None:
            return False
        if frame is None:
            drag.failed = True
        outcome = self._end(job)
        # the next position is computed while this one is drawn (the worker and the window
        # each on a core), not after it
        if outcome is not None:
            self._after_drag()
        if outcome == "ours" and frame is not None and drag is self._drag:
            self.drag_updated.emit(frame)
        return True

    @pyqtSlot(object, object)
    def _on_done(self, job: _Job, report: Report) -> None:
        if self._drag_ended(job, report):  # type: ignore[arg-type]
            return
        outcome = self._end(job)
        if outcome == "ours":
            assert self._session is not None
            full = bool(job.info["full"])
            self.last_duration = job.info.get("duration")
            if not full:
                self.last_live_duration = self.last_duration
            if full:
                self.last_full_report = report
                self._last_full_for = job.info["for"]
            else:
                report = self._carry_areas(report, job.info["for"])
            self.stale_areas = not full
            self._session.set_report(report)
            self.finished.emit(report, full)
        elif outcome == "dropped":
            self.cancelled.emit()
        if outcome is not None:
            self._next(job, settled=outcome == "ours")

    @pyqtSlot(object, str)
    def _on_failed(self, job: _Job, message: str) -> None:
        if "drag" in job.info:
            log.warning("live figures of a drag failed: %s", message)
            self._drag_ended(job, None)
            return
        outcome = self._end(job)
        if outcome == "ours":
            if "traceback" in job.info:
                self.last_traceback = job.info["traceback"]
                message = self.tr(
                    "Unexpected error during the evaluation: {error}. The details are in the log."
                ).format(error=message)
            self.failed.emit(message)
        elif outcome == "dropped":
            self.cancelled.emit()
        if outcome is not None:
            self._next(job, settled=outcome == "ours")

    @pyqtSlot(object)
    def _on_cancelled(self, job: _Job) -> None:
        if self._drag_ended(job, None):
            return
        outcome = self._end(job)
        if outcome is not None:
            self.cancelled.emit()
            self._next(job, settled=False)
