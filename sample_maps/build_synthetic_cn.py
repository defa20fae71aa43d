"""Build the ``synthetic_cn`` sample map: a SYNTHETIC Chinese community, made up from scratch.

Nothing here is real. The community (江畔社区, invented) is a 1.2 km x 1 km grid of blocks
around 114.30 E, 30.60 N with about 14,400 residents, laid out so that the siting checks have
something to find: a shelter within 50 m of a petrol station, one within 12.5 m of a 110 kV line,
one partly in the river flood zone, and a kindergarten inside it. Field names are Chinese.

Writes, in ``sample_maps/synthetic_cn/``, all in CGCS2000 geographic coordinates (EPSG:4490):

- ``residents.shp`` (+ .shx .dbf .prj .cpg): residential compounds (居住小区), a GBK-encoded
  Shapefile whose ``.cpg`` says ``GBK``, as Chinese GIS departments still hand them out;
- ``facilities.geojson``: community facilities (UTF-8);
- ``community.gpkg``: boundary, roads, shelters, activity_spaces, petrol_station, hv_line and
  flood_zone.

The layout is drawn in metres on the CGCS2000 3-degree Gauss-Kruger zone (CM 114 E) and converted
once to longitude/latitude. The plan spec ``synthetic_cn/plan.toml`` and ``synthetic_cn/README.md``
are written by hand, not here.

Run ``python sample_maps/build_synthetic_cn.py [--data DIR]``; ``--data`` is accepted for symmetry
with the other builders and not read (no source data). The output is the same on every run.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from spaceplanner.sample_maps._build import fixed_write_time

SAMPLE_DIR = Path(__file__).resolve().parent / "synthetic_cn"
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

CRS = "EPSG:4490"
#: CGCS2000 / 3-degree Gauss-Kruger CM 114E: the metric grid the layout is drawn on.
DESIGN_CRS = "EPSG:4547"
CENTRE_LONLAT = (114.30, 30.60)
WIDTH_M, HEIGHT_M = 1200.0, 1000.0
#: 1e-8 degree is about 1 mm: rounding keeps files identical across PROJ versions.
DECIMALS = 8
#: DBF headers carry a date; a fixed one keeps rebuilds identical (GeoPackages: see _build).
FIXED_DBF_DATE = "2024-01-01"

#: Persons per household (China's 2020 census average is 2.62).
PERSONS_PER_HOUSEHOLD = 2.62
#: Planning space per sheltered person, m²: GB 21734-2008 §5.4 (> 1.5, emergency) and
#: GB 50413-2007 §8.2.8 (>= 2.0, fixed shelters).
SHELTER_M2_PER_PERSON = {"紧急": 1.5, "固定": 2.0}
#: Set back of a site's edge from the kerb, m.
KERB_SETBACK_M = 3.0


@dataclass(frozen=True)
class Road:
    """A named road; ``at`` is its centreline's y (east-west roads) or x (north-south roads)."""

    name: str
    width: float
    at: float


EAST_WEST_ROADS = (
    Road("滨江路", 24.0, 0.0),
    Road("文华路", 12.0, 250.0),
    Road("中心大道", 30.0, 500.0),
    Road("康宁路", 12.0, 750.0),
    Road("北环路", 24.0, 1000.0),
)
NORTH_SOUTH_ROADS = (
    Road("安居路", 20.0, 0.0),
    Road("乐业路", 12.0, 300.0),
    Road("和谐路", 20.0, 600.0),
    Road("永福路", 12.0, 900.0),
    Road("东环路", 20.0, 1200.0),
)
#: Roads at least this wide are evacuation routes (GB 50413-2007 §8.2.11: fixed-shelter main
#: routes >= 7 m; the wide roads here are the district's through routes).
EVACUATION_MIN_WIDTH_M = 20.0
#: A footpath crosses 中心大道 on a footbridge at this x: the bridge has no vertex on the road.
FOOTPATH_X = 450.0
FOOTPATH_WIDTH_M = 4.0
FOOTBRIDGE_Y = (470.0, 530.0)

#: 居住小区: name, block (column, row) of the 4 x 4 road grid, resident population.
COMPOUNDS = (
    ("滨江花园", (0, 0), 1280),
    ("江景苑", (3, 0), 1150),
    ("安居苑", (0, 1), 1760),
    ("文华小区", (2, 1), 1640),
    ("颐和苑", (0, 2), 1820),
    ("康宁小区", (2, 2), 1560),
    ("和谐家园", (3, 2), 1490),
    ("永福里", (0, 3), 1370),
    ("北苑小区", (1, 3), 1430),
)
#: 乐业小区 shares its block with a shelter and the petrol station: its own outline, in metres.
SHARED_BLOCK_COMPOUND = ("乐业小区", (909.0, 259.0, 1187.0, 370.0), 900)

