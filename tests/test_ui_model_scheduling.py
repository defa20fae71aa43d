"""When the desktop app evaluates (no Qt): one run at a time, coalesced requests, live runs in
place when quick, and the last full run's areas carried into live reports."""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
import pytest
from shapely.geometry import Point

from spaceplanner import evaluate, load_plan
from spaceplanner.model.commands import MoveFeature
from spaceplanner.results.report import Report
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.model.scheduling import (
    RunSchedule,
    plan_state,
    runs_in_place,
    with_areas_of,
)
from spaceplanner.ui.model.session import Session


def test_an_idle_runner_starts_what_is_asked() -> None:
    schedule = RunSchedule()
    assert schedule.request("live", busy=False) == "live"
    assert schedule.request("full", busy=False) == "full"
    assert schedule.pending is None


def test_requests_while_busy_make_one_run_full_if_any_was_full() -> None:
    schedule = RunSchedule()
    for kind in ("live", "live", "full", "live", "live"):
        assert schedule.request(kind, busy=True) is None
    assert schedule.pending == "full"
    assert schedule.after(ended_full=False, unchanged=False) == "full"
    assert schedule.pending is None
    assert schedule.after(ended_full=False, unchanged=False) is None


def test_live_requests_while_busy_make_one_live_run() -> None:
    schedule = RunSchedule()
    for _ in range(5):
        schedule.request("live", busy=True)
    assert schedule.pending == "live"
    assert schedule.after(ended_full=True, unchanged=False) == "live"


@pytest.mark.parametrize(
    ("wanted", "ended_full", "unchanged", "starts"),
    [
        # the run that ended already answered for this very plan
        ("live", False, True, None),
        ("live", True, True, None),
        ("full", True, True, None),
        # a live answer does not stand in for the gap areas a full run was asked for
        ("full", False, True, "full"),
        # the plan changed meanwhile (or the run was cancelled): the wanted run goes
        ("live", True, False, "live"),
        ("full", True, False, "full"),
    ],
)
def test_a_remembered_run_is_dropped_only_when_it_would_say_nothing_new(
    wanted: str, ended_full: bool, unchanged: bool, starts: str | None
) -> None:
    schedule = RunSchedule()
    schedule.request(wanted, busy=True)
    assert schedule.after(ended_full=ended_full, unchanged=unchanged) == starts
    assert schedule.pending is None


def test_cancel_forgets_the_remembered_run() -> None:
    schedule = RunSchedule()
    schedule.request("full", busy=True)
    schedule.cancel()
    assert schedule.pending is None
    assert schedule.after(ended_full=False, unchanged=False) is None


def test_live_runs_in_place_only_when_warm_and_quick() -> None:
    assert runs_in_place(warm=True, last_live_seconds=0.05, quick_seconds=0.2)
    assert runs_in_place(warm=True, last_live_seconds=0.2, quick_seconds=0.2)
    assert not runs_in_place(warm=True, last_live_seconds=0.3, quick_seconds=0.2)
    assert not runs_in_place(warm=False, last_live_seconds=0.05, quick_seconds=0.2)
    # no live run yet (or the last one failed): nothing says it is quick
    assert not runs_in_place(warm=True, last_live_seconds=None, quick_seconds=0.2)


def test_the_plan_state_changes_with_an_edit_and_nothing_else() -> None:
    session = Session(load_plan(get_path("synthetic_cn")))
    plan = session.plan
    before = plan_state("k", "flood", "normal", plan)
    assert plan_state("k", "flood", "normal", plan) == before
    assert plan_state("k", "earthquake", "normal", plan) != before
    assert plan_state("k", "flood", "emergency", plan) != before
    fid = str(plan.layers["facilities"].frame["id"].iloc[0])
    session.push(MoveFeature("facilities", fid, 5.0, 0.0))
    after = plan_state("k", "flood", "normal", session.plan)
    assert after != before
    session.undo()
    assert plan_state("k", "flood", "normal", session.plan) != after


def _layer(n: int) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"n": list(range(n))}, geometry=[Point(i, 0) for i in range(n)])


@pytest.fixture(scope="module")
def base() -> Report:
    return evaluate(load_plan(get_path("bubenec")), gaps=False)


def test_a_live_report_shows_the_last_full_runs_areas_marked_stale(base: Report) -> None:
    full = replace(
        base,
        plan="full",
        layers={"residents": _layer(1), "gap_areas": _layer(2), "service_areas": _layer(3)},
    )
    live = replace(base, plan="live", layers={"residents": _layer(4)})
    shown = with_areas_of(live, full)
    assert shown.plan == "live"  # the live run's figures
    assert len(shown.layers["residents"]) == 4  # the live run's own
    assert len(shown.layers["gap_areas"]) == 2 and len(shown.layers["service_areas"]) == 3
    assert shown.stale == frozenset({"gap_areas", "service_areas"})


def test_areas_a_live_report_has_are_its_own(base: Report) -> None:
    full = replace(base, layers={"gap_areas": _layer(2)})
    live = replace(base, layers={"gap_areas": _layer(5)})
    assert with_areas_of(live, full) is live
    bare = replace(base, layers={})
    assert with_areas_of(bare, bare).stale == frozenset()
