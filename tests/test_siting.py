"""The siting checks 避 avoid, 防 prevent and 让 give way, on hand-solved geometry."""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from conftest import UTM35, X0, Y0
from rasterio.transform import from_origin
from shapely.geometry import LineString, Point, box

from spaceplanner import PlanError, evaluate, load_plan
from spaceplanner.cli import main
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.plan import Plan
from spaceplanner.sample_maps import get_path

AVOID, PREVENT, GIVE_WAY = "避", "防", "让"


def frame(geoms, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM35)


def at(x: float, y: float = 0.0) -> Point:
    return Point(X0 + x, Y0 + y)


def rect(x0: float, y0: float, x1: float, y1: float):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def line(*xy: tuple[float, float]) -> LineString:
    return LineString([(X0 + x, Y0 + y) for x, y in xy])


def street() -> gpd.GeoDataFrame:
    return frame([line((-1000, 0), (1000, 0))])


#: The standard site: 100 m x 100 m, 10 m north of the street (capacity 10 000 at 1 m²/person).
SITE = (0.0, 10.0, 100.0, 110.0)


def plan_with(**extra) -> Plan:
    """One shelter SITE (id S1), one resident of 100 at (50, -5), a street; plus ``extra``."""
    layers = {
        "residents": ("residents", frame([at(50, -5)], population=[100])),
        "shelters": ("shelters", frame([rect(*SITE)], id=["S1"])),
        "network": ("network", street()),
    }
    layers.update(extra)
    return Plan.from_frames("siting", layers)


def run(plan: Plan, scenario: str = "all", **kw):
    return evaluate(plan, scenario=scenario, gaps=False, **kw)


def shelter(report, sid: str = "S1") -> dict:
    return next(b for b in report.to_dict()["shelters"]["by_shelter"] if b["id"] == sid)


def rules(report, rule: str) -> list[dict]:
    return [v for v in report.to_dict()["violations"] if v["rule"] == rule]


def flood(*geoms) -> tuple:
    return ("hazards", frame(list(geoms), hazard=["flood"] * len(geoms)))


# -- 避: hazard zones ------------------------------------------------------------------------


def test_flood_zone_removes_its_share_only_in_the_flood_scenario() -> None:
    # the zone covers x 0..40 of the 100 x 100 site: 40 % of 10 000 persons = 4 000 (避)
    plan = plan_with(flood=("hazards", frame([rect(-50, -50, 40, 200)]), {"hazard": "flood"}))
    report = run(plan, "flood")
    s = shelter(report)
    assert s["capacity_before_checks"] == pytest.approx(10_000)
    assert s["capacity_persons"] == pytest.approx(6_000)
    assert s["capacity_removed"][AVOID] == pytest.approx(4_000)
    assert s["capacity_removed"][PREVENT] == 0 and s["capacity_removed"][GIVE_WAY] == 0
    assert s["eligible"] is True
    assert report.to_dict()["capacity_removed_by"] == pytest.approx(
        {AVOID: 4_000, PREVENT: 0, GIVE_WAY: 0}
    )
    assert report.to_dict()["shelters"]["capacity_persons"] == pytest.approx(6_000)
    (v,) = rules(report, "avoid.hazard_zone")
    assert (v["layer"], v["id"], v["principle"]) == ("shelters", "S1", AVOID)
    assert v["measured"] == pytest.approx(0.4)
    assert v["required"] == 0
    assert v["source"] and "flood" in v["message"]
    # in an earthquake a flood zone does not count
    quake = run(plan, "earthquake")
    assert shelter(quake)["capacity_persons"] == pytest.approx(10_000)
    assert quake.to_dict()["capacity_removed_by"][AVOID] == 0
    assert not rules(quake, "avoid.hazard_zone")


def test_site_wholly_in_the_flood_zone_is_ineligible() -> None:
    plan = plan_with(flood=flood(rect(-10, 0, 110, 120)))
    quake = run(plan, "earthquake")
    assert quake.to_dict()["shelters"]["population_covered"] == 100
    assert quake.to_dict()["shelters"]["population_sheltered"] == pytest.approx(100)
    report = run(plan, "flood")
    s = shelter(report)
    assert s["eligible"] is False
    assert s["capacity_persons"] == 0
    assert s["capacity_removed"][AVOID] == pytest.approx(10_000)
    assert report.to_dict()["shelters"]["population_covered"] == 0
    assert report.to_dict()["shelters"]["population_sheltered"] == 0
    (v,) = rules(report, "avoid.hazard_zone")
    assert v["measured"] == pytest.approx(1.0)
    assert "ineligible" in v["message"]


