"""The communities of a city health check: a polygon layer of boundaries, read and checked.

Any vector file the plans read (Shapefile with GBK names, GeoPackage, GeoJSON), in any CRS
(reprojected to the city plan's). Refused with one clear message (exit 2 in the CLI): a file
without a CRS, no id field or an empty id, duplicate ids, boundaries that are not polygons or
are broken beyond repair, boundaries that overlap (more than a sliver of their area), and
boundaries that lie outside the city plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.readers import read_vector

__all__ = [
    "COMMUNITIES",
    "ID_FIELDS",
    "NAME_FIELDS",
    "OVERLAP_SHARE",
    "Communities",
    "Noun",
    "read_communities",
]

#: Id fields tried, in order, when ``--id-field`` is not given.
ID_FIELDS = ("id", "ID", "code", "CODE", "编号", "社区代码", "社区编码", "编码", "代码")
#: Name fields tried, in order, when ``--name-field`` is not given.
NAME_FIELDS = ("name", "NAME", "社区名称", "名称", "社区", "name_zh")
#: Two boundaries may share this share of the smaller one's area (digitising slivers).
OVERLAP_SHARE = 0.01


@dataclass(frozen=True)
class Noun:
    """What the messages call the polygons, so another command can read them with its own
    words (the resident sheets' ``units``).

    Attributes
    ----------
    one, many
        One polygon and several (``community``, ``communities``).
    whole
        The polygons as a whole, the file's features (``boundaries``).
    plan
        The plan they must lie in (``the city plan``).
    """

    one: str
    many: str
    whole: str
    plan: str


#: The city health check's words.
COMMUNITIES = Noun("community", "communities", "boundaries", "the city plan")


@dataclass(frozen=True)
class Communities:
    """The communities, in the file's order.

    Attributes
    ----------
    ids, names
        Each community's id (as text, as given) and name (the id when there is no name field).
    geoms
        ``(N,)`` boundary polygons in the city plan's CRS.
    id_field, name_field
        The fields they came from (``name_field`` None without names).
    path
        The boundaries file.
    crs
        The city plan's CRS.
    """

    ids: list[str]
    names: list[str]
    geoms: np.ndarray
    id_field: str
    name_field: str | None
    path: Path
    crs: CRS

    def __len__(self) -> int:
        return len(self.ids)

    def frame(self) -> gpd.GeoDataFrame:
        """The boundaries as a frame: the id field (named as given), ``name`` (or
        ``community_name`` when the id field is itself ``name``), geometry."""
        return gpd.GeoDataFrame(
            {self.id_field: self.ids, self.name_column: self.names},
            geometry=self.geoms,
            crs=self.crs,
        )

    @property
    def name_column(self) -> str:
        """The column of the names in the outputs."""
        return "community_name" if self.id_field == "name" else "name"


def _field(columns: list[str], given: str | None, tried: tuple[str, ...]) -> str | None:
    if given is not None:
        return given if given in columns else None
    return next((c for c in tried if c in columns), None)


def read_communities(
    path: Path | str,
    crs: CRS,
    extent: tuple[float, float, float, float],
    *,
    id_field: str | None = None,
    name_field: str | None = None,
    layer: str | None = None,
    label: str = "communities",
    noun: Noun = COMMUNITIES,
) -> Communities:
    """Read and check the boundaries file.

    Parameters
    ----------
    path
        The boundaries file.
    crs
        The city plan's CRS (the boundaries are reprojected to it).
    extent
        The city plan's extent (minx, miny, maxx, maxy) in ``crs``: a boundary wholly outside
        it is refused.
    id_field, name_field
        The fields of the community id and name; found by name when omitted (``ID_FIELDS``,
        ``NAME_FIELDS``).
    layer
        The layer inside a multi-layer file.
    label
        The layer's name in messages (``units`` for the resident sheets' blocks).
    noun
        What the messages call the polygons (:data:`COMMUNITIES` by default).
    """
    path = Path(path)
    source = read_vector(path, label=label, layer=layer)
    frame = source.frame
    columns = [str(c) for c in frame.columns if c != frame.geometry.name]
    if not len(frame):
        msg = f"the {noun.whole} have no features"
        raise LayerError(
            msg, file=str(path), layer=label, hint=f"give a layer with one polygon per {noun.one}"
        )
    if frame.crs is None:
        msg = f"the {noun.whole} have no CRS"
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field="crs",
            hint="add a .prj (Shapefile) or save the file with its coordinate system",
        )
    idf = _field(columns, id_field, ID_FIELDS)
    if idf is None:
        msg = (
            f"no field '{id_field}' in the {noun.whole}"
            if id_field
            else f"the {noun.whole} have no id field"
        )
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=id_field or "id",
            hint=f"give --id-field, one of: {', '.join(columns) or '(no fields)'}",
        )
    namef = _field(columns, name_field, NAME_FIELDS)
    if name_field is not None and namef is None:
        msg = f"no field '{name_field}' in the {noun.whole}"
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=name_field,
            hint=f"give --name-field, one of: {', '.join(columns)}",
        )
    raw = frame[idf]
    empty = raw.isna() | (raw.astype(str).str.strip() == "")
    if empty.any():
        row = int(np.flatnonzero(empty.to_numpy())[0])
        n = int(empty.sum())
        msg = f"{n} {noun.whole} have no id (the first is feature {row + 1})"
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=idf,
            feature=str(row + 1),
            hint=f"give every {noun.one} an id",
        )
    ids = [_id_text(v) for v in raw]
    dup = pd.Series(ids)[pd.Series(ids).duplicated(keep=False)]
    if len(dup):
        first = dup.iloc[0]
        rows = [str(i + 1) for i in dup.index[dup == first][:5]]
        msg = f"the id '{first}' is given to {int((dup == first).sum())} {noun.whole}"
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=idf,
            feature=first,
            hint=f"features {', '.join(rows)}: make the ids unique ({dup.nunique()} ids repeat)",
        )
    names = [
        str(v) if namef and pd.notna(v) else i
        for v, i in zip(frame[namef] if namef else ids, ids, strict=True)
    ]
    geoms = (
        frame.to_crs(crs).geometry.to_numpy()
        if CRS(frame.crs) != crs
        else frame.geometry.to_numpy()
    )
    geoms = _polygons(geoms, ids, path, label, idf, noun)
    _check_inside(geoms, ids, extent, path, label, idf, CRS(frame.crs), noun)
    _check_overlaps(geoms, ids, path, label, idf, noun)
    return Communities(ids, names, geoms, idf, namef, path, crs)


def _id_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _polygons(
    geoms: np.ndarray, ids: list[str], path: Path, label: str, idf: str, noun: Noun
) -> np.ndarray:
    kinds = shapely.get_type_id(geoms)
    bad = np.flatnonzero(shapely.is_missing(geoms) | ~np.isin(kinds, [3, 6]))
    if bad.size:
        i = int(bad[0])
        what = "no geometry" if shapely.is_missing(geoms[i]) else shapely.get_type_id(geoms[i])
        msg = f"{noun.one} '{ids[i]}' is not a polygon ({_kind(what)})"
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=idf,
            feature=ids[i],
            hint=f"each {noun.one} must be a polygon",
        )
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(
            geoms[invalid], method="structure", keep_collapsed=False
        )
    empty = np.flatnonzero(shapely.area(geoms) <= 0)
    if empty.size:
        i = int(empty[0])
        msg = f"{noun.one} '{ids[i]}' has no area"
        raise LayerError(
            msg, file=str(path), layer=label, field=idf, feature=ids[i], hint="redraw it"
        )
    return geoms


def _kind(type_id: object) -> str:
    names = {0: "a point", 1: "a line", 2: "a ring", 4: "points", 5: "lines", 7: "a collection"}
    if isinstance(type_id, int | np.integer):
        return names.get(int(type_id), "no geometry")
    return str(type_id)


def _check_inside(
    geoms: np.ndarray,
    ids: list[str],
    extent: tuple[float, float, float, float],
    path: Path,
    label: str,
    idf: str,
    own: CRS,
    noun: Noun,
) -> None:
    outside = ~shapely.intersects(geoms, shapely.box(*extent))
    if outside.any():
        which = [ids[i] for i in np.flatnonzero(outside)]
        shown = ", ".join(f"'{w}'" for w in which[:5]) + (" …" if len(which) > 5 else "")
        msg = f"{len(which)} of {len(ids)} {noun.many} lie outside {noun.plan}: {shown}"
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=idf,
            feature=which[0],
            hint=f"the {noun.whole} are in {own.to_string()}; check that this is their real CRS "
            f"and that they belong to {noun.plan}",
        )


def _check_overlaps(
    geoms: np.ndarray, ids: list[str], path: Path, label: str, idf: str, noun: Noun
) -> None:
    tree = shapely.STRtree(geoms)
    a, b = tree.query(geoms, predicate="intersects")
    keep = a < b
    a, b = a[keep], b[keep]
    if not a.size:
        return
    shared = shapely.area(shapely.intersection(geoms[a], geoms[b]))
    smaller = np.minimum(shapely.area(geoms[a]), shapely.area(geoms[b]))
    over = np.flatnonzero(shared > OVERLAP_SHARE * smaller)
    if over.size:
        i, j = int(a[over[0]]), int(b[over[0]])
        msg = (
            f"{noun.many} '{ids[i]}' and '{ids[j]}' overlap "
            f"({shared[over[0]]:,.0f} m², {shared[over[0]] / smaller[over[0]]:.0%} of the smaller)"
        )
        raise LayerError(
            msg,
            file=str(path),
            layer=label,
            field=idf,
            feature=ids[i],
            hint=f"each resident must belong to one {noun.one}; fix {over.size} overlapping "
            "pair(s) in a GIS (snap or clip the boundaries)",
        )
