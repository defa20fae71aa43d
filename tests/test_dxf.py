"""CAD drawings (DXF) as plan layers, and their bad input.

Every drawing here is synthetic, built in the test with ezdxf the way a design institute's site
plan is drawn: green space (绿地) as closed polylines and a hatch, road centre lines
(道路中心线) as lines and polylines, buildings (建筑) with their number as text, shelters
(避难场所) as blocks with attributes, in millimetres on a local grid or in metres on the CGCS2000
3-degree Gauss-Krüger zone of Beijing (EPSG:4548, central meridian 117° E, no zone prefix).
"""

from __future__ import annotations

import math
from pathlib import Path

import ezdxf
import geopandas as gpd
import numpy as np
import pytest
from conftest import write_toml

from spaceplanner import load_plan
from spaceplanner.cli import main
from spaceplanner.layers.dxf import fit_similarity
from spaceplanner.layers.errors import LayerError

GK = "EPSG:4548"
#: Where the local grid's origin lies in EPSG:4548 (near Tiananmen).
E0, N0 = 448_000.0, 4_418_500.0


def _site(
    path: Path, *, scale: float = 1.0, origin: tuple[float, float] = (0.0, 0.0), units: int = 6
) -> Path:
    """A site plan of 600 x 600 m: drawing coordinate = (metres from the SW corner) x scale +
    origin."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = units
    for name in ("绿地", "道路中心线", "建筑", "避难场所", "文字", "图框"):
        doc.layers.add(name)
    msp = doc.modelspace()
    ox, oy = origin

    def at(x: float, y: float) -> tuple[float, float]:
        return (x * scale + ox, y * scale + oy)

    # green: two closed polylines and a hatch with a hole (a pond)
    msp.add_lwpolyline(
        [at(50, 50), at(150, 50), at(150, 120), at(50, 120)],
        close=True,
        dxfattribs={"layer": "绿地"},
    )
    msp.add_lwpolyline(
        [at(400, 400), at(500, 400), at(500, 500), at(400, 500)],
        close=True,
        dxfattribs={"layer": "绿地"},
    )
    hatch = msp.add_hatch(dxfattribs={"layer": "绿地"})
    hatch.paths.add_polyline_path([at(200, 300), at(300, 300), at(300, 400), at(200, 400)])
    hatch.paths.add_polyline_path([at(240, 340), at(260, 340), at(260, 360), at(240, 360)])
    # an open polyline on the green layer (a path edge), not an area
    msp.add_lwpolyline([at(50, 200), at(150, 200)], dxfattribs={"layer": "绿地"})
    # roads: a grid of centre lines through the site (lines and one polyline)
    for y in (0, 200, 420, 600):
        msp.add_line(at(0, y), at(600, y), dxfattribs={"layer": "道路中心线"})
    for x in (0, 180, 350):
        msp.add_line(at(x, 0), at(x, 600), dxfattribs={"layer": "道路中心线"})
    msp.add_lwpolyline([at(600, 0), at(600, 300), at(600, 600)], dxfattribs={"layer": "道路中心线"})
    # buildings with their number as text inside
    for i, (x, y) in enumerate([(20, 220), (200, 100), (380, 250), (520, 120)], start=1):
        msp.add_lwpolyline(
            [at(x, y), at(x + 40, y), at(x + 40, y + 25), at(x, y + 25)],
            close=True,
            dxfattribs={"layer": "建筑"},
        )
        msp.add_text(f"{i}", dxfattribs={"layer": "建筑", "insert": at(x + 15, y + 10)})
    # shelters: a block with attributes
    block = doc.blocks.new("避难点")
    block.add_circle((0, 0), 2.0 * scale)
    block.add_attdef("容纳人数", (0, 0))
    for cap, (x, y) in ((300, (100, 80)), (500, (450, 450))):
        ref = msp.add_blockref("避难点", at(x, y), dxfattribs={"layer": "避难场所"})
        ref.add_auto_attribs({"容纳人数": str(cap)})
    # a title frame, on a layer no role reads
    msp.add_lwpolyline([at(-50, -50), at(650, -50), at(650, 650), at(-50, 650)], close=True,
                       dxfattribs={"layer": "图框"})  # fmt: skip
    doc.saveas(path)
    return path


def _households(folder: Path) -> None:
    (folder / "households.csv").write_text(
        "楼号,户数,人口\n1,40,110\n2,55,150\n3,30,80\n4,62,170\n", encoding="utf-8"
    )


def _plan(folder: Path, drawing: str, placement: str) -> Path:
    _households(folder)
    return write_toml(
        folder / "plan.toml",
        f"""
name = "CAD 示例"

[layers.residents]
path = "{drawing}"
layer = "建筑"
{placement}
join = {{ path = "households.csv", key = "text", table_key = "楼号" }}

[layers.green]
role = "activity_spaces"
path = "{drawing}"
layer = "绿地"
kind = "green"
{placement}

[layers.walk]
role = "network"
path = "{drawing}"
{placement}

