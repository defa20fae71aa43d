"""A printable map sheet of an evaluation: one page, PDF or PNG, at an exact paper size.

The sheet shows the plan in its metric CRS (buildings, network, boundary, activity spaces,
shelters sized by capacity, facilities by kind), one indicator's service area and gap areas, the
siting violations by principle (避/防/让), a legend, a scale bar, a grid-north arrow, the key
indicators against the rule profile, and the data sources. Drawn with matplotlib's Agg and PDF
backends, so no display is needed. Chinese text uses a Noto CJK font (Debian ``fonts-noto-cjk``).
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import matplotlib
import numpy as np
import shapely
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import Bbox, Transform, offset_copy

from spaceplanner import __version__
from spaceplanner.files import atomic_path
from spaceplanner.model.plan import Plan
from spaceplanner.results.indicators import FAIL, NOT_ASSESSED, PASS, indicator_rows, value_text
from spaceplanner.results.labels import LANGS, label
from spaceplanner.results.report import Report

__all__ = ["ORIENTATIONS", "PAPERS_MM", "PNG_DPI", "write_map_sheet"]

#: Paper sizes in millimetres, landscape (width, height); portrait swaps them.
PAPERS_MM: dict[str, tuple[float, float]] = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
ORIENTATIONS = ("landscape", "portrait")
PNG_DPI = 200
_MM_PER_INCH = 25.4
_MARGIN_MM = 10.0
_HEADER_MM = 20.0
_FOOTER_MM = 17.0
_GAP_MM = 5.0

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_NICE_LENGTHS_M = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)

# Sheet words not in the shared labels table (en, zh).
_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Resilient public space: map sheet", "韧性公共空间规划图"),
    "rules": ("Rules", "规则"),
    "date": ("Date", "日期"),
    "indicator": ("Indicator", "指标"),
    "value": ("Value", "现状"),
    "result": ("Result", "结果"),
    "key_indicators": ("Key indicators", "主要指标"),
    "legend": ("Legend", "图例"),
    "share_sheltered": ("Residents sheltered", "可安置居民比例"),
    "ineligible": ("ineligible (capacity 0)", "不符合条件（容量为0）"),
    "shelter_size": (
        "Shelter, size and label: capacity (persons)",
        "避难场所（大小、标注：容量/人）",
    ),
    "hazard_zone": ("Hazard zone", "灾害风险区"),
    "hazard_source": ("Hazard source", "危险源"),
    "grid_north": (
        "North arrow: grid north of the plan's projected CRS {crs}; map units metres.",
        "指北针为规划投影坐标系 {crs} 的坐标北；地图单位为米。",
    ),
    "made_with": ("Made with SpacePlanner {version}.", "由 SpacePlanner {version} 生成。"),
}

# Attribution lines by a keyword found in the plan's name or description.
_ATTRIBUTION: dict[str, str] = {
    "openstreetmap": "© OpenStreetMap contributors, ODbL 1.0, openstreetmap.org/copyright.",
    "hsy": "Population grid 2020: Helsinki Region Environmental Services (HSY), CC BY 4.0.",
    "momepy": "Prague-Bubeneč: momepy sample data (BSD-3-Clause), from Prague open data.",
    "synthetic": "Synthetic data: an invented community; no third-party data.",
}

# Colours and markers.
_BUILDING = "#d4d4d4"
_NETWORK = "#8c8c8c"
_SPACE = "#9fd89f"
_SHELTER = "#1f5fbf"
_SERVICE = "#5aa9e6"
_GAP = "#d62728"
_STATUS_COLOURS = {PASS: "#1a7f37", FAIL: _GAP, NOT_ASSESSED: "#777777"}
_HAZARD = "#f4b183"
_SOURCE = "#a0006e"
_PRINCIPLES: dict[str, tuple[str, str, float]] = {  # marker, colour, x offset in points
    "避": ("X", "#8b0000", -5.0),
    "防": ("D", "#e67e00", 0.0),
    "让": ("^", "#7b2fbe", 5.0),
}
_FACILITY_MARKERS = ("s", "P", "*", "v", "p", "<", ">", "8", "d")
_FACILITY_COLOURS = ("#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e")


@dataclass(frozen=True)
class _Layout:
    """Axes rectangles (figure fractions: left, bottom, width, height) of a sheet."""

    header: tuple[float, float, float, float]
    map: tuple[float, float, float, float]
    legend: tuple[float, float, float, float]
    table: tuple[float, float, float, float]
    footer: tuple[float, float, float, float]


def write_map_sheet(
    plan: Plan,
    report: Report,
    path: Path,
    *,
    paper: str = "A4",
    orientation: str = "landscape",
    lang: str = "en",
    indicator: str | None = None,
) -> Path:
    """Write a one-page map sheet of ``report`` to ``path`` (``.pdf``, or ``.png`` at 200 dpi).

    Parameters
    ----------
    plan
        The evaluated plan (its layers are in its metric CRS).
    report
        The result of :func:`spaceplanner.evaluate` on ``plan``.
    path
        The output file; its suffix chooses the format. Replaced atomically.
    paper
        ``A4`` or ``A3``.
    orientation
        ``landscape`` or ``portrait``.
    lang
        ``en`` or ``zh``.
    indicator
        Whose service area and gap areas to show: ``shelter``, ``space_<circle>`` or a
        facility kind of the report; the report's first (shelters when it has them) when None.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ValueError
        For an unknown paper, orientation, language, indicator or file suffix.
    RuntimeError
        When Chinese text is needed and no Noto CJK font is installed.
    """
    path = Path(path)
    size_mm = _paper_size(paper, orientation)
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    choices = _indicators(report)
    if indicator is None and choices:
        indicator = choices[0]
    if indicator not in choices:
        raise ValueError(f"unknown indicator {indicator!r}; choose one of {', '.join(choices)}")
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "png"):
        raise ValueError(f"a map sheet is written as .pdf or .png, not {path.suffix!r}")
    with _fonts(lang == "zh" or any(_CJK.search(t) for t in _free_texts(plan, report, lang))):
        fig = _sheet(plan, report, size_mm, lang, str(indicator))
        with atomic_path(path) as tmp:
            fig.savefig(tmp, format=fmt, dpi=PNG_DPI, metadata=_metadata(plan, fmt))
    return path


def _paper_size(paper: str, orientation: str) -> tuple[float, float]:
    """The paper's (width, height) in millimetres."""
    if paper not in PAPERS_MM:
        raise ValueError(f"unknown paper {paper!r}; choose one of {', '.join(PAPERS_MM)}")
    if orientation not in ORIENTATIONS:
        raise ValueError(
            f"unknown orientation {orientation!r}; choose one of {', '.join(ORIENTATIONS)}"
        )
    width, height = PAPERS_MM[paper]
    return (width, height) if orientation == "landscape" else (height, width)


