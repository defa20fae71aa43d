"""CAD drawings (DXF) as plan layers, through ezdxf (the optional extra ``cad``).

A design institute's drawing holds a site on named drawing layers (绿地, 道路中心线, 建筑, ...).
A plan layer takes the entities of the drawing layers it names (or of the role's usual names,
``[dxf.layers]`` in ``sources.toml``): closed polylines, circles and hatches become polygons,
lines and polylines become lines, points and block references become points (a block's
attributes become columns). Text lying inside a polygon on the same drawing layers becomes its
``text`` column (a building number to join a table by).

Drawings are often in millimetres and on a local grid with the origin near the site. The drawing
unit ($INSUNITS, or the layer's ``units``) scales coordinates to metres; ``offset = [X, Y]``
(the map coordinates of the drawing's origin) or ``control_points`` (two or more drawing points
with their map coordinates: a similarity transform) places them in the layer's ``crs``.
Coordinates that stay small and unplaced are refused with what to add, never guessed.
"""

from __future__ import annotations

import fnmatch
import math
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from spaceplanner.i18n import tx
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.words import either_text, geometry_word, list_text

__all__ = [
    "UNITS",
    "CadOptions",
    "cad_options",
    "default_layer_patterns",
    "drawing_layers",
    "fit_similarity",
    "read_dxf",
]

#: Metres per drawing unit, by the names a plan may give in ``units``.
UNITS = {"mm": 0.001, "cm": 0.01, "dm": 0.1, "m": 1.0, "km": 1000.0, "in": 0.0254, "ft": 0.3048}
#: Metres per unit by DXF $INSUNITS code (0 = unitless).
_INSUNITS = {1: 0.0254, 2: 0.3048, 4: 0.001, 5: 0.01, 6: 1.0, 7: 1000.0, 14: 0.1}
_INSUNIT_NAMES = {1: "in", 2: "ft", 4: "mm", 5: "cm", 6: "m", 7: "km", 14: "dm"}
_SHAPE_WORDS = {"closed": tx("closed"), "open": tx("open"), "point": tx("point")}
#: Coordinates within this distance of the origin (m) and with no placement look local: real
#: national grids (UTM, Gauss-Krüger) put a Chinese or European site hundreds of kilometres out.
LOCAL_EXTENT_M = 100_000.0
#: A drawing without a declared unit is read as metres; one spanning more than this (metres)
#: that way is refused: community drawings are a few km across, so it is in mm or cm.
ASSUMED_UNIT_SPAN_M = 50_000.0
#: Largest chord error when arcs, circles and splines are turned into vertices (m).
_FLATTEN_M = 0.05
_MAX_LISTED = 8


@dataclass(frozen=True)
class CadOptions:
    """How to read a drawing for one plan layer.

    Attributes
    ----------
    layers
        Drawing layer names or patterns (``*``, ``?``), matched ignoring case; empty: the usual
        names of ``role``.
    role
        The plan layer's role (for the usual layer names).
    geometry
        The geometry families the role takes (point, line, polygon).
    units
        The drawing unit, overriding $INSUNITS (a key of :data:`UNITS`).
    offset
        Map coordinates of the drawing's origin, added after scaling to metres.
    control_points
        ``(x, y, X, Y)``: drawing points and their map coordinates.
    crs
        The CRS of the map coordinates, when the layer or plan gives one.
    """

    layers: tuple[str, ...] = ()
    role: str | None = None
    geometry: tuple[str, ...] = ("point", "line", "polygon")
    units: str | None = None
    offset: tuple[float, float] | None = None
    control_points: tuple[tuple[float, float, float, float], ...] = ()
    crs: CRS | None = None


@cache
def _layer_table() -> dict[str, list[str]]:
    text = resources.files("spaceplanner.layers").joinpath("sources.toml").read_text("utf-8")
    return dict(tomllib.loads(text).get("dxf", {}).get("layers", {}))


def default_layer_patterns(role: str | None) -> tuple[str, ...]:
    """The drawing layer names tried for ``role`` when a plan layer names none."""
    return tuple(_layer_table().get(role or "", ()))