def test_point_shelter_in_the_zone_is_ineligible() -> None:
    plan = plan_with(
        shelters=("shelters", frame([at(50, 20), at(300, 20)], id=["P1", "P2"], capacity=[50, 70])),
        flood=flood(rect(0, 10, 100, 110)),
    )
    report = run(plan, "flood")
    assert shelter(report, "P1")["eligible"] is False
    assert shelter(report, "P1")["capacity_persons"] == 0
    assert shelter(report, "P2")["capacity_persons"] == 70
    assert report.to_dict()["capacity_removed_by"][AVOID] == pytest.approx(50)


def test_capacity_field_shrinks_by_the_same_share() -> None:
    # capacity 5 000 < 10 000 m² / 1 m²: 40 % flooded leaves 3 000
    sites = frame([rect(*SITE)], id=["S1"], capacity=[5_000])
    report = run(plan_with(shelters=("shelters", sites), flood=flood(rect(-50, -50, 40, 200))))
    assert shelter(report)["capacity_before_checks"] == pytest.approx(5_000)
    assert shelter(report)["capacity_persons"] == pytest.approx(3_000)
    assert report.to_dict()["capacity_removed_by"][AVOID] == pytest.approx(2_000)


def test_one_evaluator_switches_scenarios() -> None:
    ev = Evaluator(plan_with(flood=flood(rect(-50, -50, 40, 200))))
    got = [
        shelter(ev.evaluate(scenario=s, gaps=False))["capacity_persons"]
        for s in ("flood", "earthquake", "flood")
    ]
    assert got == pytest.approx([6_000, 10_000, 6_000])


# -- 避: collapse range of tall buildings ------------------------------------------------------


def test_collapse_range_of_a_tall_building() -> None:
    # building x 110..130, y 0..120: the site (y 10..110) faces only the straight part of its
    # 0.67 x 30 = 20.1 m buffer, which reaches x = 110 - 20.1 = 89.9: a strip 10.1 m x 100 m
    tall = ("buildings", frame([rect(110, 0, 130, 120)], id=["B1"], height=[30.0]))
    report = run(plan_with(buildings=tall))
    s = shelter(report)
    assert s["capacity_removed"][AVOID] == pytest.approx((20.1 - 10) * 100)
    assert s["capacity_persons"] == pytest.approx(10_000 - 1010)
    (v,) = rules(report, "avoid.collapse_range")
    assert (v["principle"], v["id"]) == (AVOID, "S1")
    assert v["measured"] == pytest.approx(10)
    assert v["required"] == pytest.approx(20.1)
    assert "B1" in v["message"]
    # 20 m is not tall (> 24 m): nothing removed
    low = ("buildings", frame([rect(110, 0, 130, 120)], id=["B1"], height=[20.0]))
    report = run(plan_with(buildings=low))
    assert not rules(report, "avoid.collapse_range")
    assert shelter(report)["capacity_persons"] == pytest.approx(10_000)


def test_collapse_range_from_floors() -> None:
    # 10 floors x 3 m = 30 m: the same 10.1 m strip as a 30 m height
    tall = ("buildings", frame([rect(110, 0, 130, 120)], id=["B1"], floors=[10]))
    report = run(plan_with(buildings=tall))
    assert shelter(report)["capacity_removed"][AVOID] == pytest.approx(1010)
    (v,) = rules(report, "avoid.collapse_range")
    assert v["required"] == pytest.approx(20.1)


# -- 防: protective distances ------------------------------------------------------------------


