"""The map of a map sheet: the plan and one indicator's evaluation drawn on a matplotlib axes.

Buildings, network, boundary, hazard zones and sources, activity spaces, shelters sized by
capacity (over-capacity ones ringed), facilities by kind, the indicator's service and gap areas,
suggested sites and the siting violations by principle (避/防/让), with a scale bar and a
grid-north arrow. Colours and markers are those of :mod:`spaceplanner.outputs.symbols` (as on
the web map and the desktop canvas), words those of :func:`spaceplanner.results.labels.label`.
:func:`draw_map` returns the legend handles for :mod:`spaceplanner.outputs.mapsheet_parts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import Transform, offset_copy

from spaceplanner.model.plan import Plan
from spaceplanner.outputs import symbols
from spaceplanner.outputs.symbols import MPL_MARKERS, Symbol
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report

__all__ = ["draw_map", "draw_north_arrow", "north_arrow", "scale_bar"]

_NICE_LENGTHS_M = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)
#: Points per millimetre (line widths and marker sizes of a symbol are in mm).
_PT_PER_MM = 72 / 25.4
#: A violation marker's size on an A4 sheet, points.
_PRINCIPLE_PT = 5.5


def _frames(plan: Plan, role: str) -> list[gpd.GeoDataFrame]:
    return [lyr.frame for lyr in plan.by_role(role) if lyr.frame is not None and len(lyr.frame)]


def _extent(plan: Plan, report: Report) -> tuple[float, float, float, float]:
    """The map's extent: the boundary, else the residents and sites."""
    frames = _frames(plan, "boundary")
    if not frames:
        frames = [report.layers["residents"], report.layers["shelters"]]
        for role in ("residents", "activity_spaces", "facilities"):
            frames += _frames(plan, role)
    bounds = np.array([f.total_bounds for f in frames if len(f)])
    x0, y0 = bounds[:, 0].min(), bounds[:, 1].min()
    x1, y1 = bounds[:, 2].max(), bounds[:, 3].max()
    pad = 0.04 * max(x1 - x0, y1 - y0, 1.0)
    return x0 - pad, y0 - pad, x1 + pad, y1 + pad


def _set_extent(ax: Axes, extent: tuple[float, float, float, float]) -> None:
    """Show ``extent`` at equal scale, widened to fill the axes box."""
    x0, y0, x1, y1 = extent
    box_ratio = ax.bbox.height / ax.bbox.width
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = (x1 - x0) / 2, (y1 - y0) / 2
    if half_h / half_w > box_ratio:
        half_w = half_h / box_ratio
    else:
        half_h = half_w * box_ratio
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlim(cx - half_w, cx + half_w)
    ax.set_ylim(cy - half_h, cy + half_h)


def _plot(ax: Axes, frames: Iterable[gpd.GeoDataFrame], **style: Any) -> None:
    for frame in frames:
        if len(frame):
            frame.plot(ax=ax, **style)


def _area(symbol: Symbol, **changes: Any) -> dict[str, Any]:
    """matplotlib keywords filling polygons with ``symbol`` (fill at its opacity, its outline,
    hatched or dashed as it says); ``changes`` replace keywords."""
    style: dict[str, Any] = {
        "facecolor": (symbol.fill, symbol.opacity) if symbol.fill else "none",
        "edgecolor": symbol.stroke or "none",
        "linewidth": symbol.width * _PT_PER_MM if symbol.stroke else 0.0,
        "linestyle": "--" if symbol.dashed else "-",
    }
    if symbol.hatched:
        style["hatch"] = "////"
    style.update(changes)
    if not style["linewidth"]:
        style["linestyle"] = "-"  # matplotlib refuses dashes on a line of no width
    return style


def _patch(symbol: Symbol, text: str, **changes: Any) -> Patch:
    """A legend handle for polygons drawn with :func:`_area`."""
    style = _area(symbol, **changes)
    style["linewidth"] = min(style["linewidth"], 1.0)
    return Patch(label=text, **style)


