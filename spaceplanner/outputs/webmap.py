"""The offline web map: one self-contained HTML page of a plan and its evaluation.

``write_webmap(plan, report, path)`` draws the residents coloured by coverage, the shelters by
capacity and load, activity spaces, facilities by kind, the exact service areas and gap areas per
indicator and the 让/防/避 siting violations, with a legend, a metric scale bar and layers a
person can toggle in folding groups. Above :data:`~spaceplanner.outputs.webmap_layers.
RESIDENT_POINTS_LIMIT` residents the page is aggregated (gap areas, and only the unserved
residents, packed and drawn on a canvas: see :class:`ResidentPoints`), so that a district's page
is a few MB. Leaflet (from the ``xstatic-leaflet`` package) is inlined into the page and
folium's CDN links are dropped, so the page makes no request; an online basemap is added only
on request.
The overlays are built in :mod:`spaceplanner.outputs.webmap_layers`; this module makes the page
(assets, title, legend, layer control).

Every attribute value shown is data, never markup: tooltips and popups are built here with
:func:`html.escape` and travel as JSON strings (folium's ``GeoJsonTooltip`` and ``Tooltip`` do not
escape the values they show).
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

import folium
import numpy as np
import xstatic.pkg.leaflet as xstatic_leaflet
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from folium.utilities import JsCode

from spaceplanner.files import atomic_path
from spaceplanner.i18n import say
from spaceplanner.model.plan import Plan
from spaceplanner.outputs import symbols
from spaceplanner.outputs.symbols import Symbol
from spaceplanner.outputs.webmap_layers import (
    CONTROL_GROUPS,
    HATCH_ID,
    NO_DISTANCE,
    RESIDENT_POINTS_LIMIT,
    MapLayer,
    ResidentTable,
    map_layers,
    overlay_name,
)
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report

__all__ = [
    "CONTROL_GROUPS",
    "MapLayer",
    "PageControls",
    "map_layers",
    "offline_page",
    "write_webmap",
]

#: The size of a violation symbol on the page, pixels.
_SYMBOL_PX = 18
#: The size of a facility's marker on the page, pixels.
_MARKER_PX = 14

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
  border: 1px solid #333; flex: none; box-sizing: border-box; }
.sp-line { display: inline-block; width: 16px; height: 0; flex: none; }
.sp-layers { font-size: 12px; max-width: 270px; padding: 4px 8px; }
.sp-layers-head { display: flex; align-items: center; justify-content: space-between;
  gap: 8px; cursor: pointer; font-weight: 600; user-select: none; }
.sp-layers-head button { border: none; background: none; cursor: pointer; font-size: 12px;
  padding: 0 2px; }
.sp-layers-body { max-height: calc(100vh - 80px); overflow-y: auto; padding-right: 4px; }
.sp-collapsed .sp-layers-body { display: none; }
.sp-layers details { margin: 3px 0 0 0; }
.sp-layers summary { cursor: pointer; font-weight: 600; }
.sp-layers label { display: flex; align-items: center; gap: 4px; margin: 1px 0 1px 12px;
  cursor: pointer; }
.sp-layers input { margin: 0; }
.sp-note { font-size: 11px; color: #444; font-style: italic; }
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


def _swatch(symbol: Symbol, text: str, *, dot: bool = False, fill: str | None = None) -> str:
    """A legend row: the symbol as a patch (square or dot) and an escaped label."""
    shape = "sp-dot" if dot else "sp-swatch"
    colour = fill or symbol.fill or "#ffffff"
    edge = symbol.stroke or "#555555"
    background = colour
    if symbol.hatched:
        background = (
            f"repeating-linear-gradient(-45deg, {colour} 0 1.5px, transparent 1.5px 4.5px), "
            f"{colour}26"
        )
    border = "dashed" if symbol.dashed else "solid"
    width = 2 if symbol is symbols.OVER_CAPACITY else 1
    return (
        f'<div class="sp-row"><span class="{shape}" style="background:{background};'
        f'border:{width}px {border} {edge}"></span>{html.escape(text)}</div>'
    )


def _line(symbol: Symbol, text: str) -> str:
    """A legend row for a line: a short stroke in the symbol's colour."""
    border = "dashed" if symbol.dashed else "solid"
    return (
        f'<div class="sp-row"><span class="sp-line" style="border-top:2px {border} '
        f'{symbol.stroke}"></span>{html.escape(text)}</div>'
    )