def test_petrol_station_removes_a_circular_segment() -> None:
    # a 200 m x 100 m site (20 000 persons); the station 42 m north of its top edge (y = 110);
    # its 50 m zone cuts the segment r² acos(d/r) - d sqrt(r² - d²), r = 50, d = 42:
    # 2500 x 0.57351 - 42 x 27.129 = 294.4 m² (chord 54 m long, inside the 200 m edge).
    # The zone's chords stay within 1 cm of the circle: the area is right to 0.6 m² (1 cm
    # along the 57 m arc).
    r, d = 50.0, 42.0
    segment = r**2 * math.acos(d / r) - d * math.sqrt(r**2 - d**2)
    plan = plan_with(
        shelters=("shelters", frame([rect(0, 10, 200, 110)], id=["S1"])),
        station=("hazard_sources", frame([at(100, 152)], id=["G1"], kind=["petrol_station"])),
    )
    report = run(plan)
    s = shelter(report)
    assert s["capacity_before_checks"] == pytest.approx(20_000)
    assert s["capacity_removed"][PREVENT] == pytest.approx(segment, abs=0.6)
    assert s["capacity_persons"] == pytest.approx(20_000 - s["capacity_removed"][PREVENT])
    assert report.to_dict()["capacity_removed_by"][PREVENT] == pytest.approx(segment, abs=0.6)
    (v,) = rules(report, "prevent.petrol_station")
    assert (v["principle"], v["id"], v["source_id"]) == (PREVENT, "S1", "G1")
    assert v["measured"] == pytest.approx(42)
    assert v["required"] == pytest.approx(50)
    assert "GB 50156" in v["source"]


def _hv(**columns) -> tuple:
    # parallel to the top edge (y = 110) at 10 m, 20 m longer than the site at each end
    return ("hazard_sources", frame([line((-20, 120), (120, 120))], id=["L1"], **columns))


def test_hv_line_band_by_voltage() -> None:
    # 110 kV: 12.5 m each side reaches y = 107.5: a strip 2.5 m x 100 m = 250
    report = run(plan_with(power=_hv(kind=["hv_line"], voltage=[110.0])))
    assert shelter(report)["capacity_removed"][PREVENT] == pytest.approx(250)
    assert shelter(report)["capacity_persons"] == pytest.approx(9_750)
    (v,) = rules(report, "prevent.hv_line")
    assert v["measured"] == pytest.approx(10)
    assert v["required"] == pytest.approx(12.5)
    # 10 kV: 5.75 m < 10 m, nothing
    report = run(plan_with(power=_hv(kind=["hv_line"], voltage=[10.0])))
    assert not rules(report, "prevent.hv_line")
    assert shelter(report)["capacity_persons"] == pytest.approx(10_000)
    # 66 kV takes the band of the next listed voltage, 110 kV
    report = run(plan_with(power=_hv(kind=["hv_line"], voltage=[66.0])))
    assert rules(report, "prevent.hv_line")[0]["required"] == pytest.approx(12.5)


def test_hv_line_without_voltage_takes_the_widest_band() -> None:
    # 500 kV: 32.5 m reaches y = 87.5: 22.5 m x 100 m = 2 250 (the line's ends lie 20 m beyond
    # the site, so the site faces only the band's straight part)
    report = run(plan_with(power=_hv(kind=["hv_line"])))
    assert shelter(report)["capacity_removed"][PREVENT] == pytest.approx(2_250)
    (v,) = rules(report, "prevent.hv_line")
    assert v["required"] == pytest.approx(32.5)
    assert any(
        n.code == "hv_voltage_unknown" and "L1" in n.text and "500" in n.text for n in report.notes
    )


def test_pipeline_crossing_the_site() -> None:
    # a straight pipeline across the site at x = 50: 5 m each side, 10 m x 100 m = 1 000
    pipe = ("hazard_sources", frame([line((50, -100), (50, 300))], id=["P9"], kind=["pipeline"]))
    report = run(plan_with(pipes=pipe))
    s = shelter(report)
    assert s["capacity_removed"][PREVENT] == pytest.approx(1_000)
    assert s["capacity_persons"] == pytest.approx(9_000)
    (v,) = rules(report, "prevent.pipeline_crossing")
    assert (v["principle"], v["source_id"]) == (PREVENT, "P9")
    assert v["measured"] == 0
    assert v["required"] == pytest.approx(5)
    assert not rules(report, "prevent.pipeline")


def test_unknown_hazard_source_kind_is_noted() -> None:
    plant = ("hazard_sources", frame([at(50, 60)], id=["C1"], kind=["chemical_plant"]))
    report = run(plan_with(plants=plant))
    assert any(
        n.code == "hazard_source_unrated" and "chemical_plant" in n.text and "C1" in n.text
        for n in report.notes
    )
    assert shelter(report)["capacity_persons"] == pytest.approx(10_000)
    assert not [v for v in report.to_dict()["violations"] if v["principle"] == PREVENT]


