"""The city health check's outputs: the table of communities (GeoPackage and CSV), the overview
web map (a choropleth with an indicator chooser, each community linked to its own map) and the
PDF atlas (an overview sheet, then each community's map sheet)."""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from branca.element import MacroElement
from folium.template import Template

from spaceplanner.city.communities import Communities
from spaceplanner.city.work import CommunityResult
from spaceplanner.layers.errors import PlanError
from spaceplanner.results.labels import label

__all__ = [
    "below_standard",
    "community_table",
    "item_label",
    "share_columns",
    "write_atlas",
    "write_csv",
    "write_overview_map",
]

_METRICS = {
    "covered": ("covered", "覆盖率"),
    "per_capita": ("per person", "人均"),
    "sheltered": ("sheltered", "安置率"),
    "capacity": ("capacity", "容量"),
}


def item_label(item: str, lang: str) -> str:
    """A pass/fail item (``kindergarten_covered``, ``park_green_per_capita``) in words."""
    for metric, words in _METRICS.items():
        if item.endswith("_" + metric):
            key = item[: -len(metric) - 1]
            return f"{label(key, lang)} · {words[1 if lang == 'zh' else 0]}"
    return label(item, lang)


_RAMP = ["#d73027", "#fc8d59", "#fee08b", "#d9ef8b", "#91cf60", "#1a9850"]
_NO_DATA = "#bdbdbd"


def community_table(
    communities: Communities, results: Sequence[CommunityResult | None]
) -> gpd.GeoDataFrame:
    """One row per community, in the boundaries' order: the id field as given, ``name``,
    ``status``, the figures of :func:`~spaceplanner.city.work.figures_row`, ``share_met``
    (targets met ÷ assessed) and ``rank`` (1 = the highest share met; ties share a rank; none
    for a failed community)."""
    rows: list[dict[str, Any]] = []
    for i, res in enumerate(results):
        row: dict[str, Any] = {
            communities.id_field: communities.ids[i],
            communities.name_column: communities.names[i],
            "status": "not run" if res is None else res.status,
        }
        if res is not None:
            row.update(res.row)
        rows.append(row)
    frame = pd.DataFrame(rows)
    if "targets_met" in frame:
        assessed = frame["targets_assessed"].astype(float)
        frame["share_met"] = np.where(assessed > 0, frame["targets_met"] / assessed, np.nan)
        ok = frame["status"] == "ok"
        frame["rank"] = frame["share_met"].where(ok).rank(ascending=False, method="min")
        frame["rank"] = frame["rank"].astype("Int64")
    out = gpd.GeoDataFrame(frame, geometry=list(communities.geoms), crs=communities.crs)
    out.attrs["name_column"] = communities.name_column
    return out


def _names(frame: pd.DataFrame) -> pd.Series:
    return frame[frame.attrs.get("name_column", "name")]


def share_columns(frame: pd.DataFrame) -> list[str]:
    """The indicator columns a map can colour: each share, and the share of targets met."""
    shares = [c for c in frame.columns if str(c).endswith(("_share_covered", "_share_sheltered"))]
    return [*(["share_met"] if "share_met" in frame else []), *shares]


def below_standard(frame: pd.DataFrame) -> dict[str, int]:
    """City level: for each pass/fail item, how many communities miss it."""
    return {
        str(c)[5:]: int((frame[c] == 0).sum()) for c in frame.columns if str(c).startswith("pass_")
    }


def write_csv(frame: gpd.GeoDataFrame, path: Path, *, encoding: str = "utf-8") -> None:
    """The table without geometry: UTF-8 with a BOM (Excel opens it right), or GBK."""
    table = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = table.to_csv(index=False)
        path.write_bytes(text.encode(codec))
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        msg = f"'{bad}' in the community table cannot be written in {encoding.upper()}"
        raise PlanError(msg, file=str(path), hint="write the CSV in UTF-8 (the default)") from exc


def write_gpkg(frame: gpd.GeoDataFrame, path: Path) -> None:
    """The table with the boundaries, one layer ``communities``."""
    pyogrio.write_dataframe(frame, path, layer="communities", driver="GPKG")


def _colour(value: float | None) -> str:
    if value is None or not np.isfinite(value):
        return _NO_DATA
    return _RAMP[min(int(value * len(_RAMP)), len(_RAMP) - 1)]


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "—"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return html.escape(str(value))