def draw_map(
    ax: Axes, plan: Plan, report: Report, lang: str, indicator: str, scale: float
) -> list[Artist]:
    """Draw the map of ``indicator`` on ``ax``; return the legend handles.

    ``scale`` is how much text and symbols grow over A4 (1.41 on A3).
    """
    handles: list[Artist] = []
    layers = report.layers
    service = layers["service_areas"][layers["service_areas"]["indicator"] == indicator]
    area = _area(symbols.SERVICE_AREAS, linewidth=0)
    _plot(ax, [service], zorder=1, **area)
    text = f"{label('service_areas', lang)}: {label(indicator, lang)}"
    handles.append(_patch(symbols.SERVICE_AREAS, text, linewidth=0))
    # the scenario's zones (raster hazards included) when the report has them
    zones = layers.get("hazard_zones")
    hazards = [zones] if zones is not None and len(zones) else _frames(plan, "hazards")
    hazard = symbols.role_symbol("hazards")
    _plot(ax, hazards, zorder=1.5, **_area(hazard))
    if hazards:
        handles.append(_patch(hazard, label("hazards", lang)))
    buildings = symbols.role_symbol("buildings")
    _plot(ax, _frames(plan, "buildings"), zorder=2, **_area(buildings, linewidth=0))
    if _frames(plan, "buildings"):
        handles.append(_patch(buildings, label("buildings", lang), linewidth=0))
    network = symbols.role_symbol("network")
    _plot(ax, _frames(plan, "network"), color=network.stroke, linewidth=0.5 * scale, zorder=3)
    handles.append(Line2D([], [], color=network.stroke, lw=1, label=label("network", lang)))
    spaces = symbols.role_symbol("activity_spaces")
    _plot(ax, _frames(plan, "activity_spaces"), zorder=4, **_area(spaces, linewidth=0.4))
    if _frames(plan, "activity_spaces"):
        handles.append(_patch(spaces, label("activity_spaces", lang)))
    handles += _residents(ax, plan, report, lang, indicator, scale)
    gaps = layers["gap_areas"][layers["gap_areas"]["indicator"] == indicator]
    _plot(ax, [gaps], zorder=5, **_area(symbols.GAP_AREAS, linewidth=0.6))
    text = f"{label('gap_areas', lang)}: {label(indicator, lang)}"
    handles.append(_patch(symbols.GAP_AREAS, text))
    boundary = symbols.role_symbol("boundary")
    _plot(ax, _frames(plan, "boundary"), zorder=6, **_area(boundary, linewidth=1.1 * scale))
    if _frames(plan, "boundary"):
        handles.append(
            Line2D([], [], color=boundary.stroke, ls="--", label=label("boundary", lang))
        )
    handles += _hazard_sources(ax, plan, lang)
    handles += _shelters(ax, layers["shelters"], lang, scale)
    handles += _facilities(ax, plan, lang, scale)
    handles += _suggestions(ax, layers.get("suggestions"), lang, scale)
    handles += _violations(ax, report, lang, scale)
    _set_extent(ax, _extent(plan, report))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_linewidth(0.8)
    ax.apply_aspect()
    scale_bar(ax, scale)
    return handles


#: Residents as points: a small grey dot; the ones an indicator leaves out are drawn over them.
_RESIDENT_DOT = "#7a7a7a"