# -- 让: unbuilt grounds, entrances, evacuation routes ---------------------------------------


def test_building_on_the_site() -> None:
    # a 10 m x 10 m footprint inside: 100 m², 100 persons at 1 m²/person
    house = ("buildings", frame([rect(40, 40, 50, 50)], id=["H1"], height=[6.0]))
    report = run(plan_with(buildings=house))
    s = shelter(report)
    assert s["capacity_removed"][GIVE_WAY] == pytest.approx(100)
    assert s["capacity_persons"] == pytest.approx(9_900)
    (v,) = rules(report, "give_way.unbuilt")
    assert (v["principle"], v["id"]) == (GIVE_WAY, "S1")
    assert v["measured"] == pytest.approx(100)
    assert v["required"] == 0


def test_each_square_metre_counts_once_under_the_first_principle() -> None:
    # flood zone: the strip x 75..100 of the site, 25 x 100 = 2 500 (避).
    # petrol station at the site's corner (100, 110): its 50 m zone takes a quarter disc of the
    # site, pi r²/4 = 1 963.5, of which the part with x >= 75 (u = 100 - x in 0..25) is already
    # flooded: integral of sqrt(2500 - u²) du over 0..25 = 12.5 sqrt(1875) + 1250 asin(1/2)
    # = 541.3 + 654.5 = 1 195.8. 防 takes the rest, 767.7 (a chorded disc: a little less).
    flooded_part = 12.5 * math.sqrt(1875) + 1250 * math.asin(0.5)
    rest = math.pi * 2500 / 4 - flooded_part
    plan = plan_with(
        flood=flood(rect(75, -50, 200, 200)),
        station=("hazard_sources", frame([at(100, 110)], id=["G1"], kind=["petrol_station"])),
    )
    report = run(plan, "flood")
    s = shelter(report)
    by = report.to_dict()["capacity_removed_by"]
    assert by[AVOID] == pytest.approx(2_500)
    assert by[PREVENT] == pytest.approx(rest, rel=0.02)
    assert by[GIVE_WAY] == 0
    assert by[AVOID] + by[PREVENT] == pytest.approx(
        s["capacity_before_checks"] - s["capacity_persons"]
    )
    assert s["capacity_removed"] == pytest.approx(by)
    assert {v["rule"] for v in report.to_dict()["violations"]} >= {
        "avoid.hazard_zone",
        "prevent.petrol_station",
    }


def _dead_end() -> gpd.GeoDataFrame:
    # one street coming from the south and ending 5 m short of the site's bottom edge
    return frame([line((50, -1000), (50, 5))])


def test_entrances_from_one_direction() -> None:
    report = run(plan_with(network=("network", _dead_end())))
    (v,) = rules(report, "give_way.entrances")
    assert (v["principle"], v["id"]) == (GIVE_WAY, "S1")
    assert v["measured"] == 1
    assert v["required"] == 2


def test_a_street_along_one_side_is_one_direction() -> None:
    # the street runs along the bottom edge only (y = 0, 10 m below it): the site is entered
    # from the south alone
    report = run(plan_with())
    (v,) = rules(report, "give_way.entrances")
    assert v["measured"] == 1
    assert v["required"] == 2


def test_entrances_layer_on_opposite_sides() -> None:
    # gates on the bottom (40, 10) and top (60, 110) edges: south-west and north-east of the
    # centroid (50, 60), two quadrants
    gates = ("entrances", frame([at(40, 10), at(60, 110)], site=["S1", "S1"]))
    report = run(plan_with(network=("network", _dead_end()), gates=gates))
    assert not rules(report, "give_way.entrances")
    central = plan_with(
        network=("network", _dead_end()),
        gates=gates,
        shelters=("shelters", frame([rect(*SITE)], id=["S1"], **{"class": ["central"]})),
    )
    report = run(central)
    (v,) = rules(report, "give_way.entrances")
    assert v["measured"] == 2
    assert v["required"] == 4