def _outline(shape: str) -> list[tuple[float, float]]:
    """The corners of a marker shape (see :data:`~spaceplanner.outputs.symbols.MPL_MARKERS`)
    on a unit square centred on 0, y down; a circle has none."""
    turns = {
        "square": (4, 45.0),
        "diamond": (4, 0.0),
        "triangle_up": (3, 0.0),
        "triangle_down": (3, 180.0),
        "triangle_left": (3, 270.0),
        "triangle_right": (3, 90.0),
        "pentagon": (5, 0.0),
        "hexagon": (6, 0.0),
        "octagon": (8, 22.5),
    }
    if shape in turns:
        sides, start = turns[shape]
        radius = 0.56 if shape == "square" else 0.5
        angles = [math.radians(start + 360 * i / sides) for i in range(sides)]
        return [(radius * math.sin(a), -radius * math.cos(a)) for a in angles]
    if shape == "thin_diamond":
        return [(0, -0.5), (0.3, 0), (0, 0.5), (-0.3, 0)]
    if shape in ("plus", "cross"):
        a, b = 0.5, 0.17
        arm = [(-b, -a), (b, -a), (b, -b), (a, -b), (a, b), (b, b), (b, a), (-b, a), (-b, b)]
        arm += [(-a, b), (-a, -b), (-b, -b)]
        if shape == "cross":
            c = math.cos(math.pi / 4)
            arm = [(c * (x - y), c * (x + y)) for x, y in arm]
        return arm
    if shape == "star":
        return [
            (r * math.sin(math.pi * i / 5), -r * math.cos(math.pi * i / 5))
            for i, r in zip(range(10), [0.5, 0.2] * 5, strict=True)
        ]
    return []


def _marker_svg(symbol: Symbol, size: int) -> str:
    """An inline SVG of a point symbol: its shape, fill and outline, ``size`` pixels wide."""
    edge = symbol.stroke or "none"
    corners = _outline(symbol.marker)
    if corners:
        points = " ".join(
            f"{size / 2 + x * size:.2f},{size / 2 + y * size:.2f}" for x, y in corners
        )
        body = f'<polygon points="{points}"'
    else:
        body = f'<circle cx="{size / 2}" cy="{size / 2}" r="{size / 2 - 1}"'
    return (
        f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
        f'{body} fill="{symbol.fill}" stroke="{edge}" stroke-width="1"/></svg>'
    )


def _symbol(principle: str) -> str:
    """The HTML of a violation symbol (a coloured shape with the principle's character)."""
    mark = symbols.PRINCIPLES[principle]
    return (
        f'<div class="sp-sym sp-{mark.marker}" style="background:{mark.colour}">'
        f"<span>{principle}</span></div>"
    )