def fit_similarity(
    points: tuple[tuple[float, float, float, float], ...],
) -> tuple[complex, complex, float]:
    """The similarity transform (scale, rotation, shift) taking drawing points to map points.

    Written in complex numbers, ``Z = a z + b``; two points fix it, more are fitted by least
    squares. Returns ``(a, b, largest residual in map units)``.
    """
    z = np.array([complex(p[0], p[1]) for p in points])
    w = np.array([complex(p[2], p[3]) for p in points])
    design = np.column_stack([z, np.ones_like(z)])
    (a, b), *_ = np.linalg.lstsq(design, w, rcond=None)
    residual = float(np.abs(design @ np.array([a, b]) - w).max())
    return complex(a), complex(b), residual


def _where(path: Path, label: str) -> dict[str, str]:
    return {"file": str(path), "layer": label}


def _open(path: Path, label: str) -> Any:
    if path.suffix.lower() == ".dwg":
        msg: str = tx("DWG drawings are not read (the format is closed)")
        raise LayerError(
            msg,
            **_where(path, label),
            hint=tx(
                "save the drawing as DXF (AutoCAD: 另存为 / Save As → AutoCAD DXF; or the free "
                "ODA File Converter) and give the .dxf file"
            ),
        )
    try:
        import ezdxf
        from ezdxf import recover
    except ImportError as exc:
        msg = tx("reading CAD drawings needs the package ezdxf")
        raise LayerError(
            msg, **_where(path, label), hint=tx("pip install 'spaceplanner[cad]' (or ezdxf)")
        ) from exc
    try:
        doc, _auditor = recover.readfile(str(path))
    except (OSError, ezdxf.DXFStructureError, ezdxf.DXFError) as exc:
        msg = tx("the DXF file cannot be read ({reason})").format(reason=str(exc))
        raise LayerError(
            msg,
            **_where(path, label),
            hint=tx(
                "the file may be damaged or not a DXF; save it again as DXF from the CAD program"
            ),
        ) from exc
    return doc


def _drawing_layers(doc: Any) -> list[str]:
    names = {str(layer.dxf.name) for layer in doc.layers}
    names |= {str(e.dxf.layer) for e in doc.modelspace() if e.dxf.hasattr("layer")}
    return sorted(names)


def drawing_layers(path: Path | str, label: str) -> list[str]:
    """The drawing layers of a DXF that hold entities of the model space, sorted (what a user
    chooses from in the add-layer dialog).

    Raises
    ------
    LayerError
        For a DWG, a file that is not a readable DXF, or a missing ezdxf.
    """
    doc = _open(Path(path), label)
    return sorted({str(e.dxf.layer) for e in doc.modelspace() if e.dxf.hasattr("layer")})


def _choose(names: list[str], patterns: tuple[str, ...]) -> list[str]:
    chosen = []
    for name in names:
        key = name.casefold()
        if any(fnmatch.fnmatchcase(key, p.casefold()) for p in patterns):
            chosen.append(name)
    return chosen


def _scale(doc: Any, options: CadOptions) -> tuple[float, str, bool]:
    """Metres per drawing unit, the unit's name, and whether it was assumed."""
    if options.units is not None:
        return UNITS[options.units], options.units, False
    code = int(doc.header.get("$INSUNITS", 0) or 0)
    if code in _INSUNITS:
        return _INSUNITS[code], _INSUNIT_NAMES[code], False
    return 1.0, "m", True


def _flat(path_: Any, distance: float) -> list[tuple[float, float]]:
    return [(float(v.x), float(v.y)) for v in path_.flattening(distance)]


def _ring_polygon(coords: list[tuple[float, float]]) -> Polygon | None:
    if len(coords) < 3:
        return None
    poly = Polygon(coords)
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
    return poly if not poly.is_empty and poly.area > 0 else None