def _residents(
    ax: Axes, plan: Plan, report: Report, lang: str, indicator: str, scale: float
) -> list[Artist]:
    """The resident points (grey dots) or areas (a thin outline), and over them the residents
    ``indicator`` leaves out (vermillion dots), with their legend entries."""
    handles: list[Artist] = []
    frames = _frames(plan, "residents")
    points = [f[f.geometry.geom_type.isin(["Point", "MultiPoint"])] for f in frames]
    areas = [f[~f.geometry.geom_type.isin(["Point", "MultiPoint"])] for f in frames]
    points, areas = [f for f in points if len(f)], [f for f in areas if len(f)]
    size = 1.2 * scale
    if areas:
        _plot(ax, areas, zorder=4.5, facecolor="none", edgecolor=_RESIDENT_DOT, linewidth=0.3)
    if points:
        xy = np.concatenate([_points(f) for f in points])
        ax.plot(xy[:, 0], xy[:, 1], "o", ms=size, color=_RESIDENT_DOT, mew=0, zorder=4.6)
    if points or areas:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                ls="",
                ms=3,
                color=_RESIDENT_DOT,
                mew=0,
                label=label("residents", lang),
            )
        )
    left = report.layers.get("uncovered_residents")
    if left is not None and len(left):
        mine = left[left["indicator"] == indicator]
        if len(mine):
            sym = symbols.UNCOVERED_RESIDENTS
            xy = _points(mine)
            ax.plot(
                xy[:, 0],
                xy[:, 1],
                "o",
                ms=size * 1.6,
                color=sym.fill,
                mec=sym.stroke,
                mew=0.3,
                zorder=7,
            )
            persons = float(mine["population"].sum())
            text = (
                f"{label('uncovered_residents', lang)}: {label(indicator, lang)} ({persons:,.0f})"
            )
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    ls="",
                    ms=4,
                    color=sym.fill,
                    mec=sym.stroke,
                    mew=0.4,
                    label=text,
                )
            )
    return handles


def _points(frame: gpd.GeoDataFrame) -> np.ndarray:
    """A point inside each geometry, as an (n, 2) array of coordinates."""
    return shapely.get_coordinates(shapely.point_on_surface(frame.geometry.to_numpy()))


def _shifted(ax: Axes, dx: float, dy: float) -> Transform:
    """The map's data transform, shifted by (``dx``, ``dy``) points on paper."""
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    return offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points")


def _point_handle(symbol: Symbol, text: str, size: float = 6, **changes: Any) -> Line2D:
    """A legend handle for point markers of ``symbol``."""
    style: dict[str, Any] = {
        "ls": "",
        "marker": MPL_MARKERS[symbol.marker],
        "ms": size,
        "color": symbol.fill,
        "mec": symbol.stroke or "none",
        "mew": 0.5,
    }
    style.update(changes)
    return Line2D([], [], label=text, **style)


def _hazard_sources(ax: Axes, plan: Plan, lang: str) -> list[Artist]:
    frames = _frames(plan, "hazard_sources")
    if not frames:
        return []
    source = symbols.role_symbol("hazard_sources")
    marker = MPL_MARKERS[source.marker]
    _plot(
        ax,
        frames,
        color=source.fill,
        edgecolor=source.stroke,
        linewidth=1.4,
        linestyle="-.",
        markersize=22,
        marker=marker,
        zorder=7,
    )
    return [
        Line2D(
            [],
            [],
            color=source.fill,
            marker=marker,
            mec=source.stroke,
            ls="-.",
            lw=1.2,
            label=label("hazard_sources", lang),
        )
    ]


