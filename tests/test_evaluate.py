"""The evaluation engine on hand-solved cases, the samples, and after edits."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import pytest
import rasterio
from conftest import UTM35, X0, Y0
from rasterio.transform import from_origin
from shapely import affinity
from shapely.geometry import LineString, Point, box

import spaceplanner.engine.gaps as gaps_module
import spaceplanner.engine.locate as locate_module
from spaceplanner import load_plan
from spaceplanner.cli import main
from spaceplanner.engine.capacity import assign
from spaceplanner.engine.evaluation import CancelledError, Evaluator, evaluate
from spaceplanner.model.plan import Plan
from spaceplanner.sample_maps import get_path


def frame(geoms, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM35)


def street() -> gpd.GeoDataFrame:
    return frame([LineString([(X0 - 1000, Y0), (X0 + 1000, Y0)])])


def at(x: float, y: float = 0.0) -> Point:
    return Point(X0 + x, Y0 + y)


def test_exact_assignment_beats_nearest_greedy() -> None:
    # A (100 p) reaches S1 at 60 m and S2 at 160 m; B (100 p) reaches only S1 (350 m; S2 550 m).
    # Nearest-first puts A in S1 and leaves B out: 100. The exact assignment shelters 200.
    plan = Plan.from_frames(
        "greedy trap",
        {
            "residents": ("residents", frame([at(150, 10), at(-250)], population=[100, 100])),
            "shelters": ("shelters", frame([at(100), at(300)], capacity=[100, 100])),
            "network": ("network", street()),
        },
    )
    report = evaluate(plan)
    sh = report.to_dict()["shelters"]
    assert sh["population_covered"] == 200
    assert sh["capacity_persons"] == 200
    assert sh["population_sheltered"] == pytest.approx(200)
    loads = {b["id"]: b["assigned"] for b in sh["by_shelter"]}
    assert loads == pytest.approx({"shelters-1": 100, "shelters-2": 100})
    residents = report.layers["residents"].set_index("id")
    assert residents.loc["residents-1", "d_shelter"] == pytest.approx(60)
    assert residents.loc["residents-2", "d_shelter"] == pytest.approx(350)
    # S1 is both residents' nearest: 200 want it, it holds 100
    over = report.layers["shelters_over_capacity"]
    assert list(over["id"]) == ["shelters-1"]


def test_assignment_matches_networkx_max_flow_min_cost() -> None:
    rng = np.random.default_rng(7)
    m, k = 40, 6
    population = rng.integers(1, 30, m).astype(float)
    capacity = rng.integers(10, 80, k).astype(float)
    rows = [
        (r, s, float(rng.integers(10, 500)))
        for r in range(m)
        for s in range(k)
        if rng.random() < 0.35
    ]
    pairs = pd.DataFrame(rows, columns=["r", "s", "d"])
    got = assign(population, capacity, pairs, np.arange(m))
    g = nx.DiGraph()
    for r in range(m):
        g.add_edge("src", ("r", r), capacity=int(population[r]), weight=0)
    for s in range(k):
        g.add_edge(("s", s), "sink", capacity=int(capacity[s]), weight=0)
    for r, s, d in rows:
        g.add_edge(("r", r), ("s", s), capacity=int(population[r]), weight=int(d))
    flow = nx.max_flow_min_cost(g, "src", "sink")
    assert got.flow == pytest.approx(sum(flow["src"].values()))
    assert got.load.sum() == pytest.approx(got.flow)
    assert (got.load <= capacity + 1e-9).all() and (got.sheltered <= population + 1e-9).all()
    assert got.sheltered.sum() == pytest.approx(got.flow)
    # least walking among maximum flows: the same total as networkx's max-flow min-cost
    assert got.walking == pytest.approx(nx.cost_of_flow(g, flow))


def test_capacity_basis_and_report_says_which() -> None:
    plan = Plan.from_frames(
        "bases",
        {
            "residents": ("residents", frame([at(0, 5)], population=[10])),
            "shelters": (
                "shelters",
                frame(
                    [
                        box(X0, Y0 + 10, X0 + 20, Y0 + 30),
                        box(X0 + 50, Y0 + 10, X0 + 90, Y0 + 60),
                        at(120, 5),
                    ],
                    effective_area=[300.0, None, None],
                    capacity=[500.0, None, None],
                ),
            ),
            "network": ("network", street()),
        },
    )
    by = {b["id"]: b for b in evaluate(plan).to_dict()["shelters"]["by_shelter"]}
    assert by["shelters-1"]["capacity_persons"] == 300  # 300 m² / 1.0 m² < 500
    assert "effective area" in by["shelters-1"]["capacity_basis"]
    assert by["shelters-2"]["capacity_persons"] == pytest.approx(40 * 50)
    assert "site area" in by["shelters-2"]["capacity_basis"]
    assert by["shelters-3"]["capacity_persons"] == 0
    assert by["shelters-3"]["capacity_basis"].startswith("none")


def test_facility_and_activity_space_coverage_by_hand() -> None:
    plan = Plan.from_frames(
        "daily life",
        {
            "residents": (
                "residents",
                frame([at(100), at(290), at(450, 30)], population=[10, 20, 30]),
            ),
            "kindergartens": ("facilities", frame([at(0, 20)]), {"kind": "kindergarten"}),
            "clinics": ("facilities", frame([at(0, 20)]), {"kind": "clinic", "radius_m": 100}),
            "park": ("activity_spaces", frame([box(X0 + 400, Y0 - 100, X0 + 500, Y0 - 10)])),
            "network": ("network", street()),
        },
    )
    report = evaluate(plan)
    kg = report.to_dict()["facilities"]["kindergarten"]
    assert kg["radius_m"] == 300
    assert kg["population_covered"] == 10  # 120 m; the one at 310 m is out
    assert report.to_dict()["facilities"]["clinic"]["population_covered"] == 0  # radius_m 100 < 120
    d = report.layers["residents"].set_index("id")
    assert d.loc["residents-1", "d_kindergarten"] == pytest.approx(120)
    # the park's zone (20 m around it) meets the street at x = 400 - sqrt(20² - 10²)
    edge = 400 - np.sqrt(20**2 - 10**2)
    assert d.loc["residents-3", "d_space_5min"] == pytest.approx(30)  # edge position inside zone
    # (the zone is a buffer polygon: its rounded corners are chords, a few cm off the arc)
    assert d.loc["residents-1", "d_space_5min"] == pytest.approx(edge - 100, abs=0.2)
    five = report.to_dict()["activity_spaces"]["5min"]
    assert five["spaces_counted"] == 1 and five["population_covered"] == 60
    assert five["per_capita_m2"] == pytest.approx(100 * 90 / 60)
    assert report.to_dict()["activity_spaces"]["10min"]["spaces_counted"] == 0  # 9000 m² < 1 ha


def test_straight_line_fallback_without_a_network() -> None:
    plan = Plan.from_frames(
        "no streets",
        {
            "residents": ("residents", frame([at(300), at(400)], population=[5, 7])),
            "shelters": ("shelters", frame([at(0)], capacity=[100])),
        },
    )
    report = evaluate(plan)
    assert report.to_dict()["distance"] == "straight_line"
    assert report.to_dict()["detour_factor"]["value"] == 1.3
    assert "no_network" in report.note_codes()
    assert (
        report.to_dict()["shelters"]["population_covered"] == 5
    )  # 390 m; 400 m x 1.3 = 520 m > 500


def test_point_beyond_the_connector_limit_is_unreachable() -> None:
    plan = Plan.from_frames(
        "far",
        {
            "residents": ("residents", frame([at(0, 10), at(0, 900)], population=[1, 2])),
            "shelters": ("shelters", frame([at(0, -5)], capacity=[10])),
            "network": ("network", street()),
        },
    )
    report = evaluate(plan)
    assert report.to_dict()["population_unreachable"] == 2
    assert report.to_dict()["shelters"]["population_covered"] == 1


def test_population_raster_residents(tmp_path: Path) -> None:
    counts = np.array([[0, 12, 0], [5, 0, 3]], dtype="float32")
    with rasterio.open(
        tmp_path / "pop.tif",
        "w",
        driver="GTiff",
        width=3,
        height=2,
        count=1,
        dtype="float32",
        crs=UTM35,
        transform=from_origin(X0, Y0 + 100, 100, 100),
    ) as dst:
        dst.write(counts, 1)
    gpd.GeoDataFrame(
        geometry=[LineString([(X0, Y0 + 50), (X0 + 300, Y0 + 50)])], crs=UTM35
    ).to_file(tmp_path / "walk.gpkg")
    (tmp_path / "plan.toml").write_text(
        '[layers.people]\nrole = "residents"\npath = "pop.tif"\n'
        '[layers.walk]\nrole = "network"\npath = "walk.gpkg"\n',
        encoding="utf-8",
    )
    report = evaluate(load_plan(tmp_path / "plan.toml"))
    assert report.to_dict()["population"] == 20
    assert report.to_dict()["resident_points"] == 3
    ids = set(report.layers["residents"]["id"])
    assert ids == {"people:0:1", "people:1:0", "people:1:2"}
    xy = report.layers["residents"].set_index("id").geometry
    assert (xy["people:0:1"].x, xy["people:0:1"].y) == (X0 + 150, Y0 + 50)


def _helsinki_with_shelters() -> Plan:
    plan = load_plan(get_path("helsinki"))
    spaces = plan.layers["activity_spaces"].frame
    candidates = spaces[spaces["dual_use"]].copy()
    shelters = gpd.GeoDataFrame(
        {"id": candidates["id"], "name": candidates["name"]},
        geometry=candidates.geometry,
        crs=plan.crs,
    )
    extra = Plan.from_frames("x", {"shelters": ("shelters", shelters)}, crs=plan.crs)
    plan.layers["shelters"] = extra.layers["shelters"]
    return plan


def _figures(report) -> dict:
    return report.figures()


def test_incremental_evaluation_equals_a_full_one(monkeypatch) -> None:
    plan = _helsinki_with_shelters()
    ev = Evaluator(plan)
    before = _figures(ev.evaluate(gaps=False))
    assert before["shelters"]["population_sheltered"] > 0
    calls = []
    real = locate_module.site_sources
    monkeypatch.setattr(
        locate_module, "site_sources", lambda *a, **k: calls.append(len(a[1])) or real(*a, **k)
    )
    # edit -> how many sites must be located on the network again (only the edited ones)
    edits = {
        "move a shelter": (lambda p: _move(p.layers["shelters"], 0, 250.0), 1),
        "move a facility": (lambda p: _move(p.layers["facilities"], 2, -180.0), 1),
        "delete a facility": (lambda p: _drop(p.layers["facilities"], 0), 0),
        "add a facility": (lambda p: _add_facility(p.layers["facilities"]), 1),
        "rename a shelter": (lambda p: _rename(p.layers["shelters"], 0, "新名称"), 0),
    }
    for label, (edit, located) in edits.items():
        calls.clear()
        edit(plan)
        incremental = _figures(ev.evaluate(gaps=False))
        assert sum(calls) == located, f"{label}: located {sum(calls)} sites, not {located}"
        full = _figures(evaluate(plan, gaps=False))
        assert incremental == full, label
    assert incremental != before


def _rename(layer, row: int, name: str) -> None:
    frame = layer.frame.copy()
    frame.loc[frame.index[row], "name"] = name
    layer.frame = frame


def _move(layer, row: int, dx: float) -> None:
    geoms = layer.frame.geometry.copy()
    geoms.iloc[row] = affinity.translate(geoms.iloc[row], dx, 0)
    layer.frame = layer.frame.set_geometry(geoms)


def _drop(layer, row: int) -> None:
    layer.frame = layer.frame.drop(index=layer.frame.index[row]).reset_index(drop=True)


def _add_facility(layer) -> None:
    new = layer.frame.iloc[[0]].copy()
    new["id"] = "new-kindergarten"
    new["kind"] = "kindergarten"
    new = new.set_geometry(new.geometry.translate(120, 80))
    layer.frame = pd.concat([layer.frame, new], ignore_index=True)


def test_cancel_stops_the_evaluation() -> None:
    with pytest.raises(CancelledError):
        evaluate(load_plan(get_path("synthetic_cn")), cancel=lambda: True)


def test_cancel_is_honoured_inside_the_gap_areas_step(monkeypatch) -> None:
    """The gap-area step takes long at city scale: a cancel stops it between indicators."""
    ev = Evaluator(load_plan(get_path("synthetic_cn")))
    steps: list[str] = []
    merged: list[int] = []
    real = gaps_module.gap_patches
    monkeypatch.setattr(gaps_module, "gap_patches", lambda *a: merged.append(1) or real(*a))
    with pytest.raises(CancelledError):
        ev.evaluate(
            progress=lambda f, text: steps.append(text),
            cancel=lambda: bool(merged),  # as soon as one indicator's gap area is drawn
        )
    assert steps[-1] == "gaps" and len(merged) == 1
    # the evaluator is still usable afterwards
    assert ev.evaluate(gaps=False).to_dict()["population"] == 14400


def test_synthetic_cn_known_figures() -> None:
    report = evaluate(load_plan(get_path("synthetic_cn")), scenario="earthquake")
    sh = report.to_dict()["shelters"]
    # capacities from the source file: min(容纳人数, 有效避难面积 / per-capita of the class)
    src = gpd.read_file(get_path("synthetic_cn").parent / "community.gpkg", layer="shelters")
    per_capita = src["类型"].map({"紧急": 1.0, "固定": 2.0})
    expected = np.minimum(src["容纳人数"], src["有效避难面积"] / per_capita).sum()
    own = [b for b in sh["by_shelter"] if b["use"] == "shelter"]
    assert sum(b["capacity_before_checks"] for b in own) == pytest.approx(expected)
    assert report.to_dict()["population"] == 14400
    assert sh["population_sheltered"] == pytest.approx(min(14400, sh["capacity_persons"]))
    assert {"kindergarten", "clinic", "elderly_care"} <= set(report.to_dict()["facilities"])


def test_helsinki_known_figures() -> None:
    report = evaluate(load_plan(get_path("helsinki")), gaps=False)
    assert report.to_dict()["population"] == 5374
    assert report.to_dict()["distance"] == "network"
    # no shelters layer: the dual-use parks and pitches shelter people in an emergency
    assert all(b["use"] == "dual_use" for b in report.to_dict()["shelters"]["by_shelter"])
    assert (
        0 < report.to_dict()["shelters"]["population_sheltered"] <= report.to_dict()["population"]
    )
    for name in ("5min", "10min", "15min"):
        assert 0 < report.to_dict()["activity_spaces"][name]["share_covered"] <= 1


def test_cli_evaluate_writes_the_contract(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["evaluate", "--sample", "synthetic_cn", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Shelters (6" in text and "Wrote" in text
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for key in (
        "plan",
        "crs",
        "rules",
        "distance",
        "population",
        "shelters",
        "activity_spaces",
        "facilities",
        "violations",
    ):
        assert key in report
    for key in (
        "radius_m",
        "population_covered",
        "share_covered",
        "capacity_persons",
        "population_sheltered",
        "share_sheltered",
        "by_shelter",
    ):
        assert key in report["shelters"]
    assert {"id", "capacity_persons", "assigned"} <= set(report["shelters"]["by_shelter"][0])
    assert {"radius_m", "share_covered", "per_capita_m2"} <= set(report["activity_spaces"]["5min"])
    layers = {row[0] for row in __import__("pyogrio").list_layers(out / "gaps.gpkg")}
    assert {"residents", "gap_areas", "service_areas", "shelters"} <= layers
    areas = gpd.read_file(out / "gaps.gpkg", layer="service_areas")
    assert areas.crs.to_epsg() == 4547 and (areas.area > 0).all()


def test_cli_evaluate_json_to_stdout_and_bad_rules(tmp_path: Path, capsys) -> None:
    assert main(["evaluate", "--sample", "bubenec", "--out", str(tmp_path), "--json", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["plan"] == "Prague-Bubeneč"
    assert "Population" in captured.err
    assert (
        main(["evaluate", "--sample", "bubenec", "--out", str(tmp_path), "--rules", "cn-bg"]) == 2
    )
    assert "unknown rule profile" in capsys.readouterr().err


def test_entrances_replace_the_polygon_edge() -> None:
    park = frame([box(X0 + 400, Y0 - 100, X0 + 500, Y0 - 10)], id=["park-1"])
    layers = {
        "residents": ("residents", frame([at(100), at(450, 30)], population=[10, 20])),
        "park": ("activity_spaces", park),
        "network": ("network", street()),
    }
    open_edge = evaluate(Plan.from_frames("open", layers)).layers["residents"].set_index("id")
    assert open_edge.loc["residents-2", "d_space_5min"] == pytest.approx(30)
    gated = Plan.from_frames(
        "gated",
        {**layers, "gates": ("entrances", frame([at(500, -10)], site=["park-1"]))},
    )
    report = evaluate(gated)
    d = report.layers["residents"].set_index("id")
    # through the one gate at (500, -10): 10 m to the street, then along it
    assert d.loc["residents-2", "d_space_5min"] == pytest.approx(30 + 50 + 10)
    assert np.isnan(d.loc["residents-1", "d_space_5min"])  # 400 + 10 > 300
    assert report.to_dict()["activity_spaces"]["5min"]["population_covered"] == 20
    gaps = report.layers["uncovered_residents"]
    assert set(gaps.loc[gaps["indicator"] == "space_5min", "id"]) == {"residents-1"}
    stray = Plan.from_frames(
        "stray gate", {**layers, "gates": ("entrances", frame([at(0, -10)], site=["nowhere"]))}
    )
    notes = evaluate(stray, gaps=False).notes
    assert any(n.code == "entrances_unknown_site" and "nowhere" in n.text for n in notes)


def test_a_shelters_layer_emptied_by_edits_shelters_nobody() -> None:
    plan = Plan.from_frames(
        "emptied",
        {
            "residents": ("residents", frame([at(0, 10)], population=[5])),
            "shelters": ("shelters", frame([at(20, 5)], capacity=[10])),
            "network": ("network", street()),
        },
    )
    ev = Evaluator(plan)
    assert ev.evaluate(gaps=False).to_dict()["shelters"]["population_sheltered"] == 5
    plan.layers["shelters"].frame = plan.layers["shelters"].frame.iloc[:0]
    report = ev.evaluate()
    assert report.to_dict()["shelters"]["population_sheltered"] == 0
    assert report.to_dict()["shelters"]["by_shelter"] == []


def test_entrances_name_their_layer_when_ids_repeat() -> None:
    near = frame([box(X0, Y0 + 5, X0 + 100, Y0 + 105)], id=["s0"], capacity=[50])
    far = frame([box(X0 + 300, Y0 + 5, X0 + 400, Y0 + 105)], id=["s0"], capacity=[50])
    gates = frame([at(300, 55), at(400, 55)], site=["s0", "s0"], site_layer=["far", "far"])
    layers = {
        "residents": ("residents", frame([at(50, -5)], population=[10])),
        "near": ("shelters", near),
        "far": ("shelters", far),
        "network": ("network", street()),
    }
    named = evaluate(Plan.from_frames("named", {**layers, "gates": ("entrances", gates)}))
    by = {(b["layer"], b["id"]): b for b in named.to_dict()["shelters"]["by_shelter"]}
    # the near shelter keeps its own street frontage: the resident is 5 m from it
    plain = evaluate(Plan.from_frames("plain", layers))
    assert by[("near", "s0")]["population_within_radius"] == 10
    assert named.layers["residents"]["d_shelter"].iloc[0] == pytest.approx(
        plain.layers["residents"]["d_shelter"].iloc[0]
    )
    anonymous = gates.drop(columns="site_layer")
    vague = evaluate(Plan.from_frames("vague", {**layers, "gates": ("entrances", anonymous)}))
    assert "entrances_ambiguous" in vague.note_codes()


def test_the_stage_cache_keys_on_layer_versions(monkeypatch) -> None:
    """Unchanged layers are not read again (their version says so, in O(1)); a replaced frame
    is a new version; options changed in place are noticed too."""
    plan = load_plan(get_path("synthetic_cn"))
    ev = Evaluator(plan)
    first = ev.evaluate(gaps=False).figures()
    built: list[int] = []
    real = locate_module.build_network
    monkeypatch.setattr(locate_module, "build_network", lambda *a: built.append(1) or real(*a))
    assert ev.evaluate(gaps=False).figures() == first and built == []
    network = next(lyr for lyr in plan.layers.values() if lyr.role == "network")
    version = network.version
    network.frame = network.frame.copy()
    assert network.version != version
    assert ev.evaluate(gaps=False).figures() == first and built == [1]
    facilities = next(lyr for lyr in plan.layers.values() if lyr.role == "facilities")
    facilities.options["radius_m"] = 50.0  # in place: no new version, but part of the key
    again = ev.evaluate(gaps=False).figures()
    assert again != first
    assert again == Evaluator(plan).evaluate(gaps=False).figures()


def test_a_frame_changed_in_place_is_noticed() -> None:
    """A notebook may edit a frame in place; the evaluator notices (the desktop, whose edits
    replace frames, turns the content check off)."""
    plan = load_plan(get_path("synthetic_cn"))
    ev = Evaluator(plan)
    before = ev.evaluate(gaps=False).figures()
    frame = plan.layers["shelters"].frame
    frame.loc[frame.index[0], "capacity"] = 10.0
    after = ev.evaluate(gaps=False).figures()
    assert after != before
    assert after == Evaluator(plan).evaluate(gaps=False).figures()


def test_rasters_read_over_the_plan_extent_follow_edits_of_other_layers(tmp_path) -> None:
    """A population raster is read over the plan's extent and clipped to the boundary; a hazard
    raster is read over the extent too: editing the boundary or adding a far site changes
    what they give, and the incremental evaluation follows."""
    import rasterio
    from rasterio.transform import from_origin

    from spaceplanner.model.commands import AddFeature, CommandStack, SetGeometry

    crs = "EPSG:32633"
    x0, y0 = 456000.0, 5550000.0
    with rasterio.open(
        tmp_path / "pop.tif",
        "w",
        driver="GTiff",
        width=10,
        height=10,
        count=1,
        dtype="float32",
        crs=crs,
        transform=from_origin(x0, y0 + 1000, 100, 100),
    ) as dst:
        dst.write(np.full((10, 10), 5.0, dtype="float32"), 1)
    with rasterio.open(
        tmp_path / "flood.tif",
        "w",
        driver="GTiff",
        width=40,
        height=40,
        count=1,
        dtype="uint8",
        crs=crs,
        transform=from_origin(x0 - 1000, y0 + 2000, 100, 100),
    ) as dst:
        dst.write(np.ones((40, 40), dtype="uint8"), 1)
    streets = [
        LineString([(x0 + 50, y0 + i * 100 + 50), (x0 + 950, y0 + i * 100 + 50)]) for i in range(10)
    ]
    streets += [
        LineString([(x0 + i * 100 + 50, y0 + 50), (x0 + i * 100 + 50, y0 + 950)]) for i in range(10)
    ]
    gpd.GeoDataFrame({"id": [str(i) for i in range(20)]}, geometry=streets, crs=crs).to_file(
        tmp_path / "r.gpkg", layer="network"
    )
    gpd.GeoDataFrame({"id": ["b"]}, geometry=[box(x0, y0, x0 + 1000, y0 + 500)], crs=crs).to_file(
        tmp_path / "r.gpkg", layer="boundary"
    )
    gpd.GeoDataFrame(
        {"id": ["S1"], "effective_area": [2000.0]},
        geometry=[box(x0 + 400, y0 + 400, x0 + 500, y0 + 500)],
        crs=crs,
    ).to_file(tmp_path / "r.gpkg", layer="shelters")
    (tmp_path / "plan.toml").write_text(
        'name = "rasters"\nscenario = "flood"\n'
        '[layers.boundary]\npath = "r.gpkg"\nlayer = "boundary"\n'
        '[layers.residents]\npath = "pop.tif"\n'
        '[layers.flood]\npath = "flood.tif"\nrole = "hazards"\nhazard = "flood"\nmin_value = 0.5\n'
        '[layers.network]\npath = "r.gpkg"\nlayer = "network"\n'
        '[layers.shelters]\npath = "r.gpkg"\nlayer = "shelters"\n',
        encoding="utf-8",
    )
    plan = load_plan(tmp_path / "plan.toml")
    ev = Evaluator(plan, check_content=False)  # as the desktop: versions only
    first = ev.evaluate(gaps=False)
    stack = CommandStack(plan)
    stack.push(SetGeometry("boundary", "b", box(x0, y0, x0 + 1000, y0 + 1000)))
    grown = ev.evaluate(gaps=False)
    assert grown.population == pytest.approx(2 * first.population)
    stack.push(
        AddFeature(
            "shelters",
            {"id": "far", "effective_area": 100.0},
            box(x0 + 1900, y0 + 1900, x0 + 1950, y0 + 1950),
        )
    )
    far = ev.evaluate(gaps=False).figures()
    assert far == Evaluator(plan).evaluate(gaps=False).figures()


@pytest.mark.parametrize("sample", ["bubenec", "synthetic_cn", "helsinki"])
def test_gap_areas_hold_the_people_the_report_says_are_not_served(sample: str) -> None:
    """Each indicator's gap area counts exactly the people the report leaves unserved: for
    shelters the unsheltered (a partly sheltered point counts its unsheltered people only),
    for the others the population outside the service radius."""
    report = evaluate(load_plan(get_path(sample), strict=False))
    gaps = report.layers["gap_areas"].groupby("indicator")["population"].sum()
    unserved = {"shelter": report.shelters.population_unsheltered}
    for name, circle in report.activity_spaces.circles.items():
        unserved[f"space_{name}"] = report.population - circle.population_covered
    for kind, f in report.facilities.items():
        unserved[kind] = report.population - f.population_covered
    for name, people in unserved.items():
        assert gaps.get(name, 0.0) == pytest.approx(people, abs=1e-6), name


@pytest.mark.parametrize("sample", ["synthetic_cn", "bubenec"])
def test_editing_the_residents_layer_reaches_neither_the_figures_nor_other_layers(
    sample: str,
) -> None:
    """The residents layer is the report's own: a notebook editing it in place (ids,
    population, the unsheltered) changes neither the next evaluation of the same evaluator nor
    the uncovered residents made from the same figures."""
    from spaceplanner.sample_maps import get_path

    evaluator = Evaluator(load_plan(get_path(sample), strict=False))
    first = evaluator.evaluate(gaps="points")
    layer = first.layers["residents"]
    ids = layer["id"].tolist()
    unsheltered = layer["unsheltered"].to_numpy().copy()
    layer.loc[layer.index[0], "id"] = "EDITED"
    layer.loc[layer.index[0], "population"] = 1e6
    layer.loc[:, "unsheltered"] = 0.0
    uncovered = first.layers["uncovered_residents"]
    shelter = uncovered[uncovered["indicator"] == "shelter"]
    assert shelter["population"].sum() == pytest.approx(unsheltered.sum())
    again = evaluator.evaluate(gaps="points")
    assert again.layers["residents"]["id"].tolist() == ids
    assert again.population == first.population
    assert again.shelters.population_unsheltered == first.shelters.population_unsheltered
