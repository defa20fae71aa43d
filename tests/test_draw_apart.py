"""The gap and service areas of a large plan drawn in a forked copy of the process
(``spaceplanner.engine.gaps.Apart``) while the command writes the other layers: the same layers
as drawn in the process itself, and the same when the copy fails."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

import spaceplanner.engine.gaps as gaps_module
from spaceplanner import evaluate, load_plan
from spaceplanner.cli import main
from spaceplanner.sample_maps import get_path

SAMPLE = "synthetic_cn"
pytestmark = pytest.mark.skipif(not gaps_module.Apart.possible(), reason="the system cannot fork")


@pytest.fixture
def drawn_by(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every plan draws apart; the pids of the drawings made in this process (a forked copy
    appends to its own list)."""
    monkeypatch.setattr(gaps_module, "APART_MIN_RESIDENTS", 0)
    real = gaps_module._draw_areas
    seen: list[int] = []

    def marked(*args: object, **kwargs: object) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
        areas, service = real(*args, **kwargs)  # type: ignore[arg-type]
        areas.attrs["drawn_by"] = os.getpid()
        seen.append(os.getpid())
        return areas, service

    monkeypatch.setattr(gaps_module, "_draw_areas", marked)
    return seen


def _pid_and_input(feedback: object, given: Any) -> tuple[int, object]:
    """Work for Apart: who did it, and the input it was given (one part)."""
    (value,) = given()
    return os.getpid(), value


def _same(a: gpd.GeoDataFrame, b: gpd.GeoDataFrame) -> None:
    assert list(a.columns) == list(b.columns)
    assert len(a) == len(b) > 0
    pd.testing.assert_frame_equal(
        pd.DataFrame(a.drop(columns=a.geometry.name)),
        pd.DataFrame(b.drop(columns=b.geometry.name)),
    )
    assert shapely.equals(a.geometry.to_numpy(), b.geometry.to_numpy()).all()


def test_areas_drawn_apart_are_those_drawn_here(drawn_by: list[int]) -> None:
    plan = load_plan(get_path(SAMPLE), strict=False)
    here = evaluate(plan)
    apart = evaluate(load_plan(get_path(SAMPLE), strict=False), draw_apart=True)
    assert not apart.layers.made("gap_areas")  # being drawn while the caller goes on
    gap_areas = apart.layers["gap_areas"]
    assert gap_areas.attrs["drawn_by"] != os.getpid()  # drawn by the copy, not here
    _same(gap_areas, here.layers["gap_areas"])
    _same(apart.layers["service_areas"], here.layers["service_areas"])
    # the patches still add up to the report's unserved persons
    unsheltered = apart.shelters.population_unsheltered
    shelter = gap_areas[gap_areas["indicator"] == "shelter"]
    assert shelter["population"].sum() == pytest.approx(unsheltered)


def test_a_failed_copy_is_drawn_here(monkeypatch: pytest.MonkeyPatch, drawn_by: list[int]) -> None:
    """The copy dies without a word: the caller draws the areas itself, the same ones."""

    def dies(*args: object) -> None:
        os._exit(3)

    monkeypatch.setattr(gaps_module, "_apart_child", dies)
    here = evaluate(load_plan(get_path(SAMPLE), strict=False))
    apart = evaluate(load_plan(get_path(SAMPLE), strict=False), draw_apart=True)
    gap_areas = apart.layers["gap_areas"]
    assert gap_areas.attrs["drawn_by"] == os.getpid()
    _same(gap_areas, here.layers["gap_areas"])


def test_evaluate_writes_the_layers_drawn_apart(drawn_by: list[int], tmp_path: Path) -> None:
    """``spaceplanner evaluate --out``: the layers drawn apart are in gaps.gpkg, as the layers
    of an evaluation in the process, after the layers written meanwhile."""
    assert main(["evaluate", "--sample", SAMPLE, "--out", str(tmp_path / "out"), "-q"]) == 0
    assert drawn_by == []  # the areas were drawn by the copy only (its list is its own)
    target = tmp_path / "out" / "gaps.gpkg"
    names = [row[0] for row in pyogrio.list_layers(target)]
    assert names.index("gap_areas") > names.index("residents")
    assert names.index("service_areas") > names.index("shelters")
    here = evaluate(load_plan(get_path(SAMPLE), strict=False))
    for name in ("gap_areas", "service_areas", "residents"):
        read = pyogrio.read_dataframe(target, layer=name)
        mine = here.layers[name]
        assert len(read) == len(mine), name
    read = pyogrio.read_dataframe(target, layer="gap_areas")
    assert np.allclose(
        np.sort(read["population"].to_numpy()),
        np.sort(here.layers["gap_areas"]["population"].to_numpy()),
    )