def _shelters(ax: Axes, shelters: gpd.GeoDataFrame, lang: str, scale: float) -> list[Artist]:
    """Shelter outlines and a circle sized by capacity, labelled with it; a shelter with more
    residents nearest to it than places is ringed."""
    if not len(shelters):
        return []
    shelter = symbols.role_symbol("shelters")
    colour = shelter.stroke
    _plot(ax, [shelters], zorder=8, **_area(shelter, facecolor=(shelter.fill, 0.15), linewidth=0.6))
    capacity = shelters["capacity_persons"].to_numpy(float)
    xy = _points(shelters)
    sizes = 12 + 150 * np.sqrt(capacity / max(float(capacity.max()), 1.0))
    eligible = capacity > 0
    ax.scatter(
        xy[eligible, 0],
        xy[eligible, 1],
        s=sizes[eligible] * scale,
        c=shelter.fill,
        alpha=0.8,
        edgecolors="white",
        linewidths=0.5,
        zorder=9,
    )
    ineligible = symbols.INELIGIBLE
    ax.scatter(
        xy[~eligible, 0],
        xy[~eligible, 1],
        s=14 * scale,
        facecolors=ineligible.fill,
        edgecolors=ineligible.stroke,
        linewidths=0.6,
        zorder=9,
    )
    over = shelters["over_capacity"].to_numpy(bool) & eligible
    ring = symbols.OVER_CAPACITY
    ax.scatter(
        xy[over, 0],
        xy[over, 1],
        s=sizes[over] * scale * 1.8,
        facecolors="none",
        edgecolors=ring.stroke,
        linewidths=ring.width * _PT_PER_MM * 0.6,
        zorder=9.5,
    )
    labels = _shifted(ax, 0, -6 * scale)
    for (x, y), cap in zip(xy, capacity, strict=True):
        ax.text(
            x,
            y,
            f"{cap:,.0f}",
            transform=labels,
            ha="center",
            va="top",
            fontsize=5 * scale,
            color=colour,
            zorder=12,
            clip_on=True,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6},
        )
    handles: list[Artist] = [
        _point_handle(shelter, label("shelter_size", lang), 7, mec="white", alpha=0.8)
    ]
    if over.any():
        handles.append(
            _point_handle(ring, label("over_capacity", lang), 8, mfc="none", mec=ring.stroke)
        )
    if not eligible.all():
        handles.append(_point_handle(ineligible, label("ineligible", lang), 4))
    return handles


def _facilities(ax: Axes, plan: Plan, lang: str, scale: float) -> list[Artist]:
    """Facilities, each kind with its marker and colour."""
    frames = _frames(plan, "facilities")
    if not frames:
        return []
    sites = gpd.GeoDataFrame(
        {"kind": np.concatenate([f["kind"].astype(str).to_numpy() for f in frames])},
        geometry=np.concatenate([f.geometry.to_numpy() for f in frames]),
    )
    handles: list[Artist] = []
    for kind in sorted(sites["kind"].unique()):
        xy = _points(sites[sites["kind"] == kind])
        symbol = symbols.facility_symbol(kind)
        style: dict[str, Any] = {
            "ls": "",
            "marker": MPL_MARKERS[symbol.marker],
            "color": symbol.fill,
            "mec": symbol.stroke,
            "mew": 0.4,
        }
        ax.add_line(Line2D(xy[:, 0], xy[:, 1], ms=5 * scale, zorder=10, **style))
        handles.append(Line2D([], [], ms=5, label=label(kind, lang), **style))
    return handles


def _suggestions(
    ax: Axes, suggested: gpd.GeoDataFrame | None, lang: str, scale: float
) -> list[Artist]:
    """Suggested sites (``spaceplanner suggest``) on top, numbered by rank."""
    if suggested is None or not len(suggested):
        return []
    symbol = symbols.SUGGESTED
    _plot(ax, [suggested], zorder=9, **_area(symbol, linewidth=1.2))
    points = suggested.geometry.representative_point()
    ax.scatter(
        points.x,
        points.y,
        s=60 * scale,
        marker=MPL_MARKERS[symbol.marker],
        color=symbol.fill,
        edgecolors=symbol.stroke,
        linewidths=0.8,
        zorder=10,
    )
    for x, y, rank in zip(points.x, points.y, suggested["rank"], strict=True):
        ax.annotate(
            str(rank),
            (x, y),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=6 * scale,
            color=symbol.stroke,
            weight="bold",
            zorder=11,
        )
    return [_point_handle(symbol, label("suggestions", lang), 8)]