def _entity_shapes(entity: Any, distance: float) -> list[tuple[str, BaseGeometry]]:
    """``(what, geometry)`` of one entity: what is "closed", "open", "point" or "text"."""
    from ezdxf import path as dxfpath

    kind = entity.dxftype()
    if kind == "LINE":
        start, end = entity.dxf.start, entity.dxf.end
        return [("open", LineString([(start.x, start.y), (end.x, end.y)]))]
    if kind == "POINT":
        loc = entity.dxf.location
        return [("point", Point(loc.x, loc.y))]
    if kind in {"TEXT", "MTEXT"}:
        loc = entity.dxf.insert
        text = entity.plain_text() if kind == "MTEXT" else entity.dxf.text
        return [("text", Point(loc.x, loc.y))] if text else []
    if kind == "HATCH":
        rings = [_flat(p, distance) for p in dxfpath.from_hatch(entity)]
        area: BaseGeometry | None = None
        for ring in rings:
            poly = _ring_polygon(ring)
            if poly is not None:
                area = poly if area is None else area.symmetric_difference(poly)
        return [("closed", area)] if area is not None and not area.is_empty else []
    if kind in {"LWPOLYLINE", "POLYLINE", "CIRCLE", "ARC", "ELLIPSE", "SPLINE"}:
        if kind == "POLYLINE" and not (entity.is_2d_polyline or entity.is_3d_polyline):
            return []  # polyface and polygon meshes are 3D surfaces, not plan shapes
        coords = _flat(dxfpath.make_path(entity), distance)
        if len(coords) < 2:
            return []
        closed = kind in {"CIRCLE"} or bool(getattr(entity, "closed", False))
        if kind == "POLYLINE":
            closed = bool(entity.is_closed)
        if kind in {"ELLIPSE", "SPLINE"} and math.dist(coords[0], coords[-1]) < distance:
            closed = True
        if not closed and len(coords) > 3 and coords[0] == coords[-1]:
            closed = True
        if closed:
            poly = _ring_polygon(coords)
            return [("closed", poly)] if poly is not None else [("open", LineString(coords))]
        return [("open", LineString(coords))]
    return []


def _entities(msp: Any, chosen: set[str], *, points: bool) -> list[tuple[Any, str, dict[str, str]]]:
    """``(entity, drawing layer, block attributes)`` on the chosen layers. A block reference on
    a chosen layer is one point when the role takes points; otherwise it is exploded (a block's
    entities on layer 0 take the reference's layer, as CAD draws them)."""
    out: list[tuple[Any, str, dict[str, str]]] = []
    for entity in msp:
        layer = str(entity.dxf.layer) if entity.dxf.hasattr("layer") else "0"
        if entity.dxftype() != "INSERT":
            if layer in chosen:
                out.append((entity, layer, {}))
            continue
        attribs = {str(a.dxf.tag): str(a.dxf.text) for a in entity.attribs}
        if layer in chosen and points:
            out.append((entity, layer, attribs))
            continue
        try:
            parts = list(entity.virtual_entities())
        except Exception:  # a block ezdxf cannot explode (e.g. non-uniform scaling)
            parts = []
        for part in parts:
            own = str(part.dxf.layer) if part.dxf.hasattr("layer") else "0"
            effective = layer if own == "0" else own
            if effective in chosen and part.dxftype() != "INSERT":
                out.append((part, effective, attribs))
    return out


