"""The web map's overlays: the plan and its evaluation as GeoJSON features with their styles.

``map_layers(plan, report)`` turns the residents (coloured by coverage), the shelters (by load,
sized by capacity), activity spaces, facilities by kind, the service and gap areas per indicator,
the context layers, the 避/防/让 siting violations and suggested sites into :class:`MapLayer`
overlays in EPSG:4326, each feature with an escaped tooltip and popup and its Leaflet style. The
colours and markers are those of :mod:`spaceplanner.outputs.symbols`, the words those of
:func:`spaceplanner.results.labels.label`; :mod:`spaceplanner.outputs.webmap` makes the page.
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import mapping

from spaceplanner import settings
from spaceplanner.engine.gap_raster import pixel_size
from spaceplanner.engine.gaps import SERVICE_PIXEL_BUDGET
from spaceplanner.engine.siting import is_dual_use
from spaceplanner.i18n import say
from spaceplanner.model.plan import Plan
from spaceplanner.outputs import symbols
from spaceplanner.outputs.symbols import Symbol
from spaceplanner.results.labels import label, shelter_class_label
from spaceplanner.results.report import Report, SiteRef, Violation
from spaceplanner.results.words import join_sources

__all__ = [
    "CONTROL_GROUPS",
    "COORD_DIGITS",
    "HATCH_ID",
    "RESIDENT_POINTS_LIMIT",
    "RESIDENT_STATES",
    "MapLayer",
    "ResidentTable",
    "map_layers",
    "overlay_name",
    "path_style",
]

#: Above this many resident points the page draws the gaps aggregated: the gap areas per
#: indicator (each with the persons it leaves unserved) and, per indicator, only the residents it
#: leaves unserved, packed in one table the page draws on a canvas; a context layer of more
#: features than this (streets, buildings) is drawn as one shape without popups (on any page
#: above :data:`CONTEXT_FEATURES_LIMIT`). At or below
#: it every resident point is drawn per indicator with its own popup. A 50,000-resident district
#: so writes a page of a few MB in seconds instead of hundreds of MB in minutes.
RESIDENT_POINTS_LIMIT = settings.WEB_DETAIL_RESIDENTS
#: A context layer of more features than this is drawn as one shape on any page (on an
#: aggregated page: of more than :data:`RESIDENT_POINTS_LIMIT`).
CONTEXT_FEATURES_LIMIT = 10_000

#: The layer control's groups, top to bottom, and the overlay groups (``MapLayer.group``) each
#: holds; a group folds open and shut, and opens by itself when one of its layers is on.
CONTROL_GROUPS: dict[str, tuple[str, ...]] = {
    "gap_areas": ("gap_areas",),
    "residents": ("residents",),
    "service_areas": ("service_areas",),
    "sites": ("shelters", "activity_spaces", "facilities", "suggestions"),
    "violations": ("violations",),
    "context": ("boundary", "hazards", "hazard_sources", "buildings", "network"),
    "basemap": ("basemap",),
}

#: Decimal places of the page's longitudes and latitudes: 6 digits of a degree are about 0.1 m.
COORD_DIGITS = 6

#: Pixels per millimetre of a symbol's width on screen (96 dpi).
_PX_PER_MM = 96 / 25.4

#: How residents are coloured by an indicator (for shelters: all, some or none sheltered).
RESIDENT_STATES: dict[str, Symbol] = {
    "covered": symbols.COVERED,
    "not_covered": symbols.NOT_COVERED,
    "sheltered_all": symbols.COVERED,
    "sheltered_part": symbols.PARTLY_COVERED,
    "sheltered_none": symbols.NOT_COVERED,
}
_SHELTERS = symbols.role_symbol("shelters")


@dataclass
class MapLayer:
    """One overlay of the web map, in EPSG:4326.

    Attributes
    ----------
    name
        The overlay's name in the layer control (already in the page's language).
    features
        GeoJSON features; each has ``properties`` ``tip`` and ``popup`` (escaped HTML) and, for
        vector features, ``style`` (Leaflet path options, ``radius`` for points).
    show
        Whether the overlay is on when the page opens.
    symbol
        A violation principle (避/防/让) drawn as a marker symbol; None for vector features (a
        point is a circle marker).
    group
        What the overlay shows, as a label key (``residents``, ``shelters``, ``facilities``,
        ``gap_areas``, ``violations``, ...).
    item
        Which one of the group (an indicator, a facility kind, a principle); empty when the
        group is one overlay.
    points
        For residents on an aggregated page (more than :data:`RESIDENT_POINTS_LIMIT`): the
        rows of ``table`` left unserved by the indicator (``rows``, one bit per row of the
        table, base64, and their ``count``) and, in the table's order, their walking distances
        in whole metres (``d``, base64 of 16-bit integers, :data:`NO_DISTANCE` when out of
        reach), the persons unserved (``u``, shelters), their state index (``s``, when there is
        more than one state) into ``styles``, with the popup's title, headings and tooltip
        words; ``features`` is then empty.
    table
        The resident points ``points`` refers to (shared by the indicators' overlays).
    """

    name: str
    features: list[dict[str, Any]] = field(default_factory=list)
    show: bool = True
    symbol: str | None = None
    group: str = ""
    item: str = ""
    points: dict[str, Any] | None = None
    table: ResidentTable | None = None


@dataclass
class ResidentTable:
    """The resident points of an aggregated page, once for all its indicators.

    Coordinates are whole millionths of a degree (:data:`COORD_DIGITS`) from a corner ``x0``,
    ``y0``, so that a point costs a dozen characters; ``ids`` are HTML-escaped. A
    :class:`MapLayer` of group ``residents`` with ``points`` draws the rows it lists.
    """

    x0: float
    y0: float
    dx: list[int]
    dy: list[int]
    ids: list[str]
    population: list[float]

    def to_dict(self) -> dict[str, Any]:
        """The table as the page's JSON."""
        return {
            "x0": self.x0,
            "y0": self.y0,
            "dx": self.dx,
            "dy": self.dy,
            "id": self.ids,
            "pop": self.population,
        }


#: The id of the SVG pattern that hatches gap areas (defined once in the page).
HATCH_ID = "sp-hatch-gap"


def path_style(symbol: Symbol, *, weight: float | None = None, **changes: Any) -> dict[str, Any]:
    """Leaflet path options drawing ``symbol``: its colours, fill opacity and dashes; its width
    in pixels unless ``weight`` is given; a hatched fill as the page's SVG pattern.

    ``changes`` replace options (``radius`` for a circle marker, ``fillOpacity``, ...).
    """
    style: dict[str, Any] = {
        "color": symbol.stroke or symbol.fill or "#000000",
        "weight": round(symbol.width * _PX_PER_MM, 2) if weight is None else weight,
        "opacity": 1.0 if symbol.stroke else 0.0,
        "dashArray": "6 4" if symbol.dashed else None,
        "fillColor": symbol.fill,
        "fillOpacity": symbol.opacity,
    }
    if symbol.fill is None:
        style["fill"] = False  # else Leaflet's own: polygons and circles filled, lines not
    if symbol.hatched:
        style.update(fillColor=f"url(#{HATCH_ID})", fillOpacity=1.0)
    style.update(changes)
    return style


def overlay_name(group: str, item: str, lang: str) -> str:
    """An overlay name: its group and item, with the language's colon."""
    return f"{group}{'：' if lang == 'zh' else ': '}{item}"


def _fmt(value: Any, lang: str, digits: int = 0) -> str:
    """A figure as text: numbers with separators, booleans as yes/no, missing as a dash."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if isinstance(value, bool | np.bool_):
        return label("yes" if value else "no", lang)
    if isinstance(value, int | float | np.integer | np.floating):
        return f"{float(value):,.{digits}f}"
    return str(value)


def _popup(title: str, rows: Iterable[tuple[str, Any]]) -> str:
    """Escaped HTML for a popup: a heading and a two-column table, values escaped."""
    body = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in rows
    )
    return f"<h4>{html.escape(title)}</h4><table>{body}</table>"


def _feature(
    geom: Any, tip: str, popup: str, style: dict[str, Any] | None, **values: Any
) -> dict[str, Any]:
    """A GeoJSON feature with an escaped tooltip (``tip`` is plain text) and popup HTML;
    ``values`` are added to its properties as they are (figures a reader of the page can sum)."""
    props: dict[str, Any] = {"tip": html.escape(tip), "popup": popup, **values}
    if style is not None:
        props["style"] = style
    return {"type": "Feature", "geometry": mapping(geom), "properties": props}


def _rounded(coords: np.ndarray) -> np.ndarray:
    """Coordinates rounded to :data:`COORD_DIGITS` decimals (written as short decimals)."""
    return np.round(coords, COORD_DIGITS)


def _to_wgs84(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``frame`` in EPSG:4326 with non-empty single-part-drawable geometries, coordinates
    rounded to :data:`COORD_DIGITS` decimals (~0.1 m).

    Multi-points and geometry collections are split into parts, so each feature draws as
    exactly one Leaflet layer.
    """
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    frame = frame.to_crs(4326)
    split = frame.geom_type.isin(["MultiPoint", "GeometryCollection"])
    if split.any():
        frame = gpd.GeoDataFrame(
            gpd.pd.concat([frame[~split], frame[split].explode(index_parts=False)]),
            crs=frame.crs,
        )
    return frame.set_geometry(shapely.transform(frame.geometry.values, _rounded))


def _rows(frame: gpd.GeoDataFrame) -> Iterable[tuple[Any, Mapping[str, Any]]]:
    """(geometry, attributes) per row of ``frame``."""
    records = frame.drop(columns=frame.geometry.name).to_dict("records")
    return zip(frame.geometry, records, strict=True)


def _text(value: Any) -> str:
    """An attribute as text; empty for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _name(attrs: Mapping[str, Any]) -> str:
    """A feature's display name: its ``name``, else its ``id``."""
    return _text(attrs.get("name")) or _text(attrs.get("id"))


def _marker_radius(value: float, base: float, scale: float, top: float) -> float:
    """A circle radius in pixels growing with the square root of ``value``."""
    return float(min(top, base + math.sqrt(max(value, 0.0)) / scale))


# -- indicator sources -------------------------------------------------------------------


def _indicator_sources(report: Report) -> dict[str, str]:
    """The standard each indicator cites, from the report."""
    out: dict[str, str] = {}
    if report.shelters is not None:
        cited = {
            rule["source"]
            for by_class in report.shelters.rules.values()
            for key in ("radius_m", "per_capita_m2")
            if (rule := by_class.get(key))
        }
        out["shelter"] = join_sources(sorted(cited))
    if report.activity_spaces is not None:
        for circle, figures in report.activity_spaces.circles.items():
            out[f"space_{circle}"] = join_sources(figures.sources.values())
    for kind, f in (report.facilities or {}).items():
        out[kind] = f.source
    return out


def _indicators(report: Report) -> list[str]:
    """The indicators evaluated, in the residents layer's column order."""
    residents = report.layers.get("residents")
    if residents is None:
        return []
    return [c[3:] for c in residents.columns if c.startswith("ok_")]


# -- overlays ----------------------------------------------------------------------------


def _resident_layer(report: Report, indicator: str, source: str, lang: str) -> MapLayer:
    """Residents coloured by one indicator (for shelters: sheltered, partly, not)."""
    frame = _to_wgs84(report.layers["residents"])
    features = []
    for geom, a in _rows(frame):
        pop = float(a["population"])
        rows: list[tuple[str, Any]] = [
            (label("id", lang), _text(a["id"])),
            (label("population", lang), _fmt(pop, lang)),
            (label("distance_m", lang), _fmt(a.get(f"d_{indicator}"), lang)),
        ]
        if indicator == "shelter":
            sheltered = float(a["sheltered"])
            state = (
                "sheltered_all"
                if a["unsheltered"] <= 1e-6
                else "sheltered_part"
                if sheltered > 1e-6
                else "sheltered_none"
            )
            symbol = RESIDENT_STATES[state]
            rows += [
                (label("sheltered", lang), _fmt(sheltered, lang)),
                (label("unsheltered", lang), _fmt(a["unsheltered"], lang)),
            ]
        else:
            state = "covered" if a[f"ok_{indicator}"] else "not_covered"
            symbol = RESIDENT_STATES[state]
        rows += [(label("source", lang), say(source, lang))]
        style = path_style(
            symbol, weight=1, radius=_marker_radius(pop, 3.0, 4.0, 12.0), fillOpacity=0.85
        )
        tip = f"{_text(a['id'])}: {_fmt(pop, lang)} · {label(state, lang)}"
        title = f"{label('residents', lang)} · {label(indicator, lang)}"
        features.append(_feature(geom, tip, _popup(title, rows), style))
    name = overlay_name(label("residents", lang), label(indicator, lang), lang)
    return MapLayer(name, features, show=indicator == "shelter", group="residents", item=indicator)


def resident_table(report: Report) -> ResidentTable:
    """All resident points of ``report`` (polygon residents at a point inside them), packed."""
    frame = report.layers["residents"]
    geoms = frame.geometry.values
    points = gpd.GeoSeries(
        shapely.point_on_surface(geoms) if (frame.geom_type != "Point").any() else geoms,
        crs=frame.crs,
    ).to_crs(4326)
    scale = 10**COORD_DIGITS
    x = np.round(points.x.to_numpy() * scale)
    y = np.round(points.y.to_numpy() * scale)
    x0, y0 = (float(np.nanmin(v)) if len(v) else 0.0 for v in (x, y))
    population = frame["population"].to_numpy(dtype=float)
    return ResidentTable(
        x0=round(x0 / scale, COORD_DIGITS),
        y0=round(y0 / scale, COORD_DIGITS),
        dx=(x - x0).astype(np.int64).tolist(),
        dy=(y - y0).astype(np.int64).tolist(),
        ids=[html.escape(_text(v)) for v in frame["id"]],
        population=[int(v) if float(v).is_integer() else round(v, 3) for v in population],
    )


def unserved(residents: gpd.GeoDataFrame, indicator: str) -> tuple[np.ndarray, np.ndarray]:
    """The rows of the residents layer ``indicator`` leaves unserved, and their unserved
    persons: for shelters the points with persons without a place (those persons), for the
    others the points not covered (their population), as in ``uncovered_residents``."""
    if indicator == "shelter":
        persons = residents["unsheltered"].to_numpy(dtype=float)
        rows = np.flatnonzero(persons > 1e-6)
    else:
        rows = np.flatnonzero(~residents[f"ok_{indicator}"].to_numpy(dtype=bool))
        persons = residents["population"].to_numpy(dtype=float)
    return rows, persons[rows]


def _bitmask(rows: np.ndarray, size: int) -> str:
    """``rows`` of a table of ``size`` as base64 of one bit per row, the first row the lowest
    bit of the first byte: 50,000 rows in 8 kB, however many are set."""
    mask = np.zeros(size, dtype=bool)
    mask[rows] = True
    return base64.b64encode(np.packbits(mask, bitorder="little").tobytes()).decode("ascii")


#: A walking distance the page cannot tell (out of reach, or none computed); longer distances
#: are written as one metre less.
NO_DISTANCE = 65535


def _uint16(metres: np.ndarray) -> str:
    """Distances in whole metres as base64 of little-endian 16-bit integers,
    :data:`NO_DISTANCE` for none (2.7 characters a resident)."""
    whole = np.where(
        np.isfinite(metres), np.clip(np.round(metres), 0, NO_DISTANCE - 1), NO_DISTANCE
    )
    return base64.b64encode(whole.astype("<u2").tobytes()).decode("ascii")


def _unserved_layer(
    report: Report, table: ResidentTable, indicator: str, source: str, lang: str
) -> MapLayer:
    """The residents one indicator leaves unserved, as rows of ``table`` (an aggregated page)."""
    frame = report.layers["residents"]
    rows, persons = unserved(frame, indicator)
    column = f"d_{indicator}"
    distance = (
        frame[column].to_numpy(dtype=float)[rows] if column in frame else np.full(len(rows), np.nan)
    )
    states = ["not_covered"]
    state = np.zeros(len(rows), dtype=int)
    headings = [label(k, lang) for k in ("id", "population", "distance_m")]
    points: dict[str, Any] = {
        "rows": _bitmask(rows, len(frame)),
        "count": len(rows),
        "d": _uint16(distance),
    }
    if indicator == "shelter":
        states = ["sheltered_part", "sheltered_none"]
        population = frame["population"].to_numpy(dtype=float)[rows]
        state = (persons < population - 1e-6).astype(int) ^ 1  # 0 part, 1 none
        points["u"] = [int(v) if float(v).is_integer() else round(float(v), 3) for v in persons]
        headings.append(label("unsheltered", lang))
    if len(states) > 1:
        points["s"] = state.tolist()
    points.update(
        styles=[path_style(RESIDENT_STATES[k], weight=1, fillOpacity=0.85) for k in states],
        states=[html.escape(label(k, lang)) for k in states],
        title=html.escape(f"{label('residents', lang)} · {label(indicator, lang)}"),
        headings=[html.escape(h) for h in headings],
        source=[html.escape(label("source", lang)), html.escape(say(source, lang))],
    )
    name = overlay_name(label("residents", lang), label(indicator, lang), lang)
    return MapLayer(
        name,
        show=indicator == "shelter",
        group="residents",
        item=indicator,
        points=points,
        table=table,
    )


def _load_colour(figures: Mapping[str, Any]) -> tuple[str, float | None]:
    """A shelter's colour by load (assigned ÷ capacity) and the load; grey when it holds none."""
    capacity = float(figures["capacity_persons"] or 0.0)
    if not figures.get("eligible", True) or capacity <= 0:
        return symbols.INELIGIBLE.colour, None
    load = float(figures["assigned"]) / capacity
    return symbols.load_class(load).colour, load


def _shelter_layer(report: Report, lang: str) -> MapLayer:
    """Shelter sites coloured by load, each with a circle sized by capacity."""
    assert report.shelters is not None
    rules = report.shelters.rules
    frame = _to_wgs84(report.layers["shelters"])
    features = []
    for geom, a in _rows(frame):
        colour, load = _load_colour(a)
        rule = rules.get(a["class"], {}).get("radius_m", {})
        removed = a.get("capacity_removed") or {}
        removed_text = ", ".join(f"{p} {_fmt(v, lang)}" for p, v in removed.items() if v)
        rows = [
            (label("id", lang), _text(a["id"])),
            (label("class", lang), shelter_class_label(a["class"], lang)),
            (label("use", lang), label("dual_use", lang) if a["use"] == "dual_use" else ""),
            (label("capacity", lang), _fmt(a["capacity_persons"], lang)),
            (label("assigned", lang), _fmt(a["assigned"], lang)),
            (label("load", lang), "—" if load is None else f"{load:.0%}"),
            (label("spare", lang), _fmt(a["spare"], lang)),
            (label("nearest_demand", lang), _fmt(a["nearest_demand"], lang)),
            (label("over_capacity", lang), _fmt(bool(a["over_capacity"]), lang)),
            (label("eligible", lang), _fmt(bool(a["eligible"]), lang)),
            (label("capacity_removed", lang), removed_text or "—"),
            (label("steward", lang), _text(a.get("steward"))),
            (label("radius_m", lang), _fmt(a["radius_m"], lang)),
            (label("source", lang), say(_text(rule.get("source")), lang)),
        ]
        name = _name(a)
        tip = f"{name}: {label('assigned', lang)} {_fmt(a['assigned'], lang)} / " + _fmt(
            a["capacity_persons"], lang
        )
        popup = _popup(name, [r for r in rows if r[1]])
        over = bool(a["over_capacity"])
        edge = symbols.OVER_CAPACITY.stroke if over else _SHELTERS.stroke
        circle = path_style(
            _SHELTERS,
            color=edge,
            weight=3 if over else 1.5,
            fillColor=colour,
            fillOpacity=0.9,
            radius=_marker_radius(float(a["capacity_persons"] or 0), 4.0, 8.0, 24.0),
        )
        if geom.geom_type != "Point":
            area = path_style(_SHELTERS, color=edge, weight=3 if over else 2, fillColor=colour)
            features.append(_feature(geom, tip, popup, area))
            geom = shapely.transform(geom.representative_point(), _rounded)
        features.append(_feature(geom, tip, popup, circle))
    return MapLayer(label("shelters", lang), features, group="shelters")


def _area_layers(
    report: Report,
    kind: Literal["service_areas", "gap_areas"],
    sources: Mapping[str, str],
    lang: str,
    tolerance: float = 0.0,
) -> list[MapLayer]:
    """One overlay per indicator of the service-area or gap-area layer (only shelters' on);
    with a ``tolerance`` (metres) their pixel-stepped outlines are simplified by that much."""
    if kind not in report.layers:
        return []
    frame = report.layers[kind]
    if tolerance > 0:
        simple = shapely.simplify(frame.geometry.values, tolerance, preserve_topology=True)
        frame = frame.set_geometry(simple)
    frame = _to_wgs84(frame)
    symbol = symbols.GAP_AREAS if kind == "gap_areas" else symbols.SERVICE_AREAS
    out = []
    for indicator, part in frame.groupby("indicator", sort=False):
        ind = str(indicator)
        name = overlay_name(label(kind, lang), label(ind, lang), lang)
        features = []
        for geom, a in _rows(part):
            rows: list[tuple[str, Any]] = [(label("area_m2", lang), _fmt(a["area_m2"], lang))]
            if kind == "gap_areas":
                rows = [
                    (label("population", lang), _fmt(a["population"], lang)),
                    (label("residents_count", lang), _fmt(a["residents"], lang)),
                    *rows,
                ]
            rows.append((label("source", lang), say(sources.get(ind, ""), lang)))
            style = path_style(symbol, weight=1.5)
            values = {"population": float(a["population"])} if kind == "gap_areas" else {}
            features.append(_feature(geom, name, _popup(name, rows), style, **values))
        out.append(MapLayer(name, features, show=ind == "shelter", group=kind, item=ind))
    return out


def _plan_frames(plan: Plan, role: str) -> gpd.GeoDataFrame | None:
    """All vector layers of ``role`` in one frame (plan CRS), with a ``_layer`` column."""
    frames = [
        lyr.frame.assign(_layer=lyr.name)
        for lyr in plan.by_role(role)
        if lyr.frame is not None and len(lyr.frame)
    ]
    if not frames:
        return None
    return gpd.GeoDataFrame(gpd.pd.concat(frames, ignore_index=True), crs=plan.crs)


def _site_rows(a: Mapping[str, Any], lang: str, *keys: str) -> list[tuple[str, Any]]:
    """Popup rows for a plan feature: its id, the given attributes that are set, its steward."""
    rows = [(label("id", lang), _text(a.get("id")))]
    for key in (*keys, "steward"):
        value = _text(a.get(key))
        if value:
            rows.append((label(key, lang), label(value, lang) if key == "kind" else value))
    return rows


def _facility_layers(plan: Plan, report: Report, lang: str) -> list[MapLayer]:
    """One overlay per facility kind, with the kind's coverage and cited standard."""
    frame = _plan_frames(plan, "facilities")
    if frame is None:
        return []
    figures_by_kind = report.facilities or {}
    frame = _to_wgs84(frame.assign(kind=frame["kind"].astype(str)))
    out = []
    for k, part in frame.groupby("kind", sort=True):
        figures = figures_by_kind.get(str(k))
        features = []
        for geom, a in _rows(part):
            rows = _site_rows(a, lang, "kind")
            if figures:
                rows += [
                    (label("radius_m", lang), _fmt(figures.radius_m, lang)),
                    (label("share_covered", lang), f"{figures.share_covered:.0%}"),
                    (label("source", lang), say(figures.source, lang)),
                ]
            symbol = symbols.facility_symbol(str(k))
            if geom.geom_type == "Point":
                style = path_style(symbol, weight=1, fillOpacity=0.9, radius=6.0)
            else:
                style = path_style(symbol, weight=2, color=symbol.fill, fillOpacity=0.4)
            tip = f"{_name(a)} ({label(k, lang)})"
            features.append(_feature(geom, tip, _popup(_name(a), rows), style))
        name = overlay_name(label("facilities", lang), label(k, lang), lang)
        out.append(MapLayer(name, features, group="facilities", item=str(k)))
    return out


def _space_layer(plan: Plan, lang: str) -> MapLayer | None:
    """Activity spaces; dual-use (平急两用) spaces with a dashed edge."""
    frame = _plan_frames(plan, "activity_spaces")
    if frame is None:
        return None
    frame = frame.assign(_area=frame.geometry.area)
    features = []
    for geom, a in _rows(_to_wgs84(frame)):
        dual = is_dual_use(a.get("dual_use"))
        rows = _site_rows(a, lang, "kind")
        rows.append((label("area_m2", lang), _fmt(a.get("area") or a["_area"], lang)))
        if dual:
            rows.append((label("use", lang), label("dual_use", lang)))
        style = path_style(
            symbols.role_symbol("activity_spaces"),
            weight=2 if dual else 1,
            dashArray="6 4" if dual else None,
            fillOpacity=0.45,
        )
        features.append(_feature(geom, _name(a), _popup(_name(a), rows), style))
    return MapLayer(label("activity_spaces", lang), features, group="activity_spaces")


# Context layers: role -> (the web map's changes to the role's path style, attributes shown).
_CONTEXT: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
    "boundary": ({"weight": 2, "dashArray": "8 5", "fill": False}, ()),
    "hazards": ({"weight": 1}, ("hazard",)),
    "buildings": ({"weight": 0.5}, ("height", "floors")),
    "network": ({"weight": 1.5, "opacity": 0.8}, ("width",)),
    "hazard_sources": ({"weight": 3, "fillOpacity": 0.9}, ("kind", "voltage")),
}