def _legend(layers: list[MapLayer], lang: str) -> str:
    """The legend's HTML for the overlays present."""

    def w(key: str) -> str:
        return html.escape(label(key, lang))

    groups = {lyr.group for lyr in layers}
    parts = [f"<h2>{w('legend')}</h2>"]
    if "residents" in groups:
        parts.append(f"<h3>{w('residents')} ({w('size_population')})</h3>")
        packed = any(lyr.points is not None for lyr in layers)
        if packed:
            parts.append(f'<div class="sp-note">{w("unserved_only")}</div>')
        else:
            covered = f"{label('covered', lang)} / {label('sheltered_all', lang)}"
            parts.append(_swatch(symbols.COVERED, covered, dot=True))
        parts += [
            _swatch(symbols.PARTLY_COVERED, label("sheltered_part", lang), dot=True),
            _swatch(
                symbols.NOT_COVERED,
                f"{label('not_covered', lang)} / {label('sheltered_none', lang)}",
                dot=True,
            ),
        ]
    if "shelters" in groups:
        heading = overlay_name(label("shelters", lang), label("load", lang), lang)
        parts.append(f"<h3>{html.escape(heading)}</h3>")
        shelters = symbols.role_symbol("shelters")
        parts += [
            _swatch(shelters, label(c.key, lang), dot=True, fill=c.colour)
            for c in symbols.LOAD_CLASSES
        ]
        parts.append(_swatch(symbols.INELIGIBLE, label("ineligible", lang), dot=True))
        parts.append(_swatch(symbols.OVER_CAPACITY, label("over_capacity", lang), dot=True))
        parts.append(f"<div>{w('size_capacity')}</div>")
    context = []
    for group in ("service_areas", "gap_areas", "activity_spaces", "hazards", "buildings"):
        if group in groups:
            symbol = {
                "service_areas": symbols.SERVICE_AREAS,
                "gap_areas": symbols.GAP_AREAS,
            }.get(group) or symbols.role_symbol(group)
            context.append(_swatch(symbol, label(group, lang)))
    if "hazard_sources" in groups:
        context.append(
            _swatch(symbols.role_symbol("hazard_sources"), label("hazard_sources", lang), dot=True)
        )
    for group in ("network", "boundary"):
        if group in groups:
            context.append(_line(symbols.role_symbol(group), label(group, lang)))
    if "suggestions" in groups:
        context.append(_swatch(symbols.SUGGESTED, label("suggestions", lang), dot=True))
    if context:
        parts += [f"<h3>{w('context')}</h3>", *context]
    kinds = [lyr.item for lyr in layers if lyr.group == "facilities"]
    if kinds:
        parts.append(f"<h3>{w('facilities')}</h3>")
        parts += [
            f'<div class="sp-row">{_marker_svg(symbols.facility_symbol(k), 13)}'
            f"{html.escape(label(k, lang))}</div>"
            for k in kinds
        ]
    principles = [lyr.item for lyr in layers if lyr.group == "violations"]
    if principles:
        parts.append(f"<h3>{w('violations')}</h3>")
        parts += [
            f'<div class="sp-row">{_symbol(p)}{html.escape(label(p, lang))}</div>'
            for p in principles
        ]
    return f'<div id="sp-legend" class="sp-box sp-legend">{"".join(parts)}</div>'


def _hatch_pattern() -> str:
    """The SVG pattern gap areas are filled with (Leaflet's SVG paths refer to it by id)."""
    gap = symbols.GAP_AREAS
    return (
        '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
        f'<pattern id="{HATCH_ID}" patternUnits="userSpaceOnUse" width="7" height="7" '
        'patternTransform="rotate(-45)">'
        f'<rect width="7" height="7" fill="{gap.fill}" fill-opacity="{gap.opacity}"/>'
        f'<line x1="0" y1="0" x2="0" y2="7" stroke="{gap.stroke}" stroke-width="2" '
        'stroke-opacity="0.8"/></pattern></defs></svg>'
    )


def _title(plan: Plan, report: Report, lang: str) -> tuple[str, str]:
    """The page title (plain text) and the title box's HTML."""
    name = report.plan or plan.name
    facts = [
        overlay_name(label("scenario", lang), label(report.scenario, lang), lang),
        overlay_name(label("period", lang), label(report.period, lang), lang),
        overlay_name(label("date", lang), date.today().isoformat(), lang),
    ]
    rules = f"{report.rules} — {say(report.rules_title, lang)}"
    line2 = overlay_name(label("rules", lang), rules, lang)
    box = (
        f'<div id="sp-title" class="sp-box sp-title"><h1>{html.escape(name)}</h1>'
        f"<div>{html.escape(' · '.join(facts))}</div><div>{html.escape(line2)}</div></div>"
    )
    return f"{name} — {' · '.join(facts)}", box