def _violations(ax: Axes, report: Report, lang: str, scale: float) -> list[Artist]:
    """One marker per site and principle, the three principles side by side above the site."""
    found: dict[str, set[tuple[float, float]]] = {p: set() for p in symbols.PRINCIPLES}
    for v in report.violations:
        point = v.marker_point()
        if point is not None and v.principle in found:
            found[v.principle].add((float(point.x), float(point.y)))
    handles: list[Artist] = []
    size = _PRINCIPLE_PT * scale
    for principle, sites in found.items():
        if not sites:
            continue
        mark = symbols.PRINCIPLES[principle]
        style: dict[str, Any] = {
            "ls": "",
            "marker": MPL_MARKERS[mark.marker],
            "color": mark.colour,
            "mec": "white",
            "mew": 0.5,
        }
        xy = np.array(sorted(sites))
        where = _shifted(ax, *mark.offset(size))
        ax.plot(xy[:, 0], xy[:, 1], ms=size, transform=where, zorder=11, **style)
        handles.append(Line2D([], [], ms=6, label=label(principle, lang), **style))
    return handles


def _nice_length(span_m: float) -> float:
    """The largest round length up to a quarter of ``span_m``."""
    fits = [n for n in _NICE_LENGTHS_M if n <= span_m / 4]
    return float(fits[-1] if fits else _NICE_LENGTHS_M[0])


def scale_bar(ax: Axes, scale: float) -> None:
    """A two-part scale bar in map units (metres), bottom left."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    length = _nice_length(x1 - x0)
    left, base = x0 + 0.03 * (x1 - x0), y0 + 0.035 * (y1 - y0)
    height = 0.008 * (y1 - y0)
    ax.add_patch(
        Rectangle(
            (left - 0.01 * (x1 - x0), base - 0.02 * (y1 - y0)),
            length + 0.05 * (x1 - x0),
            0.065 * (y1 - y0),
            fc="white",
            ec="none",
            alpha=0.8,
            zorder=20,
        )
    )
    for i, colour in enumerate(("black", "white")):
        ax.add_patch(
            Rectangle(
                (left + i * length / 2, base),
                length / 2,
                height,
                fc=colour,
                ec="black",
                lw=0.6,
                zorder=21,
            )
        )
    text = f"{length / 1000:g} km" if length >= 1000 else f"{length:g} m"
    for x, t in ((left, "0"), (left + length, text)):
        ax.text(x, base + 1.6 * height, t, ha="center", va="bottom", fontsize=6 * scale, zorder=22)


def draw_north_arrow(ax: Axes, scale: float) -> None:
    """An arrow to grid north (up, in a projected CRS) filling ``ax``: its own small axes
    beside the map, so that it never covers a symbol of the map."""
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    _arrow_north(ax, 0.5, (0.3, 0.98), 0.22, scale)


def north_arrow(ax: Axes, scale: float) -> None:
    """An arrow to grid north (up, in a projected CRS), top right of a small map (the resident
    sheets' maps; the map sheet draws :func:`draw_north_arrow` beside its map)."""
    ax.add_patch(
        Rectangle(
            (0.935, 0.835),
            0.05,
            0.15,
            transform=ax.transAxes,
            fc="white",
            ec="none",
            alpha=0.8,
            zorder=21,
        )
    )
    _arrow_north(ax, 0.96, (0.89, 0.97), 0.875, scale, zorder=22)


def _arrow_north(
    ax: Axes,
    x: float,
    span: tuple[float, float],
    letter_y: float,
    scale: float,
    zorder: float | None = None,
) -> None:
    """The arrow from ``span[0]`` up to ``span[1]`` and the N below it, at ``x`` (axes
    fractions)."""
    ax.annotate(
        "",
        xy=(x, span[1]),
        xytext=(x, span[0]),
        xycoords="axes fraction",
        arrowprops={
            "arrowstyle": "-|>",
            "color": "black",
            "lw": 1.2 * scale,
            "mutation_scale": 12 * scale,
        },
        zorder=zorder,
    )
    ax.text(
        x,
        letter_y,
        "N",
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=8 * scale,
        weight="bold",
        zorder=zorder,
    )