#: One shape of many single parts, by shapely's geometry type id (point, line, ring, polygon).
_MERGE = {
    0: shapely.multipoints,
    1: shapely.multilinestrings,
    2: shapely.multilinestrings,
    3: shapely.multipolygons,
}


def _context_layer(
    plan: Plan,
    role: str,
    lang: str,
    frame: gpd.GeoDataFrame | None = None,
    *,
    limit: int = RESIDENT_POINTS_LIMIT,
) -> MapLayer | None:
    """The plan's layers of a context role (boundary, hazards, buildings, network, sources);
    ``frame`` replaces them (the scenario's hazard zones, rasters included). More than
    ``limit`` features are drawn as one shape per geometry kind, named by the role, with no
    popup of their own."""
    frame = frame if frame is not None and len(frame) else _plan_frames(plan, role)
    if frame is None:
        return None
    changes, keys = _CONTEXT[role]
    style = path_style(symbols.role_symbol(role), **changes)
    features = []
    if len(frame) > limit:
        wgs = _to_wgs84(frame)
        name = label(role, lang)
        parts = shapely.get_parts(wgs.geometry.values)
        kinds = shapely.get_type_id(parts)
        for kind in np.unique(kinds):
            geom = _MERGE[int(kind)](parts[kinds == kind])
            if kind in (1, 2):
                geom = shapely.line_merge(geom)  # a street of many segments, one line
            own = {**style, "radius": 3.0} if kind == 0 else style
            popup = _popup(name, [(label("features", lang), _fmt(len(frame), lang))])
            features.append(_feature(geom, name, popup, own))
        return MapLayer(name, features, group=role)
    for geom, a in _rows(_to_wgs84(frame)):
        own = {**style, "radius": 5.0} if geom.geom_type == "Point" else style
        name = _name(a) or label(role, lang)
        features.append(_feature(geom, name, _popup(name, _site_rows(a, lang, *keys)), own))
    return MapLayer(label(role, lang), features, group=role)