def test_evacuation_route_width_and_debris() -> None:
    route = frame([line((-1000, 0), (1000, 0))], evacuation=[True])
    buildings = frame(
        [rect(100, 1, 120, 21), rect(300, 15, 320, 35), rect(500, 40, 520, 60)],
        id=["near", "tower", "far"],
        height=[9.0, 30.0, 30.0],
    )
    report = run(plan_with(network=("network", route), buildings=("buildings", buildings)))
    # "near" stands 1 m from the centre line: 2 x 1 = 2 m of the 4 m clear width
    (w,) = rules(report, "give_way.evacuation_width")
    assert (w["principle"], w["layer"]) == (GIVE_WAY, "network")
    assert w["measured"] == pytest.approx(2.0)
    assert w["required"] == pytest.approx(4.0)
    assert "near" in w["message"]
    # "tower" (30 m, 0.67 x 30 = 20.1 m) stands 15 m away; "far" (40 m away) does not reach it
    (d,) = rules(report, "give_way.debris_zone")
    assert d["measured"] == pytest.approx(15)
    assert d["required"] == pytest.approx(20.1)
    assert "tower" in d["message"]
    # a fixed route needs 7 m: the tower's edge at 15 m is clear, "near" is not
    fixed = frame([line((-1000, 0), (1000, 0))], evacuation=[True], route_class=["fixed"])
    report = run(plan_with(network=("network", fixed), buildings=("buildings", buildings)))
    (w,) = rules(report, "give_way.evacuation_width")
    assert w["required"] == pytest.approx(7.0)
    # not an evacuation route: no checks
    plain = frame([line((-1000, 0), (1000, 0))], evacuation=[False])
    report = run(plan_with(network=("network", plain), buildings=("buildings", buildings)))
    assert not rules(report, "give_way.evacuation_width")
    assert not rules(report, "give_way.debris_zone")


# -- sensitive facilities, periods -------------------------------------------------------------


def test_sensitive_facility_in_the_zone_is_flagged_but_keeps_counting() -> None:
    kids = ("facilities", frame([at(300, 20)], id=["K1"]), {"kind": "kindergarten"})
    plan = plan_with(kids=kids, flood=flood(rect(250, -30, 350, 70)))
    flooded = run(plan, "flood")
    (v,) = [v for v in rules(flooded, "avoid.hazard_zone") if v["layer"] == "kids"]
    assert (v["id"], v["principle"]) == ("K1", AVOID)
    quake = run(plan, "earthquake")
    assert not rules(quake, "avoid.hazard_zone")
    assert (
        flooded.to_dict()["facilities"]["kindergarten"]
        == quake.to_dict()["facilities"]["kindergarten"]
    )
    assert (
        flooded.to_dict()["facilities"]["kindergarten"]["population_covered"] == 100
    )  # 250 + 5 + 20 m


def test_periods() -> None:
    park = frame([rect(200, 10, 300, 110)], id=["park"], dual_use=[True])
    plan = plan_with(park=("activity_spaces", park))
    normal = run(plan, period="normal")
    assert normal.to_dict()["shelters"] is None
    assert normal.to_dict()["activity_spaces"]["5min"]["spaces_counted"] == 1
    emergency = run(plan, period="emergency")
    assert emergency.to_dict()["activity_spaces"] is None
    # the dual-use park shelters people in an emergency, by its own area (10 000 m²)
    by = {b["id"]: b for b in emergency.to_dict()["shelters"]["by_shelter"]}
    assert by["park"]["use"] == "dual_use"
    assert by["park"]["capacity_persons"] == pytest.approx(10_000)
    assert by["S1"]["use"] == "shelter"
    with pytest.raises(PlanError):
        run(plan, period="holiday")


def test_dual_use_space_loses_area_to_a_hazard_zone() -> None:
    # the park's area field (5 000 m²) is its effective area; the zone covers half its polygon
    park = frame([rect(200, 10, 300, 110)], id=["park"], dual_use=[True], area=[5_000.0])
    plan = plan_with(park=("activity_spaces", park), flood=flood(rect(250, 0, 400, 200)))
    by = {b["id"]: b for b in run(plan, "flood").to_dict()["shelters"]["by_shelter"]}
    assert by["park"]["capacity_before_checks"] == pytest.approx(5_000)
    assert by["park"]["capacity_persons"] == pytest.approx(2_500)


# -- raster hazards ---------------------------------------------------------------------------


def _write_raster(path: Path, values: np.ndarray) -> None:
    # 10 m cells, the top-left corner at (X0 - 100, Y0 + 200)
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=values.shape[1],
        height=values.shape[0],
        count=1,
        dtype="float32",
        crs=UTM35,
        transform=from_origin(X0 - 100, Y0 + 200, 10, 10),
    ) as dst:
        dst.write(values.astype("float32"), 1)


