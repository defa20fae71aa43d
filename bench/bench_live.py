"""Edit to updated panel in the desktop app: the live path as a planner meets it.

For each sample map, opens the main window (offscreen), waits for the first full evaluation, then
makes edits through the session (as the canvas and forms do) and measures the time from the edit
to the ``live_updated`` signal, which the window emits once the new report reached the panels
(worker thread, snapshot, evaluation, signal back, panels redrawn). The baseline, in the same
process, is the engine alone: ``Evaluator.evaluate(gaps="points")`` on a copy of the plan after
the same edit. Target: <= 150 ms from edit to panel.

    QT_QPA_PLATFORM=offscreen python bench/bench_live.py [--repeat N] [--samples a,b]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SPACEPLANNER_HOME", tempfile.mkdtemp(prefix="spaceplanner-bench-"))

from PyQt5.QtCore import QEventLoop
from PyQt5.QtWidgets import QApplication
from shapely.geometry import Point

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import (
    AddFeature,
    Command,
    MoveFeature,
)
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_main_window import QtMainWindow

TARGET_MS = 150.0


def _wait(app: QApplication, done: Callable[[], bool], timeout_s: float = 120.0) -> None:
    end = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not finish in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _edits(session: Session, i: int) -> dict[str, Command]:
    """One edit of each kind on the plan as it is, the ``i``-th time round."""
    plan = session.plan
    out: dict[str, Command] = {}
    step = 15.0 * (1 if i % 2 == 0 else -1)
    for role, label in (("shelters", "shelter"), ("facilities", "facility")):
        layers = [lyr for lyr in plan.by_role(role) if lyr.frame is not None and len(lyr.frame)]
        if layers:
            frame = layers[0].frame
            assert frame is not None
            fid = str(frame["id"].iloc[i % len(frame)])
            out[f"move a {label}"] = MoveFeature(layers[0].name, fid, step, 0.0)
    spaces = [lyr for lyr in plan.by_role("activity_spaces") if lyr.frame is not None]
    if spaces and spaces[0].frame is not None and len(spaces[0].frame):
        frame = spaces[0].frame
        biggest = str(frame.loc[frame.geometry.area.idxmax(), "id"])
        out["move the largest activity space"] = MoveFeature(spaces[0].name, biggest, step, 0.0)
    facilities = [lyr for lyr in plan.by_role("facilities") if lyr.frame is not None]
    if facilities and facilities[0].frame is not None:
        layer = facilities[0]
        assert layer.frame is not None
        kinds = layer.frame["kind"].astype(str)
        x, y = layer.frame.geometry.iloc[0].centroid.coords[0]
        new_id = session.new_id(layer.name)
        out["add a facility"] = AddFeature(
            layer.name, {"id": new_id, "kind": kinds.iloc[0]}, Point(x + 40.0, y + 40.0)
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--samples", default="synthetic_cn,helsinki,bubenec")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    worst = 0.0
    print(f"{'sample':<14}{'edit':<34}{'edit->panel':>12}{'max':>8}{'engine':>9}{'ratio':>7}")
    for sample in args.samples.split(","):
        window = QtMainWindow(None)
        window._closing_ok = True
        window.show()
        started = time.perf_counter()
        window.open_sample(sample)
        _wait(app, lambda w=window: w.runner.pending is None and not w.runner.busy)
        took = time.perf_counter() - started
        print(f"{sample}: opened and first full evaluation in {took:.1f} s")
        session = window.session
        assert session is not None
        _engine(sample, session.snapshot())  # warm, before the first edit
        times: dict[str, list[float]] = {}
        engine: dict[str, list[float]] = {}
        latencies: list[float] = []
        window.live_updated.connect(latencies.append)
        for i in range(args.repeat):
            for name, command in _edits(session, i).items():
                latencies.clear()
                session.push(command)
                _wait(app, lambda got=latencies: bool(got))
                _wait(app, lambda w=window: w.runner.pending is None and not w.runner.busy)
                times.setdefault(name, []).append(latencies[0])
                # the engine alone, on the same edited plan, with a warm evaluator of its own
                engine_ev = _engine(sample, session.snapshot())
                t = time.perf_counter()
                engine_ev.evaluate(scenario=session.scenario, period=session.period, gaps="points")
                engine.setdefault(name, []).append((time.perf_counter() - t) * 1000)
        for name, values in times.items():
            med, top = statistics.median(values), max(values)
            base = statistics.median(engine[name])
            worst = max(worst, med)
            print(
                f"{'':<14}{name:<34}{med:>9.0f} ms{top:>5.0f} ms{base:>6.0f} ms{med / base:>6.1f}x"
            )
        window.close()
    verdict = "ok" if worst <= TARGET_MS else "MISSED"
    print(f"slowest median edit->panel {worst:.0f} ms; target <= {TARGET_MS:.0f} ms: {verdict}")
    return 0


_ENGINES: dict[str, Evaluator] = {}


def _engine(sample: str, plan: object) -> Evaluator:
    """A warm evaluator per sample, following the edited plan (as the window's runner does)."""
    ev = _ENGINES.get(sample)
    if ev is None:
        ev = _ENGINES[sample] = Evaluator(plan)  # type: ignore[arg-type]
        ev.evaluate(gaps="points")
    ev.plan = plan  # type: ignore[assignment]
    return ev


if __name__ == "__main__":
    sys.exit(main())