def _violation_layers(plan: Plan, report: Report, lang: str) -> list[MapLayer]:
    """One overlay per principle: a symbol per site listing its violations with their sources."""
    grouped: dict[tuple[str, SiteRef], list[Violation]] = {}
    for v in report.violations:
        grouped.setdefault((v.principle, v.site), []).append(v)
    out = []
    for principle in symbols.PRINCIPLES:
        points, props = [], []
        for (p, site), items in grouped.items():
            point = items[0].marker_point() if p == principle else None
            if point is None:
                continue
            name = _text(items[0].name) or site.feature
            parts = [
                _popup(
                    f"{label(principle, lang)} · {name}",
                    [
                        (label("rule", lang), v.rule),
                        (label("layer", lang), site.layer_label),
                        (label("id", lang), site.feature),
                        (label("measured", lang), _fmt(v.measured, lang, 1)),
                        (label("required", lang), _fmt(v.required, lang, 1)),
                        ("", say(v.message, lang)),
                        (label("source", lang), say(v.source, lang)),
                    ],
                )
                for v in items
            ]
            tip = f"{principle} {name}: " + "; ".join(v.rule for v in items)
            points.append(point)
            props.append((tip, "<hr>".join(parts)))
        if not points:
            continue
        wgs = gpd.GeoSeries(points, crs=plan.crs).to_crs(4326)
        features = [
            _feature(shapely.transform(g, _rounded), tip, popup, None)
            for g, (tip, popup) in zip(wgs, props, strict=True)
        ]
        name = overlay_name(label("violations", lang), label(principle, lang), lang)
        out.append(MapLayer(name, features, symbol=principle, group="violations", item=principle))
    return out


