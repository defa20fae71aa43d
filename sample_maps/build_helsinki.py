"""Build the ``helsinki`` sample map from OpenStreetMap and the HSY population grid.

Reads ``helsinki/Helsinki.osm.pbf`` (central Helsinki, Kamppi/Kluuvi) with GDAL's OSM driver and
``helsinki/helsinki_population_grid_2020.gpkg`` from the shared data folder, and writes
``sample_maps/helsinki/helsinki.gpkg`` with one layer per role (boundary, residents, buildings,
network, activity_spaces, facilities, facility_sites), all in EPSG:4326 as the sources are.
The plan spec ``helsinki/plan.toml`` and ``helsinki/README.md`` are written by hand, not here.

Run ``python sample_maps/build_helsinki.py [--data DIR]``; the output is rewritten in full and is
the same on every run.
"""

from __future__ import annotations

import argparse
import re
import warnings
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from spaceplanner.sample_maps._build import fixed_write_time

SAMPLE_DIR = Path(__file__).resolve().parent / "helsinki"
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
OUTPUT = SAMPLE_DIR / "helsinki.gpkg"
#: Source files, relative to the shared data folder.
SOURCES = ("helsinki/Helsinki.osm.pbf", "helsinki/helsinki_population_grid_2020.gpkg")

#: The extent of the OSM extract (lon/lat), also the plan's boundary.
EXTENT = (24.935, 60.164, 24.953, 60.179)
#: ETRS-TM35FIN, the national metric CRS: used only to measure areas and centroids here.
METRIC_CRS = "EPSG:3067"
#: A repaired polygon smaller than this is an artefact of a way cut at the extract's edge.
MIN_REPAIRED_AREA_M2 = 1.0

#: highway=* values a pedestrian can use. Left out: construction, elevator (a vertical link
#: without length), platform (public-transport platforms), and motorways (none here).
WALKABLE_HIGHWAYS = frozenset(
    {
        "footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
        "unclassified", "tertiary", "tertiary_link", "secondary", "secondary_link", "primary",
        "primary_link", "cycleway", "corridor", "trail", "track",
    }
)  # fmt: skip
#: foot=* values that allow walking even where access=* forbids other traffic.
FOOT_ALLOWED = frozenset({"yes", "designated", "permissive"})

#: leisure=* to activity-space kind.
ACTIVITY_KINDS = {
    "park": "park",
    "playground": "playground",
    "pitch": "pitch",
    "garden": "garden",
    "fitness_station": "fitness",
}
#: Kinds of open ground large and free enough to be candidate shelters (OSM maps no shelters).
DUAL_USE_KINDS = frozenset({"park", "pitch", "garden"})

#: amenity=* to facility kind; school and social_facility need more tags (see below).
AMENITY_KINDS = {
    "kindergarten": "kindergarten",
    "childcare": "nursery",
    "clinic": "clinic",
    "doctors": "clinic",
    "hospital": "clinic",
    "library": "library",
    "community_centre": "community_centre",
}
#: Finnish school names say the level: ala-aste is primary (grades 1-6), yläaste lower secondary
#: (7-9) and lukio upper secondary; amenity=school alone does not.
SECONDARY_SCHOOL_NAME = re.compile(r"yläaste|lukio", re.IGNORECASE)


def other_tag(other_tags: pd.Series, key: str) -> pd.Series:
    """Extract one tag's value from GDAL's ``other_tags`` (an hstore text); missing -> NA."""
    pattern = rf'"{re.escape(key)}"=>"((?:[^"\\]|\\.)*)"'
    return other_tags.astype("string").str.extract(pattern, expand=False)


def to_number(values: pd.Series) -> pd.Series:
    """Parse numeric tag values such as ``"7"``, ``"3.5"`` or ``"12.13 m"``; others -> NaN."""
    number = values.astype("string").str.extract(r"^\s*(\d+(?:\.\d+)?)\s*(?:m)?\s*$")[0]
    return pd.to_numeric(number, errors="coerce").astype(float)


def read_osm(pbf: Path, layer: str) -> gpd.GeoDataFrame:
    """Read one layer of the OSM extract; features GDAL cannot build get no geometry."""
    with warnings.catch_warnings():
        # GDAL warns about each ring left unclosed where the extract cut a way; on_invalid="fix"
        # closes what it can and the rest is counted and reported by the caller.
        warnings.simplefilter("ignore", RuntimeWarning)
        return pyogrio.read_dataframe(pbf, layer=layer, on_invalid="fix")