#: 避难场所: name, 类型, outline (minx, miny, maxx, maxy) m, effective share of the area, steward.
SHELTERS = (
    # Its east edge is 42 m from the petrol station's dispensers (GB 50156: keep 50 m).
    ("东区广场应急避难场所", "紧急", (1000.0, 380.0, 1118.0, 478.0), 0.80, "社区居委会"),
    # Reaches from the river bank road into the flood zone.
    ("滨江绿地避难场所", "固定", (320.0, 25.0, 575.0, 235.0), 0.60, "社区居委会"),
    ("滨江小学操场应急避难场所", "紧急", (315.0, 265.0, 440.0, 370.0), 0.80, "滨江小学"),
    # Its east edge is 10 m from the 110 kV line (protection band 12.5 m each side).
    ("北区应急避难场所", "紧急", (960.0, 775.0, 1120.0, 900.0), 0.70, "社区应急志愿者队伍"),
)
#: 活动空间: name, 类型, outline m, 平急两用.
ACTIVITY_SPACES = (
    ("康乐公园", "公园", (613.0, 759.0, 891.0, 985.0), "是"),
    ("中心广场", "广场", (458.0, 330.0, 584.0, 478.0), "是"),
    ("临江口袋公园", "口袋公园", (760.0, 170.0, 860.0, 235.0), "否"),
    ("邻里口袋公园", "口袋公园", (458.0, 660.0, 540.0, 738.0), "否"),
)
#: 社区设施: name, 类型 (Chinese), 设施类型 (the catalogue's kind), position m.
FACILITIES = (
    ("阳光幼儿园", "幼儿园", "kindergarten", (690.0, 80.0)),  # inside the flood zone
    ("春苗幼儿园", "幼儿园", "kindergarten", (510.0, 580.0)),
    ("滨江小学", "小学", "primary_school", (380.0, 430.0)),
    ("江畔社区综合服务站", "社区综合服务站", "community_service", (380.0, 640.0)),
    ("江畔社区卫生服务站", "社区卫生服务站", "clinic", (410.0, 580.0)),
    ("江畔社区养老服务中心", "养老服务中心", "elderly_care", (360.0, 700.0)),
)
PETROL_STATION = ("东环路加油站", (1160.0, 452.0))
#: A 110 kV line comes in from the north, runs down the east of the north-east block and turns
#: east along 康宁路.
HV_LINE = ("110kV 北郊线", 110, ((1130.0, 1080.0), (1130.0, 770.0), (1280.0, 770.0)))
#: Top edge of the flood zone of the (unmapped) river south of 滨江路: (x, y) m, west to east.
FLOOD_TOP = (
    (-60.0, 110.0), (150.0, 130.0), (300.0, 150.0), (450.0, 160.0), (600.0, 150.0),
    (750.0, 135.0), (900.0, 115.0), (1050.0, 95.0), (1260.0, 90.0),
)  # fmt: skip
RIVER_BANK_Y = -40.0


def block(column: int, row: int) -> tuple[float, float, float, float]:
    """Outline (minx, miny, maxx, maxy) of a street block, set back from the kerbs."""
    west, east = NORTH_SOUTH_ROADS[column], NORTH_SOUTH_ROADS[column + 1]
    south, north = EAST_WEST_ROADS[row], EAST_WEST_ROADS[row + 1]
    return (
        west.at + west.width / 2 + KERB_SETBACK_M,
        south.at + south.width / 2 + KERB_SETBACK_M,
        east.at - east.width / 2 - KERB_SETBACK_M,
        north.at - north.width / 2 - KERB_SETBACK_M,
    )


class Placer:
    """Converts layout metres (origin at the community's south-west corner) to EPSG:4490."""

    def __init__(self) -> None:
        to_grid = Transformer.from_crs(CRS, DESIGN_CRS, always_xy=True)
        centre_x, centre_y = to_grid.transform(*CENTRE_LONLAT)
        self._origin = np.array([centre_x - WIDTH_M / 2, centre_y - HEIGHT_M / 2])
        self._to_lonlat = Transformer.from_crs(DESIGN_CRS, CRS, always_xy=True)

    def _coords(self, xy: np.ndarray) -> np.ndarray:
        grid = xy + self._origin
        lon, lat = self._to_lonlat.transform(grid[:, 0], grid[:, 1])
        return np.round(np.column_stack([lon, lat]), DECIMALS)

    def frame(
        self, records: Sequence[Mapping[str, object]], geometries: Sequence[BaseGeometry]
    ) -> gpd.GeoDataFrame:
        """A GeoDataFrame of the records with the layout geometries placed in EPSG:4490."""
        placed = shapely.transform(np.asarray(geometries, dtype=object), self._coords)
        return gpd.GeoDataFrame(list(records), geometry=list(placed), crs=CRS)