def _popup(row: pd.Series, name: str, columns: list[str], link: str | None, lang: str) -> str:
    parts = [f"<b>{html.escape(name)}</b>"]
    if row["status"] != "ok":
        parts.append(f"<i>{html.escape(str(row['status']))}</i>")
    else:
        parts.append(f"{label('population', lang)}: {_fmt(row.get('population'))}")
        for col in columns:
            value = row.get(col)
            shown = "—" if pd.isna(value) else f"{float(value):.0%}"
            parts.append(f"{html.escape(_column_label(col, lang))}: {shown}")
        failed = [str(c)[5:] for c in row.index if str(c).startswith("pass_") and row[c] == 0]
        if failed:
            parts.append(f"{label('failed', lang)}: {html.escape(', '.join(failed))}")
    if link:
        parts.append(f'<a href="{html.escape(link)}">{label("open_map", lang)}</a>')
    return "<br>".join(parts)


def _column_label(column: str, lang: str) -> str:
    if column == "share_met":
        return label("share_met", lang)
    for suffix in ("_share_covered", "_share_sheltered"):
        if column.endswith(suffix):
            stem = column[: -len(suffix)]
            key = "shelter" if stem == "shelters" else stem
            return label(key, lang)
    return column


def write_overview_map(
    frame: gpd.GeoDataFrame,
    path: Path,
    *,
    title: str,
    links: dict[int, str],
    lang: str = "en",
) -> None:
    """The choropleth of the communities, one indicator at a time (chosen in a list on the
    map), coloured by its share (red low, green high, grey not evaluated); a click shows the
    community's figures and a link to its own map. Each boundary is in the page once, with
    every indicator's value (a page of 5,000 communities stays a few tens of MB)."""
    from spaceplanner.outputs.webmap import PageControls, offline_page

    figure, fmap = offline_page(title)
    wgs = frame.to_crs(4326)
    wgs = wgs.set_geometry(shapely.set_precision(wgs.geometry.values, 1e-6))
    columns = share_columns(frame)
    names = [str(n) for n in _names(frame)]
    features = []
    for i, geom in enumerate(wgs.geometry):
        series = frame.iloc[i]
        values = [
            None if pd.isna(series.get(col)) else round(float(series[col]), 4) for col in columns
        ]
        features.append(
            {
                "type": "Feature",
                "geometry": geom.__geo_interface__,
                "properties": {
                    "name": html.escape(names[i]),
                    "v": values,
                    "popup": _popup(series, names[i], columns, links.get(i), lang),
                },
            }
        )
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=html.escape(label("communities", lang)),
        style_function=lambda f: {"color": "#333333", "weight": 1, "fillOpacity": 0.7},
    )
    layer.add_to(fmap)
    fmap.add_child(_Chooser(layer, [_column_label(c, lang) for c in columns], _RAMP, _NO_DATA))
    steps = "".join(
        f'<div class="sp-row"><span class="sp-swatch" style="background:{c}"></span>'
        f"{k * 100 // len(_RAMP)}–{(k + 1) * 100 // len(_RAMP)} %</div>"
        for k, c in enumerate(_RAMP)
    )
    legend = (
        f'<div id="sp-legend" class="sp-box sp-legend"><b>{label("share", lang)}</b>{steps}'
        f'<div class="sp-row"><span class="sp-swatch" style="background:{_NO_DATA}"></span>'
        f"{label('not_evaluated', lang)}</div></div>"
    )
    counts = below_standard(frame)
    below = "".join(
        f"<li>{html.escape(item_label(k, lang))}: {v}</li>" for k, v in counts.items() if v
    )
    title_html = (
        f'<div id="sp-title" class="sp-box sp-title"><h1>{html.escape(title)}</h1>'
        f"<p>{len(frame)} {label('communities', lang)}</p>"
        + (f"<p>{label('below_standard', lang)}:</p><ul>{below}</ul>" if below else "")
        + "</div>"
    )
    fmap.add_child(PageControls(title_html, legend))
    west, south, east, north = wgs.total_bounds
    fmap.fit_bounds([[south, west], [north, east]], padding_top_left=(330, 60))
    path.write_text(figure.render(), encoding="utf-8")


