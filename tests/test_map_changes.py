"""Where a comparison's changes are on the map (no Qt): sites added, removed and moved, and the
residents whose served state flipped, checked against sets worked out from the two reports'
resident layers."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from shapely import affinity
from shapely.geometry import Point, box

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import CommandStack, MoveFeature
from spaceplanner.model.plan import load_plan
from spaceplanner.results.compare import compare
from spaceplanner.results.map_changes import (
    map_changes,
    served_keys,
    site_changes,
    site_frames,
)
from spaceplanner.sample_maps import get_path


def _unsheltered(report) -> set[str]:
    """Residents with persons and no place, read from the residents layer's figures (not from
    the uncovered-residents layer the module reads)."""
    r = report.layers["residents"]
    return set(r.loc[r["unsheltered"] > 1e-6, "id"].astype(str))


@pytest.fixture(scope="module")
def moved():
    """synthetic_cn before and after moving the fixed shelter BN02 1.5 km east."""
    plan = load_plan(get_path("synthetic_cn"), strict=False)
    sites_before = site_frames(plan)
    original = plan.layers["shelters"].frame.set_index("id").geometry["BN02"]
    before = Evaluator(plan).evaluate(gaps="points")
    CommandStack(plan).push(MoveFeature("shelters", "BN02", 1500.0, 0.0))
    after = Evaluator(plan).evaluate(gaps="points")
    return before, after, sites_before, site_frames(plan), original


def test_a_moved_shelter_has_its_old_and_new_place(moved) -> None:
    before, after, sites_before, sites_after, original = moved
    changes = map_changes(compare(before, after), sites_before, sites_after)
    assert [(s.kind, s.layer, s.feature) for s in changes.sites] == [("moved", "shelters", "BN02")]
    site = changes.sites[0]
    assert shapely.equals_exact(site.before, original, tolerance=1e-9)
    assert shapely.equals_exact(
        site.after, affinity.translate(original, 1500.0, 0.0), tolerance=1e-6
    )
    assert site.shift is not None and site.shift.length == pytest.approx(1500.0)


def test_residents_that_lost_their_shelter_place(moved) -> None:
    before, after, sites_before, sites_after, _ = moved
    changes = map_changes(compare(before, after), sites_before, sites_after)
    flips = changes.residents("shelter")
    lost = _unsheltered(after) - _unsheltered(before)
    gained = _unsheltered(before) - _unsheltered(after)
    assert set(flips.unserved["id"]) == lost == {"JZ02", "JZ05", "JZ08", "JZ10"}
    assert set(flips.served["id"]) == gained == set()
    # the points drawn are the residents' own
    points = after.layers["residents"].set_index("id").geometry
    for fid, geom in zip(flips.unserved["id"], flips.unserved.geometry, strict=True):
        assert geom.equals(points[fid])
    # back again: the same residents are newly served
    back = map_changes(compare(after, before), sites_after, sites_before)
    assert set(back.residents("shelter").served["id"]) == lost
    assert back.residents("shelter").unserved.empty
    assert back.sites[0].shift.length == pytest.approx(1500.0)


def test_an_indicator_neither_report_assesses_flips_nobody(moved) -> None:
    before, after, *_ = moved
    assert served_keys(before, "no_such_kind") is None
    flips = map_changes(compare(before, after)).residents("no_such_kind")
    assert flips.served.empty and flips.unserved.empty
    # a facility indicator: served where the residents layer has a finite distance
    r = before.layers["residents"]
    near = r[r["d_elderly_care"].notna()]
    assert served_keys(before, "elderly_care") == set(zip(near["layer"], near["id"], strict=True))
    assert len(near) == 1  # JZ09 only


def test_sites_added_removed_moved_and_unchanged() -> None:
    a, b, c = box(0, 0, 10, 10), box(20, 0, 30, 10), box(40, 0, 50, 10)
    before = {
        "parks": gpd.GeoDataFrame({"id": ["P1", "P2", "P3"]}, geometry=[a, b, c]),
        "clinics": gpd.GeoDataFrame({"id": ["C1"]}, geometry=[Point(5, 5)]),
    }
    after = {
        # P1 the very same object, P2 an equal copy, P3 moved 5 m north, P4 new; C1's layer gone
        "parks": gpd.GeoDataFrame(
            {"id": ["P1", "P2", "P3", "P4"]},
            geometry=[a, box(20, 0, 30, 10), affinity.translate(c, 0, 5), Point(70, 5)],
        ),
    }
    got = [(s.kind, s.layer, s.feature) for s in site_changes(before, after)]
    assert got == [
        ("moved", "parks", "P3"),
        ("added", "parks", "P4"),
        ("removed", "clinics", "C1"),
    ]
    moved = site_changes(before, after)[0]
    assert moved.shift is not None and moved.shift.length == pytest.approx(5.0)
    assert site_changes(before, before) == ()