def map_layers(
    plan: Plan, report: Report, *, lang: str = "en", limit: int = RESIDENT_POINTS_LIMIT
) -> list[MapLayer]:
    """The web map's overlays, bottom to top.

    Parameters
    ----------
    plan
        The plan that was evaluated.
    report
        Its evaluation (:func:`spaceplanner.evaluate`).
    lang
        ``en`` or ``zh``.
    limit
        Above this many resident points the residents are drawn aggregated (see
        :data:`RESIDENT_POINTS_LIMIT`).

    Returns
    -------
    list of MapLayer
        Service areas, gap areas, context layers, activity spaces, shelters, facilities,
        residents per indicator and violations per principle; empty overlays are left out.
    """
    sources = _indicator_sources(report)
    residents = report.layers.get("residents")
    packed = residents is not None and len(residents) > limit
    # an aggregated page draws the areas' outlines without their pixel steps
    bounds = residents.total_bounds if packed and residents is not None else None
    gap_step = pixel_size(bounds) if bounds is not None else 0.0
    service_step = pixel_size(bounds, SERVICE_PIXEL_BUDGET) if bounds is not None else 0.0
    shapes = limit if packed else max(limit, CONTEXT_FEATURES_LIMIT)
    layers = _area_layers(report, "service_areas", sources, lang, service_step)
    layers += _area_layers(report, "gap_areas", sources, lang, gap_step)
    zones = report.layers.get("hazard_zones")
    context = {
        role: _context_layer(plan, role, lang, zones if role == "hazards" else None, limit=shapes)
        for role in _CONTEXT
    }
    layers += [c for r in ("boundary", "hazards", "buildings", "network") if (c := context[r])]
    if (spaces := _space_layer(plan, lang)) is not None:
        layers.append(spaces)
    if report.shelters is not None and "shelters" in report.layers:
        layers.append(_shelter_layer(report, lang))
    layers += _facility_layers(plan, report, lang)
    if context["hazard_sources"] is not None:
        layers.append(context["hazard_sources"])
    if packed:
        table = resident_table(report)
        layers += [
            _unserved_layer(report, table, ind, sources.get(ind, ""), lang)
            for ind in _indicators(report)
        ]
    else:
        layers += [
            _resident_layer(report, ind, sources.get(ind, ""), lang) for ind in _indicators(report)
        ]
    layers += _violation_layers(plan, report, lang)
    layers += _suggestion_layer(report, lang)
    return [lyr for lyr in layers if lyr.features or (lyr.points and lyr.points["count"])]


def _suggestion_layer(report: Report, lang: str) -> list[MapLayer]:
    """Suggested sites (``spaceplanner suggest``), when the export was given them."""
    frame = report.layers.get("suggestions")
    if frame is None or frame.empty:
        return []
    name = label("suggestions", lang)
    features = []
    for geom, a in _rows(_to_wgs84(frame)):
        rows = [
            ("#", _text(a.get("rank"))),
            (label("id", lang), _text(a.get("id"))),
            ("+", _fmt(a.get("gain"), lang)),
            ("", say(_text(a.get("reason")), lang)),
        ]
        tip = f"{a.get('rank')}. {_text(a.get('id'))}"
        style = path_style(symbols.SUGGESTED, weight=3, fillOpacity=0.7, radius=9)
        features.append(_feature(geom, tip, _popup(name, rows), style))
    return [MapLayer(name, features, group="suggestions")]
