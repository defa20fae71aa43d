"""``spaceplanner new --osm``: a plan from an OpenStreetMap extract.

A hand-made .osm file (written here, synthetic) checks exact cases; the real Helsinki and
Liechtenstein extracts of the shared data folder are checked against counts made with osmium and
GDAL's OSM driver directly.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import osmium
import pandas as pd
import pyogrio
import pytest
import rasterio
import shapely
from pyproj import Transformer
from rasterio.transform import from_origin

from spaceplanner.cli import main
from spaceplanner.feedback import STEPS, CancelledError, Feedback
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.sources.osm import build_osm_plan, parse_bbox

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"  # beside the clone
for _candidate in (DATA, Path("/work/shared/data")):
    if _candidate.is_dir():
        DATA = _candidate
        break
HELSINKI = DATA / "helsinki" / "Helsinki.osm.pbf"
HSY_GRID = DATA / "helsinki" / "helsinki_population_grid_2020.gpkg"
LIECHTENSTEIN = DATA / "liechtenstein" / "liechtenstein-2013-08-03.osm.pbf"

#: The tiny extract is drawn in ETRS-TM35FIN metres from this origin (central Helsinki).
METRIC = "EPSG:3067"
E0, N0 = 385_000.0, 6_672_000.0
_TO_LONLAT = Transformer.from_crs(METRIC, "EPSG:4326", always_xy=True)
_TO_METRIC = Transformer.from_crs("EPSG:4326", METRIC, always_xy=True)

NODES = {
    1: (100, 500), 2: (500, 500), 3: (900, 500), 4: (500, 900), 5: (500, 100), 6: (100, 100),
    7: (900, 100), 8: (0, 950), 9: (1000, 950), 10: (900, 900), 11: (100, 900),
    12: (300, 200), 13: (350, 200),
    20: (200, 600), 21: (400, 600), 22: (400, 800), 23: (200, 800),
    24: (250, 650), 25: (300, 650), 26: (300, 700), 27: (250, 700),
    40: (600, 200), 41: (620, 200), 42: (620, 220), 43: (600, 220),
    44: (650, 200), 45: (670, 200), 46: (670, 220), 47: (650, 220),
    50: (700, 600), 51: (750, 600), 52: (750, 650), 53: (700, 650),
}  # fmt: skip
TAGGED_NODES = {
    30: ((600, 700), {"emergency": "assembly_point", "name": "Meeting point"}),
    31: ((700, 300), {"amenity": "fuel", "name": "Fuel"}),
    54: ((720, 620), {"amenity": "kindergarten", "name": "Kindergarten node"}),
}
WAYS = {
    1: ([1, 2, 3], {"highway": "residential"}),
    2: ([2, 4], {"highway": "footway"}),
    3: ([2, 5], {"highway": "footway", "foot": "no"}),
    4: ([1, 6], {"highway": "service", "access": "private"}),
    5: ([3, 7], {"highway": "service", "access": "private", "foot": "yes"}),
    6: ([8, 9], {"highway": "motorway"}),
    7: ([3, 10], {"highway": "trunk", "sidewalk": "both"}),
    8: ([1, 11], {"highway": "trunk"}),
    9: ([12, 13], {"highway": "footway"}),
    20: ([20, 21, 22, 23, 20], {}),
    21: ([24, 25, 26, 27, 24], {}),
    30: ([40, 41, 42, 43, 40], {"building": "apartments", "building:levels": "3"}),
    31: ([44, 45, 46, 47, 44], {"building": "yes", "shop": "supermarket"}),
    32: ([50, 51, 52, 53, 50], {"amenity": "kindergarten", "name": "Kindergarten"}),
}
WALKED = {"way/1", "way/2", "way/5", "way/7", "way/9"}


def _lonlat(x: float, y: float) -> tuple[float, float]:
    lon, lat = _TO_LONLAT.transform(E0 + x, N0 + y)
    return round(lon, 7), round(lat, 7)


def _tags(tags: dict[str, str]) -> str:
    return "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())


def write_tiny_osm(path: Path) -> Path:
    """A synthetic extract 1 km square; see the module constants."""
    corners = [_lonlat(x, y) for x in (-50, 1050) for y in (-50, 1050)]
    lons, lats = zip(*corners, strict=True)
    lines = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        '<osm version="0.6" generator="test">',
        f'<bounds minlat="{min(lats)}" minlon="{min(lons)}" maxlat="{max(lats)}" '
        f'maxlon="{max(lons)}"/>',
    ]
    nodes = {i: (xy, {}) for i, xy in NODES.items()} | TAGGED_NODES
    for i, (xy, tags) in sorted(nodes.items()):
        lon, lat = _lonlat(*xy)
        lines.append(f'<node id="{i}" version="1" lat="{lat}" lon="{lon}">{_tags(tags)}</node>')
    for i, (refs, tags) in WAYS.items():
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        lines.append(f'<way id="{i}" version="1">{nds}{_tags(tags)}</way>')
    lines.append(
        '<relation id="1" version="1"><member type="way" ref="20" role="outer"/>'
        '<member type="way" ref="21" role="inner"/>'
        + _tags({"type": "multipolygon", "leisure": "park", "name": "Hole park"})
        + "</relation>"
    )
    lines.append("</osm>")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def tiny_bbox() -> str:
    corners = [_lonlat(x, y) for x in (50, 950) for y in (50, 950)]
    lons, lats = zip(*corners, strict=True)
    west, south = max(lons[:2]) + 1e-4, max(lats[0], lats[2]) + 1e-4
    east, north = min(lons[2:]) - 1e-4, min(lats[1], lats[3]) - 1e-4
    return f"{west},{south},{east},{north}"


def _area_m2(ring: list[int]) -> float:
    """The area of a ring of NODES as written (rounded lon/lat) and projected back."""
    xy = [_TO_METRIC.transform(*_lonlat(*NODES[n])) for n in ring]
    return shapely.Polygon(xy).area


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tiny")
    extract = write_tiny_osm(folder / "tiny.osm")
    plan = folder / "tiny.gpkg"
    code = main(["new", str(plan), "--osm", str(extract), "--bbox", tiny_bbox(), "--crs", METRIC])
    assert code == 0
    return {"folder": folder, "extract": extract, "plan": plan}


def _layer(plan: Path, name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(plan, layer=name)


def test_tiny_network_takes_the_ways_people_walk(tiny: dict[str, Path]) -> None:
    network = _layer(tiny["plan"], "network")
    assert set(network["id"]) == WALKED  # not foot=no, private, motorway, trunk without sidewalk


def test_tiny_park_with_a_hole_is_one_polygon_of_the_right_area(tiny: dict[str, Path]) -> None:
    spaces = _layer(tiny["plan"], "activity_spaces")
    park = spaces[spaces["id"] == "relation/1"]
    assert len(park) == 1 and park["kind"].iloc[0] == "park"
    expected = _area_m2([20, 21, 22, 23]) - _area_m2([24, 25, 26, 27])
    assert park.geometry.area.iloc[0] == pytest.approx(expected, rel=1e-6)
    assert expected == pytest.approx(200 * 200 - 50 * 50, rel=1e-3)


def test_tiny_shelters_facilities_and_hazards(tiny: dict[str, Path]) -> None:
    shelters = _layer(tiny["plan"], "shelters")
    assert list(shelters["id"]) == ["node/30"] and list(shelters["class"]) == ["emergency"]
    hazards = _layer(tiny["plan"], "hazard_sources")
    assert list(zip(hazards["id"], hazards["kind"], strict=True)) == [("node/31", "petrol_station")]
    facilities = _layer(tiny["plan"], "facilities")
    # the kindergarten node inside the kindergarten area is the same facility
    assert sorted(zip(facilities["id"], facilities["kind"], strict=True)) == [
        ("way/31", "supermarket"),
        ("way/32", "kindergarten"),
    ]


def test_tiny_residents_estimated_from_buildings(tiny: dict[str, Path]) -> None:
    residents = _layer(tiny["plan"], "residents")
    # only the apartments: the building=yes with a shop is not a home
    assert list(residents["id"]) == ["way/30"]
    footprint = _area_m2([40, 41, 42, 43])
    assert residents["population"].iloc[0] == pytest.approx(footprint * 3 / 45.0, rel=1e-6)
    plan = load_gpkg(tiny["plan"])
    assert "estimate" in plan.layers["residents"].options["population_estimate"]


def test_tiny_islands_are_reported(tmp_path: Path, tiny: dict[str, Path]) -> None:
    built = build_osm_plan(tiny["extract"], bbox=tuple(map(float, tiny_bbox().split(","))))
    islands = [p for p in built.problems if "islands" in p.message]
    assert len(islands) == 1 and islands[0].count == 1 and "way/9" in islands[0].message


def test_tiny_evaluate_validate_export(tiny: dict[str, Path], tmp_path: Path) -> None:
    assert main(["validate", str(tiny["plan"])]) == 0
    out = tmp_path / "ev"
    assert main(["evaluate", str(tiny["plan"]), "--out", str(out), "-q"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["population"] == pytest.approx(_area_m2([40, 41, 42, 43]) * 3 / 45.0)
    assert any("estimate" in n for n in report["notes"])
    assert (
        main(["export", str(tiny["plan"]), "--format", "shp", "--out", str(tmp_path / "x"), "-q"])
        == 0
    )


def test_tags_override_file(tmp_path: Path, tiny: dict[str, Path]) -> None:
    tags = tmp_path / "tags.toml"
    tags.write_text(
        '[osm.activity_spaces]\n"leisure=park" = ""\n[osm.facilities]\n"amenity=fuel" = "other"\n',
        encoding="utf-8",
    )
    box = tuple(map(float, tiny_bbox().split(",")))
    built = build_osm_plan(tiny["extract"], bbox=box, tags=tags)
    assert "activity_spaces" not in built.plan.layers  # the park rule is removed
    kinds = dict(
        zip(
            built.plan.layers["facilities"].frame["id"],
            built.plan.layers["facilities"].frame["kind"],
            strict=True,
        )
    )
    assert kinds["node/31"] == "other"


def test_population_grid_in_another_crs_is_shared_by_area(
    tmp_path: Path, tiny: dict[str, Path]
) -> None:
    # one 200 m cell half inside the plan's area (x from -50 to 150; the box starts near 50)
    box = tuple(map(float, tiny_bbox().split(",")))
    area = gpd.GeoSeries([shapely.box(*box)], crs=4326).to_crs(METRIC).iloc[0]
    cell = shapely.box(E0 + 400, N0 + 400, E0 + 600, N0 + 600)
    edge = shapely.box(area.bounds[0] - 100, N0 + 400, area.bounds[0] + 100, N0 + 600)
    grid = gpd.GeoDataFrame(
        {"id": ["a", "b"], "asukkaat": [1000.0, 500.0]}, geometry=[cell, edge], crs=METRIC
    )
    path = tmp_path / "grid.gpkg"
    grid.to_file(path)
    target = tmp_path / "plan.gpkg"
    args = ["new", str(target), "--osm", str(tiny["extract"]), "--bbox", tiny_bbox()]
    code = main([*args, "--population", str(path), "--population-field", "asukkaat"])
    assert code == 0
    residents = _layer(target, "residents").set_index("id")["population"]
    inside = edge.intersection(area).area / edge.area
    assert residents["a"] == pytest.approx(1000.0)
    assert residents["b"] == pytest.approx(500.0 * inside, rel=1e-6)


def test_population_raster(tmp_path: Path, tiny: dict[str, Path]) -> None:
    raster = tmp_path / "pop.tif"
    data = np.full((10, 10), 7.0, dtype="float32")
    with rasterio.open(
        raster, "w", driver="GTiff", width=10, height=10, count=1, dtype="float32",
        crs=METRIC, transform=from_origin(E0 + 200, N0 + 800, 50, 50), nodata=-1,
    ) as dst:  # fmt: skip
        dst.write(data, 1)
    target = tmp_path / "plan.gpkg"
    args = ["new", str(target), "--osm", str(tiny["extract"]), "--bbox", tiny_bbox()]
    assert main([*args, "--population", str(raster)]) == 0
    plan = load_gpkg(target)
    assert plan.layers["residents"].is_raster
    values = plan.layers["residents"].raster.read()
    assert float(values.sum()) == pytest.approx(700.0)  # the 500 m square lies inside
    assert main(["evaluate", str(target), "--out", str(tmp_path / "ev"), "-q"]) == 0


# --- bad input -------------------------------------------------------------------------------


def _new(tmp_path: Path, extract: Path, *extra: str, target: str = "plan.gpkg") -> int:
    return main(["new", str(tmp_path / target), "--osm", str(extract), *extra])


def test_extract_not_covering_the_bbox(tmp_path: Path, tiny: dict[str, Path], capsys) -> None:
    code = _new(tmp_path, tiny["extract"], "--bbox", "25.5,60.5,25.6,60.6")
    err = capsys.readouterr().err
    assert code == 2 and "does not cover" in err and "tiny.osm" in err
    assert not (tmp_path / "plan.gpkg").exists()


def test_boundary_in_another_crs_is_reprojected(tmp_path: Path, tiny: dict[str, Path]) -> None:
    boundary = gpd.GeoDataFrame(
        {"name": ["b"]}, geometry=[shapely.box(E0 + 50, N0 + 50, E0 + 950, N0 + 950)], crs=METRIC
    )
    boundary.to_file(tmp_path / "boundary.gpkg")
    assert _new(tmp_path, tiny["extract"], "--boundary", str(tmp_path / "boundary.gpkg")) == 0
    network = _layer(tmp_path / "plan.gpkg", "network")
    assert set(network["id"]) == WALKED


def test_boundary_without_crs(tmp_path: Path, tiny: dict[str, Path], capsys) -> None:
    boundary = gpd.GeoDataFrame({"name": ["b"]}, geometry=[shapely.box(0, 0, 1, 1)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        boundary.to_file(tmp_path / "boundary.shp")
    code = _new(tmp_path, tiny["extract"], "--boundary", str(tmp_path / "boundary.shp"))
    err = capsys.readouterr().err
    assert code == 2 and "boundary.shp" in err and "CRS" in err


def test_no_walkable_ways(tmp_path: Path, tiny: dict[str, Path], capsys) -> None:
    tags = tmp_path / "tags.toml"
    tags.write_text("[osm.network]\nhighways = []\nsidewalk_highways = []\n", encoding="utf-8")
    code = _new(tmp_path, tiny["extract"], "--bbox", tiny_bbox(), "--tags", str(tags))
    err = capsys.readouterr().err
    assert code == 2 and "no walkable ways" in err and "network" in err
    assert not (tmp_path / "plan.gpkg").exists()


def test_population_not_overlapping(tmp_path: Path, tiny: dict[str, Path], capsys) -> None:
    far = gpd.GeoDataFrame(
        {"population": [10.0]}, geometry=[shapely.box(500_000, 7_000_000, 501_000, 7_001_000)],
        crs=METRIC,
    )  # fmt: skip
    far.to_file(tmp_path / "far.gpkg")
    raster = tmp_path / "far.tif"
    with rasterio.open(
        raster, "w", driver="GTiff", width=2, height=2, count=1, dtype="float32",
        crs=METRIC, transform=from_origin(500_000, 7_000_000, 100, 100),
    ) as dst:  # fmt: skip
        dst.write(np.ones((2, 2), dtype="float32"), 1)
    for item in (tmp_path / "far.gpkg", raster):
        code = _new(tmp_path, tiny["extract"], "--bbox", tiny_bbox(), "--population", str(item))
        err = capsys.readouterr().err
        assert code == 2 and "does not overlap" in err and item.name in err
        assert not (tmp_path / "plan.gpkg").exists()


def test_missing_and_unreadable_extract(tmp_path: Path, capsys) -> None:
    code = _new(tmp_path, tmp_path / "nowhere.osm.pbf", "--bbox", "24.9,60.1,25.0,60.2")
    err = capsys.readouterr().err
    assert code == 2 and "does not exist" in err and "nowhere.osm.pbf" in err
    broken = tmp_path / "broken.osm.pbf"
    broken.write_bytes(b"\x00\x00\x00\x0dnot a pbf at all" * 20)
    code = _new(tmp_path, broken, "--bbox", "24.9,60.1,25.0,60.2")
    err = capsys.readouterr().err
    assert code == 2 and "cannot be read" in err and "broken.osm.pbf" in err
    assert not (tmp_path / "plan.gpkg").exists()


def test_existing_plan_needs_overwrite(tmp_path: Path, tiny: dict[str, Path], capsys) -> None:
    target = tmp_path / "plan.gpkg"
    target.write_bytes(b"mine")
    code = _new(tmp_path, tiny["extract"], "--bbox", tiny_bbox())
    err = capsys.readouterr().err
    assert code == 2 and "exists" in err and "--overwrite" in err
    assert target.read_bytes() == b"mine"
    assert _new(tmp_path, tiny["extract"], "--bbox", tiny_bbox(), "--overwrite") == 0
    assert load_gpkg(target).layers["network"].feature_count == len(WALKED)


def test_bad_bbox_text(tmp_path: Path, tiny: dict[str, Path]) -> None:
    with pytest.raises(SpacePlannerError) as info:
        build_osm_plan(tiny["extract"], bbox=None, boundary=None)
    assert "--bbox" in info.value.message
    assert _new(tmp_path, tiny["extract"], "--bbox", "1,2,3") == 2


def test_feedback_reports_steps_and_a_cancel_stops_the_build(tiny: dict[str, Path]) -> None:
    seen: list[str] = []
    feedback = Feedback(lambda fraction, code, detail: seen.append(code))
    built = build_osm_plan(tiny["extract"], bbox=parse_bbox(tiny_bbox()), feedback=feedback)
    assert built.counts()["network"] == len(WALKED)
    assert seen[0] == "osm_extract" and seen[-1] == "done" and set(seen) <= set(STEPS)
    # cancelled while the extract is read: the reader's own check stops it
    reading = Feedback(cancelled=lambda: reading.code == "osm_extract")
    with pytest.raises(CancelledError) as info:
        build_osm_plan(tiny["extract"], bbox=parse_bbox(tiny_bbox()), feedback=reading)
    assert any(Path(str(entry.path)).name == "osm_read.py" for entry in info.traceback)


# --- real extracts -----------------------------------------------------------------------------

HELSINKI_BBOX = "24.940,60.166,24.948,60.172"


@pytest.fixture(scope="module")
def helsinki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan = tmp_path_factory.mktemp("helsinki") / "helsinki.gpkg"
    args = ["new", str(plan), "--osm", str(HELSINKI), "--bbox", HELSINKI_BBOX]
    assert main([*args, "--population", str(HSY_GRID), "-q"]) == 0
    return plan


def _other_tag(text: object, key: str) -> str | None:
    found = re.search(rf'"{re.escape(key)}"=>"([^"]*)"', text if isinstance(text, str) else "")
    return found.group(1) if found else None


def _allowed(other_tags: pd.Series) -> np.ndarray:
    """Ways open to walkers, by GDAL's other_tags text: not foot=no, and not private or no
    access without a foot permission, and not foot=private."""
    out = []
    for text in other_tags:
        foot, access = _other_tag(text, "foot"), _other_tag(text, "access")
        private = access in ("private", "no") and foot not in ("yes", "designated", "permissive")
        out.append(foot not in ("no", "private") and not private)
    return np.array(out, dtype=bool)


def test_helsinki_network_matches_gdal(helsinki: Path) -> None:
    """The walkable ways, found independently with GDAL's OSM driver."""
    network = _layer(helsinki, "network")
    zone = (
        gpd.GeoSeries([shapely.box(*map(float, HELSINKI_BBOX.split(",")))], crs=4326)
        .to_crs(network.crs)
        .buffer(1000)
        .to_crs(4326)
        .iloc[0]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lines = pyogrio.read_dataframe(HELSINKI, layer="lines", on_invalid="ignore")
    walkable = {
        "footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
        "unclassified", "tertiary", "tertiary_link", "secondary", "secondary_link", "primary",
        "primary_link", "track", "cycleway", "bridleway", "corridor", "road",
    }  # fmt: skip
    keep = lines["highway"].isin(walkable).to_numpy() & _allowed(lines["other_tags"])
    keep &= lines.geometry.notna().to_numpy()
    keep &= lines.intersects(zone).to_numpy()
    expected = set("way/" + lines.loc[keep, "osm_id"].astype(str))
    # GDAL makes polygons of closed pedestrian ways (squares): walked along their outline
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        polygons = pyogrio.read_dataframe(HELSINKI, layer="multipolygons", on_invalid="ignore")
    highway = np.array([_other_tag(t, "highway") for t in polygons["other_tags"]], dtype=object)
    closed = polygons[
        np.isin(highway, list(walkable))
        & _allowed(polygons["other_tags"])
        & polygons["osm_way_id"].notna().to_numpy()
        & polygons.geometry.notna().to_numpy()
    ]
    expected |= set("way/" + closed.loc[closed.intersects(zone), "osm_way_id"].astype(str))
    assert set(network["id"]) == expected
    assert len(expected) > 1000


def test_helsinki_population_from_the_hsy_grid(helsinki: Path) -> None:
    residents = _layer(helsinki, "residents")
    grid = gpd.read_file(HSY_GRID).to_crs(residents.crs)
    area = _layer(helsinki, "boundary").geometry.iloc[0]
    cut = grid.geometry.intersection(area).area / grid.geometry.area
    assert residents["population"].sum() == pytest.approx((grid["population"] * cut).sum())


def test_helsinki_facilities_against_osmium_counts(helsinki: Path) -> None:
    """Libraries: every amenity=library object in the zone, as osmium counts them."""
    facilities = _layer(helsinki, "facilities")
    zone = _layer(helsinki, "boundary").buffer(1000).to_crs(4326).iloc[0]
    found = 0
    for obj in (
        osmium.FileProcessor(str(HELSINKI))
        .with_locations()
        .with_filter(osmium.filter.TagFilter(("amenity", "library")))
    ):
        if obj.is_node() and zone.contains(shapely.Point(obj.location.lon, obj.location.lat)):
            found += 1
        elif obj.is_way():
            found += 1  # the extract is smaller than the zone: every way is in it
    assert (facilities["kind"] == "library").sum() <= found
    assert (facilities["kind"] == "library").sum() >= 1


@pytest.fixture(scope="module")
def liechtenstein(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan = tmp_path_factory.mktemp("li") / "li.gpkg"
    box = "9.4710780,47.0477400,9.6362170,47.2712800"  # the extract's own extent
    assert main(["new", str(plan), "--osm", str(LIECHTENSTEIN), "--bbox", box, "-q"]) == 0
    return plan


def test_liechtenstein_counts_against_osmium(liechtenstein: Path) -> None:
    hazards = _layer(liechtenstein, "hazard_sources")
    counts = {"fuel": 0, "line": 0, "schools": 0}
    fuel_areas = []
    for obj in osmium.FileProcessor(str(LIECHTENSTEIN)).with_filter(
        osmium.filter.KeyFilter("amenity", "power")
    ):
        if obj.tags.get("amenity") == "fuel":
            counts["fuel"] += 1
            if not obj.is_node():
                fuel_areas.append(obj.id)
        if obj.is_way() and obj.tags.get("power") == "line":
            counts["line"] += 1
    assert (hazards["kind"] == "hv_line").sum() == counts["line"]
    petrol = (hazards["kind"] == "petrol_station").sum()
    # a node inside a station's outline is the same station
    assert counts["fuel"] - len(fuel_areas) <= petrol <= counts["fuel"]
    assert petrol >= 10


def test_liechtenstein_evaluates(liechtenstein: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev"
    assert main(["evaluate", str(liechtenstein), "--out", str(out), "-q"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # Liechtenstein had about 36,800 inhabitants in 2013; the 2013 map lacks some buildings
    assert 20_000 < report["population"] < 50_000
    assert report["population_unreachable"] < 0.05 * report["population"]
    assert any("estimate" in note for note in report["notes"])


def test_a_swapped_bbox_says_so(tmp_path: Path, capsys) -> None:
    """Latitude first (a common slip): the message says the numbers look swapped."""
    code = _new(tmp_path, LIECHTENSTEIN, "--bbox", "47.10,9.50,47.12,9.53")
    err = capsys.readouterr().err
    assert code == 2 and "does not cover" in err and "swapped" in err
    assert not (tmp_path / "plan.gpkg").exists()


def test_the_plan_never_replaces_an_input(tmp_path: Path, tiny: dict[str, Path], capsys) -> None:
    """A plan file named as its own boundary file is refused, even with --overwrite."""
    boundary = gpd.GeoDataFrame(
        {"name": ["b"]}, geometry=[shapely.box(E0 + 50, N0 + 50, E0 + 950, N0 + 950)], crs=METRIC
    )
    path = tmp_path / "boundary.gpkg"
    boundary.to_file(path)
    before = path.read_bytes()
    code = main(
        ["new", str(path), "--osm", str(tiny["extract"]), "--boundary", str(path), "--overwrite"]
    )
    assert code == 2 and "replace an input" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_liechtenstein_hospitals_pharmacies_police_and_fire_stations(liechtenstein: Path) -> None:
    """Each of these is its own kind (not a community health centre, not "other"), one
    facility per tagged object of the extract as osmium counts them."""
    facilities = _layer(liechtenstein, "facilities")
    tagged = {"hospital": 0, "pharmacy": 0, "police": 0, "fire_station": 0}
    for obj in (
        osmium.FileProcessor(str(LIECHTENSTEIN))
        .with_areas()
        .with_filter(osmium.filter.TagFilter(*(("amenity", k) for k in tagged)))
    ):
        if obj.is_node() or obj.is_area():
            tagged[obj.tags["amenity"]] += 1
    for kind, count in tagged.items():
        found = int((facilities["kind"] == kind).sum())
        assert 1 <= found <= count, kind  # a node inside its area counts once


@pytest.mark.parametrize(
    ("tags", "walked"),
    [
        ({"highway": "trunk", "sidewalk:left": "yes"}, True),
        ({"highway": "trunk", "sidewalk:both": "yes"}, True),
        ({"highway": "trunk", "sidewalk:right": "yes", "sidewalk:left": "no"}, True),
        ({"highway": "trunk", "sidewalk:both": "separate"}, False),  # a footway of its own
        ({"highway": "trunk", "sidewalk:both": "no"}, False),
    ],
)
def test_trunk_roads_with_sidewalk_side_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tags: dict[str, str], walked: bool
) -> None:
    monkeypatch.setitem(WAYS, 8, ([1, 11], tags))  # the trunk without a sidewalk, retagged
    extract = write_tiny_osm(tmp_path / "tiny.osm")
    plan = tmp_path / "tiny.gpkg"
    assert main(["new", str(plan), "--osm", str(extract), "--bbox", tiny_bbox(), "-q"]) == 0
    network = set(_layer(plan, "network")["id"])
    assert network == (WALKED | {"way/8"} if walked else WALKED)


def test_a_build_without_workdir_leaves_no_folder_behind(tmp_path: Path, tiny: dict[str, Path]):
    """The cropped population raster of a build given no workdir lives in a temporary folder
    until the process ends, then the folder is gone."""
    raster = tmp_path / "pop.tif"
    with rasterio.open(
        raster, "w", driver="GTiff", width=10, height=10, count=1, dtype="float32",
        crs=METRIC, transform=from_origin(E0 + 200, N0 + 800, 50, 50), nodata=-1,
    ) as dst:  # fmt: skip
        dst.write(np.full((10, 10), 7.0, dtype="float32"), 1)
    script = (
        "import sys\n"
        "from spaceplanner.sources.osm import build_osm_plan\n"
        "built = build_osm_plan(sys.argv[1], bbox=tuple(map(float, sys.argv[2].split(','))),"
        " population=sys.argv[3])\n"
        "print(built.plan.layers['residents'].raster.path)\n"
        "print(float(built.plan.layers['residents'].raster.read().sum()))\n"
    )
    args = [str(tiny["extract"]), tiny_bbox(), str(raster)]
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    source, total = done.stdout.split()
    assert float(total) == pytest.approx(700.0)  # the raster was there while the build ran
    assert Path(source).parent.name.startswith("spaceplanner-osm-")
    assert not Path(source).parent.exists()


def test_an_osm_file_without_bounds_covers_the_extent_of_its_nodes(tmp_path: Path) -> None:
    """Without <bounds>, the extract covers where its nodes are (untagged ones too), not only
    where the objects the plan uses lie."""
    extract = write_tiny_osm(tmp_path / "tiny.osm")
    text = extract.read_text(encoding="utf-8")
    text = re.sub(r"<bounds [^>]*/>\n", "", text)
    corners = "".join(
        f'<node id="{90 + i}" version="1" lat="{lat}" lon="{lon}"/>\n'
        for i, (lon, lat) in enumerate([_lonlat(-50, -50), _lonlat(1050, 1050)])
    )
    extract.write_text(text.replace("<node ", corners + "<node ", 1), encoding="utf-8")
    # the mapped objects start 100 m north of the box's southern edge: 10 % of it
    corners_box = [_lonlat(x, y) for x in (0, 1000) for y in (0, 1000)]
    lons, lats = zip(*corners_box, strict=True)
    box = f"{max(lons[:2])},{max(lats[0], lats[2])},{min(lons[2:])},{min(lats[1], lats[3])}"
    target = tmp_path / "plan.gpkg"
    assert main(["new", str(target), "--osm", str(extract), "--bbox", box, "-q"]) == 0
    assert set(_layer(target, "network")["id"]) == WALKED
    # a box beyond every node is still refused
    far = f"{max(lons[:2])},{max(lats[0], lats[2]) - 0.01},{min(lons[2:])},{min(lats[1], lats[3])}"
    assert main(["new", str(target), "--osm", str(extract), "--bbox", far, "--overwrite"]) == 2


def test_industrial_land_keeps_30_m_from_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """landuse=industrial is a hazard source the GB profile keeps 30 m from (GB 50413-2007
    §8.2.7, ordinary fire sources): a kindergarten 10 m from it breaks 防, 40 m away it does not."""
    for i, xy in {60: (760, 600), 61: (800, 600), 62: (800, 650), 63: (760, 650)}.items():
        monkeypatch.setitem(NODES, i, xy)
    monkeypatch.setitem(WAYS, 60, ([60, 61, 62, 63, 60], {"landuse": "industrial"}))
    extract = write_tiny_osm(tmp_path / "tiny.osm")
    plan = tmp_path / "plan.gpkg"
    assert main(["new", str(plan), "--osm", str(extract), "--bbox", tiny_bbox(), "-q"]) == 0
    hazards = _layer(plan, "hazard_sources")
    assert list(hazards.loc[hazards["id"] == "way/60", "kind"]) == ["industrial"]
    out = tmp_path / "ev"
    assert main(["evaluate", str(plan), "--out", str(out), "-q"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    broken = [v for v in report["violations"] if v["rule"] == "prevent.industrial"]
    assert [(v["id"], v["measured"]) for v in broken] == [
        ("way/32", pytest.approx(10.0, abs=0.05))
    ]  # 7 decimals of a degree: 1 cm
    monkeypatch.setitem(NODES, 60, (790, 600))
    monkeypatch.setitem(NODES, 63, (790, 650))  # now 40 m from the kindergarten
    write_tiny_osm(extract)
    assert main(["new", str(plan), "--osm", str(extract), "--bbox", tiny_bbox(), "-q",
                 "--overwrite"]) == 0  # fmt: skip
    assert main(["evaluate", str(plan), "--out", str(out), "-q", "--overwrite"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert not [v for v in report["violations"] if v["rule"] == "prevent.industrial"]
