"""Live figures while a site is dragged equal a full evaluation of the plan with the site there."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from spaceplanner import load_plan
from spaceplanner.engine.drag import SiteDrag
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.commands import MoveFeature
from spaceplanner.model.plan import Plan
from spaceplanner.results.report import Report
from spaceplanner.sample_maps import get_path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic_city import make_city


def _copy(plan: Plan) -> Plan:
    import copy

    out = copy.copy(plan)
    out.layers = {name: copy.copy(layer) for name, layer in plan.layers.items()}
    return out


def _targets(plan: Plan) -> list[tuple[str, str]]:
    """A shelter, the largest activity space and a facility of each kind's first layer."""
    out = []
    for role in ("shelters", "activity_spaces", "facilities"):
        for lyr in plan.by_role(role):
            frame = lyr.frame
            if frame is None or not len(frame):
                continue
            row = int(np.argmax(frame.geometry.area.to_numpy())) if role != "facilities" else 0
            out.append((lyr.name, str(frame["id"].iloc[row])))
            break
    return out


def _figures(report: Report) -> dict[str, float]:
    """Every indicator value, every shelter's load, and the headline totals."""
    out = {f"ind:{i.id}": float(i.value or 0.0) for i in report.indicators}
    out |= {f"status:{i.id}": float(i.status == "pass") for i in report.indicators}
    if report.shelters is not None:
        sh = report.shelters
        out |= {
            "sheltered": sh.population_sheltered,
            "covered": sh.population_covered,
            "capacity": sh.capacity_persons,
            "area": sh.effective_area_m2,
        }
        for row in sh.by_shelter:
            key = str(row.site)
            out |= {
                f"cap:{key}": row.capacity_persons,
                f"within:{key}": row.population_within_radius,
                f"demand:{key}": row.nearest_demand,
                f"assigned:{key}": row.assigned,
                f"over:{key}": float(row.over_capacity),
            }
    if report.activity_spaces is not None:
        for name, c in report.activity_spaces.circles.items():
            out[f"space:{name}"] = c.population_covered
    for kind, f in (report.facilities or {}).items():
        out[f"facility:{kind}"] = f.population_covered
    return out


def _check_drag(plan: Plan, offsets: list[tuple[float, float]]) -> int:
    ev = Evaluator(_copy(plan), check_content=False)
    base = ev.evaluate(gaps=False)
    checked = 0
    for layer, fid in _targets(plan):
        drag = SiteDrag(ev, _copy(plan), layer, fid, base)
        for dx, dy in offsets:
            frame = drag.at(dx, dy)
            moved = _copy(plan)
            MoveFeature(layer, fid, dx, dy).do(moved)
            full = Evaluator(moved).evaluate(gaps="points")
            got, want = _figures(frame.report), _figures(full)
            assert got.keys() == want.keys()
            for key in want:
                assert got[key] == pytest.approx(want[key], abs=1e-6), (layer, fid, dx, dy, key)
            uncovered = full.layers["uncovered_residents"]
            for key, mask in frame.uncovered.items():
                rows = uncovered[uncovered["indicator"] == key]
                assert int(mask.sum()) == len(rows), (layer, key, dx, dy)
            want_v = sorted((str(v.site), v.rule) for v in full.violations)
            assert sorted((str(v.site), v.rule) for v in frame.report.violations) == want_v
            checked += 1
    return checked


@pytest.mark.parametrize("name", ["synthetic_cn", "helsinki", "bubenec"])
def test_drag_figures_equal_a_full_evaluation_on_the_samples(name: str) -> None:
    plan = load_plan(get_path(name))
    offsets = [(0.0, 0.0), (60.0, -20.0), (150.0, 90.0), (-240.0, 10.0)]
    assert _check_drag(plan, offsets) >= len(offsets)


def test_drag_figures_equal_a_full_evaluation_on_a_synthetic_city() -> None:
    plan = make_city(3_000, 12_000, 60, seed=3)
    offsets = [(35.0, 0.0), (120.0, 140.0), (-400.0, -90.0)]
    assert _check_drag(plan, offsets) == 3 * len(offsets)