def _indicators(report: Report) -> list[str]:
    """The indicators ``report`` evaluated, in report order."""
    names = ["shelter"] if report.shelters is not None else []
    if report.activity_spaces is not None:
        names += [f"space_{c}" for c in report.activity_spaces.circles]
    names += list(report.facilities or {})
    return names


def _free_texts(plan: Plan, report: Report, lang: str) -> list[str]:
    """The sheet's texts that may hold CJK in any language: names and principle labels."""
    principles = {v.principle for v in report.violations}
    return [plan.name, plan.description, *(label(p, lang) for p in principles)]


def _nfc(text: str) -> str:
    """``text`` with composed accents (matplotlib draws no combining marks: Bubeneč)."""
    return unicodedata.normalize("NFC", text)


def _words(key: str, lang: str) -> str:
    pair = _WORDS[key]
    return pair[1] if lang == "zh" else pair[0]


def _cjk_font() -> str:
    """The family name of an installed Noto Sans CJK font (simplified Chinese preferred)."""
    names = sorted({f.name for f in font_manager.fontManager.ttflist if "CJK" in f.name})
    for wanted in ("Noto Sans CJK SC", "Noto Sans CJK", "Noto Serif CJK", "CJK"):
        found = [n for n in names if n.startswith(wanted) or wanted == "CJK"]
        if found:
            return found[0]
    raise RuntimeError(
        "no CJK font found for Chinese text: install the Debian/Ubuntu package fonts-noto-cjk "
        "(apt-get install fonts-noto-cjk)"
    )


@contextmanager
def _fonts(cjk: bool) -> Iterator[None]:
    """Set the sheet's fonts (a CJK family first when needed); text stays text in the PDF."""
    # DejaVu first: Noto Sans CJK lacks some Latin letters (č of Bubeneč); CJK falls back to it.
    family = ["DejaVu Sans", _cjk_font()] if cjk else ["DejaVu Sans"]
    # Type 3 subsets (with a ToUnicode map, so text can be searched and copied): Noto CJK is CFF
    # in a .ttc, which matplotlib cannot embed as a valid Type 42 font (matplotlib#20870).
    with matplotlib.rc_context(
        {"font.family": family, "pdf.fonttype": 3, "axes.unicode_minus": False}
    ):
        yield


