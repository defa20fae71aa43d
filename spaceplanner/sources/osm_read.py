"""Read an OpenStreetMap extract (``.osm.pbf``, ``.osm``, ``.osm.bz2``) with pyosmium.

pyosmium (``pip install spaceplanner[osm]``) was chosen by measurement over pyrosm and GDAL's OSM
driver: see ``bench/bench_osm.py`` and ``docs/decisions-osm.md``. libosmium assembles
multipolygons (relations and closed ways, holes included) and the tag filter runs in C++, so only
the objects the tag mapping names reach Python.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from spaceplanner.i18n import tx
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem

__all__ = ["OsmData", "read_extract"]

#: The extensions osmium reads.
EXTENSIONS = (".osm.pbf", ".pbf", ".osm", ".osm.bz2", ".osm.gz", ".o5m")
#: Objects read between two calls of ``read_extract``'s ``check`` (a cancel is seen within
#: a fraction of a second).
CHECK_EVERY = 5000


@dataclass
class OsmData:
    """The objects of an extract that the tag mapping may use, in WGS 84 (EPSG:4326).

    Each frame has ``osm_id`` (``node/1``, ``way/2``, ``relation/3``), ``tags`` (a dict of the
    kept keys) and ``geometry``.
    """

    points: gpd.GeoDataFrame
    lines: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    #: The extract's extent ``(west, south, east, north)``: its header's box, else its data's.
    box: tuple[float, float, float, float]
    problems: list[Problem] = field(default_factory=list)


def _frame(ids: list[str], tags: list[dict[str, str]], wkbs: list[bytes]) -> gpd.GeoDataFrame:
    geometry = shapely.from_wkb(wkbs) if wkbs else []
    return gpd.GeoDataFrame(
        {"osm_id": pd.Series(ids, dtype=object), "tags": pd.Series(tags, dtype=object)},
        geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"),
        crs="EPSG:4326",
    )


def _import_osmium() -> Any:
    try:
        import osmium
    except ImportError as exc:
        msg = tx("reading OpenStreetMap extracts needs pyosmium, which is not installed")
        raise LayerError(msg, hint=tx('install it with: pip install "spaceplanner[osm]"')) from exc
    return osmium


def check_extract(path: Path) -> None:
    """Refuse a missing, empty or oddly named extract before any work."""
    if not path.exists():
        msg = tx("the OpenStreetMap extract does not exist")
        raise LayerError(msg, file=str(path), hint=tx("check the --osm path"))
    if not path.is_file() or path.stat().st_size == 0:
        msg = tx("the OpenStreetMap extract is not a file or is empty")
        raise LayerError(msg, file=str(path), hint=tx("give an .osm.pbf or .osm file"))
    if not path.name.lower().endswith(EXTENSIONS):
        msg = tx("the OpenStreetMap extract has an unknown extension")
        raise LayerError(
            msg,
            file=str(path),
            hint=tx("give a file ending in {endings}").format(endings=", ".join(EXTENSIONS)),
        )


def read_extract(
    path: Path | str,
    *,
    filter_keys: Iterable[str],
    keep_keys: Iterable[str],
    line_keys: Iterable[str],
    check: Callable[[], None] | None = None,
) -> OsmData:
    """Read the tagged objects of an extract.

    Parameters
    ----------
    path
        The extract.
    filter_keys
        An object is read when it has one of these keys.
    keep_keys
        The tag keys kept in ``tags`` (the rest are dropped at once).
    line_keys
        A way is kept as a line when it has one of these keys (every closed way and relation
        that passes ``filter_keys`` is also tried as an area).
    check
        Called every :data:`CHECK_EVERY` objects read; it raises to stop the reading (a cancel).

    Raises
    ------
    LayerError
        When the file is missing, unreadable or not an OpenStreetMap extract.
    """
    path = Path(path)
    check_extract(path)
    osmium = _import_osmium()
    keep = frozenset(keep_keys)
    lines_by = frozenset(line_keys)
    wkb = osmium.geom.WKBFactory()
    ids: dict[str, list[str]] = {"n": [], "w": [], "a": []}
    tags: dict[str, list[dict[str, str]]] = {"n": [], "w": [], "a": []}
    geoms: dict[str, list[bytes]] = {"n": [], "w": [], "a": []}
    failed = {"w": 0, "a": 0}
    broken = (RuntimeError, osmium.InvalidLocationError)
    cut = 0
    try:
        header_box = _header_box(osmium, path)
        processor = (
            osmium.FileProcessor(str(path))
            .with_locations()
            .with_areas()
            .with_filter(osmium.filter.KeyFilter(*sorted(filter_keys)))
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for count, obj in enumerate(processor):
                if check is not None and count % CHECK_EVERY == 0:
                    check()
                own = {t.k: t.v for t in obj.tags if t.k in keep}
                if obj.is_node():
                    ids["n"].append(f"node/{obj.id}")
                    tags["n"].append(own)
                    geoms["n"].append(wkb.create_point(obj))
                elif obj.is_way():
                    if lines_by.isdisjoint(own):
                        continue
                    try:
                        geom = wkb.create_linestring(obj)
                    except broken:  # a way cut at the extract's edge: keep the part inside
                        known = [(n.lon, n.lat) for n in obj.nodes if n.location.valid()]
                        if len(known) < 2:
                            failed["w"] += 1
                            continue
                        geom = shapely.to_wkb(shapely.LineString(known))
                        cut += 1
                    ids["w"].append(f"way/{obj.id}")
                    tags["w"].append(own)
                    geoms["w"].append(geom)
                elif obj.is_area():
                    try:
                        geom = wkb.create_multipolygon(obj)
                    except broken:
                        failed["a"] += 1
                        continue
                    kind = "way" if obj.from_way() else "relation"
                    ids["a"].append(f"{kind}/{obj.orig_id()}")
                    tags["a"].append(own)
                    geoms["a"].append(geom)
    except RuntimeError as exc:
        msg = tx("the OpenStreetMap extract cannot be read ({reason})").format(reason=str(exc))
        raise LayerError(
            msg, file=str(path), hint=tx("check that it is a whole .osm.pbf or .osm file")
        ) from exc
    data = OsmData(
        _frame(ids["n"], tags["n"], geoms["n"]),
        _frame(ids["w"], tags["w"], geoms["w"]),
        _frame(ids["a"], tags["a"], geoms["a"]),
        box=(0.0, 0.0, 0.0, 0.0),
    )
    data.box = header_box or _node_box(osmium, path, check) or _data_box(data, path)
    if cut:
        text = tx(
            "{n} ways cut at the extract's edge are kept as far as the extract has them"
        ).format(n=cut)
        data.problems.append(Problem("note", text, file=str(path), count=cut))
    if failed["w"] or failed["a"]:
        text = tx(
            "{ways} ways and {areas} areas could not be built (ways or relations "
            "cut at the extract's edge, or with missing nodes): left out"
        ).format(ways=failed["w"], areas=failed["a"])
        data.problems.append(Problem("note", text, file=str(path), count=sum(failed.values())))
    return data


def _header_box(osmium: Any, path: Path) -> tuple[float, float, float, float] | None:
    reader = osmium.io.Reader(str(path), osmium.osm.osm_entity_bits.NOTHING)
    try:
        box = reader.header().box()
    finally:
        reader.close()
    if not box.valid():
        return None
    return (box.bottom_left.lon, box.bottom_left.lat, box.top_right.lon, box.top_right.lat)


def _node_box(
    osmium: Any, path: Path, check: Callable[[], None] | None
) -> tuple[float, float, float, float] | None:
    """The extent of every node of an extract whose header states none (an .osm without
    ``<bounds>``): the area the extract covers, not only where the plan's objects are."""
    west = south = math.inf
    east = north = -math.inf
    for count, node in enumerate(osmium.FileProcessor(str(path), osmium.osm.NODE)):
        if check is not None and count % CHECK_EVERY == 0:
            check()
        location = node.location
        if location.valid():
            west, east = min(west, location.lon), max(east, location.lon)
            south, north = min(south, location.lat), max(north, location.lat)
    if west > east:
        return None
    return (west, south, east, north)


def _data_box(data: OsmData, path: Path) -> tuple[float, float, float, float]:
    frames = [f for f in (data.points, data.lines, data.areas) if len(f)]
    if not frames:
        msg = tx("the OpenStreetMap extract holds nothing the plan can use")
        raise LayerError(
            msg, file=str(path), hint=tx("check that it is the extract of a populated place")
        )
    bounds = [f.total_bounds for f in frames]
    return (
        float(min(b[0] for b in bounds)),
        float(min(b[1] for b in bounds)),
        float(max(b[2] for b in bounds)),
        float(max(b[3] for b in bounds)),
    )