[layers.shelters]
path = "{drawing}"
{placement}
""",
    )


def test_site_in_metres_on_gauss_kruger(tmp_path: Path) -> None:
    _site(tmp_path / "site.dxf", origin=(E0, N0))
    plan = load_plan(_plan(tmp_path, "site.dxf", f'crs = "{GK}"'))
    assert plan.crs.to_epsg() == 4548
    green = plan.layers["green"].frame
    # two rectangles (100 x 70, 100 x 100) and the hatch (100 x 100 less a 20 x 20 pond)
    assert sorted(round(a) for a in green.geometry.area) == [7000, 9600, 10000]
    assert all(green["kind"] == "green")
    walk = plan.layers["walk"].frame  # 道路中心线 found by the role's usual layer names
    # 4 x 4 lines crossing at 16 junctions: 24 pieces between them, of which the 4 meeting at
    # each corner of the grid (2 pieces, no junction) join into one
    assert len(walk) == 24 - 4
    assert math.isclose(walk.geometry.length.sum(), 7 * 600 + 600, rel_tol=1e-9)
    residents = plan.layers["residents"].frame
    assert list(residents["text"]) == ["1", "2", "3", "4"]
    assert list(residents["population"]) == [110, 150, 80, 170]
    shelters = plan.layers["shelters"].frame  # blocks on 避难场所: points with their attributes
    assert list(shelters["capacity"]) == [300, 500]
    assert shelters.geometry.iloc[0].x == pytest.approx(E0 + 100)
    notes = [p.message for p in plan.problems if p.layer == "green"]
    assert any("left out as not polygons: 1 LWPOLYLINE (open)" in m for m in notes)


def test_local_grid_in_millimetres_with_an_offset(tmp_path: Path) -> None:
    _site(tmp_path / "local.dxf", scale=1000.0, units=4)
    plan = load_plan(_plan(tmp_path, "local.dxf", f'crs = "{GK}"\noffset = [{E0}, {N0}]'))
    green = plan.layers["green"].frame
    assert sorted(round(a) for a in green.geometry.area) == [7000, 9600, 10000]
    assert green.total_bounds[0] == pytest.approx(E0 + 50)
    assert plan.layers["shelters"].frame.geometry.iloc[1].y == pytest.approx(N0 + 450)


def test_local_grid_placed_by_two_control_points(tmp_path: Path) -> None:
    # the drawing's grid is turned by 30 degrees against the map and in millimetres
    _site(tmp_path / "turned.dxf", scale=1000.0, units=4)
    angle = math.radians(30)

    def to_map(x_mm: float, y_mm: float) -> tuple[float, float]:
        x, y = x_mm / 1000, y_mm / 1000
        c, s = math.cos(angle), math.sin(angle)
        return (E0 + c * x - s * y, N0 + s * x + c * y)

    p1, p2 = (0.0, 0.0), (600_000.0, 0.0)
    m1, m2 = to_map(*p1), to_map(*p2)
    points = f"control_points = [[{p1[0]}, {p1[1]}, {m1[0]}, {m1[1]}], [{p2[0]}, {p2[1]}, {m2[0]}, {m2[1]}]]"  # noqa: E501
    plan = load_plan(_plan(tmp_path, "turned.dxf", f'crs = "{GK}"\n{points}'))
    cap = plan.layers["shelters"].frame.geometry
    want = to_map(450_000, 450_000)
    assert cap.iloc[1].x == pytest.approx(want[0], abs=1e-6)
    assert cap.iloc[1].y == pytest.approx(want[1], abs=1e-6)
    assert sorted(round(a) for a in plan.layers["green"].frame.geometry.area) == [7000, 9600, 10000]


def test_similarity_fit_from_two_points_is_exact() -> None:
    a, b, residual = fit_similarity(((0, 0, 10, 20), (1, 0, 10, 22)))
    assert a == pytest.approx(2j) and b == pytest.approx(10 + 20j)  # x2 and turned 90 degrees
    assert residual == pytest.approx(0, abs=1e-12)


def test_cad_plan_evaluates_from_the_cli(tmp_path: Path) -> None:
    _site(tmp_path / "local.dxf", scale=1000.0, units=4)
    plan = _plan(tmp_path, "local.dxf", f'crs = "{GK}"\noffset = [{E0}, {N0}]')
    out = tmp_path / "out"
    assert main(["evaluate", str(plan), "--out", str(out), "-q"]) == 0
    import json

    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["population"] == 110 + 150 + 80 + 170
    shelters = report["shelters"]
    assert shelters["capacity_persons"] == 300 + 500
    # by hand on the grid (a building from its centre, connectors included): buildings 1-3 are
    # 372, 200 and 338 m from a shelter; building 4 is 528 m from the one at (450, 450)
    assert shelters["population_covered"] == 110 + 150 + 80


# --------------------------------------------------------------------------------------------
# bad input


def _exit_2(plan: Path, capsys: pytest.CaptureFixture[str], *words: str) -> None:
    assert main(["validate", str(plan)]) == 2
    captured = capsys.readouterr()
    text = captured.out + captured.err
    for word in words:
        assert word in text
    assert "Traceback" not in text


def test_local_grid_without_a_transform(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _site(tmp_path / "local.dxf", scale=1000.0, units=4)
    plan = _plan(tmp_path, "local.dxf", "")
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.layer == "residents"
    assert "look local" in caught.value.message
    assert caught.value.hint is not None and "offset" in caught.value.hint
    _exit_2(plan, capsys, "look local", "control_points")


def test_local_grid_with_a_crs_but_no_transform(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path / "local.dxf")
    plan = _plan(tmp_path, "local.dxf", f'crs = "{GK}"')
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.field == "crs"
    assert "look local" in caught.value.message
    _exit_2(plan, capsys, "look local")


def test_no_matching_drawing_layer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _site(tmp_path / "site.dxf", origin=(E0, N0))
    plan = _plan(tmp_path, "site.dxf", f'crs = "{GK}"')
    text = plan.read_text(encoding="utf-8").replace('layer = "绿地"', 'layer = "公共绿地"')
    plan.write_text(text, encoding="utf-8")
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.layer == "green"
    assert caught.value.field == "layer"
    assert "道路中心线" in caught.value.message  # the drawing's layers are listed
    _exit_2(plan, capsys, "no drawing layer matches 公共绿地")


def test_dwg_asks_for_dxf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "site.dwg").write_bytes(b"AC1032" + bytes(200))  # a DWG header
    plan = _plan(tmp_path, "site.dwg", f'crs = "{GK}"')
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.file is not None and caught.value.file.endswith("site.dwg")
    assert caught.value.hint is not None and "DXF" in caught.value.hint
    _exit_2(plan, capsys, "DWG", "DXF")


def test_bad_control_points(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _site(tmp_path / "local.dxf")
    plan = _plan(tmp_path, "local.dxf", f'crs = "{GK}"\ncontrol_points = [[0, 0, {E0}, {N0}]]')
    _exit_2(plan, capsys, "control_points", "two or more")


def test_unit_override(tmp_path: Path) -> None:
    # a drawing in millimetres that declares no unit: units = "mm" says it
    _site(tmp_path / "nounit.dxf", scale=1000.0, units=0)
    plan = load_plan(
        _plan(tmp_path, "nounit.dxf", f'crs = "{GK}"\noffset = [{E0}, {N0}]\nunits = "mm"')
    )
    assert sorted(round(a) for a in plan.layers["green"].frame.geometry.area) == [7000, 9600, 10000]
    frame = plan.layers["walk"].frame
    assert isinstance(frame, gpd.GeoDataFrame)
    assert np.isclose(frame.total_bounds[2] - frame.total_bounds[0], 600)


def test_walking_lines_on_two_drawing_layers_meet_where_they_cross(tmp_path: Path) -> None:
    """A footpath drawn on 步行道 crossing a road centre line on 道路中心线: the network is
    split at the crossing (four pieces meeting at one point), each piece keeping its layer."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_line((E0, N0), (E0 + 200, N0), dxfattribs={"layer": "道路中心线"})
    msp.add_line((E0 + 100, N0 - 100), (E0 + 100, N0 + 100), dxfattribs={"layer": "步行道"})
    doc.saveas(tmp_path / "paths.dxf")
    plan = write_toml(
        tmp_path / "plan.toml",
        f"""
name = "paths"
[layers.walk]
role = "network"
path = "paths.dxf"
dxf_layers = ["道路中心线", "步行道"]
crs = "{GK}"
""",
    )
    walk = load_plan(plan).layers["walk"].frame
    assert len(walk) == 4
    assert sorted(walk["dxf_layer"]) == ["步行道", "步行道", "道路中心线", "道路中心线"]
    ends = [c for g in walk.geometry for c in (g.coords[0], g.coords[-1])]
    assert sum(np.allclose(c, (E0 + 100, N0)) for c in ends) == 4  # all meet at the crossing
    for _, row in walk.iterrows():  # a footpath piece is vertical, a road piece horizontal
        x0, x1 = row.geometry.coords[0][0], row.geometry.coords[-1][0]
        assert (x0 == pytest.approx(x1)) == (row["dxf_layer"] == "步行道")
        assert math.isclose(row.geometry.length, 100.0)


def test_a_drawing_with_no_unit_spanning_hundreds_of_km_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 600 m site drawn in millimetres that declares no unit would be 600 km across read as
    metres: refused, asking for its unit (not read as a region of silently wrong areas)."""
    _site(tmp_path / "nounit.dxf", scale=1000.0, units=0)
    plan = _plan(tmp_path, "nounit.dxf", f'crs = "{GK}"\noffset = [{E0}, {N0}]')
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.field == "units"
    assert "km read as metres" in caught.value.message
    _exit_2(plan, capsys, "no unit", 'units = "mm"')