def _metadata(plan: Plan, fmt: str) -> dict[str, str]:
    meta = {"Title": f"SpacePlanner map sheet: {plan.name}"}
    if fmt == "pdf":
        meta["Creator"] = f"SpacePlanner {__version__}"
    return meta


# -- layout -----------------------------------------------------------------------------------
def _text_scale(width_mm: float, height_mm: float) -> float:
    """How much text and symbols grow over A4 (1.41 on A3)."""
    return min(width_mm, height_mm) / 210.0


def _layout(width_mm: float, height_mm: float) -> _Layout:
    """Where the header, map, legend, table and footer go on a page of this size."""

    def box(x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        return (x / width_mm, y / height_mm, w / width_mm, h / height_mm)

    m, g = _MARGIN_MM, _GAP_MM
    text_scale = _text_scale(width_mm, height_mm)
    header_h, footer_h = _HEADER_MM * text_scale, _FOOTER_MM * text_scale
    body_bottom = m + footer_h
    body_top = height_mm - m - header_h
    body_h = body_top - body_bottom
    inner_w = width_mm - 2 * m
    header = box(m, body_top + 3, inner_w, header_h - 3)
    footer = box(m, m, inner_w, footer_h - 2)
    if width_mm > height_mm:
        panel_w = max(92.0, 0.3 * inner_w)
        map_w = inner_w - panel_w - g
        table_h = 0.5 * body_h
        px = m + map_w + g
        return _Layout(
            header,
            box(m, body_bottom, map_w, body_h),
            box(px, body_bottom + table_h + g, panel_w, body_h - table_h - g),
            box(px, body_bottom, panel_w, table_h),
            footer,
        )
    panel_h = 0.3 * body_h
    map_h = body_h - panel_h - g
    half = (inner_w - g) / 2
    return _Layout(
        header,
        box(m, body_bottom + panel_h + g, inner_w, map_h),
        box(m, body_bottom, half, panel_h),
        box(m + half + g, body_bottom, half, panel_h),
        footer,
    )


def _sheet(
    plan: Plan, report: Report, size_mm: tuple[float, float], lang: str, indicator: str
) -> Figure:
    """Draw the whole sheet on a new figure of the paper's size."""
    width_mm, height_mm = size_mm
    fig = Figure(figsize=(width_mm / _MM_PER_INCH, height_mm / _MM_PER_INCH))
    FigureCanvasAgg(fig)
    layout = _layout(width_mm, height_mm)
    scale = _text_scale(width_mm, height_mm)
    _header(fig.add_axes(layout.header), plan, report, lang, indicator, scale)
    handles = _map(fig.add_axes(layout.map), plan, report, lang, indicator, scale)
    _legend(fig.add_axes(layout.legend), handles, lang, scale)
    _table(fig.add_axes(layout.table), report, lang, scale)
    _footer(fig.add_axes(layout.footer), plan, lang, scale, width_mm - 2 * _MARGIN_MM)
    return fig


def _blank(ax: Axes) -> Axes:
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return ax


# -- header and footer ------------------------------------------------------------------------
def _header(ax: Axes, plan: Plan, report: Report, lang: str, indicator: str, scale: float) -> None:
    _blank(ax)
    ax.text(0, 1, _words("title", lang), va="top", fontsize=15 * scale, weight="bold")
    ax.text(0, 0.45, _nfc(plan.name), va="center", fontsize=12 * scale)
    details = [
        f"{label('scenario', lang)}: {label(report.scenario, lang)}",
        f"{label('period', lang)}: {label(report.period, lang)}",
        f"{_words('rules', lang)}: {report.rules}",
        f"{_words('date', lang)}: {dt.date.today().isoformat()}",
    ]
    ax.text(0, 0.0, "   ·   ".join(details), va="bottom", fontsize=8 * scale, color="#333333")
    ax.text(
        1,
        0.0,
        label(indicator, lang),
        ha="right",
        va="bottom",
        fontsize=9 * scale,
        weight="bold",
        color=_SHELTER,
    )
    ax.axhline(-0.08, color="#333333", lw=0.8)


def _attributions(plan: Plan) -> list[str]:
    text = f"{plan.name} {plan.description}".lower()
    return [line for key, line in _ATTRIBUTION.items() if key in text]


def _footer(ax: Axes, plan: Plan, lang: str, scale: float, width_mm: float) -> None:
    _blank(ax)
    crs = plan.crs.to_string() if plan.crs is not None else "?"
    chars = int(width_mm / (1.1 * scale))  # about 6 pt text; CJK glyphs are twice as wide
    if _CJK.search(plan.description):
        chars = int(chars * 0.9)
    lines = textwrap.wrap(_nfc(plan.description), chars, max_lines=3, placeholder=" …")
    lines.append(f"{label('attribution', lang)}: " + " ".join(_attributions(plan)))
    lines.append(
        _words("grid_north", lang).format(crs=crs)
        + " "
        + _words("made_with", lang).format(version=__version__)
    )
    ax.text(0, 1, "\n".join(lines), va="top", fontsize=6 * scale, color="#333333", linespacing=1.35)


# -- map --------------------------------------------------------------------------------------
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


def _map(
    ax: Axes, plan: Plan, report: Report, lang: str, indicator: str, scale: float
) -> list[Artist]:
    """Draw the map; return the legend handles."""
    handles: list[Artist] = []
    layers = report.layers
    service = layers["service_areas"][layers["service_areas"]["indicator"] == indicator]
    _plot(ax, [service], color=_SERVICE, alpha=0.22, linewidth=0, zorder=1)
    handles.append(
        Patch(
            color=_SERVICE,
            alpha=0.3,
            label=f"{label('service_areas', lang)}: {label(indicator, lang)}",
        )
    )
    # the scenario's zones (raster hazards included) when the report has them
    zones = layers.get("hazard_zones")
    hazards = [zones] if zones is not None and len(zones) else _frames(plan, "hazards")
    _plot(ax, hazards, color=_HAZARD, alpha=0.45, linewidth=0, zorder=1.5)
    if hazards:
        handles.append(Patch(color=_HAZARD, alpha=0.5, label=_words("hazard_zone", lang)))
    _plot(ax, _frames(plan, "buildings"), color=_BUILDING, linewidth=0, zorder=2)
    if _frames(plan, "buildings"):
        handles.append(Patch(color=_BUILDING, label=label("buildings", lang)))
    _plot(ax, _frames(plan, "network"), color=_NETWORK, linewidth=0.5 * scale, zorder=3)
    handles.append(Line2D([], [], color=_NETWORK, lw=1, label=label("network", lang)))
    _plot(
        ax,
        _frames(plan, "activity_spaces"),
        facecolor=_SPACE,
        edgecolor="#3d8b3d",
        linewidth=0.4,
        zorder=4,
    )
    if _frames(plan, "activity_spaces"):
        handles.append(
            Patch(facecolor=_SPACE, edgecolor="#3d8b3d", label=label("activity_spaces", lang))
        )
    gaps = layers["gap_areas"][layers["gap_areas"]["indicator"] == indicator]
    _plot(
        ax,
        [gaps],
        facecolor=(0.84, 0.15, 0.16, 0.10),
        edgecolor=_GAP,
        hatch="////",
        linewidth=0.6,
        zorder=5,
    )
    handles.append(
        Patch(
            facecolor=(0.84, 0.15, 0.16, 0.10),
            edgecolor=_GAP,
            hatch="////",
            label=f"{label('gap_areas', lang)}: {label(indicator, lang)}",
        )
    )
    _plot(
        ax,
        _frames(plan, "boundary"),
        facecolor="none",
        edgecolor="#222222",
        linewidth=1.1 * scale,
        linestyle="--",
        zorder=6,
    )
    if _frames(plan, "boundary"):
        handles.append(Line2D([], [], color="#222222", ls="--", label=label("boundary", lang)))
    handles += _hazard_sources(ax, plan, lang)
    handles += _shelters(ax, layers["shelters"], lang, scale)
    handles += _facilities(ax, plan, lang, scale)
    suggested = layers.get("suggestions")
    if suggested is not None and len(suggested):
        # suggested sites (``spaceplanner suggest``) on top, numbered by rank
        _plot(ax, [suggested], facecolor="#f59e0b", edgecolor="#92400e", linewidth=1.2, zorder=9)
        points = suggested.geometry.representative_point()
        ax.scatter(
            points.x,
            points.y,
            s=60 * scale,
            marker="*",
            color="#f59e0b",
            edgecolors="#92400e",
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
                color="#92400e",
                weight="bold",
                zorder=11,
            )
        handles.append(
            Line2D(
                [],
                [],
                marker="*",
                color="#f59e0b",
                markeredgecolor="#92400e",
                ls="",
                label="Suggested sites" if lang == "en" else "建议场地",
            )
        )
    handles += _violations(ax, plan, report, lang, scale)
    _set_extent(ax, _extent(plan, report))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_linewidth(0.8)
    ax.apply_aspect()
    _scale_bar(ax, scale)
    _north_arrow(ax, scale)
    return handles


def _points(frame: gpd.GeoDataFrame) -> np.ndarray:
    """A point inside each geometry, as an (n, 2) array of coordinates."""
    return shapely.get_coordinates(shapely.point_on_surface(frame.geometry.to_numpy()))


def _shifted(ax: Axes, dx: float, dy: float) -> Transform:
    """The map's data transform, shifted by (``dx``, ``dy``) points on paper."""
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    return offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points")


def _hazard_sources(ax: Axes, plan: Plan, lang: str) -> list[Artist]:
    frames = _frames(plan, "hazard_sources")
    if not frames:
        return []
    _plot(
        ax,
        frames,
        color=_SOURCE,
        linewidth=1.4,
        linestyle="-.",
        markersize=22,
        marker="H",
        zorder=7,
    )
    return [
        Line2D(
            [], [], color=_SOURCE, marker="H", ls="-.", lw=1.2, label=_words("hazard_source", lang)
        )
    ]


def _shelters(ax: Axes, shelters: gpd.GeoDataFrame, lang: str, scale: float) -> list[Artist]:
    """Shelter outlines and a circle sized by capacity, labelled with it."""
    if not len(shelters):
        return []
    _plot(
        ax,
        [shelters],
        facecolor=(0.12, 0.37, 0.75, 0.15),
        edgecolor=_SHELTER,
        linewidth=0.6,
        zorder=8,
    )
    capacity = shelters["capacity_persons"].to_numpy(float)
    xy = _points(shelters)
    sizes = 12 + 150 * np.sqrt(capacity / max(float(capacity.max()), 1.0))
    eligible = capacity > 0
    ax.scatter(
        xy[eligible, 0],
        xy[eligible, 1],
        s=sizes[eligible] * scale,
        c=_SHELTER,
        alpha=0.8,
        edgecolors="white",
        linewidths=0.5,
        zorder=9,
    )
    ax.scatter(
        xy[~eligible, 0],
        xy[~eligible, 1],
        s=14 * scale,
        facecolors="white",
        edgecolors=_SHELTER,
        linewidths=0.8,
        zorder=9,
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
            color=_SHELTER,
            zorder=12,
            clip_on=True,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6},
        )
    handles: list[Artist] = [
        Line2D(
            [],
            [],
            ls="",
            marker="o",
            ms=7,
            color=_SHELTER,
            mec="white",
            label=_words("shelter_size", lang),
        )
    ]
    if not eligible.all():
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                ms=4,
                mfc="white",
                mec=_SHELTER,
                label=_words("ineligible", lang),
            )
        )
    return handles