def numbered(prefix: str, count: int) -> list[str]:
    """Feature ids such as JZ01, JZ02, ..."""
    return [f"{prefix}{n:02d}" for n in range(1, count + 1)]


def residents(placer: Placer) -> gpd.GeoDataFrame:
    """居住小区 with 常住人口 and 户数."""
    outlines = [(name, block(*cell), people) for name, cell, people in COMPOUNDS]
    outlines.append(SHARED_BLOCK_COMPOUND)
    ids = numbered("JZ", len(outlines))
    records = [
        {"编号": i, "名称": name, "常住人口": people, "户数": round(people / PERSONS_PER_HOUSEHOLD)}
        for i, (name, _, people) in zip(ids, outlines, strict=True)
    ]
    return placer.frame(records, [box(*bounds) for _, bounds, _ in outlines])


def roads(placer: Placer) -> gpd.GeoDataFrame:
    """Roads that share a vertex wherever they meet, and a footbridge that does not."""
    cross_xs = sorted({r.at for r in NORTH_SOUTH_ROADS})
    cross_ys = sorted({r.at for r in EAST_WEST_ROADS})
    # The footpath runs from 文华路 to 康宁路, so those two get a vertex where it meets them.
    path_south, path_north = EAST_WEST_ROADS[1].at, EAST_WEST_ROADS[3].at
    lines: list[tuple[str, float, LineString]] = []
    for road in EAST_WEST_ROADS:
        met = road.at in {path_south, path_north}
        xs = sorted({*cross_xs, FOOTPATH_X}) if met else cross_xs
        lines.append((road.name, road.width, LineString([(x, road.at) for x in xs])))
    for road in NORTH_SOUTH_ROADS:
        lines.append((road.name, road.width, LineString([(road.at, y) for y in cross_ys])))
    bridge_south, bridge_north = FOOTBRIDGE_Y
    walkways = (
        ("学府步道", path_south, bridge_south),
        ("中心大道人行天桥", bridge_south, bridge_north),
        ("颐和步道", bridge_north, path_north),
    )
    for name, y0, y1 in walkways:
        lines.append((name, FOOTPATH_WIDTH_M, LineString([(FOOTPATH_X, y0), (FOOTPATH_X, y1)])))
    records = [
        {
            "编号": i,
            "道路名称": name,
            "宽度": width,
            "疏散通道": "是" if width >= EVACUATION_MIN_WIDTH_M else "否",
        }
        for i, (name, width, _) in zip(numbered("DL", len(lines)), lines, strict=True)
    ]
    return placer.frame(records, [line for *_, line in lines])