def _raster_plan(tmp_path: Path, hazard_table: str) -> Path:
    frame([at(50, -20)], population=[100]).to_file(tmp_path / "people.gpkg")
    frame([rect(*SITE)], id=["S1"]).to_file(tmp_path / "sites.gpkg")
    frame([line((-50, 0), (150, 0))]).to_file(tmp_path / "walk.gpkg")
    path = tmp_path / "plan.toml"
    path.write_text(
        '[layers.people]\nrole = "residents"\npath = "people.gpkg"\n'
        '[layers.shelters]\npath = "sites.gpkg"\n'
        '[layers.walk]\nrole = "network"\npath = "walk.gpkg"\n' + hazard_table,
        encoding="utf-8",
    )
    return path


def test_raster_flood_zone_below_a_level(tmp_path: Path) -> None:
    # 30 x 30 cells at 200 m; a block of 4 x 2 cells at 50 m: x 20..60, y 30..50 (800 m²),
    # inside the site: columns (20 + 100) / 10 = 12..15, rows (200 - 50) / 10 = 15..16
    dem = np.full((30, 30), 200.0)
    dem[15:17, 12:16] = 50.0
    _write_raster(tmp_path / "dem.tif", dem)
    path = _raster_plan(
        tmp_path,
        '[layers.flood]\nrole = "hazards"\npath = "dem.tif"\nhazard = "flood"\nmax_value = 100.0\n',
    )
    plan = load_plan(path)
    report = run(plan, "flood")
    assert shelter(report)["capacity_removed"][AVOID] == pytest.approx(800)
    assert shelter(report)["capacity_persons"] == pytest.approx(9_200)
    (v,) = rules(report, "avoid.hazard_zone")
    assert v["measured"] == pytest.approx(0.08)
    assert shelter(run(plan, "earthquake"))["capacity_persons"] == pytest.approx(10_000)


def test_raster_slope_zone(tmp_path: Path) -> None:
    # flat (100 m) in columns 0..14 (x < 50), then rising 2 m per 10 m cell (20 %): the central
    # difference at column 14 is (102 - 100) / 20 = 10 %, at 15 and beyond 20 % > 15 %, so the
    # zone is x >= 50: half the site, 5 000
    cols = np.arange(30)
    dem = np.tile(100.0 + 2.0 * np.clip(cols - 14, 0, None), (30, 1))
    _write_raster(tmp_path / "dem.tif", dem)
    path = _raster_plan(
        tmp_path,
        '[layers.slope]\nrole = "hazards"\npath = "dem.tif"\nhazard = "landslide"\n'
        "max_slope_pct = 15.0\n",
    )
    report = run(load_plan(path), "earthquake")
    assert shelter(report)["capacity_removed"][AVOID] == pytest.approx(5_000)
    assert shelter(report)["capacity_persons"] == pytest.approx(5_000)
    assert shelter(run(load_plan(path), "flood"))["capacity_persons"] == pytest.approx(10_000)


def test_editing_a_raster_threshold_reevaluates(tmp_path: Path) -> None:
    # the same 800 m² low block; raising max_value to 300 m floods every cell: the site is gone
    dem = np.full((30, 30), 200.0)
    dem[15:17, 12:16] = 50.0
    _write_raster(tmp_path / "dem.tif", dem)
    path = _raster_plan(
        tmp_path,
        '[layers.flood]\nrole = "hazards"\npath = "dem.tif"\nhazard = "flood"\nmax_value = 100.0\n',
    )
    plan = load_plan(path)
    ev = Evaluator(plan)
    assert shelter(ev.evaluate(scenario="flood", gaps=False))["capacity_persons"] == 9_200
    plan.layers["flood"].options["max_value"] = 300.0
    assert shelter(evaluate(plan, scenario="flood", gaps=False))["capacity_persons"] == 0
    assert shelter(ev.evaluate(scenario="flood", gaps=False))["capacity_persons"] == 0


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('hazard = "flood"\n', "exactly one of"),
        ('hazard = "flood"\nmax_value = "low"\n', "not a number"),
        ('hazard = "flood"\nmax_value = 100.0\nmin_value = 0.5\n', "exactly one of"),
        ("max_value = 100.0\n", "needs its type"),
    ],
    ids=["no threshold", "not a number", "two thresholds", "no hazard type"],
)
def test_bad_raster_hazard_fails_validation(tmp_path: Path, capsys, table, expected) -> None:
    _write_raster(tmp_path / "dem.tif", np.full((30, 30), 200.0))
    path = _raster_plan(tmp_path, '[layers.flood]\nrole = "hazards"\npath = "dem.tif"\n' + table)
    assert main(["validate", str(path)]) == 2
    assert expected in capsys.readouterr().out