def _facilities(ax: Axes, plan: Plan, lang: str, scale: float) -> list[Artist]:
    """Facilities as one marker per kind."""
    frames = _frames(plan, "facilities")
    if not frames:
        return []
    sites = gpd.GeoDataFrame(
        {"kind": np.concatenate([f["kind"].astype(str).to_numpy() for f in frames])},
        geometry=np.concatenate([f.geometry.to_numpy() for f in frames]),
    )
    handles: list[Artist] = []
    for i, kind in enumerate(sorted(sites["kind"].unique())):
        xy = _points(sites[sites["kind"] == kind])
        marker = _FACILITY_MARKERS[i % len(_FACILITY_MARKERS)]
        colour = _FACILITY_COLOURS[i % len(_FACILITY_COLOURS)]
        for x, y, size, name in ((xy[:, 0], xy[:, 1], 5 * scale, None), ([], [], 5, kind)):
            line = Line2D(x, y, ls="", marker=marker, ms=size, color=colour, mec="black", mew=0.4)
            if name is None:
                line.set_zorder(10)
                ax.add_line(line)
            else:
                line.set_label(label(name, lang))
                handles.append(line)
    return handles


def _violations(ax: Axes, plan: Plan, report: Report, lang: str, scale: float) -> list[Artist]:
    """One marker per site and principle, offset so the three principles sit side by side."""
    found: dict[str, set[tuple[float, float]]] = {p: set() for p in _PRINCIPLES}
    for v in report.violations:
        point = v.marker_point()
        if point is not None and v.principle in found:
            found[v.principle].add((float(point.x), float(point.y)))
    handles: list[Artist] = []
    for principle, sites in found.items():
        if not sites:
            continue
        marker, colour, dx = _PRINCIPLES[principle]
        xy = np.array(sorted(sites))
        where = _shifted(ax, dx * scale, 6 * scale)
        ax.plot(
            xy[:, 0],
            xy[:, 1],
            ls="",
            marker=marker,
            ms=5.5 * scale,
            color=colour,
            mec="white",
            mew=0.5,
            transform=where,
            zorder=11,
        )
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker=marker,
                ms=6,
                color=colour,
                mec="white",
                label=label(principle, lang),
            )
        )
    return handles