def shelters(placer: Placer) -> gpd.GeoDataFrame:
    """避难场所 with an effective area below the site's area and a capacity from it."""
    records = []
    for i, (name, kind, bounds, share, steward) in zip(
        numbered("BN", len(SHELTERS)), SHELTERS, strict=True
    ):
        effective = round(box(*bounds).area * share, -1)
        records.append(
            {
                "编号": i,
                "名称": name,
                "类型": kind,
                "有效避难面积": effective,
                "容纳人数": int(effective // SHELTER_M2_PER_PERSON[kind]),
                "责任主体": steward,
            }
        )
    return placer.frame(records, [box(*bounds) for _, _, bounds, _, _ in SHELTERS])


def activity_spaces(placer: Placer) -> gpd.GeoDataFrame:
    """公园, 广场 and 口袋公园, with 平急两用."""
    ids = numbered("HD", len(ACTIVITY_SPACES))
    records = [
        {"编号": i, "名称": name, "类型": kind, "平急两用": dual}
        for i, (name, kind, _, dual) in zip(ids, ACTIVITY_SPACES, strict=True)
    ]
    return placer.frame(records, [box(*bounds) for _, _, bounds, _ in ACTIVITY_SPACES])


def facilities(placer: Placer) -> gpd.GeoDataFrame:
    """社区设施 as points, with the Chinese 类型 and the catalogue kind in 设施类型."""
    ids = numbered("SS", len(FACILITIES))
    records = [
        {"编号": i, "名称": name, "类型": label, "设施类型": kind}
        for i, (name, label, kind, _) in zip(ids, FACILITIES, strict=True)
    ]
    return placer.frame(records, [Point(xy) for *_, xy in FACILITIES])


def hazard_sources(placer: Placer) -> dict[str, gpd.GeoDataFrame]:
    """危险源: the petrol station (a point) and the 110 kV line, one layer each."""
    station_name, station_xy = PETROL_STATION
    line_name, voltage, line_xy = HV_LINE
    return {
        "petrol_station": placer.frame(
            [{"编号": "WX01", "名称": station_name, "类型": "加油站"}], [Point(station_xy)]
        ),
        "hv_line": placer.frame(
            [{"编号": "WX02", "名称": line_name, "类型": "高压线", "电压等级": voltage}],
            [LineString(line_xy)],
        ),
    }


def flood_zone(placer: Placer) -> gpd.GeoDataFrame:
    """河流洪水区 between the river bank and the flood line."""
    (west, _), (east, _) = FLOOD_TOP[0], FLOOD_TOP[-1]
    outline = Polygon([(west, RIVER_BANK_Y), *FLOOD_TOP, (east, RIVER_BANK_Y)])
    record = {"编号": "ZH01", "名称": "河流洪水区", "类型": "洪水"}
    return placer.frame([record], [outline])


def boundary(placer: Placer) -> gpd.GeoDataFrame:
    """The community boundary along the centrelines of its perimeter roads."""
    record = {"编号": "BJ01", "名称": "江畔社区 (虚构 SYNTHETIC)"}
    return placer.frame([record], [box(0.0, 0.0, WIDTH_M, HEIGHT_M)])


#: 网格: the community cut into four grid cells (the units of a city health check run).
GRIDS = (
    ("WG01", "西南网格", (0.0, 0.0, 0.5, 0.5)),
    ("WG02", "东南网格", (0.5, 0.0, 1.0, 0.5)),
    ("WG03", "西北网格", (0.0, 0.5, 0.5, 1.0)),
    ("WG04", "东北网格", (0.5, 0.5, 1.0, 1.0)),
)


def grids(placer: Placer) -> gpd.GeoDataFrame:
    """The four 网格 (``grids.geojson``): communities for ``spaceplanner batch``."""
    records = [{"编号": i, "名称": name} for i, name, _ in GRIDS]
    outlines = [
        box(a * WIDTH_M, b * HEIGHT_M, c * WIDTH_M, d * HEIGHT_M) for _, _, (a, b, c, d) in GRIDS
    ]
    return placer.frame(records, outlines)


def write_sample(placer: Placer, folder: Path) -> dict[str, gpd.GeoDataFrame]:
    """Write every layer of the sample, replacing earlier files; return them by layer name."""
    for old in folder.glob("residents.*"):
        old.unlink()
    for name in ("community.gpkg", "facilities.geojson"):
        (folder / name).unlink(missing_ok=True)
    people = residents(placer)
    people.to_file(
        folder / "residents.shp",
        engine="pyogrio",
        encoding="GBK",
        layer_options={"DBF_DATE_LAST_UPDATE": FIXED_DBF_DATE},
    )
    sites = facilities(placer)
    sites.to_file(folder / "facilities.geojson", driver="GeoJSON", engine="pyogrio")
    (folder / "grids.geojson").unlink(missing_ok=True)
    grids(placer).to_file(folder / "grids.geojson", driver="GeoJSON", engine="pyogrio")
    community = {
        "boundary": boundary(placer),
        "roads": roads(placer),
        "shelters": shelters(placer),
        "activity_spaces": activity_spaces(placer),
        **hazard_sources(placer),
        "flood_zone": flood_zone(placer),
    }
    with fixed_write_time():
        for name, frame in community.items():
            frame.to_file(folder / "community.gpkg", layer=name, driver="GPKG", engine="pyogrio")
    return {"residents": people, "facilities": sites, "grids": grids(placer), **community}


def main(argv: list[str] | None = None) -> None:
    """Build the synthetic sample."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="shared data folder (not read)"
    )
    parser.parse_args(argv)
    SAMPLE_DIR.mkdir(exist_ok=True)
    layers = write_sample(Placer(), SAMPLE_DIR)
    for name, frame in layers.items():
        print(f"{name}: {len(frame)} features")
    print(f"population: {int(layers['residents']['常住人口'].sum())}")
    size = sum(
        path.stat().st_size for path in SAMPLE_DIR.iterdir() if path.suffix not in {".md", ".toml"}
    )
    print(f"wrote {SAMPLE_DIR} ({size / 1e6:.2f} MB of data)")


if __name__ == "__main__":
    main()
