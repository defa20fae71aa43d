"""Chinese office data: GCJ-02/BD-09 coordinates, Amap/Baidu POI tables (CSV, xlsx), Excel
tables joined to buildings, and their bad input.

Every POI table, spreadsheet and building layer here is synthetic, built in the test around
Tiananmen, Beijing, in the column layout of Amap (高德) and Baidu (百度) exports.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
from conftest import write_toml
from shapely.geometry import LineString, Point, box

from spaceplanner import load_plan
from spaceplanner.cli import main
from spaceplanner.layers.chinacrs import (
    bd09_to_gcj02,
    bd09_to_wgs84,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    offset_system,
    wgs84_to_bd09,
    wgs84_to_gcj02,
)
from spaceplanner.layers.errors import LayerError, PlanError
from spaceplanner.layers.poi import poi_kind

#: WGS 84 (lng, lat) -> GCJ-02 (lng, lat) and BD-09 (lng, lat), computed with the independent
#: implementation in the PyPI package coord-convert 0.2.1 (coord_convert.transform.wgs2gcj and
#: wgs2bd). eviltransform 0.1.1 (wgs2gcj, wgs2bd) gives the same values within 0.02 m.
REFERENCE = [
    (
        116.397128,
        39.916527,
        116.40337249402477,
        39.91793074924595,
        116.40973933698186,
        39.92426929401509,
    ),
    (
        121.4737,
        31.2304,
        121.47822305927693,
        31.22845773757727,
        121.484781468503,
        31.234310593689997,
    ),
    (
        113.9213,
        22.5431,
        113.92616050989346,
        22.54005508675388,
        113.93269417687578,
        22.545795826753842,
    ),
    (
        104.0665,
        30.5723,
        104.06900490567072,
        30.569845540719605,
        104.07548094087613,
        30.5758561637081,
    ),
    (
        126.6425,
        45.7567,
        126.64847005257023,
        45.758651260466564,
        126.65509997573373,
        45.76434458585634,
    ),
    (87.6168, 43.8256, 87.61964994946926, 43.82680539311119, 87.62609977081571, 43.83294979479328),
]

UTM50 = "EPSG:32650"


def metres(lng1: np.ndarray, lat1: np.ndarray, lng2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    """Distance in metres between nearby points (equirectangular; exact to 1e-6 at 100 m)."""
    dlat = np.radians(np.asarray(lat2) - lat1)
    dlng = np.radians(np.asarray(lng2) - lng1) * np.cos(np.radians(lat1))
    return np.hypot(dlat, dlng) * 6_371_000.0


# --------------------------------------------------------------------------------------------
# the conversions


def test_forward_matches_the_reference_implementation() -> None:
    ref = np.array(REFERENCE)
    gx, gy = wgs84_to_gcj02(ref[:, 0], ref[:, 1])
    bx, by = wgs84_to_bd09(ref[:, 0], ref[:, 1])
    assert metres(gx, gy, ref[:, 2], ref[:, 3]).max() < 0.02
    assert metres(bx, by, ref[:, 4], ref[:, 5]).max() < 0.02
    # the offsets are hundreds of metres, so matching them is no accident
    assert metres(ref[:, 0], ref[:, 1], gx, gy).min() > 100


def test_inverse_of_the_reference_values_gives_wgs84_back() -> None:
    ref = np.array(REFERENCE)
    wx, wy = gcj02_to_wgs84(ref[:, 2], ref[:, 3])
    assert metres(wx, wy, ref[:, 0], ref[:, 1]).max() < 0.05
    wx, wy = bd09_to_wgs84(ref[:, 4], ref[:, 5])
    assert metres(wx, wy, ref[:, 0], ref[:, 1]).max() < 0.05


def test_round_trip_within_half_a_metre_across_china() -> None:
    lng, lat = np.meshgrid(np.linspace(75, 134, 60), np.linspace(18, 53, 36))
    lng, lat = lng.ravel(), lat.ravel()
    for forward, inverse in ((wgs84_to_gcj02, gcj02_to_wgs84), (wgs84_to_bd09, bd09_to_wgs84)):
        back = inverse(*forward(lng, lat))
        assert metres(lng, lat, *back).max() < 0.5
        assert metres(lng, lat, *back).max() < 0.001  # the iteration goes far below it
    gx, gy = bd09_to_gcj02(*gcj02_to_bd09(lng, lat))
    assert metres(lng, lat, gx, gy).max() < 0.001


def test_no_offset_outside_china() -> None:
    lng, lat = (
        np.array([2.35, 24.94, -74.0]),
        np.array([48.85, 60.17, 40.7]),
    )  # Paris, Helsinki, NYC
    gx, gy = wgs84_to_gcj02(lng, lat)
    assert np.array_equal(gx, lng) and np.array_equal(gy, lat)
    wx, wy = gcj02_to_wgs84(lng, lat)
    assert np.array_equal(wx, lng) and np.array_equal(wy, lat)


def test_offset_system_names() -> None:
    assert offset_system("GCJ-02") == offset_system("gcj02") == "GCJ-02"
    assert offset_system("BD-09") == offset_system("bd09ll") == "BD-09"
    assert offset_system("EPSG:4326") is None


def test_poi_types_map_to_role_kinds() -> None:
    assert poi_kind("科教文化服务;学校;幼儿园") == ("facilities", "kindergarten", "幼儿园")
    assert poi_kind("汽车服务;加油站;中国石化") == ("hazard_sources", "petrol_station", "中国石化")
    assert poi_kind("医疗保健服务;综合医院;卫生院") == ("facilities", "health_centre", "卫生院")
    assert poi_kind("教育培训;小学") == ("facilities", "primary_school", "小学")  # Baidu
    assert poi_kind("风景名胜;公园广场;公园|科教文化服务;学校;小学") == (
        "activity_spaces",
        "park",
        "公园",
    )
    assert poi_kind("餐饮服务;中餐厅;中餐厅") == (None, None, "中餐厅")


# --------------------------------------------------------------------------------------------
# a synthetic community near Tiananmen: residents and walks in WGS 84, POIs from Amap/Baidu

#: Centre of the community in UTM 50N (Tiananmen area).
CX, CY = 448_300.0, 4_418_700.0


def _wgs(points: list[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    geo = gpd.GeoSeries([Point(CX + dx, CY + dy) for dx, dy in points], crs=UTM50).to_crs(4326)
    return geo.x.to_numpy(), geo.y.to_numpy()


def _community(folder: Path) -> None:
    blocks = gpd.GeoDataFrame(
        {"楼号": ["1", "2", "3", "4"], "名称": ["1号楼", "2号楼", "3号楼", "4号楼"]},
        geometry=[
            box(CX - 200, CY - 150, CX - 140, CY - 110),
            box(CX + 120, CY - 160, CX + 180, CY - 120),
            box(CX - 190, CY + 130, CX - 130, CY + 170),
            box(CX + 140, CY + 140, CX + 200, CY + 180),
        ],
        crs=UTM50,
    ).to_crs(4326)
    blocks.to_file(folder / "buildings.geojson", driver="GeoJSON")
    lines = [
        LineString([(CX - 300, CY), (CX + 300, CY)]),
        LineString([(CX, CY - 300), (CX, CY + 300)]),
        LineString([(CX - 170, CY - 300), (CX - 170, CY + 300)]),
        LineString([(CX + 160, CY - 300), (CX + 160, CY + 300)]),
    ]
    noded = gpd.GeoSeries(lines).union_all()  # a node at every crossing
    walk = gpd.GeoDataFrame(geometry=list(noded.geoms), crs=UTM50).to_crs(4326)
    walk.to_file(folder / "walk.geojson", driver="GeoJSON")


#: POIs: (name, Amap type, address, metres east, metres north of the centre)
POIS = [
    ("阳光幼儿园", "科教文化服务;学校;幼儿园", "东城区示例路1号", 40.0, 60.0),
    ("社区卫生服务中心", "医疗保健服务;综合医院;卫生院", "东城区示例路2号", -60.0, -20.0),
    ("康乐养老院", "生活服务;养老院;养老院", "东城区示例路3号", 90.0, -80.0),
    ("中国石化加油站", "汽车服务;加油站;中国石化", "东城区示例路4号", 250.0, 250.0),
    ("示例小学", "科教文化服务;学校;小学", "东城区示例路5号", -100.0, 100.0),
]


def _households(folder: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "户数"
    ws.append(["楼号", "户数", "人口"])
    for row in (["1", 48, 131], ["2", 60, 170], ["3", 36, 95], ["4", 72, 205], ["9", 10, 30]):
        ws.append(row)
    path = folder / "households.xlsx"
    book.save(path)
    return path


def _amap_csv(folder: Path, *, encoding: str = "utf-8") -> Path:
    lng, lat = _wgs([(dx, dy) for *_, dx, dy in POIS])
    gx, gy = wgs84_to_gcj02(lng, lat)
    table = pd.DataFrame(
        {
            "名称": [p[0] for p in POIS],
            "类型": [p[1] for p in POIS],
            "地址": [p[2] for p in POIS],
            "location": [f"{x:.6f},{y:.6f}" for x, y in zip(gx, gy, strict=True)],
        }
    )
    path = folder / "amap_poi.csv"
    table.to_csv(path, index=False, encoding=encoding)
    return path


PLAN = """
name = "示例社区"