def _nice_length(span_m: float) -> float:
    """The largest round length up to a quarter of ``span_m``."""
    fits = [n for n in _NICE_LENGTHS_M if n <= span_m / 4]
    return float(fits[-1] if fits else _NICE_LENGTHS_M[0])


def _scale_bar(ax: Axes, scale: float) -> None:
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


def _north_arrow(ax: Axes, scale: float) -> None:
    """An arrow to grid north (up, in a projected CRS), top right of the map."""
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
    ax.annotate(
        "",
        xy=(0.96, 0.97),
        xytext=(0.96, 0.89),
        xycoords="axes fraction",
        arrowprops={
            "arrowstyle": "-|>",
            "color": "black",
            "lw": 1.2 * scale,
            "mutation_scale": 12 * scale,
        },
        zorder=22,
    )
    ax.text(
        0.96,
        0.875,
        "N",
        transform=ax.transAxes,
        ha="center",
        va="top",
        fontsize=8 * scale,
        weight="bold",
        zorder=22,
    )


# -- legend and table -------------------------------------------------------------------------
def _legend(ax: Axes, handles: list[Artist], lang: str, scale: float) -> None:
    _blank(ax)
    ax.legend(
        handles=handles,
        loc="upper left",
        frameon=False,
        fontsize=6.5 * scale,
        title=_words("legend", lang),
        title_fontsize=8 * scale,
        alignment="left",
        borderaxespad=0,
        handlelength=1.6,
        ncols=2 if len(handles) > 14 else 1,
    )