def read_dxf(
    path: Path | str, *, label: str, options: CadOptions
) -> tuple[gpd.GeoDataFrame, str, list[Problem]]:
    """Read the entities of a drawing's chosen layers as a plan layer's features.

    Returns
    -------
    tuple
        The features in map coordinates (``frame.crs`` is ``options.crs``, or None), with
        columns ``dxf_layer``, ``dxf_type``, ``handle``, ``text`` and block attributes; the
        drawing layers read (joined with ", "); notes on what was done.

    Raises
    ------
    LayerError
        For a DWG file, a missing ezdxf, a damaged file, no drawing layer matching, no usable
        entity on the chosen layers, or coordinates that look local with no placement.
    """
    path = Path(path)
    where = _where(path, label)
    doc = _open(path, label)
    names = _drawing_layers(doc)
    patterns = options.layers or default_layer_patterns(options.role)
    chosen = _choose(names, patterns)
    if not chosen:
        asked = ", ".join(patterns) if patterns else tx("(none)")
        msg = tx("no drawing layer matches {asked}; the drawing's layers are: {names}").format(
            asked=asked, names=", ".join(names)
        )
        raise LayerError(
            msg,
            **where,
            field="layer",
            hint=tx('name the drawing layer(s) with layer = "..." or dxf_layers = ["...", "..."]'),
        )
    scale, unit, assumed = _scale(doc, options)
    distance = _FLATTEN_M / scale
    problems: list[Problem] = []
    rows: list[dict[str, Any]] = []
    geoms: list[BaseGeometry] = []
    texts: list[tuple[str, Point]] = []
    skipped: Counter[tuple[str, str]] = Counter()
    takes = set(options.geometry)
    found = _entities(doc.modelspace(), set(chosen), points="point" in takes)
    for entity, layer, attribs in found:
        kind = entity.dxftype()
        if kind == "INSERT":
            ins = entity.dxf.insert
            handle = entity.dxf.handle
            rows.append(
                {"dxf_layer": layer, "dxf_type": kind, "handle": handle, "block": entity.dxf.name}
                | attribs
            )
            geoms.append(Point(ins.x, ins.y))
            continue
        for what, geom in _entity_shapes(entity, distance):
            if what == "text":
                text = entity.plain_text() if kind == "MTEXT" else str(entity.dxf.text)
                texts.append((text.strip(), geom))
                continue
            if what == "closed" and "polygon" not in takes and "line" in takes:
                geom, what = geom.boundary, "open"
            family = {"closed": "polygon", "open": "line", "point": "point"}[what]
            if family not in takes:
                skipped[(kind, what)] += 1
                continue
            handle = entity.dxf.handle if entity.dxf.hasattr("handle") else None
            rows.append({"dxf_layer": layer, "dxf_type": kind, "handle": handle, **attribs})
            geoms.append(geom)
    if skipped:
        listed = list_text(
            tx("{n} {kind} ({shape})").format(n=n, kind=k[0], shape=_SHAPE_WORDS.get(k[1], k[1]))
            for k, n in skipped.most_common()
        )
        need = either_text(geometry_word(g) for g in sorted(takes))
        problems.append(
            Problem(
                "note",
                tx("left out as not {need}: {listed}").format(need=need, listed=listed),
                **where,
                count=sum(skipped.values()),
                hint=tx("areas must be closed polylines or hatches in the drawing")
                if "polygon" in takes
                else None,
            )
        )
    if not geoms:
        need = either_text(geometry_word(g) for g in sorted(takes))
        msg = tx("the drawing layers {layers} hold nothing usable as {need}").format(
            layers=", ".join(chosen), need=need
        )
        raise LayerError(
            msg,
            **where,
            field="layer",
            hint=tx(
                "check the drawing layer names, and that areas are closed polylines or hatches"
            ),
        )
    frame = gpd.GeoDataFrame(pd.DataFrame(rows), geometry=gpd.GeoSeries(geoms).values)
    if options.role == "network":
        frame = _node(frame, where, problems)
    if texts:
        frame["text"] = _texts_inside(frame, texts)
    frame = _place(frame, scale, unit, assumed, options, where, problems)
    problems.insert(
        0,
        Problem(
            "note",
            tx("read {n} features from drawing layers {layers}").format(
                n=len(frame), layers=", ".join(chosen)
            ),
            **where,
        ),
    )
    return frame, ", ".join(chosen), problems


def _node(
    frame: gpd.GeoDataFrame, where: dict[str, str], problems: list[Problem]
) -> gpd.GeoDataFrame:
    """Split a drawing's walking lines where they cross. CAD centre lines meet at junctions
    without a shared vertex (each road is one line), which a walking network would read as a
    bridge; a drawing has no other way to say where people can turn."""
    # noded all together: a footpath on one drawing layer crossing a centre line on another
    # meets it too; pieces joined again only where just two meet (a bend, not a junction);
    # each keeps the drawing layer of the line under its middle
    lines = np.asarray(frame.geometry.array)
    pieces = shapely.get_parts(shapely.line_merge(shapely.union_all(lines)))
    middles = shapely.line_interpolate_point(pieces, 0.5, normalized=True)
    at, src = shapely.STRtree(lines).query(middles, predicate="dwithin", distance=1e-6)
    owner = np.zeros(len(pieces), dtype=np.int64)
    owner[at[::-1]] = src[::-1]  # the first source line of each piece
    layer_of = np.asarray(frame["dxf_layer"].to_numpy(), dtype=object)
    out = gpd.GeoDataFrame({"dxf_layer": layer_of[owner]}, geometry=pieces)
    if len(out) != len(frame):
        problems.append(
            Problem(
                "note",
                tx(
                    "{n} drawn lines are split where they cross into {pieces} walkable "
                    "pieces (CAD lines meet at junctions without a shared vertex)"
                ).format(n=len(frame), pieces=len(out)),
                **where,
            )
        )
    return out