def test_a_copy_that_cannot_start_leaves_the_drawing_here(
    monkeypatch: pytest.MonkeyPatch, drawn_by: list[int], tmp_path: Path
) -> None:
    """No memory or process left to fork: the command draws the areas itself and succeeds."""
    import errno

    def no_fork() -> int:
        raise OSError(errno.ENOMEM, "Cannot allocate memory")

    monkeypatch.setattr(os, "fork", no_fork)
    out = tmp_path / "out"
    assert main(["evaluate", "--sample", SAMPLE, "--out", str(out), "-q"]) == 0
    assert drawn_by == [os.getpid()]  # drawn here, once
    assert len(pyogrio.read_dataframe(out / "gaps.gpkg", layer="gap_areas")) > 0


def test_a_copy_that_fails_leaves_the_drawing_here(
    monkeypatch: pytest.MonkeyPatch, drawn_by: list[int]
) -> None:
    """The drawing raises in the copy (and would again here): the caller meets the error
    itself, as without the copy, once the copy has said it failed."""
    real = gaps_module._draw_areas
    calls: list[int] = []

    def fails(*args: object, **kwargs: object) -> object:
        calls.append(os.getpid())
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(gaps_module, "_draw_areas", fails)
    apart = evaluate(load_plan(get_path(SAMPLE), strict=False), draw_apart=True)
    with pytest.raises(RuntimeError, match="drawing failed"):
        apart.layers["gap_areas"]
    assert calls == [os.getpid()]  # the copy's call is in its own list; here once
    monkeypatch.setattr(gaps_module, "_draw_areas", real)