def test_raster_hazard_validates(tmp_path: Path, capsys) -> None:
    _write_raster(tmp_path / "dem.tif", np.full((30, 30), 200.0))
    table = 'hazard = "flood"\nmax_value = 100.0\n'
    path = _raster_plan(tmp_path, '[layers.flood]\nrole = "hazards"\npath = "dem.tif"\n' + table)
    assert main(["validate", str(path)]) == 0
    capsys.readouterr()


def test_threshold_on_a_polygon_hazard_fails_validation(tmp_path: Path, capsys) -> None:
    frame([rect(0, 0, 50, 50)], hazard=["flood"]).to_file(tmp_path / "zones.gpkg")
    path = _raster_plan(
        tmp_path, '[layers.zones]\nrole = "hazards"\npath = "zones.gpkg"\nmin_value = 0.5\n'
    )
    assert main(["validate", str(path)]) == 2
    assert "raster" in capsys.readouterr().out


# -- the samples ------------------------------------------------------------------------------


def test_bubenec_flood_costs_exactly_the_flooded_capacity() -> None:
    plan = load_plan(get_path("bubenec"))
    flooded = evaluate(plan, scenario="flood", gaps=False)
    quake = evaluate(plan, scenario="earthquake", gaps=False)
    drop = (
        quake.to_dict()["shelters"]["population_sheltered"]
        - flooded.to_dict()["shelters"]["population_sheltered"]
    )
    assert drop > 0
    assert drop == pytest.approx(flooded.to_dict()["capacity_removed_by"][AVOID], abs=0.01)


def test_synthetic_cn_violations() -> None:
    report = evaluate(load_plan(get_path("synthetic_cn")), scenario="all", gaps=False)
    found = {v["rule"] for v in report.to_dict()["violations"]}
    assert {"prevent.petrol_station", "prevent.hv_line", "avoid.hazard_zone"} <= found
    hazard_ids = {v["id"] for v in rules(report, "avoid.hazard_zone")}
    assert {"BN02", "SS01"} <= hazard_ids


def test_raster_hazard_covering_part_of_the_plan_is_noted(tmp_path: Path) -> None:
    # a 5 x 5 raster of 10 m cells in the south-west corner of a 300 m plan: all cells low
    with rasterio.open(
        tmp_path / "dem.tif",
        "w",
        driver="GTiff",
        width=5,
        height=5,
        count=1,
        dtype="float32",
        crs=UTM35,
        transform=from_origin(X0, Y0 + 50, 10, 10),
    ) as dst:
        dst.write(np.full((5, 5), 50.0, dtype="float32"), 1)
    gpd.GeoDataFrame({"population": [10]}, geometry=[Point(X0 + 300, Y0 + 300)], crs=UTM35).to_file(
        tmp_path / "people.gpkg"
    )
    gpd.GeoDataFrame(geometry=[LineString([(X0, Y0), (X0 + 300, Y0)])], crs=UTM35).to_file(
        tmp_path / "walk.gpkg"
    )
    (tmp_path / "plan.toml").write_text(
        '[layers.residents]\npath = "people.gpkg"\n'
        '[layers.walk]\nrole = "network"\npath = "walk.gpkg"\n'
        '[layers.flood]\nrole = "hazards"\npath = "dem.tif"\nhazard = "flood"\nmax_value = 100.0\n',
        encoding="utf-8",
    )
    report = evaluate(load_plan(tmp_path / "plan.toml"), scenario="flood", gaps=False)
    assert any(n.code == "hazard_raster_partial" and "'flood'" in n.text for n in report.notes)


def test_the_scenario_hazard_zones_are_a_result_layer() -> None:
    plan = load_plan(get_path("bubenec"))
    flood = evaluate(plan, scenario="flood").layers["hazard_zones"]
    assert list(flood["hazard"]) == ["flood"] and flood.area.sum() > 0
    assert flood.crs == plan.crs
    assert evaluate(plan, scenario="earthquake").layers["hazard_zones"].empty