def _texts_inside(frame: gpd.GeoDataFrame, texts: list[tuple[str, Point]]) -> list[str | None]:
    """The text lying inside each polygon (joined with spaces when there are several)."""
    points = np.array([p for _, p in texts], dtype=object)
    labels = [t for t, _ in texts]
    tree = shapely.STRtree(points)
    found: list[str | None] = [None] * len(frame)
    polys = np.asarray(frame.geometry.array)
    areal = np.isin(shapely.get_type_id(polys), [3, 6])
    idx_geom, idx_text = tree.query(polys[areal], predicate="contains")
    rows = np.flatnonzero(areal)[idx_geom]
    for row, t in zip(rows, idx_text, strict=True):
        found[row] = labels[t] if found[row] is None else f"{found[row]} {labels[t]}"
    return found


def _place(
    frame: gpd.GeoDataFrame,
    scale: float,
    unit: str,
    assumed: bool,
    options: CadOptions,
    where: dict[str, str],
    problems: list[Problem],
) -> gpd.GeoDataFrame:
    """Scale the drawing to metres and place it (offset or control points); refuse coordinates
    that look local when nothing places them."""
    geoms = np.asarray(frame.geometry.array)
    if options.control_points:
        a, b, residual = fit_similarity(options.control_points)
        mapped = shapely.transform(
            geoms,
            lambda xy: np.column_stack(
                [
                    (a * (xy[:, 0] + 1j * xy[:, 1]) + b).real,
                    (a * (xy[:, 0] + 1j * xy[:, 1]) + b).imag,
                ]
            ),
        )
        what = (
            tx(
                "placed by {n} control points (scale {scale:.6g} per "
                "drawing unit, rotation {rotation:.3f}°, largest misfit {misfit:.3g} m)"
            )
            if len(options.control_points) > 2
            else tx(
                "placed by {n} control points (scale {scale:.6g} per "
                "drawing unit, rotation {rotation:.3f}°)"
            )
        ).format(
            n=len(options.control_points),
            scale=abs(a),
            rotation=math.degrees(np.angle(a)),
            misfit=residual,
        )
        problems.append(Problem("note", what, **where))
        if not assumed and abs(abs(a) / scale - 1) > 0.05:
            problems.append(
                Problem(
                    "warning",
                    tx(
                        "the control points imply {implied:.6g} m per drawing unit, but the "
                        "drawing is in {unit} ({scale:g} m)"
                    ).format(implied=abs(a), unit=unit, scale=scale),
                    **where,
                    field="control_points",
                    hint=tx("check the control points' drawing and map coordinates"),
                )
            )
        return frame.set_geometry(gpd.GeoSeries(mapped, index=frame.index, crs=options.crs))
    if assumed:
        minx, miny, maxx, maxy = shapely.total_bounds(geoms)
        span = max(maxx - minx, maxy - miny)
        if span > ASSUMED_UNIT_SPAN_M:
            msg = tx(
                "the drawing declares no unit ($INSUNITS) and would span {km:,.0f} km "
                "read as metres: it is most likely drawn in millimetres"
            ).format(km=span / 1000)
            raise LayerError(
                msg,
                **where,
                field="units",
                hint=tx('say its unit: units = "mm" (or "cm"; units = "m" if it really is metres)'),
            )
    dx, dy = options.offset or (0.0, 0.0)
    mapped = shapely.transform(geoms, lambda xy: xy * scale + np.array([dx, dy]))
    out = frame.set_geometry(gpd.GeoSeries(mapped, index=frame.index, crs=options.crs))
    if scale != 1.0 or assumed:
        note = (
            tx("the drawing declares no unit ($INSUNITS); read as metres")
            if assumed
            else tx("drawing units are {unit}; scaled to metres").format(unit=unit)
        )
        problems.append(
            Problem(
                "note",
                note,
                **where,
                hint=tx('set units = "mm" (or cm, m) if that is wrong') if assumed else None,
            )
        )
    if options.offset is not None:
        problems.append(
            Problem(
                "note",
                tx("moved by offset = [{dx:.12g}, {dy:.12g}]").format(dx=dx, dy=dy),
                **where,
            )
        )
        return out
    minx, miny, maxx, maxy = (float(v) for v in out.total_bounds)
    small = max(abs(minx), abs(maxx), abs(miny), abs(maxy)) < LOCAL_EXTENT_M
    if not small:
        return out
    extent = {"minx": minx, "maxx": maxx, "miny": miny, "maxy": maxy}
    place = tx(
        "place it with offset = [X, Y] (the map coordinates of the drawing's 0,0) or "
        "control_points = [[x1, y1, X1, Y1], [x2, y2, X2, Y2]] (two drawing points and their "
        "map coordinates)"
    )
    if options.crs is None:
        msg = tx(
            "the drawing's coordinates look local: x {minx:,.0f} to {maxx:,.0f} m and "
            "y {miny:,.0f} to {maxy:,.0f} m from the drawing's origin, and no CRS places them"
        ).format(**extent)
        raise LayerError(
            msg,
            **where,
            hint=tx(
                "place it with offset = [X, Y] (the map coordinates of the drawing's 0,0) or "
                "control_points = [[x1, y1, X1, Y1], [x2, y2, X2, Y2]] (two drawing points and "
                'their map coordinates), and give crs = "EPSG:..." of the map '
                "coordinates (e.g. CGCS2000 / 3-degree Gauss-Krüger, EPSG:4534-4554)"
            ),
        )
    from spaceplanner.layers.crs import in_area_of_use, lonlat_bounds

    box = lonlat_bounds(options.crs, (minx, miny, maxx, maxy))
    inside = None
    if box is not None:
        inside = in_area_of_use(
            options.crs, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, margin=1.0
        )
    if box is None or inside is False:
        msg = tx(
            "the drawing's coordinates look local: x {minx:,.0f} to {maxx:,.0f} m and "
            "y {miny:,.0f} to {maxy:,.0f} m from the drawing's origin, not in {crs}, which "
            "the layer's crs names"
        ).format(**extent, crs=options.crs.name)
        raise LayerError(msg, **where, field="crs", hint=place)
    return out