class _Chooser(MacroElement):
    """The indicator list on the map: colours the communities by the chosen indicator's value
    and sets the tooltips (name and value)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, layer) {
            var names = {{ this.names|tojson }}, ramp = {{ this.ramp|tojson }};
            var nodata = {{ this.nodata|tojson }}, current = 0;
            function colour(v) {
                if (v === null || v === undefined) { return nodata; }
                return ramp[Math.min(Math.floor(v * ramp.length), ramp.length - 1)];
            }
            function text(v) { return v === null ? "—" : Math.round(v * 100) + " %"; }
            function restyle() {
                layer.setStyle(function (f) {
                    return {fillColor: colour(f.properties.v[current]), color: "#333333",
                            weight: 1, fillOpacity: 0.7};
                });
            }
            layer.eachLayer(function (l) {
                var p = l.feature.properties;
                l.bindTooltip(function () { return p.name + ": " + text(p.v[current]); },
                              {sticky: true});
                l.bindPopup(p.popup, {maxWidth: 380});
            });
            var control = L.control({position: "topright"});
            control.onAdd = function () {
                var box = L.DomUtil.create("div", "sp-box sp-chooser");
                var select = L.DomUtil.create("select", "", box);
                select.id = "sp-indicator";
                names.forEach(function (n, i) {
                    var o = document.createElement("option");
                    o.value = i; o.textContent = n; select.appendChild(o);
                });
                select.onchange = function () { current = +select.value; restyle(); };
                L.DomEvent.disableClickPropagation(box);
                return box;
            };
            control.addTo(map);
            restyle();
        })({{ this._parent.get_name() }}, {{ this.layer.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, layer: folium.GeoJson, names: list[str], ramp: list[str], nodata: str):
        super().__init__()
        self._name = "Chooser"
        self.layer = layer
        self.names = names
        self.ramp = ramp
        self.nodata = nodata


def write_atlas(
    frame: gpd.GeoDataFrame,
    sheets: Sequence[Path | None],
    path: Path,
    *,
    title: str,
    lang: str = "en",
) -> None:
    """One PDF: an overview sheet (the communities coloured by the share of targets met, named,
    and the counts below standard per item), then each community's map sheet in order."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    overview = _overview_sheet(frame, title=title, lang=lang)
    for page in PdfReader(io.BytesIO(overview)).pages:
        writer.add_page(page)
    for sheet in sheets:
        if sheet is not None:
            for page in PdfReader(sheet).pages:
                writer.add_page(page)
    with path.open("wb") as fh:
        writer.write(fh)


def _overview_sheet(frame: gpd.GeoDataFrame, *, title: str, lang: str) -> bytes:
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure

    from spaceplanner.outputs.mapsheet import sheet_fonts
    from spaceplanner.outputs.mapsheet_parts import CJK_TEXT

    with sheet_fonts(lang == "zh" or any(CJK_TEXT.search(str(n)) for n in [title, *_names(frame)])):
        fig = Figure(figsize=(11.69, 8.27))
        FigureCanvasPdf(fig)
        ax = fig.add_axes((0.03, 0.06, 0.62, 0.84))
        values = frame["share_met"] if "share_met" in frame else pd.Series(np.nan, frame.index)
        colours = [_colour(None if pd.isna(v) else float(v)) for v in values]
        frame.plot(ax=ax, color=colours, edgecolor="#333333", linewidth=0.4)
        if len(frame) <= 80:
            for geom, name in zip(frame.geometry, _names(frame), strict=True):
                p = geom.representative_point()
                ax.annotate(str(name), (p.x, p.y), ha="center", va="center", fontsize=6)
        ax.set_axis_off()
        ax.set_aspect("equal")
        fig.text(0.03, 0.94, title, fontsize=16, weight="bold")
        fig.text(
            0.03,
            0.91,
            f"{len(frame)} {label('communities', lang)} · {label('colour_share_met', lang)}",
            fontsize=9,
        )
        counts = below_standard(frame)
        lines = [f"{label('below_standard', lang)}:"] + [
            f"  {item_label(k, lang)}: {v} / {len(frame)}" for k, v in counts.items()
        ]
        failed = int((frame["status"] != "ok").sum())
        if failed:
            lines.append(f"{label('not_evaluated', lang)}: {failed}")
        fig.text(0.68, 0.88, "\n".join(lines[:45]), fontsize=7, va="top")
        buf = io.BytesIO()
        fig.savefig(buf, format="pdf")
    return buf.getvalue()