def test_small_plans_are_drawn_in_the_process(
    drawn_by: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below APART_MIN_RESIDENTS the copy is not worth its start: drawn here."""
    plan = load_plan(get_path(SAMPLE), strict=False)
    monkeypatch.setattr(gaps_module, "APART_MIN_RESIDENTS", 10**9)
    report = evaluate(plan, draw_apart=True)
    assert report.layers.made("gap_areas")
    assert drawn_by == [os.getpid()]


def test_the_layers_keep_their_order_and_the_command_its_paths(
    drawn_by: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """gaps.gpkg: the layers as the report lists them, but those drawn apart after the others
    and the view of the uncovered residents registered last (as before); the command names the
    two files it wrote."""
    out = tmp_path / "out"
    assert main(["evaluate", "--sample", SAMPLE, "--out", str(out)]) == 0
    wrote = [line for line in capsys.readouterr().out.splitlines() if "gaps.gpkg" in line]
    assert wrote and str(out / "report.json") in wrote[-1]
    assert "residents" not in wrote[-1].replace("gaps.gpkg", "")
    here = evaluate(load_plan(get_path(SAMPLE), strict=False))
    names = [str(row[0]) for row in pyogrio.list_layers(out / "gaps.gpkg")]
    drawn = ["gap_areas", "service_areas"]
    view = ["uncovered_residents"]
    expected = [n for n in here.layers if n not in drawn + view] + drawn + view
    assert [n for n in names if n != "spaceplanner_results"] == expected


def test_a_stuck_copy_is_stopped_and_the_drawing_made_here(
    monkeypatch: pytest.MonkeyPatch, drawn_by: list[int]
) -> None:
    """A copy that hangs (alive, silent) is stopped after APART_SILENCE_S without a sign of
    life, and the caller draws the areas itself: the same ones."""
    import time

    caller = os.getpid()
    real = gaps_module._draw_areas

    def hangs_in_the_copy(*args: object, **kwargs: object) -> object:
        if os.getpid() != caller:
            time.sleep(3600)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gaps_module, "_draw_areas", hangs_in_the_copy)
    monkeypatch.setattr(gaps_module, "APART_SILENCE_S", 1.0)
    here = evaluate(load_plan(get_path(SAMPLE), strict=False))
    apart = evaluate(load_plan(get_path(SAMPLE), strict=False), draw_apart=True)
    started = time.monotonic()
    gap_areas = apart.layers["gap_areas"]
    assert time.monotonic() - started < 30
    assert drawn_by[-1] == caller
    _same(gap_areas, here.layers["gap_areas"])


def test_a_working_copy_says_it_is_alive(monkeypatch: pytest.MonkeyPatch) -> None:
    """A drawing longer than the silence allowed is not stopped while it checks its feedback."""
    import time

    from spaceplanner.feedback import Feedback

    def slow(feedback: Feedback, given: object) -> int:
        for _ in range(50):
            time.sleep(0.1)
            feedback.check()
        return os.getpid()

    # signs of life come once a second; the work lasts twice the silence allowed
    monkeypatch.setattr(gaps_module, "APART_SILENCE_S", 2.5)
    drawing = gaps_module.Apart(slow, Feedback())
    assert drawing.result() != os.getpid()  # the copy's answer, after 5 s, not a redraw here


def test_shares_go_to_the_first_to_ask() -> None:
    shares = gaps_module._Shares(4)
    copy, caller = shares.taker(1), shares.taker(2)
    assert copy(0) and copy(1)
    assert not caller(0) and caller(2) and caller(3)
    assert not copy(2) and not copy(3)
    # the copy's work run again by the caller (the copy died): its own pieces, not the caller's
    assert copy(0) and copy(1) and not copy(3)


def test_the_caller_draws_the_service_areas_a_slow_copy_has_not_taken(
    monkeypatch: pytest.MonkeyPatch, drawn_by: list[int], tmp_path: Path
) -> None:
    """The copy is slow to start: the caller, needing the layers, draws every service area
    itself, the copy only the gap areas; the layers are those drawn in one process."""
    import time

    caller = os.getpid()
    log = tmp_path / "service.log"
    real_draw, real_service = gaps_module._draw_areas, gaps_module._service_rows

    def slow_in_the_copy(*args: object, **kwargs: object) -> object:
        if os.getpid() != caller:
            time.sleep(2.0)
        return real_draw(*args, **kwargs)  # type: ignore[arg-type]

    def logged(*args: object, **kwargs: object) -> list[dict[str, Any]]:
        rows = real_service(*args, **kwargs)  # type: ignore[arg-type]
        with log.open("a") as fh:
            fh.write(f"{os.getpid()} {len(rows)}\n")
        return rows

    here = evaluate(load_plan(get_path(SAMPLE), strict=False))
    monkeypatch.setattr(gaps_module, "_draw_areas", slow_in_the_copy)
    monkeypatch.setattr(gaps_module, "_service_rows", logged)
    apart = evaluate(load_plan(get_path(SAMPLE), strict=False), draw_apart=True)
    _same(apart.layers["service_areas"], here.layers["service_areas"])
    _same(apart.layers["gap_areas"], here.layers["gap_areas"])
    drawn: dict[int, int] = {}
    for line in log.read_text().splitlines():
        pid, rows = map(int, line.split())
        drawn[pid] = drawn.get(pid, 0) + rows
    assert drawn[caller] == len(here.layers["service_areas"]) > 3
    assert [rows for pid, rows in drawn.items() if pid != caller] == [0]


def test_the_copy_draws_the_ground_while_the_figures_are_worked_out(
    monkeypatch: pytest.MonkeyPatch, drawn_by: list[int], tmp_path: Path
) -> None:
    """The copy starts once the residents are located: it has drawn their ground before the
    caller is done with the shelters' figures, and the areas are those drawn in one process."""
    import time

    import spaceplanner.engine.evaluation as evaluation_module

    log = tmp_path / "times.log"
    real_ground, real_shelters = gaps_module._ground, evaluation_module.shelter_stage

    def ground(*args: object) -> object:
        out = real_ground(*args)  # type: ignore[arg-type]
        with log.open("a") as fh:
            fh.write(f"ground {os.getpid()} {time.monotonic()}\n")
        return out

    def shelters(*args: object) -> object:
        out = real_shelters(*args)  # type: ignore[arg-type]
        time.sleep(1.0)  # figures that take a while, as at city scale
        with log.open("a") as fh:
            fh.write(f"shelters {os.getpid()} {time.monotonic()}\n")
        return out

    here = evaluate(load_plan(get_path(SAMPLE), strict=False))
    monkeypatch.setattr(gaps_module, "_ground", ground)
    monkeypatch.setattr(evaluation_module, "shelter_stage", shelters)
    apart = evaluate(load_plan(get_path(SAMPLE), strict=False), draw_apart=True)
    _same(apart.layers["gap_areas"], here.layers["gap_areas"])
    _same(apart.layers["service_areas"], here.layers["service_areas"])
    rows = [line.split() for line in log.read_text().splitlines()]
    (_, copy, drawn), (_, caller, figured) = sorted(rows)  # "ground" before "shelters"
    assert int(copy) != int(caller) == os.getpid()
    assert float(drawn) < float(figured)


def test_work_given_its_input_later() -> None:
    """Apart(awaits_input=True): the copy waits for what give() sends; the result is not read
    before it is given, and the input is given once."""
    from spaceplanner.feedback import Feedback

    drawing = gaps_module.Apart(_pid_and_input, Feedback(), awaits_input=True)
    with pytest.raises(RuntimeError, match="give"):
        drawing.result()
    drawing.give({"big": np.arange(2_000_000)})  # more than a pipe holds: not waited for
    with pytest.raises(RuntimeError, match="last part"):
        drawing.give(1)
    pid, value = drawing.result()
    assert pid != os.getpid()
    assert np.array_equal(value["big"], np.arange(2_000_000))


def test_a_copy_dead_before_its_input_leaves_the_work_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The copy dies while it waits for its input: the caller does the work with the input
    it gave."""
    from spaceplanner.feedback import Feedback

    def dies(*args: object) -> None:
        os._exit(3)

    monkeypatch.setattr(gaps_module, "_apart_child", dies)

    drawing = gaps_module.Apart(_pid_and_input, Feedback(), awaits_input=True)
    import time

    time.sleep(0.2)
    drawing.give("input")
    assert drawing.result() == (os.getpid(), "input")


def test_a_copy_waiting_for_an_input_never_given_is_stopped() -> None:
    """The caller never gives the input (its evaluation failed): the copy goes with the
    object, not left waiting."""
    import gc
    import time

    from spaceplanner.feedback import Feedback

    drawing = gaps_module.Apart(_pid_and_input, Feedback(), awaits_input=True)
    proc = drawing._proc
    assert proc is not None and proc.is_alive()
    del drawing
    gc.collect()
    end = time.monotonic() + 10
    while proc.is_alive() and time.monotonic() < end:
        time.sleep(0.05)
    assert not proc.is_alive()


def test_a_drawing_dropped_before_its_input_stops_its_copy_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An evaluation that fails after the copy started (bad input in a later stage) drops its
    drawing: the copy waiting for its input is stopped then, with the cycle collector at rest
    as during a command (no reference cycle keeps the drawing)."""
    import gc
    import time

    from spaceplanner.engine.evaluation import Evaluator
    from spaceplanner.engine.locate import locate_stage

    monkeypatch.setattr(gaps_module, "APART_MIN_RESIDENTS", 0)
    evaluator = Evaluator(load_plan(get_path(SAMPLE), strict=False))
    from spaceplanner.feedback import Feedback

    inp = evaluator._inputs(None, Feedback())
    drawing = gaps_module.start_drawing(inp, locate_stage(inp))
    assert drawing is not None
    proc = drawing._apart._proc
    assert proc is not None and proc.is_alive()
    collecting = gc.isenabled()
    gc.disable()
    try:
        del drawing
        end = time.monotonic() + 10
        while proc.is_alive() and time.monotonic() < end:
            time.sleep(0.05)
        assert not proc.is_alive()
    finally:
        if collecting:
            gc.enable()


def test_an_input_that_cannot_be_sent_leaves_the_work_here() -> None:
    """The input cannot be pickled (or memory runs out while it is): the caller does the work
    with it, as without the copy, and the evaluation goes on."""
    from spaceplanner.feedback import Feedback

    drawing = gaps_module.Apart(_pid_and_input, Feedback(), awaits_input=True)
    value = lambda: "not picklable"  # noqa: E731
    drawing.give(value)
    assert drawing.result() == (os.getpid(), value)


def test_a_copy_that_takes_no_input_does_not_hold_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A copy alive but not reading its input (stuck): giving returns at once, and reading the
    result stops the copy after APART_SILENCE_S and does the work here."""
    import time

    from spaceplanner.feedback import Feedback

    def stuck(*args: object) -> None:
        time.sleep(3600)

    monkeypatch.setattr(gaps_module, "_apart_child", stuck)
    monkeypatch.setattr(gaps_module, "APART_SILENCE_S", 1.0)

    def work(feedback: Feedback, given: object) -> tuple[int, int]:
        return os.getpid(), len(next(given()))  # type: ignore[operator]

    drawing = gaps_module.Apart(work, Feedback(), awaits_input=True)
    started = time.monotonic()
    drawing.give(np.zeros(4_000_000))  # 32 MB: far more than a pipe holds
    assert time.monotonic() - started < 0.5
    assert drawing.result() == (os.getpid(), 4_000_000)
    assert time.monotonic() - started < 20
    proc = drawing._proc
    assert proc is not None and not proc.is_alive()


def _parts_as_they_came(feedback: object, given: Any) -> tuple[int, list[tuple[object, float]]]:
    """Work for Apart: each part given, with the time it reached the work."""
    import time

    return os.getpid(), [(part, time.monotonic()) for part in given()]


def test_parts_reach_the_copy_as_they_are_given() -> None:
    """give(part, last=False): the copy has the first part while the caller is still making
    the next (a stage's areas drawn while the next stage works out its figures); the result
    waits for the last part, and nothing is given after it."""
    import time

    from spaceplanner.feedback import Feedback

    drawing = gaps_module.Apart(_parts_as_they_came, Feedback(), awaits_input=True)
    drawing.give("shelters", last=False)
    time.sleep(0.5)
    second = time.monotonic()
    drawing.give({"spaces": np.arange(1_000_000)}, last=False)
    with pytest.raises(RuntimeError, match="give"):
        drawing.result()
    drawing.give("facilities")
    with pytest.raises(RuntimeError, match="last part"):
        drawing.give("more")
    pid, parts = drawing.result()
    assert pid != os.getpid()
    assert [p if isinstance(p, str) else "spaces" for p, _ in parts] == [
        "shelters",
        "spaces",
        "facilities",
    ]
    assert np.array_equal(parts[1][0]["spaces"], np.arange(1_000_000))
    assert parts[0][1] < second <= parts[1][1]  # the first part was there before the second


def test_a_copy_dead_between_parts_leaves_the_work_here_with_every_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The copy dies after the first part: the caller does the work itself with all the parts,
    in order."""
    import signal
    import time

    from spaceplanner.feedback import Feedback

    drawing = gaps_module.Apart(_parts_as_they_came, Feedback(), awaits_input=True)
    drawing.give("a", last=False)
    time.sleep(0.3)
    proc = drawing._proc
    assert proc is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(10)
    drawing.give("b", last=False)
    drawing.give("c")
    pid, parts = drawing.result()
    assert pid == os.getpid()
    assert [p for p, _ in parts] == ["a", "b", "c"]


def test_a_drawing_dropped_between_parts_stops_its_copy_and_sender() -> None:
    """An evaluation that fails after a stage's part was given: the copy and the thread that
    sends it parts end with the drawing."""
    import gc
    import threading
    import time

    from spaceplanner.feedback import Feedback

    drawing = gaps_module.Apart(_parts_as_they_came, Feedback(), awaits_input=True)
    drawing.give("a", last=False)
    proc, sender = drawing._proc, drawing._sender
    assert proc is not None and sender is not None
    del drawing
    gc.collect()
    end = time.monotonic() + 10
    while (proc.is_alive() or sender.is_alive()) and time.monotonic() < end:
        time.sleep(0.05)
    assert not proc.is_alive() and not sender.is_alive()
    assert "apart-give" not in [t.name for t in threading.enumerate()]


def test_the_copy_draws_the_service_areas_and_a_stage_s_gaps_while_the_figures_run(
    monkeypatch: pytest.MonkeyPatch, drawn_by: list[int], tmp_path: Path
) -> None:
    """The service areas need no figure: the copy draws them while the caller works out the
    figures; the shelters' part goes to the copy as soon as the shelter stage ends, and the
    copy has drawn the shelters' gap areas before the caller is done with the facilities'
    figures. The layers are those drawn in one process, and the service areas of the
    indicators are the sites' own (not those of the figures' results)."""
    import time

    import spaceplanner.engine.evaluation as evaluation_module

    log = tmp_path / "times.log"
    real_rows, real_patches = gaps_module._service_rows, gaps_module.gap_patches
    real_shelters, real_facilities = (
        evaluation_module.shelter_stage,
        evaluation_module.facility_stage,
    )

    def note(what: str) -> None:
        with log.open("a") as fh:
            fh.write(f"{what} {os.getpid()} {time.monotonic()}\n")

    def rows(*args: Any, **kw: Any) -> Any:
        out = real_rows(*args, **kw)
        for row in out:
            note(f"service:{row['indicator']}")
        return out

    def patches(*args: Any) -> Any:
        note("patches")
        return real_patches(*args)

    def shelters(*args: Any) -> Any:
        out = real_shelters(*args)
        note("shelter-figures")
        return out

    def facilities(*args: Any) -> Any:
        out = real_facilities(*args)
        time.sleep(1.5)  # figures that take a while, as at city scale
        note("facilities-figures")
        return out

    here = evaluate(load_plan(get_path(SAMPLE), strict=False))
    monkeypatch.setattr(gaps_module, "_service_rows", rows)
    monkeypatch.setattr(gaps_module, "gap_patches", patches)
    monkeypatch.setattr(evaluation_module, "shelter_stage", shelters)
    monkeypatch.setattr(evaluation_module, "facility_stage", facilities)
    apart = evaluate(load_plan(get_path(SAMPLE), strict=False), draw_apart=True)
    _same(apart.layers["gap_areas"], here.layers["gap_areas"])
    _same(apart.layers["service_areas"], here.layers["service_areas"])
    seen: dict[str, list[tuple[int, float]]] = {}
    for line in log.read_text().splitlines():
        name, pid, at = line.split()
        seen.setdefault(name, []).append((int(pid), float(at)))
    caller = os.getpid()
    (_, figured), (_, facilities_done) = seen["shelter-figures"][0], seen["facilities-figures"][0]
    assert seen["shelter-figures"][0][0] == caller
    service = {k: v[0] for k, v in seen.items() if k.startswith("service:")}
    assert len(service) == len(here.layers["service_areas"]) > 3
    assert all(pid != caller and at < facilities_done for pid, at in service.values())
    first_gap = seen["patches"][0]
    assert first_gap[0] != caller and figured < first_gap[1] < facilities_done


@pytest.mark.parametrize("sample", ["synthetic_cn", "helsinki", "bubenec"])
def test_the_sites_drawn_are_those_the_figures_route_from(sample: str) -> None:
    """served_sites, made from the plan alone before any figure: per indicator, the same
    sites and radii as the figures' own groups (shelters with their class radius, spaces large
    enough for each circle, facilities of each kind)."""
    from spaceplanner.engine.daily import facility_layer, space_layer
    from spaceplanner.engine.evaluation import Evaluator
    from spaceplanner.engine.locate import locate_stage
    from spaceplanner.engine.shelter_stage import shelter_stage
    from spaceplanner.feedback import Feedback

    evaluator = Evaluator(load_plan(get_path(sample), strict=False))
    inp = evaluator._inputs(None, Feedback())
    ctx = locate_stage(inp)
    shelters = shelter_stage(inp, ctx)
    expected: dict[str, list[tuple[list[str], list[float]]]] = {}
    for lyr in shelters.layers:
        table = shelters.table[shelters.table["layer"] == lyr.name]
        expected.setdefault("shelter", []).append(
            (table["id"].astype(str).tolist(), table["radius_m"].tolist())
        )
    groups = [
        ("space_", lyr, space_layer(inp, ctx, lyr)) for lyr in inp.plan.by_role("activity_spaces")
    ]
    groups += [("", lyr, facility_layer(inp, ctx, lyr)) for lyr in inp.plan.by_role("facilities")]
    for prefix, lyr, found in groups:
        names = [c.name for c in inp.profile.circles] if prefix else list(found)
        for name in names:
            g = found[name]
            if g.sites.size:
                ids = lyr.frame["id"].to_numpy()[g.sites].astype(str).tolist()
                expected.setdefault(prefix + name, []).append((ids, [g.radius] * g.sites.size))
    served = gaps_module.served_sites(inp)
    got = {
        name: [(np.asarray(ids).astype(str).tolist(), list(radii)) for _, ids, radii, _ in parts]
        for name, parts in served.items()
    }
    assert got == expected
    assert len(got) > (0 if sample == "bubenec" else 3)  # bubenec has shelters only