def _pairs(value: object) -> list[list[float]] | None:
    if not isinstance(value, list):
        return None
    rows = []
    for row in value:
        if not isinstance(row, list) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in row
        ):
            return None
        rows.append([float(v) for v in row])
    return rows


def cad_options(
    options: dict[str, Any],
    *,
    role: str,
    geometry: tuple[str, ...],
    layer: str | None,
    crs: CRS | None,
    label: str,
    file: str,
) -> CadOptions:
    """The :class:`CadOptions` of a plan layer's options (``layer``/``dxf_layers``, ``units``,
    ``offset``, ``control_points``), checked.

    Raises
    ------
    LayerError
        For an offset that is not two numbers, control points that are not rows of four numbers
        (at least two, not all at one drawing point), or both an offset and control points.
    """
    where = {"file": file, "layer": label}
    names = options.get("dxf_layers")
    if names is not None and (
        not isinstance(names, list) or not all(isinstance(n, str) for n in names) or not names
    ):
        msg: str = tx("dxf_layers must be a list of drawing layer names")
        raise LayerError(
            msg, **where, field="dxf_layers", hint=tx('e.g. dxf_layers = ["绿地", "广场"]')
        )
    patterns = tuple(names or ()) + ((layer,) if layer else ())
    offset: tuple[float, float] | None = None
    if "offset" in options:
        rows = _pairs([options["offset"]])
        if rows is None or len(rows[0]) != 2:
            msg = tx("offset = {value} is not two numbers").format(value=repr(options["offset"]))
            raise LayerError(
                msg, **where, field="offset", hint=tx("e.g. offset = [500000, 3380000]")
            )
        offset = (rows[0][0], rows[0][1])
    points: tuple[tuple[float, float, float, float], ...] = ()
    if "control_points" in options:
        rows = _pairs(options["control_points"])
        if rows is None or len(rows) < 2 or any(len(r) != 4 for r in rows):
            msg = tx("control_points must be two or more rows of four numbers [x, y, X, Y]")
            raise LayerError(
                msg,
                **where,
                field="control_points",
                hint=tx(
                    "drawing x, y and map X, Y of each point: control_points = "
                    "[[0, 0, 500100.0, 3380200.0], [1000, 0, 501099.6, 3380231.4]]"
                ),
            )
        if len({(r[0], r[1]) for r in rows}) < 2:
            msg = tx("the control points are all at one drawing point")
            raise LayerError(
                msg, **where, field="control_points", hint=tx("give two distinct points")
            )
        points = tuple((r[0], r[1], r[2], r[3]) for r in rows)
    if offset is not None and points:
        msg = tx("give offset or control_points, not both")
        raise LayerError(msg, **where, field="offset", hint=tx("control points already place it"))
    units = options.get("units")
    return CadOptions(
        layers=patterns,
        role=role,
        geometry=geometry,
        units=None if units is None else str(units),
        offset=offset,
        control_points=points,
        crs=crs,
    )