def multipolygon_ids(frame: gpd.GeoDataFrame) -> pd.Series:
    """OSM ids of the multipolygons layer: relations carry osm_id, closed ways osm_way_id."""
    relation = "relation/" + frame["osm_id"].astype("string")
    way = "way/" + frame["osm_way_id"].astype("string")
    return relation.fillna(way)


def repair_polygons(frame: gpd.GeoDataFrame, label: str) -> gpd.GeoDataFrame:
    """Make polygons valid; drop those that collapse (ways cut at the extract's edge)."""
    invalid = ~frame.geometry.is_valid
    repaired = shapely.make_valid(
        frame.geometry.values[invalid.to_numpy()], method="structure", keep_collapsed=False
    )
    frame = frame.copy()
    frame.loc[invalid, "geometry"] = repaired
    area = frame.geometry.to_crs(METRIC_CRS).area
    dropped = invalid & (frame.geometry.is_empty | (area < MIN_REPAIRED_AREA_M2))
    print(
        f"{label}: {int(invalid.sum())} invalid polygons repaired, {int(dropped.sum())} of them "
        f"dropped (empty or < {MIN_REPAIRED_AREA_M2:g} m² after repair)"
    )
    return frame.loc[~dropped]


def buildings(polygons: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Building footprints with floors (building:levels) and height where tagged."""
    tagged = polygons[polygons["building"].notna() & (polygons["building"] != "no")]
    frame = gpd.GeoDataFrame(
        {
            "id": multipolygon_ids(tagged),
            "name": tagged["name"],
            "floors": to_number(other_tag(tagged["other_tags"], "building:levels")),
            "height": to_number(other_tag(tagged["other_tags"], "height")),
        },
        geometry=tagged.geometry,
        crs=polygons.crs,
    )
    return repair_polygons(frame, "buildings")


def network(lines: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Walkable ways, without those closed to pedestrians (foot=no, or private/no access)."""
    foot = other_tag(lines["other_tags"], "foot")
    access = other_tag(lines["other_tags"], "access")
    closed_to_walkers = (foot == "no").fillna(False) | (
        access.isin(["private", "no"]).fillna(False) & ~foot.isin(FOOT_ALLOWED).fillna(False)
    )
    keep = lines["highway"].isin(WALKABLE_HIGHWAYS) & ~closed_to_walkers
    ways = lines[keep]
    return gpd.GeoDataFrame(
        {
            "id": "way/" + ways["osm_id"].astype("string"),
            "name": ways["name"],
            "highway": ways["highway"],
            "width": to_number(other_tag(ways["other_tags"], "width")),
        },
        geometry=ways.geometry,
        crs=lines.crs,
    )


def activity_spaces(polygons: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Parks, gardens, playgrounds, pitches and fitness stations; large open ones are dual-use."""
    spaces = polygons[polygons["leisure"].isin(ACTIVITY_KINDS)]
    kind = spaces["leisure"].map(ACTIVITY_KINDS)
    frame = gpd.GeoDataFrame(
        {
            "id": multipolygon_ids(spaces),
            "name": spaces["name"],
            "kind": kind,
            "dual_use": kind.isin(DUAL_USE_KINDS),
        },
        geometry=spaces.geometry,
        crs=polygons.crs,
    )
    return repair_polygons(frame, "activity_spaces")


def social_facility_kind(facility: str, serves: str) -> str | None:
    """Kind of an amenity=social_facility from social_facility=* and social_facility:for=*."""
    if facility in {"nursing_home", "assisted_living"} or (
        facility in {"group_home", "day_care"} and serves == "senior"
    ):
        return "elderly_care"
    if facility == "day_care" and serves == "child":
        return "nursery"
    return None


def facility_kinds(amenity: pd.Series, name: pd.Series, other_tags: pd.Series) -> pd.Series:
    """Map OSM amenities to facility kinds; amenities outside the catalogue map to NA."""
    kind = amenity.map(AMENITY_KINDS)
    school = (amenity == "school").fillna(False)
    secondary = name.astype("string").str.contains(SECONDARY_SCHOOL_NAME).fillna(False)
    kind[school] = "primary_school"
    kind[school & secondary] = "middle_school"
    social = (amenity == "social_facility").fillna(False)
    kind[social] = [
        social_facility_kind(f, s)
        for f, s in zip(
            other_tag(other_tags[social], "social_facility").fillna(""),
            other_tag(other_tags[social], "social_facility:for").fillna(""),
            strict=True,
        )
    ]
    return kind


def facilities(features: gpd.GeoDataFrame, ids: pd.Series, amenity: pd.Series) -> gpd.GeoDataFrame:
    """Facilities among OSM features (points or polygons), with kind and source amenity."""
    kind = facility_kinds(amenity, features["name"], features["other_tags"])
    keep = kind.notna()
    return gpd.GeoDataFrame(
        {
            "id": ids[keep],
            "name": features.loc[keep, "name"],
            "kind": kind[keep],
            "amenity": amenity[keep],
        },
        geometry=features.geometry[keep],
        crs=features.crs,
    )


def residents(grid: gpd.GeoDataFrame, extent: shapely.Polygon) -> gpd.GeoDataFrame:
    """Population grid cells whose centre lies in the extent.

    A cell that merely touches the extent may hold most of its people outside the mapped streets;
    counting cells by their centre keeps each person once and near the network that serves them.
    """
    centres = grid.geometry.to_crs(METRIC_CRS).centroid.to_crs(grid.crs)
    cells = grid[centres.within(extent)]
    return gpd.GeoDataFrame(
        {"id": "hsy/" + cells["id"].astype("string"), "population": cells["population"]},
        geometry=cells.geometry,
        crs=grid.crs,
    )


def boundary(extent: shapely.Polygon) -> gpd.GeoDataFrame:
    """The extract's bounding box as the plan boundary."""
    return gpd.GeoDataFrame(
        {"id": ["extent"], "name": ["Helsinki OSM extract (Kamppi/Kluuvi)"]},
        geometry=[extent],
        crs="EPSG:4326",
    )


def build_layers(data: Path) -> dict[str, gpd.GeoDataFrame]:
    """Build every layer of the sample, keyed by GeoPackage layer name."""
    pbf = data / SOURCES[0]
    points = read_osm(pbf, "points")
    lines = read_osm(pbf, "lines")
    polygons = read_osm(pbf, "multipolygons")
    broken = polygons.geometry.isna()
    print(
        f"multipolygons: {len(polygons)} read, {int(broken.sum())} dropped as unbuildable "
        f"({', '.join(multipolygon_ids(polygons[broken]))})"
    )
    polygons = polygons[~broken]
    extent = shapely.box(*EXTENT)
    grid = gpd.read_file(data / SOURCES[1])
    return {
        "boundary": boundary(extent),
        "residents": residents(grid, extent),
        "buildings": buildings(polygons),
        "network": network(lines),
        "activity_spaces": activity_spaces(polygons),
        "facilities": facilities(
            points,
            "node/" + points["osm_id"].astype("string"),
            other_tag(points["other_tags"], "amenity"),
        ),
        "facility_sites": facilities(polygons, multipolygon_ids(polygons), polygons["amenity"]),
    }


def write_gpkg(layers: Mapping[str, gpd.GeoDataFrame], path: Path) -> None:
    """Write the layers to one GeoPackage, replacing the file."""
    path.unlink(missing_ok=True)
    with fixed_write_time():
        for name, frame in layers.items():
            if not frame["id"].is_unique:
                msg = f"layer {name}: ids are not unique"
                raise ValueError(msg)
            frame.reset_index(drop=True).to_file(path, layer=name, driver="GPKG", engine="pyogrio")
            print(f"{name}: {len(frame)} features")


def main(argv: list[str] | None = None) -> None:
    """Build the sample from the shared data folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder ({DEFAULT_DATA})"
    )
    args = parser.parse_args(argv)
    for source in SOURCES:
        if not (args.data / source).is_file():
            parser.error(f"{args.data / source} not found: point --data at the shared data folder")
    SAMPLE_DIR.mkdir(exist_ok=True)
    layers = build_layers(args.data)
    write_gpkg(layers, OUTPUT)
    print(f"population: {int(layers['residents']['population'].sum())}")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
