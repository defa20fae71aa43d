"""Time from an edit to updated indicators on the helsinki sample (the desktop's live path).

The helsinki plan gets a shelters layer made of its dual-use candidate spaces. For each kind of
edit (move, add, delete a shelter or a facility) the script times ``Evaluator.evaluate(gaps=False)``
after the edit, against a full evaluation from scratch of the same edited plan in the same
process, and checks that the two give the same figures. Target: <= 100 ms per edit.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import geopandas as gpd
import pandas as pd
from shapely import affinity

from spaceplanner import Evaluator, Plan, PlanLayer, evaluate, load_plan
from spaceplanner.sample_maps import get_path


def helsinki_with_shelters() -> Plan:
    """The helsinki sample with its dual-use spaces as a shelters layer."""
    plan = load_plan(get_path("helsinki"))
    spaces = plan.layers["activity_spaces"].frame
    assert spaces is not None
    chosen = spaces[spaces["dual_use"]]
    frame = gpd.GeoDataFrame(
        {"id": chosen["id"], "name": chosen["name"]}, geometry=chosen.geometry, crs=plan.crs
    )
    extra = Plan.from_frames("shelters", {"shelters": ("shelters", frame)}, crs=plan.crs)
    plan.layers["shelters"] = extra.layers["shelters"]
    return plan


def move(layer: PlanLayer, row: int, dx: float) -> None:
    assert layer.frame is not None
    geoms = layer.frame.geometry.copy()
    geoms.iloc[row] = affinity.translate(geoms.iloc[row], dx, 0)
    layer.frame = layer.frame.set_geometry(geoms)


def add(layer: PlanLayer, row: int, new_id: str) -> None:
    assert layer.frame is not None
    new = layer.frame.iloc[[row]].copy()
    new["id"] = new_id
    new = new.set_geometry(new.geometry.translate(150, 90))
    layer.frame = pd.concat([layer.frame, new], ignore_index=True)


def delete(layer: PlanLayer, row: int) -> None:
    assert layer.frame is not None
    layer.frame = layer.frame.drop(index=layer.frame.index[row]).reset_index(drop=True)


def timed(func: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="edits of each kind")
    args = parser.parse_args()
    plan = helsinki_with_shelters()
    ev = Evaluator(plan)
    first, _ = timed(lambda: ev.evaluate(gaps=False))
    print(f"helsinki: first evaluation (builds the network and caches) {first * 1000:.0f} ms")
    edits: dict[str, Callable[[int], None]] = {
        "move a shelter": lambda i: move(plan.layers["shelters"], i, 120.0),
        "add a shelter": lambda i: add(plan.layers["shelters"], i, f"new-shelter-{i}"),
        "delete a shelter": lambda i: delete(plan.layers["shelters"], 0),
        "move a facility": lambda i: move(plan.layers["facilities"], i, -90.0),
        "add a facility": lambda i: add(plan.layers["facilities"], i, f"new-facility-{i}"),
        "delete a facility": lambda i: delete(plan.layers["facilities"], 0),
    }
    print(f"{'edit':<20}{'incremental':>13}{'full':>10}{'ratio':>8}  same figures  target")
    for label, edit in edits.items():
        inc_times, full_times, same = [], [], True
        for i in range(args.repeat):
            edit(i)
            t_inc, inc = timed(lambda: ev.evaluate(gaps=False))
            t_full, full = timed(lambda: evaluate(plan, gaps=False))
            inc_times.append(t_inc)
            full_times.append(t_full)
            same &= inc.figures() == full.figures()  # type: ignore[attr-defined]
        t_inc, t_full = max(inc_times), min(full_times)
        verdict = "ok" if t_inc <= 0.1 else "MISSED"
        print(
            f"{label:<20}{t_inc * 1000:>10.0f} ms{t_full * 1000:>7.0f} ms{t_full / t_inc:>7.1f}x"
            f"  {'yes' if same else 'NO':<12}  <= 100 ms {verdict}"
        )


if __name__ == "__main__":
    main()