class PageControls(MacroElement):
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


def _add_overlay(fmap: folium.Map, layer: MapLayer) -> str:
    """Add one overlay: circle markers and paths styled per feature, or violation symbols.
    Returns the JavaScript name of its Leaflet layer."""
    data = {"type": "FeatureCollection", "features": layer.features}
    marker: folium.CircleMarker | folium.Marker
    if layer.group == "facilities":
        icon = folium.DivIcon(
            html=_marker_svg(symbols.facility_symbol(layer.item), _MARKER_PX),
            icon_size=(_MARKER_PX, _MARKER_PX),
            icon_anchor=(_MARKER_PX // 2, _MARKER_PX // 2),
            class_name="sp-vicon",
        )
        marker = folium.Marker(icon=icon)
    elif layer.symbol is None:
        marker = folium.CircleMarker(fill=True)
    else:
        right, up = symbols.PRINCIPLES[layer.symbol].offset(_SYMBOL_PX)
        half = _SYMBOL_PX / 2
        icon = folium.DivIcon(
            html=_symbol(layer.symbol),
            icon_size=(_SYMBOL_PX, _SYMBOL_PX),
            icon_anchor=(round(half - right), round(half + up)),
            class_name="sp-vicon",
        )
        marker = folium.Marker(icon=icon)
    overlay = folium.GeoJson(
        data,
        name=html.escape(layer.name),
        show=layer.show,
        marker=marker,
        on_each_feature=_BIND_POPUPS,
        control=False,
    )
    overlay.add_to(fmap)
    return overlay.get_name()


def _script_json(value: Any) -> str:
    """``value`` as JSON that is safe inside a <script> (no ``<``, ``>``, ``&`` as such)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class ResidentPoints(MacroElement):
    """The residents of an aggregated page: one packed table of points and, per indicator, the
    rows it leaves unserved, drawn on a canvas when their overlay is first switched on, with a
    tooltip and popup made on demand (see :class:`~spaceplanner.outputs.webmap_layers.
    ResidentTable`). ``<name>.get(indicator)`` gives the indicator's Leaflet layer."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var T = {{ this.table }};
            var P = {{ this.layers }};
            var made = {};
            var canvas = L.canvas({padding: 0.5});
            function fmt(v) {
                return v === null || v === undefined ? "\u2014"
                    : Number(v).toLocaleString("en-US", {maximumFractionDigits: 0});
            }
            function radius(p) { return Math.min(12, 3 + Math.sqrt(Math.max(p, 0)) / 4); }
            function make(key) {
                var p = P[key], group = L.featureGroup(), bits = atob(p.rows), rows = [];
                for (var i = 0; i < T.pop.length; i++) {
                    if ((bits.charCodeAt(i >> 3) >> (i & 7)) & 1) { rows.push(i); }
                }
                p.rows = rows;  // the bits become the rows' numbers once, here
                var d = atob(p.d);
                p.d = rows.map(function (_, k) {
                    var v = d.charCodeAt(2 * k) | (d.charCodeAt(2 * k + 1) << 8);
                    return v === {{ this.no_distance }} ? null : v;
                });
                for (var k = 0; k < rows.length; k++) {
                    i = rows[k];
                    var style = Object.assign({}, p.styles[p.s ? p.s[k] : 0],
                        {radius: radius(T.pop[i]), renderer: canvas});
                    var m = L.circleMarker([T.y0 + T.dy[i] / 1e6, T.x0 + T.dx[i] / 1e6], style);
                    m.spRow = k;
                    group.addLayer(m);
                }
                group.bindTooltip(function (m) {
                    var k = m.spRow, i = p.rows[k];
                    var state = p.states[p.s ? p.s[k] : 0];
                    return T.id[i] + ": " + fmt(T.pop[i]) + " \u00b7 " + state;
                }, {sticky: true});
                group.bindPopup(function (m) {
                    var k = m.spRow, i = p.rows[k];
                    var values = [T.id[i], fmt(T.pop[i]), fmt(p.d[k])];
                    if (p.u) { values.push(fmt(p.u[k])); }
                    var rows = values.map(function (v, j) {
                        return "<tr><th>" + p.headings[j] + "</th><td>" + v + "</td></tr>";
                    });
                    rows.push("<tr><th>" + p.source[0] + "</th><td>" + p.source[1] + "</td></tr>");
                    return "<h4>" + p.title + "</h4><table>" + rows.join("") + "</table>";
                }, {maxWidth: 380});
                return group;
            }
            return {get: function (key) { return made[key] || (made[key] = make(key)); }};
        })();
        {% endmacro %}
        """
    )

    def __init__(self, table: ResidentTable, layers: list[MapLayer]) -> None:
        super().__init__()
        self._name = "sp_residents"
        self.table = _script_json(table.to_dict())
        self.layers = _script_json({lyr.item: lyr.points for lyr in layers})
        self.no_distance = NO_DISTANCE


class GroupedLayers(MacroElement):
    """The layer control: overlays in folding groups (:data:`CONTROL_GROUPS`), a heading that
    folds the whole list away, top right. Each checkbox adds or removes its layer; a layer made
    on demand (the residents of an aggregated page) is made when first switched on."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}{{ this.control_html }}{% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            var sp_layers = {
                overlays : {
                {%- for name, ref in this.refs %}
                    {{ name }} : {{ ref }},
                {%- endfor %}
                },
            };
            var overlays = sp_layers.overlays;
            function layerOf(name) {
                var v = overlays[name];
                if (typeof v === "function") { v = overlays[name] = v(); }
                return v;
            }
            var div = document.getElementById("sp-layers");
            var control = L.control({position: "topright"});
            control.onAdd = function () {
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            control.addTo(map);
            div.querySelector(".sp-layers-head").addEventListener("click", function () {
                div.classList.toggle("sp-collapsed");
            });
            div.querySelectorAll("input[data-layer]").forEach(function (input) {
                if (input.checked) { map.addLayer(layerOf(input.dataset.layer)); }
                input.addEventListener("change", function () {
                    var layer = layerOf(input.dataset.layer);
                    if (input.checked) { map.addLayer(layer); } else { map.removeLayer(layer); }
                });
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, control_html: str, refs: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "GroupedLayers"
        self.control_html = control_html
        self.refs = [(_script_json(name), ref) for name, ref in refs]


#: Groups of the layer control open when the page opens (with a layer on); all groups with a
#: layer on are open when the page has at most this many overlays (else they would not fit a
#: laptop's screen).
_OPEN_GROUPS = ("gap_areas", "residents", "violations")
_OPEN_ALL_UP_TO = 24


def _control_html(entries: list[tuple[str, MapLayer]], lang: str) -> str:
    """The layer control's HTML: a heading, then a folding group per :data:`CONTROL_GROUPS`
    entry present, each overlay a checkbox named by its item (the group says the rest)."""
    by_group: dict[str, list[str]] = {}
    for group, members in CONTROL_GROUPS.items():
        for name, lyr in entries:
            if lyr.group not in members:
                continue
            text = label(lyr.item, lang) if lyr.item else lyr.name
            checked = " checked" if lyr.show else ""
            by_group.setdefault(group, []).append(
                f'<label><input type="checkbox" class="leaflet-control-layers-selector" '
                f'data-layer="{html.escape(name)}"{checked}><span>{html.escape(text)}</span>'
                "</label>"
            )
    shown = {
        group
        for group, members in CONTROL_GROUPS.items()
        for _, lyr in entries
        if lyr.show
        and lyr.group in members
        and (group in _OPEN_GROUPS or len(entries) <= _OPEN_ALL_UP_TO)
    }
    body = "".join(
        f"<details{' open' if group in shown else ''}><summary>"
        f"{html.escape(label(group, lang))} ({len(rows)})</summary>{''.join(rows)}</details>"
        for group, rows in by_group.items()
    )
    return (
        '<div id="sp-layers" class="sp-box sp-layers"><div class="sp-layers-head">'
        f'<span>{html.escape(label("layers", lang))}</span><button type="button" '
        f'aria-label="{html.escape(label("layers", lang))}">☰</button></div>'
        f'<div class="sp-layers-body">{body}</div></div>'
    )


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
    return [[round(float(v), 6) for v in corner] for corner in ((south, west), (north, east))]


class _MetricScale(MacroElement):
    """A metric scale bar, bottom left (planners measure in metres; no miles and feet)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false, maxWidth: 150}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


def offline_page(title: str) -> tuple[Figure, folium.Map]:
    """An empty self-contained page (Leaflet inlined, no CDN, the CJK fonts and the page's
    styles) with its map, for :func:`write_webmap` and the city batch's overview map."""
    figure = Figure(title=html.escape(title))
    fmap = folium.Map(
        tiles=None, control_scale=False, zoom_control=False, prefer_canvas=False, zoom_snap=0.25
    )
    fmap.add_child(_MetricScale())
    fmap.default_js = []  # Leaflet is inlined below; folium's CDN links are not used
    fmap.default_css = []
    figure.add_child(fmap)
    js, css = _leaflet_assets()
    figure.header.add_child(_Raw(f"<style>{css}</style>"), name="leaflet_css")
    figure.header.add_child(_Raw(f"<script>{js}</script>"), name="leaflet_js")
    figure.header.add_child(_Raw(f"<style>{_CSS % {'fonts': _CJK_FONTS}}</style>"), name="sp")
    return figure, fmap


def write_webmap(
    plan: Plan,
    report: Report,
    path: Path,
    *,
    lang: str = "en",
    basemap: str | None = None,
    limit: int = RESIDENT_POINTS_LIMIT,
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
    limit
        Above this many resident points the page draws the gaps aggregated: gap areas and only
        the residents left unserved, packed (:data:`~spaceplanner.outputs.webmap_layers.
        RESIDENT_POINTS_LIMIT`).

    Returns
    -------
    Path
        ``path``.
    """
    layers = map_layers(plan, report, lang=lang, limit=limit)
    page_title, title_html = _title(plan, report, lang)
    figure, fmap = offline_page(page_title)
    refs: list[tuple[str, str]] = []
    entries: list[tuple[str, MapLayer]] = []
    if basemap is not None:
        tiles = folium.TileLayer(basemap, name=html.escape(label("basemap", lang)), control=False)
        tiles.add_to(fmap)
        base = MapLayer(label("basemap", lang), group="basemap")
        refs.append((base.name, tiles.get_name()))
        entries.append((base.name, base))
    packed = [lyr for lyr in layers if lyr.points is not None and lyr.table is not None]
    if packed:
        assert packed[0].table is not None
        points = ResidentPoints(packed[0].table, packed)
        fmap.add_child(points)
    for layer in layers:
        if layer.points is not None:
            ref = f"function () {{ return {points.get_name()}.get({_script_json(layer.item)}); }}"
        else:
            ref = _add_overlay(fmap, layer)
        refs.append((layer.name, ref))
        entries.append((layer.name, layer))
    fmap.add_child(GroupedLayers(_control_html(entries, lang), refs))
    fmap.add_child(PageControls(title_html + _hatch_pattern(), _legend(layers, lang)))
    # Keep the plan clear of the title and legend (left) and the layer list (right).
    fmap.fit_bounds(
        _bounds(plan, report), padding_top_left=(330, 100), padding_bottom_right=(340, 20)
    )
    path = Path(path)
    page = figure.render()
    with atomic_path(path) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return path
