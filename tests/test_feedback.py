"""The feedback object: step codes in order, fractions that only grow, parts of a job, cancel
from another thread (nothing is left half written), and the simple callbacks."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import spaceplanner.engine.evaluation as evaluation_module
from spaceplanner.engine.evaluation import evaluate
from spaceplanner.feedback import STEPS, CancelledError, Feedback
from spaceplanner.model.plan import load_plan
from spaceplanner.outputs.evaluate_outputs import write_outputs
from spaceplanner.outputs.exports import export
from spaceplanner.sample_maps import get_path

EVALUATION = ["network", "shelters", "activity_spaces", "facilities", "gaps", "done"]


class Recorder:
    """A listener that keeps every (fraction, code, detail)."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, str, str]] = []

    def __call__(self, fraction: float, code: str, detail: str) -> None:
        self.calls.append((fraction, code, detail))

    @property
    def codes(self) -> list[str]:
        return [c for _, c, _ in self.calls]

    @property
    def fractions(self) -> list[float]:
        return [f for f, _, _ in self.calls]


@pytest.fixture(scope="module")
def plan():
    return load_plan(get_path("synthetic_cn"))


def test_an_evaluation_reports_its_steps_in_order(plan) -> None:
    seen = Recorder()
    evaluate(plan, feedback=Feedback(seen))
    assert seen.codes == EVALUATION
    assert seen.fractions == sorted(seen.fractions)
    assert seen.fractions[0] == 0.0 and seen.fractions[-1] == 1.0
    assert set(seen.codes) <= set(STEPS)  # every code has its English label
    # without the gap layers there is no gaps step
    seen = Recorder()
    evaluate(plan, gaps=False, feedback=Feedback(seen))
    assert seen.codes == [c for c in EVALUATION if c != "gaps"]


def test_parts_report_into_their_range_and_share_the_cancel() -> None:
    seen = Recorder()
    whole = Feedback(seen)
    first, second = whole.part(0.0, 0.8), whole.part(0.8, 1.0)
    first.step("network", 0.5)
    second.step("writing", 0.5, "csv")
    inner = second.part(0.5, 1.0)
    inner.step("moving", 0.0)
    inner.step("done", 1.0)
    assert seen.calls == [
        (0.4, "network", ""),
        (pytest.approx(0.9), "writing", "csv"),
        (pytest.approx(0.9), "moving", ""),
        (1.0, "done", ""),
    ]
    assert whole.code == "done" and whole.fraction == 1.0
    first.step("network", 7.0)  # clamped to the part's end
    assert seen.calls[-1][0] == pytest.approx(0.8)
    inner.cancel()
    assert whole.is_cancelled and first.is_cancelled
    with pytest.raises(CancelledError):
        first.step("shelters", 0.9)
    assert seen.calls[-1][1] == "network"  # a cancelled step reports nothing


def test_the_simple_callbacks() -> None:
    shown: list[tuple[float, str]] = []
    stop = {"now": False}
    fb = Feedback.from_callbacks(lambda f, text: shown.append((f, text)), lambda: stop["now"])
    fb.step("network", 0.0)
    fb.part(0.5, 1.0).step("writing", 0.0, "csv")
    fb.step("no_such_code", 0.75)
    assert shown == [(0.0, "network and residents"), (0.5, "writing csv"), (0.75, "no_such_code")]
    stop["now"] = True
    assert fb.is_cancelled
    with pytest.raises(CancelledError) as err:
        fb.check()
    assert err.value.hint == "nothing was written"
    Feedback.from_callbacks().step("done", 1.0)  # no callbacks: nothing to call


def test_a_cancel_from_another_thread_stops_an_evaluation_and_leaves_no_output(
    plan, tmp_path: Path, monkeypatch
) -> None:
    """As the desktop's Cancel: the GUI thread cancels while the worker is inside a step; the
    worker stops at its next check and writes nothing."""
    inside, go_on = threading.Event(), threading.Event()
    real = evaluation_module.facility_stage

    def held(inp, ctx):
        inside.set()
        assert go_on.wait(20), "the test never let the evaluation go on"
        return real(inp, ctx)

    monkeypatch.setattr(evaluation_module, "facility_stage", held)
    seen = Recorder()
    fb = Feedback(seen)
    out = tmp_path / "out"
    outcome: list[BaseException | object] = []

    def work() -> None:
        try:
            report = evaluate(plan, feedback=fb.part(0.0, 0.9))
            write_outputs(report, out)
            outcome.append("written")
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    assert inside.wait(20)
    fb.cancel()
    go_on.set()
    worker.join(30)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], CancelledError)
    assert seen.codes == ["network", "shelters", "activity_spaces", "facilities"]
    assert not out.exists()


def test_a_cancel_from_another_thread_while_writing_leaves_the_folder_as_it_was(
    plan, tmp_path: Path, monkeypatch
) -> None:
    report = evaluate(plan)
    out = tmp_path / "out"
    out.mkdir()
    (out / "indicators.csv").write_text("the user's own table", encoding="utf-8")
    inside, go_on = threading.Event(), threading.Event()
    import spaceplanner.outputs.exports as exports

    real = exports._write_csv

    def held(tables, folder, *args):
        written = real(tables, folder, *args)
        inside.set()
        assert go_on.wait(20)
        return written

    monkeypatch.setattr(exports, "_write_csv", held)
    fb = Feedback()
    outcome: list[BaseException | object] = []

    def work() -> None:
        try:
            export(plan, [report], out, ["csv", "geojson"], overwrite=True, feedback=fb)
            outcome.append("written")
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    assert inside.wait(30)
    fb.cancel()
    go_on.set()
    worker.join(60)
    assert len(outcome) == 1 and isinstance(outcome[0], CancelledError)
    assert sorted(p.name for p in out.iterdir()) == ["indicators.csv"]
    assert (out / "indicators.csv").read_text(encoding="utf-8") == "the user's own table"


def test_suggestions_report_their_steps_and_stop_at_a_cancel() -> None:
    from test_suggest import make_plan

    from spaceplanner.engine.suggest import suggest

    small = make_plan(homes=[(0, 1000), (3000, 800)], candidates=[("J1", 0, 1000)])
    seen = Recorder()
    suggest(small, add=1, feedback=Feedback(seen))
    assert seen.codes == ["candidates", "checks", "solving", "ranking", "done"]
    assert seen.fractions == sorted(seen.fractions)

    def cancel_when_solving(fraction: float, code: str, detail: str) -> None:
        if code == "solving":
            fb.cancel()

    fb = Feedback(cancel_when_solving)
    with pytest.raises(CancelledError):
        suggest(small, add=1, feedback=fb)
    # the simple callbacks still work
    labels: list[str] = []
    suggest(small, add=1, progress=lambda f, text: labels.append(text))
    assert labels == [
        "reading the candidates",
        "checks and distances",
        "solving",
        "ranking the sites",
        "done",
    ]