def test_a_drag_of_a_layer_without_live_figures_is_refused() -> None:
    plan = load_plan(get_path("synthetic_cn"))
    ev = Evaluator(_copy(plan))
    base = ev.evaluate(gaps=False)
    with pytest.raises(PlanError) as info:
        SiteDrag(ev, _copy(plan), "roads", "1", base)
    assert info.value.layer == "roads"
    with pytest.raises(PlanError) as info:
        SiteDrag(ev, _copy(plan), "shelters", "no such id", base)
    assert info.value.feature == "no such id"


def test_the_split_groups_solve_as_a_full_assignment() -> None:
    """A shelter moved among 40 others, 30 times: the drag's assignment (the base groups kept,
    only those the shelter reaches split and summed again) gives the loads and the sheltered of
    assign() on all the pairs, made from scratch."""
    import pandas as pd

    from spaceplanner.engine.capacity import assign
    from spaceplanner.engine.drag import _Parts

    rng = np.random.default_rng(1)
    m, k, site = 3000, 40, 7
    pop = rng.integers(1, 30, m).astype(float)
    segment = rng.integers(-1, 300, m)  # -1: residents beyond the connector
    xy = rng.uniform(0, 3000, (m, 2))
    shelters = rng.uniform(0, 3000, (k, 2))
    dist = np.hypot(*(xy[:, None, :] - shelters[None, :, :]).transpose(2, 0, 1))
    cap = rng.uniform(50, 900, k)
    r, s = np.nonzero(dist <= 400)
    pairs = pd.DataFrame({"r": r, "s": s, "d": np.round(dist[r, s], 1)})
    others = pairs[pairs["s"] != site].reset_index(drop=True)
    without = cap.copy()
    without[site] = 0.0
    parts = _Parts(pop, without, others, segment)
    for _ in range(30):
        at = rng.uniform(0, 3000, 2)
        d_all = np.hypot(*(xy - at).T)
        reached = np.flatnonzero(d_all <= 400)
        d = np.round(d_all[reached], 1)
        capacity = float(rng.uniform(0, 2000))
        got = parts.solve(site, capacity, reached, d)
        full = pd.concat(
            [others, pd.DataFrame({"r": reached, "s": site, "d": d})], ignore_index=True
        )
        with_site = cap.copy()
        with_site[site] = capacity
        want = assign(pop, with_site, full, segment)
        assert got.flow == pytest.approx(want.flow, abs=1e-6)
        np.testing.assert_allclose(got.load, want.load, atol=1e-6)
        np.testing.assert_allclose(parts.sheltered(got), want.sheltered, atol=1e-6)


def test_group_keys_as_bytes_sort_as_the_keys() -> None:
    """The drag merges new groups among the kept ones by their keys' bytes: that order is the
    keys' (segment, then the two signature halves, as unsigned numbers), also for keys with
    zero bytes, equal first parts and the segment -1 (the largest number)."""
    from spaceplanner.engine.drag import _key_bytes

    rng = np.random.default_rng(5)
    n = 4000
    keys = np.column_stack(
        [
            rng.integers(-1, 6, n).astype(np.uint64),
            rng.integers(0, 4, n).astype(np.uint64) << np.uint64(rng.integers(0, 64)),
            rng.choice(np.array([0, 1, 255, 256, 2**63, 2**64 - 1], dtype=np.uint64), n),
        ]
    )
    keys = np.unique(keys, axis=0)
    rng.shuffle(keys)
    want = np.lexsort((keys[:, 2], keys[:, 1], keys[:, 0]))
    got = np.argsort(_key_bytes(keys), kind="stable")
    np.testing.assert_array_equal(got, want)
    ordered = _key_bytes(keys[want])
    probe = _key_bytes(keys[:50])
    np.testing.assert_array_equal(np.searchsorted(ordered, probe), np.argsort(want)[:50])