[layers.residents]
path = "buildings.geojson"
join = {{ path = "households.xlsx", key = "楼号" }}

[layers.walk]
role = "network"
path = "walk.geojson"

[layers.facilities]
path = "{poi}"
crs = "{crs}"
{extra}
"""


def _plan(folder: Path, poi: str, crs: str, extra: str = "") -> Path:
    _community(folder)
    _households(folder)
    return write_toml(folder / "plan.toml", PLAN.format(poi=poi, crs=crs, extra=extra))


def _truth(plan_crs: object) -> gpd.GeoSeries:
    lng, lat = _wgs([(dx, dy) for *_, dx, dy in POIS])
    return gpd.GeoSeries(gpd.points_from_xy(lng, lat), crs=4326).to_crs(plan_crs)


def test_amap_csv_in_gcj02_lands_on_its_true_place(tmp_path: Path) -> None:
    _amap_csv(tmp_path)
    plan = load_plan(_plan(tmp_path, "amap_poi.csv", "GCJ-02", 'kind_field = "类型"'))
    frame = plan.layers["facilities"].frame
    # the petrol station is a hazard source, left out of facilities with a note
    assert list(frame["name"]) == ["阳光幼儿园", "社区卫生服务中心", "康乐养老院", "示例小学"]
    assert list(frame["kind"]) == [
        "kindergarten",
        "health_centre",
        "elderly_care",
        "primary_school",
    ]
    assert frame["poi_type"].iloc[0] == "科教文化服务;学校;幼儿园"
    truth = _truth(plan.crs).drop(index=3).reset_index(drop=True)
    # 6 decimals of a degree are 0.1 m; the conversion adds < 1 mm
    assert frame.geometry.distance(truth).max() < 0.2
    # without the conversion they would be off by the offset (hundreds of metres)
    notes = [p.message for p in plan.problems if p.layer == "facilities"]
    assert any("GCJ-02 to WGS 84" in m for m in notes)
    assert any("other roles" in m and "hazard_sources" in m for m in notes)


def test_amap_csv_evaluates_from_the_cli(tmp_path: Path) -> None:
    _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02")  # 类型 found by its name
    out = tmp_path / "out"
    assert main(["evaluate", str(plan), "--out", str(out), "-q"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["population"] == 131 + 170 + 95 + 205  # joined from households.xlsx
    kinds = report["facilities"]
    assert {k: kinds[k]["count"] for k in kinds} == {
        "elderly_care": 1,
        "health_centre": 1,
        "kindergarten": 1,
        "primary_school": 1,
    }
    # every building is within 1000 m of the health centre on the grid of walks
    assert kinds["health_centre"]["population_covered"] == 601


def test_households_joined_from_excel(tmp_path: Path) -> None:
    _amap_csv(tmp_path)
    plan = load_plan(_plan(tmp_path, "amap_poi.csv", "GCJ-02"), strict=False)
    residents = plan.layers["residents"].frame
    assert list(residents["population"]) == [131, 170, 95, 205]
    assert list(residents["households"]) == [48, 60, 36, 72]
    unused = [p for p in plan.problems if p.field == "楼号" and "match no feature" in p.message]
    assert unused and "9" in unused[0].message


def test_baidu_csv_in_gbk_with_lng_lat_columns(tmp_path: Path) -> None:
    lng, lat = _wgs([(dx, dy) for *_, dx, dy in POIS])
    bx, by = wgs84_to_bd09(lng, lat)
    pd.DataFrame(
        {
            "名称": [p[0] for p in POIS],
            "tag": [
                "教育培训;幼儿园",
                "医疗;社区医院",
                "医疗;养老院",
                "汽车服务;加油站",
                "教育培训;小学",
            ],
            "地址": [p[2] for p in POIS],
            "lng": bx,
            "lat": by,
        }
    ).to_csv(tmp_path / "baidu.csv", index=False, encoding="gbk")
    plan = load_plan(_plan(tmp_path, "baidu.csv", "BD-09"), strict=False)
    frame = plan.layers["facilities"].frame
    assert list(frame["kind"]) == [
        "kindergarten",
        "health_centre",
        "elderly_care",
        "primary_school",
    ]
    truth = _truth(plan.crs).drop(index=3).reset_index(drop=True)
    assert frame.geometry.distance(truth).max() < 0.01
    assert any("GB18030" in p.message for p in plan.problems)


def test_petrol_station_from_the_same_table_as_a_hazard_source(tmp_path: Path) -> None:
    _amap_csv(tmp_path)
    plan_path = _plan(tmp_path, "amap_poi.csv", "GCJ-02")
    text = plan_path.read_text(encoding="utf-8")
    text += '\n[layers.petrol]\nrole = "hazard_sources"\npath = "amap_poi.csv"\ncrs = "GCJ-02"\n'
    plan_path.write_text(text, encoding="utf-8")
    plan = load_plan(plan_path)
    petrol = plan.layers["petrol"].frame
    assert list(petrol["kind"]) == ["petrol_station"]
    assert petrol.geometry.distance(_truth(plan.crs).iloc[3]).max() < 0.2


def test_xlsx_poi_table_with_longitude_latitude(tmp_path: Path) -> None:
    lng, lat = _wgs([(dx, dy) for *_, dx, dy in POIS])
    gx, gy = wgs84_to_gcj02(lng, lat)
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["名称", "类型", "地址", "经度", "纬度"])
    for (name, kind, address, *_), x, y in zip(POIS, gx, gy, strict=True):
        ws.append([name, kind, address, float(x), float(y)])
    book.save(tmp_path / "poi.xlsx")
    plan = load_plan(_plan(tmp_path, "poi.xlsx", "GCJ-02"))
    frame = plan.layers["facilities"].frame
    assert len(frame) == 4
    truth = _truth(plan.crs).drop(index=3).reset_index(drop=True)
    assert frame.geometry.distance(truth).max() < 0.01


# --------------------------------------------------------------------------------------------
# bad input: exit 2 and one message naming where


def _exit_2(plan: Path, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main(["validate", str(plan)]) == 2
    err = capsys.readouterr()
    text = err.out + err.err
    for word in words:
        assert word in text
    assert "Traceback" not in text
    return text


def test_gcj02_declared_for_points_outside_china(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pd.DataFrame(
        {
            "名称": ["a", "b"],
            "类型": ["教育培训;幼儿园"] * 2,
            "lng": [24.94, 24.95],
            "lat": [60.17, 60.17],
        }
    ).to_csv(tmp_path / "helsinki.csv", index=False)
    plan = _plan(tmp_path, "helsinki.csv", "GCJ-02")
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.layer == "facilities"
    assert caught.value.field == "crs"
    assert caught.value.feature is not None and "row 1" in caught.value.feature
    assert "outside China" in caught.value.message
    _exit_2(plan, capsys, "outside China", "facilities")


def test_xlsx_with_merged_header_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["示例社区 POI 表", None, None, None])
    ws.merge_cells("A1:D1")
    ws.append(["名称", "类型", "经度", "纬度"])
    ws.append(["阳光幼儿园", "科教文化服务;学校;幼儿园", 116.40, 39.91])
    book.save(tmp_path / "merged.xlsx")
    plan = _plan(tmp_path, "merged.xlsx", "GCJ-02")
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.layer == "facilities"
    assert caught.value.file is not None and caught.value.file.endswith("merged.xlsx")
    assert "merged" in caught.value.message and "A1:D1" in caught.value.message
    _exit_2(plan, capsys, "merged", "unmerge")


def test_poi_table_without_coordinate_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pd.DataFrame({"名称": ["a"], "类型": ["教育培训;幼儿园"], "地址": ["示例路1号"]}).to_csv(
        tmp_path / "nocoords.csv", index=False
    )
    plan = _plan(tmp_path, "nocoords.csv", "GCJ-02")
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.layer == "facilities"
    assert "coordinate column" in caught.value.message
    assert caught.value.hint is not None and "location" in caught.value.hint
    _exit_2(plan, capsys, "coordinate column")


def test_gcj02_as_the_plan_crs_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02")
    plan.write_text('crs = "GCJ-02"\n' + plan.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        load_plan(plan)
    assert caught.value.field == "crs"
    assert "layer's crs only" in caught.value.message
    _exit_2(plan, capsys, "GCJ-02")


def test_join_key_repeated_in_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02")
    book = openpyxl.Workbook()
    ws = book.active
    for row in (["楼号", "人口"], ["1", 10], ["1", 12], ["2", 5], ["3", 5], ["4", 5]):
        ws.append(row)
    book.save(tmp_path / "households.xlsx")
    with pytest.raises(LayerError) as caught:
        load_plan(plan)
    assert caught.value.layer == "residents"
    assert caught.value.field == "楼号"
    assert caught.value.feature == "1"
    _exit_2(plan, capsys, "several rows")


def test_join_without_a_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02")
    text = plan.read_text(encoding="utf-8").replace(', key = "楼号"', "")
    plan.write_text(text, encoding="utf-8")
    _exit_2(plan, capsys, "join needs path and key")


def test_offset_guess_from_file_name_and_columns() -> None:
    from spaceplanner.layers.poi import guess_offset_system

    beijing = (116.40, 39.91)
    assert guess_offset_system("高德POI.csv", ["名称"], beijing) == (
        "GCJ-02",
        "the file name says '高德'",
    )
    found = guess_offset_system("poi.csv", ["名称", "typecode", "location"], beijing)
    assert found is not None and found[0] == "GCJ-02"
    found = guess_offset_system("poi.csv", ["name", "uid", "street_id", "lng"], beijing)
    assert found is not None and found[0] == "BD-09"
    assert guess_offset_system("poi.csv", ["name", "lon", "lat"], beijing) is None
    assert guess_offset_system("amap.csv", ["location"], (24.94, 60.17)) is None  # Helsinki
    # columns any office table has are no sign of Baidu: a WGS 84 shelter list stays unguessed
    plain = ["名称", "area", "province", "lng", "lat"]
    assert guess_offset_system("shelters.csv", plain, beijing) is None
    # an Amap export with such columns is still Amap's
    found = guess_offset_system("poi.csv", ["location", "area", "province"], beijing)
    assert found is not None and found[0] == "GCJ-02"


def test_geojson_exported_back_to_gcj02(tmp_path: Path) -> None:
    """The facilities read from GCJ-02 go back to the same GCJ-02 coordinates."""
    csv = _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02")
    out = tmp_path / "export"
    argv = ["export", str(plan), "--format", "geojson", "--out", str(out), "-q"]
    assert main([*argv, "--geojson-crs", "GCJ-02"]) == 0
    back = gpd.read_file(out / "geojson" / "plan_facilities.geojson")
    given = pd.read_csv(csv)
    given = given[given["名称"] != "中国石化加油站"]
    xy = given["location"].str.split(",", expand=True).astype(float).to_numpy()
    assert metres(back.geometry.x, back.geometry.y, xy[:, 0], xy[:, 1]).max() < 0.01


def test_xlsx_merged_cells_in_the_body_hold_for_every_row(tmp_path: Path) -> None:
    """One 小区 cell merged down three rows (as offices draw their sheets) is read for each of
    the three rows, not refused as a merged header nor left empty below its first row."""
    from spaceplanner.layers.tables import read_xlsx

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["小区", "楼号", "人口"])
    ws.append(["阳光小区", "1", 110])
    ws.append([None, "2", 150])
    ws.append([None, "3", 80])
    ws.append(["月亮小区", "4", 170])
    ws.merge_cells("A2:A4")
    book.save(tmp_path / "households.xlsx")
    table, _ = read_xlsx(tmp_path / "households.xlsx", label="residents")
    assert list(table["小区"]) == ["阳光小区", "阳光小区", "阳光小区", "月亮小区"]
    assert list(table["人口"]) == ["110", "150", "80", "170"]


def _households_only(folder: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["楼号", "户数"])
    for row in rows:
        ws.append(row)
    book.save(folder / "households.xlsx")


def test_households_only_sheet_needs_persons_per_household(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02")
    _households_only(tmp_path, [["1", 48], ["2", 60], ["3", 36], ["4", 72]])
    _exit_2(plan, capsys, "only households", "persons_per_household", "户数")


def test_population_from_households_times_persons_per_household(tmp_path: Path) -> None:
    _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02")
    _households_only(tmp_path, [["1", 48], ["2", 60], ["3", 36], ["4", 72]])
    text = plan.read_text(encoding="utf-8").replace(
        'key = "楼号" }', 'key = "楼号" }\npersons_per_household = 2.62'
    )
    plan.write_text(text, encoding="utf-8")
    loaded = load_plan(plan, strict=False)
    residents = loaded.layers["residents"].frame
    assert list(residents["population"]) == pytest.approx(
        [48 * 2.62, 60 * 2.62, 36 * 2.62, 72 * 2.62]
    )
    notes = [p.message for p in loaded.problems if p.field == "population"]
    assert any("4 features = households x 2.62" in m for m in notes)
    out = tmp_path / "out"
    assert main(["evaluate", str(plan), "--out", str(out), "-q"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["population"] == pytest.approx((48 + 60 + 36 + 72) * 2.62, abs=1)


def test_persons_per_household_fills_only_missing_population(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02")
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["楼号", "户数", "人口"])
    for row in (["1", 48, 131], ["2", 60, None], ["3", 36, 95], ["4", 72, None]):
        ws.append(row)
    book.save(tmp_path / "households.xlsx")
    # without the option, the missing population is an error naming the buildings
    _exit_2(plan, capsys, "have no population")
    text = plan.read_text(encoding="utf-8").replace(
        'key = "楼号" }', 'key = "楼号" }\npersons_per_household = 3'
    )
    plan.write_text(text, encoding="utf-8")
    residents = load_plan(plan, strict=False).layers["residents"].frame
    assert list(residents["population"]) == [131, 180, 95, 216]
    # neither value: one message naming the feature
    ws.cell(row=3, column=2).value = None
    book.save(tmp_path / "households.xlsx")
    text = _exit_2(plan, capsys, "neither population nor households")
    assert "feature" in text and "2" in text


def test_persons_per_household_on_another_role_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _amap_csv(tmp_path)
    plan = _plan(tmp_path, "amap_poi.csv", "GCJ-02", "persons_per_household = 3")
    _exit_2(plan, capsys, "option of residents layers")
