"""The offline web map: one self-contained HTML page of a plan and its evaluation.

``write_webmap(plan, report, path)`` draws the residents coloured by coverage, the shelters by
capacity and load, activity spaces, facilities by kind, the exact service areas and gap areas per
indicator and the 让/防/避 siting violations, with a legend, a scale bar and layers a person can
toggle. Leaflet (from the ``xstatic-leaflet`` package) is inlined into the page and folium's CDN
links are dropped, so the page makes no request; an online basemap is added only on request.

Every attribute value shown is data, never markup: tooltips and popups are built here with
:func:`html.escape` and travel as JSON strings (folium's ``GeoJsonTooltip`` and ``Tooltip`` do not
escape the values they show).
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import folium
import geopandas as gpd
import numpy as np
import shapely
import xstatic.pkg.leaflet as xstatic_leaflet
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from folium.utilities import JsCode
from shapely.geometry import mapping

from spaceplanner.engine.siting import is_dual_use
from spaceplanner.files import atomic_path
from spaceplanner.model.plan import Plan
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report, SiteRef, Violation

__all__ = ["MapLayer", "map_layers", "write_webmap"]

# Map-specific words (the shared terms are in spaceplanner.results.labels).
_WORDS: dict[str, tuple[str, str]] = {
    "date": ("Date", "日期"),
    "rules": ("Rules", "规则"),
    "legend": ("Legend", "图例"),
    "basemap": ("Basemap", "底图"),
    "sheltered_all": ("all sheltered", "全部可安置"),
    "sheltered_part": ("partly sheltered", "部分可安置"),
    "sheltered_none": ("not sheltered", "无法安置"),
    "unsheltered": ("Unsheltered", "未安置人口"),
    "load": ("Load (assigned ÷ capacity)", "负荷（已分配÷容量）"),
    "size_capacity": ("circle size = capacity", "圆大小 = 容量"),
    "size_population": ("circle size = population", "圆大小 = 人口"),
    "ineligible": ("ineligible / no capacity", "不可用 / 无容量"),
    "full": ("full", "已满"),
    "spare": ("Spare", "剩余容量"),
    "nearest_demand": ("Nearest demand", "就近需求"),
    "eligible": ("Eligible", "可用"),
    "class": ("Class", "类别"),
    "use": ("Use", "用途"),
    "dual_use": ("dual use (平急两用)", "平急两用"),
    "capacity_removed": ("Capacity removed", "扣除容量"),
    "distance_m": ("Walking distance (m)", "步行距离（米）"),
    "radius_m": ("Radius (m)", "服务半径（米）"),
    "area_m2": ("Area (m²)", "面积（平方米）"),
    "residents_count": ("Resident points", "居民点数"),
    "kind": ("Kind", "类型"),
    "hazard": ("Hazard", "灾种"),
    "voltage": ("Voltage (kV)", "电压（千伏）"),
    "rule": ("Rule", "规则"),
    "principle": ("Principle", "原则"),
    "measured": ("Measured", "实测"),
    "required": ("Required", "要求"),
    "layer": ("Layer", "图层"),
    "id": ("ID", "编号"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "indicator": ("Indicator", "指标"),
    "context": ("Context", "背景"),
    "hazard_zone": ("hazard zone", "灾害风险区"),
    "share_persons": ("Share of population", "人口比例"),
}

_GREEN, _ORANGE, _RED, _GREY = "#1a9850", "#f39c12", "#d73027", "#8c8c8c"
# Shelter load classes: (upper bound of assigned / capacity, colour, label).
_LOAD_CLASSES: tuple[tuple[float, str, str], ...] = (
    (0.5, "#1a9850", "< 50 %"),
    (0.8, "#91cf60", "50–80 %"),
    (0.999, "#fdae61", "80–100 %"),
    (math.inf, "#d73027", "full"),
)
# Violation symbols: colour, CSS shape class and horizontal anchor (so a site's three principles
# sit side by side instead of on top of each other).
_PRINCIPLES: dict[str, tuple[str, str, int]] = {
    "避": ("#c62828", "sp-circle", 33),
    "防": ("#e65100", "sp-square", 11),
    "让": ("#1565c0", "sp-diamond", -11),
}
_PALETTE = (
    "#1f77b4", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#2ca02c", "#ff7f0e", "#393b79",
)  # fmt: skip
_SPACE_COLOUR, _HAZARD_COLOUR, _SOURCE_COLOUR = "#41ab5d", "#6a3d9a", "#67000d"
_AREA_COLOURS = {"service_areas": "#3182bd", "gap_areas": "#e31a1c"}
# Latin fonts first: Noto Sans CJK draws some Latin letters badly in bold (č of Bubeneč); Chinese
# text falls back to the CJK fonts.
_CJK_FONTS = (
    '"Noto Sans", "DejaVu Sans", "Segoe UI", Arial, "Noto Sans CJK SC", "Noto Sans SC", '
    '"PingFang SC", "Microsoft YaHei", sans-serif'
)

_CSS = """
.leaflet-container { font-family: %(fonts)s; font-size: 13px; background: #f4f3ef; }
.sp-box { background: rgba(255,255,255,0.93); padding: 6px 10px; border-radius: 5px;
  box-shadow: 0 1px 5px rgba(0,0,0,0.4); line-height: 1.35; }
.sp-title h1 { font-size: 16px; margin: 0 0 2px 0; }
.sp-title div { font-size: 12px; color: #333; }
.sp-legend { font-size: 12px; max-width: 300px; max-height: calc(100vh - 230px);
  overflow-y: auto; }
.sp-legend h2 { font-size: 13px; margin: 0 0 4px 0; }
.sp-legend h3 { font-size: 12px; margin: 6px 0 2px 0; }
.sp-legend .sp-row { display: flex; align-items: center; gap: 6px; margin: 1px 0; }
.sp-swatch { display: inline-block; width: 14px; height: 12px; border: 1px solid #555;
  flex: none; }
.sp-dot { display: inline-block; width: 11px; height: 11px; border-radius: 50%%;
  border: 1px solid #333; flex: none; }
.leaflet-control-layers { font-size: 12px; }
.leaflet-control-layers-overlays { max-height: calc(100vh - 60px); overflow-y: auto;
  padding-right: 6px; }
.leaflet-popup-content table { border-collapse: collapse; font-size: 12px; }
.leaflet-popup-content th { text-align: left; padding: 1px 8px 1px 0; font-weight: 600;
  vertical-align: top; white-space: nowrap; }
.leaflet-popup-content td { padding: 1px 0; }
.leaflet-popup-content h4 { margin: 0 0 4px 0; font-size: 13px; }
.sp-vicon { background: none; border: none; }
.sp-sym { width: 18px; height: 18px; color: #fff; font-size: 11px; font-weight: 700;
  display: flex; align-items: center; justify-content: center; border: 1.5px solid #fff;
  box-shadow: 0 0 2px #000; box-sizing: border-box; }
.sp-circle { border-radius: 50%%; }
.sp-square { border-radius: 2px; }
.sp-diamond { transform: rotate(45deg) scale(0.85); }
.sp-diamond span { transform: rotate(-45deg); }
"""

_BIND_POPUPS = JsCode(
    "function(feature, layer) {"
    " layer.bindTooltip(feature.properties.tip, {sticky: true});"
    " layer.bindPopup(feature.properties.popup, {maxWidth: 380}); }"
)


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
    """

    name: str
    features: list[dict[str, Any]] = field(default_factory=list)
    show: bool = True
    symbol: str | None = None


def _word(key: str, lang: str) -> str:
    """A map-specific word in ``lang``, else a shared term from :func:`label`."""
    pair = _WORDS.get(key)
    if pair is None:
        return label(key, lang)
    return pair[1] if lang == "zh" else pair[0]


def _join(group: str, item: str, lang: str) -> str:
    """An overlay name: its group and item, with the language's colon."""
    return f"{group}{'：' if lang == 'zh' else ': '}{item}"


def _fmt(value: Any, lang: str, digits: int = 0) -> str:
    """A figure as text: numbers with separators, booleans as yes/no, missing as a dash."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if isinstance(value, bool | np.bool_):
        return _word("yes" if value else "no", lang)
    if isinstance(value, int | float | np.integer | np.floating):
        return f"{float(value):,.{digits}f}"
    return str(value)


def _popup(title: str, rows: Iterable[tuple[str, Any]]) -> str:
    """Escaped HTML for a popup: a heading and a two-column table, values escaped."""
    body = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in rows
    )
    return f"<h4>{html.escape(title)}</h4><table>{body}</table>"


def _feature(geom: Any, tip: str, popup: str, style: dict[str, Any] | None) -> dict[str, Any]:
    """A GeoJSON feature with an escaped tooltip (``tip`` is plain text) and popup HTML."""
    props: dict[str, Any] = {"tip": html.escape(tip), "popup": popup}
    if style is not None:
        props["style"] = style
    return {"type": "Feature", "geometry": mapping(geom), "properties": props}


def _to_wgs84(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``frame`` in EPSG:4326 with non-empty single-part-drawable geometries, rounded to ~0.1 m.

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
    return frame.set_geometry(shapely.set_precision(frame.geometry.values, 1e-6))


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
        out["shelter"] = "; ".join(sorted(cited))
    if report.activity_spaces is not None:
        for circle, figures in report.activity_spaces.circles.items():
            out[f"space_{circle}"] = "; ".join(dict.fromkeys(figures.sources.values()))
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
            (_word("id", lang), _text(a["id"])),
            (_word("population", lang), _fmt(pop, lang)),
            (_word("distance_m", lang), _fmt(a.get(f"d_{indicator}"), lang)),
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
            colour = {"sheltered_all": _GREEN, "sheltered_part": _ORANGE}.get(state, _RED)
            rows += [
                (_word("sheltered", lang), _fmt(sheltered, lang)),
                (_word("unsheltered", lang), _fmt(a["unsheltered"], lang)),
            ]
        else:
            state = "covered" if a[f"ok_{indicator}"] else "not_covered"
            colour = _GREEN if state == "covered" else _RED
        rows += [(_word("source", lang), source)]
        style = {
            "radius": _marker_radius(pop, 3.0, 4.0, 12.0),
            "color": "#222",
            "weight": 1,
            "fillColor": colour,
            "fillOpacity": 0.85,
        }
        tip = f"{_text(a['id'])}: {_fmt(pop, lang)} · {_word(state, lang)}"
        title = f"{label('residents', lang)} · {label(indicator, lang)}"
        features.append(_feature(geom, tip, _popup(title, rows), style))
    name = _join(label("residents", lang), label(indicator, lang), lang)
    return MapLayer(name, features, show=indicator == "shelter")


def _load_colour(figures: Mapping[str, Any]) -> tuple[str, float | None]:
    """A shelter's colour by load (assigned ÷ capacity) and the load; grey when it holds none."""
    capacity = float(figures["capacity_persons"] or 0.0)
    if not figures.get("eligible", True) or capacity <= 0:
        return _GREY, None
    load = float(figures["assigned"]) / capacity
    return next(c for top, c, _ in _LOAD_CLASSES if load < top), load


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
            (_word("id", lang), _text(a["id"])),
            (_word("class", lang), _text(a["class"])),
            (_word("use", lang), _word("dual_use", lang) if a["use"] == "dual_use" else ""),
            (_word("capacity", lang), _fmt(a["capacity_persons"], lang)),
            (_word("assigned", lang), _fmt(a["assigned"], lang)),
            (_word("load", lang), "—" if load is None else f"{load:.0%}"),
            (_word("spare", lang), _fmt(a["spare"], lang)),
            (_word("nearest_demand", lang), _fmt(a["nearest_demand"], lang)),
            (_word("over_capacity", lang), _fmt(bool(a["over_capacity"]), lang)),
            (_word("eligible", lang), _fmt(bool(a["eligible"]), lang)),
            (_word("capacity_removed", lang), removed_text or "—"),
            (_word("steward", lang), _text(a.get("steward"))),
            (_word("radius_m", lang), _fmt(a["radius_m"], lang)),
            (_word("source", lang), _text(rule.get("source"))),
        ]
        name = _name(a)
        tip = f"{name}: {_word('assigned', lang)} {_fmt(a['assigned'], lang)} / " + _fmt(
            a["capacity_persons"], lang
        )
        popup = _popup(name, [r for r in rows if r[1]])
        edge = "#67000d" if a["over_capacity"] else "#333"
        circle = {
            "radius": _marker_radius(float(a["capacity_persons"] or 0), 4.0, 8.0, 24.0),
            "color": edge,
            "weight": 3 if a["over_capacity"] else 1.5,
            "fillColor": colour,
            "fillOpacity": 0.9,
        }
        if geom.geom_type != "Point":
            area = {"color": edge, "weight": 2, "fillColor": colour, "fillOpacity": 0.35}
            features.append(_feature(geom, tip, popup, area))
            geom = geom.representative_point()
        features.append(_feature(geom, tip, popup, circle))
    return MapLayer(label("shelters", lang), features)


def _area_layers(
    report: Report,
    kind: Literal["service_areas", "gap_areas"],
    sources: Mapping[str, str],
    lang: str,
) -> list[MapLayer]:
    """One overlay per indicator of the service-area or gap-area layer (only shelters' on)."""
    if kind not in report.layers:
        return []
    frame = _to_wgs84(report.layers[kind])
    colour = _AREA_COLOURS[kind]
    out = []
    for indicator, part in frame.groupby("indicator", sort=False):
        ind = str(indicator)
        name = _join(label(kind, lang), label(ind, lang), lang)
        features = []
        for geom, a in _rows(part):
            rows: list[tuple[str, Any]] = [(_word("area_m2", lang), _fmt(a["area_m2"], lang))]
            if kind == "gap_areas":
                rows = [
                    (_word("population", lang), _fmt(a["population"], lang)),
                    (_word("residents_count", lang), _fmt(a["residents"], lang)),
                    *rows,
                ]
            rows.append((_word("source", lang), sources.get(ind, "")))
            style = {
                "color": colour,
                "weight": 1.5,
                "dashArray": "4 3" if kind == "gap_areas" else None,
                "fillColor": colour,
                "fillOpacity": 0.3 if kind == "gap_areas" else 0.18,
            }
            features.append(_feature(geom, name, _popup(name, rows), style))
        out.append(MapLayer(name, features, show=ind == "shelter"))
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
    rows = [(_word("id", lang), _text(a.get("id")))]
    for key in (*keys, "steward"):
        value = _text(a.get(key))
        if value:
            rows.append((_word(key, lang), label(value, lang) if key == "kind" else value))
    return rows


def _facility_layers(plan: Plan, report: Report, lang: str) -> list[MapLayer]:
    """One overlay per facility kind, with the kind's coverage and cited standard."""
    frame = _plan_frames(plan, "facilities")
    if frame is None:
        return []
    figures_by_kind = report.facilities or {}
    frame = _to_wgs84(frame.assign(kind=frame["kind"].astype(str)))
    kinds = sorted(frame["kind"].unique())
    colours = {k: _PALETTE[i % len(_PALETTE)] for i, k in enumerate(kinds)}
    out = []
    for k, part in frame.groupby("kind", sort=True):
        figures = figures_by_kind.get(str(k))
        features = []
        for geom, a in _rows(part):
            rows = _site_rows(a, lang, "kind")
            if figures:
                rows += [
                    (_word("radius_m", lang), _fmt(figures.radius_m, lang)),
                    (_word("share_covered", lang), f"{figures.share_covered:.0%}"),
                    (_word("source", lang), figures.source),
                ]
            style = {"color": "#222", "weight": 1, "fillColor": colours[k], "fillOpacity": 0.9}
            if geom.geom_type == "Point":
                style["radius"] = 6.0
            else:
                style.update(color=colours[k], weight=2, fillOpacity=0.4)
            tip = f"{_name(a)} ({label(k, lang)})"
            features.append(_feature(geom, tip, _popup(_name(a), rows), style))
        out.append(MapLayer(_join(label("facilities", lang), label(k, lang), lang), features))
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
        rows.append((_word("area_m2", lang), _fmt(a.get("area") or a["_area"], lang)))
        if dual:
            rows.append((_word("use", lang), _word("dual_use", lang)))
        style = {
            "color": "#006d2c",
            "weight": 2 if dual else 1,
            "dashArray": "6 4" if dual else None,
            "fillColor": _SPACE_COLOUR,
            "fillOpacity": 0.45,
        }
        features.append(_feature(geom, _name(a), _popup(_name(a), rows), style))
    return MapLayer(label("activity_spaces", lang), features)


# Context layers: role -> (path style, attributes shown, on at start).
_CONTEXT: dict[str, tuple[dict[str, Any], tuple[str, ...], bool]] = {
    "boundary": ({"color": "#000", "weight": 2, "dashArray": "8 5", "fill": False}, (), True),
    "hazards": (
        {"color": _HAZARD_COLOUR, "weight": 1, "fillColor": _HAZARD_COLOUR, "fillOpacity": 0.22},
        ("hazard",),
        True,
    ),
    "buildings": (
        {"color": "#777", "weight": 0.5, "fillColor": "#aaa", "fillOpacity": 0.5},
        ("height", "floors"),
        True,
    ),
    "network": ({"color": "#888", "weight": 1.5, "opacity": 0.8}, ("width",), True),
    "hazard_sources": (
        {"color": _SOURCE_COLOUR, "weight": 3, "fillColor": _SOURCE_COLOUR, "fillOpacity": 0.9},
        ("kind", "voltage"),
        True,
    ),
}


def _context_layer(
    plan: Plan, role: str, lang: str, frame: gpd.GeoDataFrame | None = None
) -> MapLayer | None:
    """The plan's layers of a context role (boundary, hazards, buildings, network, sources);
    ``frame`` replaces them (the scenario's hazard zones, rasters included)."""
    frame = frame if frame is not None and len(frame) else _plan_frames(plan, role)
    if frame is None:
        return None
    style, keys, show = _CONTEXT[role]
    features = []
    for geom, a in _rows(_to_wgs84(frame)):
        own = {**style, "radius": 5.0} if geom.geom_type == "Point" else style
        name = _name(a) or label(role, lang)
        features.append(_feature(geom, name, _popup(name, _site_rows(a, lang, *keys)), own))
    return MapLayer(label(role, lang), features, show=show)


def _violation_layers(plan: Plan, report: Report, lang: str) -> list[MapLayer]:
    """One overlay per principle: a symbol per site listing its violations with their sources."""
    grouped: dict[tuple[str, SiteRef], list[Violation]] = {}
    for v in report.violations:
        grouped.setdefault((v.principle, v.site), []).append(v)
    out = []
    for principle in _PRINCIPLES:
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
                        (_word("rule", lang), v.rule),
                        (_word("layer", lang), site.layer_label),
                        (_word("id", lang), site.feature),
                        (_word("measured", lang), _fmt(v.measured, lang, 1)),
                        (_word("required", lang), _fmt(v.required, lang, 1)),
                        ("", v.message or ""),
                        (_word("source", lang), v.source or ""),
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
            _feature(shapely.set_precision(g, 1e-6), tip, popup, None)
            for g, (tip, popup) in zip(wgs, props, strict=True)
        ]
        name = _join(label("violations", lang), label(principle, lang), lang)
        out.append(MapLayer(name, features, symbol=principle))
    return out


def map_layers(plan: Plan, report: Report, *, lang: str = "en") -> list[MapLayer]:
    """The web map's overlays, bottom to top.

    Parameters
    ----------
    plan
        The plan that was evaluated.
    report
        Its evaluation (:func:`spaceplanner.evaluate`).
    lang
        ``en`` or ``zh``.

    Returns
    -------
    list of MapLayer
        Service areas, gap areas, context layers, activity spaces, shelters, facilities,
        residents per indicator and violations per principle; empty overlays are left out.
    """
    sources = _indicator_sources(report)
    layers = _area_layers(report, "service_areas", sources, lang)
    layers += _area_layers(report, "gap_areas", sources, lang)
    zones = report.layers.get("hazard_zones")
    context = {
        role: _context_layer(plan, role, lang, zones if role == "hazards" else None)
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
    layers += [
        _resident_layer(report, ind, sources.get(ind, ""), lang) for ind in _indicators(report)
    ]
    layers += _violation_layers(plan, report, lang)
    layers += _suggestion_layer(report, lang)
    return [lyr for lyr in layers if lyr.features]


def _suggestion_layer(report: Report, lang: str) -> list[MapLayer]:
    """Suggested sites (``spaceplanner suggest``), when the export was given them."""
    frame = report.layers.get("suggestions")
    if frame is None or frame.empty:
        return []
    name = "Suggested sites" if lang == "en" else "建议场地"
    features = []
    for geom, a in _rows(_to_wgs84(frame)):
        rows = [
            ("#", _text(a.get("rank"))),
            (_word("id", lang), _text(a.get("id"))),
            ("+", _fmt(a.get("gain"), lang)),
            ("", _text(a.get("reason"))),
        ]
        tip = f"{a.get('rank')}. {_text(a.get('id'))}"
        style = {
            "color": "#92400e",
            "weight": 3,
            "fillColor": "#f59e0b",
            "fillOpacity": 0.7,
            "radius": 9,
        }
        features.append(_feature(geom, tip, _popup(name, rows), style))
    return [MapLayer(name, features)]


# -- page ---------------------------------------------------------------------------------


def _leaflet_assets() -> tuple[str, str]:
    """Leaflet's JS and CSS from xstatic-leaflet, with the CSS images as data URIs."""
    base = Path(xstatic_leaflet.BASE_DIR)
    js = (base / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        data = base64.b64encode((base / match.group(1)).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return js, re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)


def _swatch(colour: str, text: str, *, dot: bool = False, edge: str = "#555") -> str:
    """A legend row: a colour patch (square or dot) and an escaped label."""
    shape = "sp-dot" if dot else "sp-swatch"
    return (
        f'<div class="sp-row"><span class="{shape}" style="background:{colour};'
        f'border-color:{edge}"></span>{html.escape(text)}</div>'
    )


def _symbol(principle: str) -> str:
    """The HTML of a violation symbol (a coloured shape with the principle's character)."""
    colour, shape, _ = _PRINCIPLES[principle]
    return f'<div class="sp-sym {shape}" style="background:{colour}"><span>{principle}</span></div>'


def _legend(layers: list[MapLayer], report: Report, lang: str) -> str:
    """The legend's HTML for the overlays present."""

    def w(key: str) -> str:
        return html.escape(_word(key, lang))

    parts = [f"<h2>{w('legend')}</h2>", f"<h3>{w('residents')} ({w('size_population')})</h3>"]
    parts += [
        _swatch(_GREEN, f"{_word('covered', lang)} / {_word('sheltered_all', lang)}", dot=True),
        _swatch(_ORANGE, _word("sheltered_part", lang), dot=True),
        _swatch(_RED, f"{_word('not_covered', lang)} / {_word('sheltered_none', lang)}", dot=True),
    ]
    if any(lyr.name == label("shelters", lang) for lyr in layers):
        parts.append(
            f"<h3>{html.escape(_join(label('shelters', lang), _word('load', lang), lang))}</h3>"
        )
        parts += [
            _swatch(c, _word("full", lang) if t == "full" else t, dot=True)
            for _, c, t in _LOAD_CLASSES
        ]
        parts.append(_swatch(_GREY, _word("ineligible", lang), dot=True))
        parts.append(_swatch("#fff", _word("over_capacity", lang), dot=True, edge="#67000d"))
        parts.append(f"<div>{w('size_capacity')}</div>")
    parts.append(f"<h3>{w('context')}</h3>")
    parts.append(_swatch(_SPACE_COLOUR, label("activity_spaces", lang)))
    parts.append(_swatch(_HAZARD_COLOUR, _word("hazard_zone", lang)))
    parts.append(_swatch(_SOURCE_COLOUR, label("hazard_sources", lang)))
    parts += [_swatch(c, label(kind, lang)) for kind, c in _AREA_COLOURS.items()]
    facilities = _join(label("facilities", lang), "", lang)
    kinds = [lyr for lyr in layers if lyr.name.startswith(facilities)]
    if kinds:
        parts.append(f"<h3>{w('facilities')}</h3>")
        parts += [
            _swatch(
                lyr.features[0]["properties"]["style"]["fillColor"],
                lyr.name.removeprefix(facilities),
                dot=True,
            )
            for lyr in kinds
        ]
    parts.append(f"<h3>{w('violations')}</h3>")
    parts += [
        f'<div class="sp-row">{_symbol(p)}{html.escape(label(p, lang))}</div>' for p in _PRINCIPLES
    ]
    return f'<div id="sp-legend" class="sp-box sp-legend">{"".join(parts)}</div>'


def _title(plan: Plan, report: Report, lang: str) -> tuple[str, str]:
    """The page title (plain text) and the title box's HTML."""
    name = report.plan or plan.name
    facts = [
        _join(_word("scenario", lang), label(report.scenario, lang), lang),
        _join(_word("period", lang), label(report.period, lang), lang),
        _join(_word("date", lang), date.today().isoformat(), lang),
    ]
    rules = f"{report.rules} — {report.rules_title}"
    line2 = _join(_word("rules", lang), rules, lang)
    box = (
        f'<div id="sp-title" class="sp-box sp-title"><h1>{html.escape(name)}</h1>'
        f"<div>{html.escape(' · '.join(facts))}</div><div>{html.escape(line2)}</div></div>"
    )
    return f"{name} — {' · '.join(facts)}", box


class _PageControls(MacroElement):
    """Moves the title and legend boxes into Leaflet controls and adds the zoom control.

    Title top left above the zoom buttons, legend bottom left above the scale bar: Leaflet
    stacks controls in a corner, so they never overlap.
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}{{ this.title_html }}{{ this.legend_html }}{% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            function box(id, position) {
                var control = L.control({position: position});
                control.onAdd = function () {
                    var div = document.getElementById(id);
                    L.DomEvent.disableClickPropagation(div);
                    L.DomEvent.disableScrollPropagation(div);
                    return div;
                };
                control.addTo(map);
            }
            box("sp-title", "topleft");
            L.control.zoom({position: "topleft"}).addTo(map);
            box("sp-legend", "bottomleft");
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, title_html: str, legend_html: str) -> None:
        super().__init__()
        self._name = "PageControls"
        self.title_html = title_html
        self.legend_html = legend_html


def _add_overlay(fmap: folium.Map, layer: MapLayer) -> None:
    """Add one overlay: circle markers and paths styled per feature, or violation symbols."""
    data = {"type": "FeatureCollection", "features": layer.features}
    if layer.symbol is None:
        marker: folium.CircleMarker | folium.Marker = folium.CircleMarker(fill=True)
    else:
        anchor = _PRINCIPLES[layer.symbol][2]
        icon = folium.DivIcon(
            html=_symbol(layer.symbol),
            icon_size=(18, 18),
            icon_anchor=(anchor + 9, 9),
            class_name="sp-vicon",
        )
        marker = folium.Marker(icon=icon)
    folium.GeoJson(
        data,
        name=html.escape(layer.name),
        show=layer.show,
        marker=marker,
        on_each_feature=_BIND_POPUPS,
    ).add_to(fmap)


class _Raw(Element):
    """Text put into the page as it is (not read as a template: Leaflet's code has braces)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """The text itself."""
        return self.text


def _bounds(plan: Plan, report: Report) -> list[list[float]]:
    """The area to show, [[south, west], [north, east]]: the boundary, else all layers."""
    frames = [lyr.frame for lyr in plan.by_role("boundary") if lyr.frame is not None]
    if not frames:
        frames = [lyr.frame for lyr in plan if lyr.frame is not None and len(lyr.frame)]
        frames += [f for f in report.layers.values() if len(f)]
    boxes = np.array([f.to_crs(4326).total_bounds for f in frames])
    west, south = np.nanmin(boxes[:, :2], axis=0)
    east, north = np.nanmax(boxes[:, 2:], axis=0)
    return [[float(south), float(west)], [float(north), float(east)]]


def write_webmap(
    plan: Plan, report: Report, path: Path, *, lang: str = "en", basemap: str | None = None
) -> Path:
    """Write the evaluation as one self-contained, offline HTML map.

    Parameters
    ----------
    plan
        The plan that was evaluated.
    report
        Its evaluation (:func:`spaceplanner.evaluate`).
    path
        The HTML file to write (replaced atomically if it exists).
    lang
        ``en`` or ``zh``: the language of names, legend, tooltips and popups.
    basemap
        An online tile layer (a folium/xyzservices name such as ``"OpenStreetMap"``) to add as
        a base layer. None (default) keeps the page fully offline.

    Returns
    -------
    Path
        ``path``.
    """
    layers = map_layers(plan, report, lang=lang)
    page_title, title_html = _title(plan, report, lang)
    figure = Figure(title=html.escape(page_title))
    fmap = folium.Map(tiles=None, control_scale=True, zoom_control=False, prefer_canvas=False)
    fmap.default_js = []  # Leaflet is inlined below; folium's CDN links are not used
    fmap.default_css = []
    figure.add_child(fmap)
    js, css = _leaflet_assets()
    figure.header.add_child(_Raw(f"<style>{css}</style>"), name="leaflet_css")
    figure.header.add_child(_Raw(f"<script>{js}</script>"), name="leaflet_js")
    figure.header.add_child(_Raw(f"<style>{_CSS % {'fonts': _CJK_FONTS}}</style>"), name="sp")
    if basemap is not None:
        folium.TileLayer(basemap, name=html.escape(_word("basemap", lang))).add_to(fmap)
    for layer in layers:
        _add_overlay(fmap, layer)
    folium.LayerControl(collapsed=False).add_to(fmap)
    fmap.add_child(_PageControls(title_html, _legend(layers, report, lang)))
    # Keep the plan clear of the title and legend (left) and the layer list (right).
    fmap.fit_bounds(
        _bounds(plan, report), padding_top_left=(330, 100), padding_bottom_right=(340, 20)
    )
    path = Path(path)
    page = figure.render()
    with atomic_path(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path