def _target_text(value: float, unit: str) -> str:
    """A target as people write it: 100 %, 95 %, 4,885, 1 (no needless decimals)."""
    if unit == "share":
        return f"{100 * value:.4g} %"
    if unit == "persons":
        return f"{value:,.0f}"
    return f"{value:g}"


def _rows(report: Report, lang: str) -> list[tuple[str, str, str, str]]:
    """(indicator, value, target, status) for each indicator of the report."""
    rows = []
    for row in indicator_rows(report, lang):
        name = row["indicator"]
        kind = (report.facilities or {}).get(row["key"]) if row["group"] == "facilities" else None
        if kind is not None:
            name = f"{name} ({kind.radius_m:g} m)"
        rows.append(
            (
                name,
                value_text(row["value"], row["unit"]),
                f"≥ {_target_text(row['target'], row['unit'])}",
                row["status"],
            )
        )
    return rows


def _table(ax: Axes, report: Report, lang: str, scale: float) -> None:
    """The key indicators with pass/fail against the profile."""
    _blank(ax)
    ax.text(
        0,
        1,
        f"{_words('key_indicators', lang)} ({report.rules})",
        va="top",
        fontsize=8 * scale,
        weight="bold",
    )
    rows = _rows(report, lang)
    if not rows:
        return
    cells = [[name, value, target, label(status, lang)] for name, value, target, status in rows]
    head = [
        _words("indicator", lang),
        _words("value", lang),
        label("target", lang),
        _words("result", lang),
    ]
    height = min(0.075, 0.9 / (len(rows) + 1)) * (len(rows) + 1)
    table = ax.table(
        cellText=cells,
        colLabels=head,
        colWidths=[0.57, 0.12, 0.13, 0.18],
        cellLoc="left",
        loc="upper left",
        bbox=Bbox.from_bounds(0, 0.93 - height, 1, height),
    )
    table.auto_set_font_size(False)
    table.set_fontsize(5.5 * scale)
    for (r, c), cell in table.get_celld().items():
        cell.set_linewidth(0.3)
        cell.set_edgecolor("#999999")
        cell.PAD = 0.05
        if r == 0:
            cell.set_facecolor("#eeeeee")
            cell.get_text().set_fontweight("bold")
        elif c == 3:
            cell.get_text().set_color(_STATUS_COLOURS[rows[r - 1][3]])
            cell.get_text().set_fontweight("bold")
