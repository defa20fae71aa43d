"""Resident sheets: one A4 page per block, building or 网格 for the people who live there.

Community staff print them for notice boards and door-to-door visits. Each page names the unit
and says, from the plan's evaluation, where its residents go in an emergency ("your shelter is
X, 320 m walk, to the north-east", with a map and an arrow that way), whether everyone has a
place there, which daily services lie within their standard walk, and which resident points
(buildings, households, blocks) of the unit have no place in a shelter. English or Chinese.

The figures are the evaluation's, point by point (:meth:`Evaluator.resident_facts
<spaceplanner.engine.evaluation.Evaluator.resident_facts>`): a unit's shelter is the one taking
most of its sheltered persons in the report's exact assignment, and its walk the longest walk of
the unit's residents going there (a single building: its own walk).
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Patch

from spaceplanner import __version__
from spaceplanner.engine.evaluation import ResidentFacts
from spaceplanner.files import atomic_path
from spaceplanner.i18n import Template, say, tx
from spaceplanner.model.plan import Plan
from spaceplanner.outputs.mapsheet import sheet_fonts
from spaceplanner.outputs.mapsheet_map import north_arrow, scale_bar
from spaceplanner.outputs.mapsheet_parts import CJK_TEXT, blank, nfc
from spaceplanner.results.labels import LANGS, label
from spaceplanner.results.report import Report

__all__ = ["ServiceLine", "UnitSheet", "resident_sheets", "write_resident_sheets"]

#: A4 portrait, inches.
_A4 = (210 / 25.4, 297 / 25.4)
#: Walking speed for the minutes shown (m/min; the report's own speed when it gives one).
_WALK_M_PER_MIN = 60.0
#: Resident points listed by name on a page before "... and N more".
MAX_LISTED = 24

#: The sheet's own words (English, Chinese).
_WORDS: dict[str, Template] = {
    "title": tx("Emergency shelter and daily services"),
    "your_shelter": tx("Your emergency shelter"),
    "walk": tx("{d} walk (about {m} min), to the {dir}"),
    "walk_up_to": tx("up to {d} walk (about {m} min), to the {dir}"),
    "all_sheltered": tx("Everyone here ({p} persons) has a place there."),
    "some_sheltered": tx("{s} of the {p} persons here have a place in a shelter; {u} have none."),
    "no_shelter": tx("No shelter within walking distance has room for the people here."),
    "no_shelter_detail": tx("{p} persons live here. Ask the community office where to go."),
    "others": tx("Others here go to: {list}."),
    "all_split": tx("Everyone here ({p} persons) has a place: {n} there."),
    "at_shelter": tx("at the shelter (within its entrance distance)"),
    "nobody": tx("No residents are recorded in this unit."),
    "nobody_detail": tx(
        "The plan's resident layer has no one here: there is nothing to say about "
        "shelters and services."
    ),
    "services": tx("Daily services within the standard walk"),
    "service": tx("Service"),
    "standard": tx("Standard"),
    "here": tx("Residents here within reach"),
    "within": tx("within {r} m"),
    "nearest": tx("nearest {d}"),
    "none_within": tx("none within reach"),
    "not_sheltered": tx("Without a place in a shelter"),
    "everyone": tx("Every resident point here has a place."),
    "more": tx("... and {n} more"),
    "persons": tx("{p} persons"),
    "unit_population": tx("{p} residents"),
    "footer": tx(
        "From the plan's evaluation ({rules}; scenario {scenario}). SpacePlanner {version}, {date}."
    ),
    "legend_unit": tx("This unit"),
    "legend_shelter": tx("Your shelter"),
    "legend_other": tx("Other shelters"),
}
_COMPASS = (
    tx("north"),
    tx("north-east"),
    tx("east"),
    tx("south-east"),
    tx("south"),
    tx("south-west"),
    tx("west"),
    tx("north-west"),
)


def _w(key: str, lang: str, **values: Any) -> str:
    return say(_WORDS[key].format(**values), lang)


@dataclass(frozen=True)
class ServiceLine:
    """One daily service on a sheet: its indicator key, radius, and the unit's reach."""

    key: str
    radius_m: float
    share_within: float
    nearest_m: float


@dataclass(frozen=True)
class UnitSheet:
    """What one page says about one unit (block, building, 网格)."""

    id: str
    name: str
    geometry: Any
    population: float
    sheltered: float
    shelter: int
    shelter_name: str | None
    shelter_distance_m: float
    others: tuple[tuple[str, float], ...]
    single: bool
    direction: int
    services: tuple[ServiceLine, ...]
    not_sheltered: tuple[tuple[str, float], ...]


def _direction(start: Any, end: Any) -> int:
    """The 8-point compass sector (0 = north, clockwise) from ``start`` to ``end`` (grid)."""
    angle = math.degrees(math.atan2(end.x - start.x, end.y - start.y)) % 360.0
    return int(((angle + 22.5) % 360.0) // 45.0)


def _services(report: Report) -> list[tuple[str, str, float]]:
    """(indicator key, facts key, radius) of the daily services the report rates."""
    out: list[tuple[str, str, float]] = []
    # an indicator the evaluation could not assess (no layer for it) is left off the sheet
    unassessed = {
        ind.key
        for ind in report.indicators
        if ind.metric == "covered" and ind.status == "not_assessed"
    }
    if report.activity_spaces is not None:
        for name, circle in report.activity_spaces.circles.items():
            out.append((f"space_{name}", f"space:{name}", float(circle.radius_m)))
    for kind, row in (report.facilities or {}).items():
        out.append((kind, f"facility:{kind}", float(row.radius_m)))
    return [item for item in out if item[0] not in unassessed]


def resident_sheets(
    report: Report, facts: ResidentFacts, ids: Sequence[str], names: Sequence[str], geoms: Any
) -> list[UnitSheet]:
    """The sheets of the units ``geoms`` (polygons in the plan's CRS, with ``ids`` and
    ``names``): their residents are the resident points inside them (each point in the first
    unit holding it)."""
    geoms = np.asarray(geoms, dtype=object)
    points = shapely.points(facts.xy)
    unit_of = np.full(len(points), -1, dtype=np.int64)
    if len(points) and len(geoms):
        p, u = shapely.STRtree(geoms).query(points, predicate="intersects")
        order = np.lexsort((u, p))
        p, u = p[order], u[order]
        first = np.ones(p.size, dtype=bool)
        first[1:] = p[1:] != p[:-1]
        unit_of[p[first]] = u[first]
    services = _services(report)
    shelters = facts.shelters
    sheets = []
    for j, (uid, name, geom) in enumerate(zip(ids, names, geoms, strict=True)):
        members = np.flatnonzero(unit_of == j)
        pop = facts.population[members]
        total = float(pop.sum())
        sheltered = float(facts.sheltered[members].sum())
        chosen = facts.shelter[members]
        shelter, distance, name_of = -1, math.inf, None
        others: tuple[tuple[str, float], ...] = ()
        if (chosen >= 0).any():
            weights = np.bincount(
                chosen[chosen >= 0],
                weights=facts.sheltered[members][chosen >= 0],
                minlength=len(shelters),
            )
            shelter = int(np.argmax(weights))
            going = members[chosen == shelter]
            distance = float(facts.shelter_distance[going].max())
            name_of = _shelter_name(shelters, shelter)
            others = tuple(
                (_shelter_name(shelters, int(k)), float(weights[k]))
                for k in np.argsort(-weights, kind="stable")
                if int(k) != shelter and weights[k] >= 0.5
            )
        direction = (
            _direction(geom.representative_point(), shelters.geometry.iloc[shelter].centroid)
            if shelter >= 0
            else 0
        )
        lines = []
        for key, facts_key, radius in services:
            kind, what = facts_key.split(":", 1)
            table = facts.spaces if kind == "space" else facts.facilities
            d = table.get(what)
            if d is None:
                continue
            mine = d[members]
            reach = np.isfinite(mine)
            share = float(pop[reach].sum() / total) if total else 0.0
            nearest = float(mine[reach].min()) if reach.any() else math.inf
            lines.append(ServiceLine(key, radius, share, nearest))
        missing = facts.population[members] - facts.sheltered[members]
        left = [
            (str(facts.ids[i]), float(missing[n]))
            for n, i in enumerate(members)
            if missing[n] > 1e-6
        ]
        sheets.append(
            UnitSheet(
                id=str(uid),
                name=str(name),
                geometry=geom,
                population=total,
                sheltered=sheltered,
                shelter=shelter,
                shelter_name=name_of,
                shelter_distance_m=distance,
                others=others,
                single=members.size == 1,
                direction=direction,
                services=tuple(lines),
                not_sheltered=tuple(left),
            )
        )
    return sheets


def _shelter_name(shelters: gpd.GeoDataFrame, k: int) -> str:
    row = shelters.iloc[k]
    return str(row["name"]) if _text(row["name"]) else str(row["id"])


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _persons(value: float) -> str:
    return f"{round(value):,}"


def _metres(value: float) -> str:
    return f"{value / 1000:.1f} km" if value >= 1000 else f"{round(value):,} m"


def write_resident_sheets(
    plan: Plan,
    report: Report,
    facts: ResidentFacts,
    sheets: Sequence[UnitSheet],
    path: Path,
    *,
    lang: str = "en",
) -> Path:
    """Write ``sheets`` as an A4 portrait PDF, one page per unit, to ``path`` (atomically).

    Raises
    ------
    ValueError
        For an unknown language or a file that is not ``.pdf``.
    RuntimeError
        When Chinese text is needed and no Noto CJK font is installed.
    """
    path = Path(path)
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    if path.suffix.lower() != ".pdf":
        raise ValueError(f"resident sheets are written as .pdf, not {path.suffix!r}")
    texts = [plan.name, *(s.name for s in sheets), *(s.shelter_name or "" for s in sheets)]
    network = [lyr.frame for lyr in plan.by_role("network") if lyr.frame is not None]
    lines = gpd.GeoSeries(
        np.concatenate([f.geometry.to_numpy() for f in network]) if network else [],
        crs=plan.crs,
    )
    cjk = lang == "zh" or any(CJK_TEXT.search(t) for t in texts)
    with sheet_fonts(cjk), atomic_path(path) as tmp, PdfPages(tmp, metadata=_metadata(plan)) as pdf:
        for sheet in sheets:
            pdf.savefig(_page(plan, report, facts, sheet, lines, lang))
    return path


def _metadata(plan: Plan) -> dict[str, str]:
    return {"Title": f"Resident sheets: {plan.name}", "Creator": f"SpacePlanner {__version__}"}


def _page(
    plan: Plan,
    report: Report,
    facts: ResidentFacts,
    sheet: UnitSheet,
    lines: gpd.GeoSeries,
    lang: str,
) -> Figure:
    fig = Figure(figsize=_A4)
    speed = float(getattr(report, "walking_speed_m_per_min", 0) or _WALK_M_PER_MIN)
    # header
    ax = blank(fig.add_axes((0.07, 0.905, 0.86, 0.07)))
    ax.text(0, 1, nfc(sheet.name), va="top", fontsize=20, weight="bold")
    ax.text(
        0,
        0.15,
        f"{_w('title', lang)} · {nfc(plan.name)} · "
        f"{_w('unit_population', lang, p=_persons(sheet.population))}",
        va="bottom",
        fontsize=10,
        color="#444444",
    )
    # the shelter
    ax = blank(fig.add_axes((0.07, 0.765, 0.86, 0.125)))
    ax.add_patch(
        _box((0, 0), 1, 1, "#eef6ee" if sheet.shelter >= 0 else "#fdecea", transform=ax.transAxes)
    )
    ax.text(0.02, 0.84, _w("your_shelter", lang), va="top", fontsize=10, color="#333333")
    if sheet.population <= 0:
        ax.text(0.02, 0.6, _w("nobody", lang), va="top", fontsize=13, weight="bold")
        ax.text(0.02, 0.3, _w("nobody_detail", lang), va="top", fontsize=9.5, wrap=True)
    elif sheet.shelter >= 0 and sheet.shelter_name is not None:
        word = "walk" if sheet.single else "walk_up_to"
        way = _COMPASS[sheet.direction]
        minutes = max(1, math.ceil(sheet.shelter_distance_m / speed))
        ax.text(0.02, 0.68, nfc(sheet.shelter_name), va="top", fontsize=17, weight="bold")
        walk = (
            _w(word, lang, d=_metres(sheet.shelter_distance_m), m=minutes, dir=way)
            if sheet.shelter_distance_m >= 1.0
            else _w("at_shelter", lang)
        )
        ax.text(0.02, 0.4, walk, va="top", fontsize=11)
        unsheltered = sheet.population - sheet.sheltered
        there = sheet.sheltered - sum(p for _, p in sheet.others)
        if unsheltered <= 0.5 and not sheet.others:
            status = _w("all_sheltered", lang, p=_persons(sheet.population))
        elif unsheltered <= 0.5:
            status = _w("all_split", lang, p=_persons(sheet.population), n=_persons(there))
        else:
            status = _w(
                "some_sheltered",
                lang,
                s=_persons(sheet.sheltered),
                p=_persons(sheet.population),
                u=_persons(unsheltered),
            )
        if sheet.others:
            listed = ("、" if lang == "zh" else ", ").join(
                f"{nfc(n)} ({_w('persons', lang, p=_persons(p))})" for n, p in sheet.others[:4]
            )
            status += " " + _w("others", lang, list=listed)
        ax.text(0.02, 0.07, status, va="bottom", fontsize=9.5 if len(status) < 110 else 8)
    else:
        ax.text(0.02, 0.6, _w("no_shelter", lang), va="top", fontsize=13, weight="bold")
        ax.text(
            0.02,
            0.25,
            _w("no_shelter_detail", lang, p=_persons(sheet.population)),
            va="top",
            fontsize=10,
        )
    _map(fig.add_axes((0.07, 0.385, 0.86, 0.365)), facts, sheet, lines, lang)
    if sheet.population > 0:
        _service_table(blank(fig.add_axes((0.07, 0.17, 0.86, 0.2))), sheet, lang)
        _not_sheltered(blank(fig.add_axes((0.07, 0.05, 0.86, 0.11))), sheet, lang)
    ax = blank(fig.add_axes((0.07, 0.012, 0.86, 0.03)))
    footer = _w(
        "footer",
        lang,
        rules=report.rules_title or report.rules,
        scenario=label(report.scenario, lang),
        version=__version__,
        date=dt.date.today().isoformat(),
    )
    width = 80 if lang == "zh" else 150
    ax.text(0, 0.5, "\n".join(textwrap.wrap(footer, width)[:2]), va="center", fontsize=7,
            color="#555555")  # fmt: skip
    return fig


def _box(xy: tuple[float, float], w: float, h: float, colour: str, **kw: Any) -> Any:
    return FancyBboxPatch(
        xy, w, h, boxstyle="round,pad=0,rounding_size=0.02", fc=colour, ec="none", **kw
    )


def _map(ax: Any, facts: ResidentFacts, sheet: UnitSheet, lines: gpd.GeoSeries, lang: str) -> None:
    """The unit, its shelter and an arrow that way, on the walking network."""
    shelters = facts.shelters
    focus = [sheet.geometry]
    target = None
    if sheet.shelter >= 0:
        target = shelters.geometry.iloc[sheet.shelter]
        focus.append(target)
    x0, y0, x1, y1 = shapely.union_all(focus).bounds
    pad = max(x1 - x0, y1 - y0, 200.0) * 0.25
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    # the axes are 0.86 x 0.365 of an A4 page: the map keeps their proportions
    aspect = (0.365 * _A4[1]) / (0.86 * _A4[0])
    half_x = max((x1 - x0) / 2 + pad, ((y1 - y0) / 2 + pad) / aspect)
    half_y = half_x * aspect
    ax.set_xlim(cx - half_x, cx + half_x)
    ax.set_ylim(cy - half_y, cy + half_y)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    window = shapely.box(cx - half_x, cy - half_y, cx + half_x, cy + half_y)
    shown = lines[lines.intersects(window)] if len(lines) else lines
    if len(shown):
        shown.plot(ax=ax, color="#9ca3af", linewidth=0.8, zorder=1)
    others = shelters[shelters.intersects(window)]
    if sheet.shelter >= 0:
        others = others.drop(index=sheet.shelter, errors="ignore")
    green = "#66bb6a"
    if len(others):
        others.plot(ax=ax, facecolor="#c8e6c9", edgecolor="#2e7d32", linewidth=0.6, zorder=2)
    gpd.GeoSeries([sheet.geometry]).plot(
        ax=ax, facecolor="#ffe0b2", edgecolor="#e65100", linewidth=1.6, alpha=0.7, zorder=3
    )
    if target is not None:
        gpd.GeoSeries([target]).plot(
            ax=ax, facecolor=green, edgecolor="#1b5e20", linewidth=1.2, alpha=0.9, zorder=3
        )
        start = sheet.geometry.representative_point()
        end = target.centroid
        ax.annotate(
            "",
            xy=(end.x, end.y),
            xytext=(start.x, start.y),
            arrowprops={"arrowstyle": "-|>", "color": "#b71c1c", "lw": 2.2, "mutation_scale": 22},
            zorder=5,
        )
        left, _, _, top = target.bounds
        ax.text(
            left,
            top,
            nfc(str(sheet.shelter_name)),
            fontsize=9,
            weight="bold",
            va="bottom",
            zorder=6,
            bbox={"fc": "white", "ec": "none", "alpha": 0.75, "pad": 1},
        )
    ax.set_xlabel("")
    ax.set_ylabel("")
    scale_bar(ax, 1.0)
    north_arrow(ax, 1.0)
    handles = [
        Patch(fc="#ffe0b2", ec="#e65100", label=_w("legend_unit", lang)),
        Patch(fc=green, ec="#1b5e20", label=_w("legend_shelter", lang)),
        Patch(fc="#c8e6c9", ec="#2e7d32", label=_w("legend_other", lang)),
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=8, framealpha=0.85)


def _service_table(ax: Any, sheet: UnitSheet, lang: str) -> None:
    ax.text(0, 1, _w("services", lang), va="top", fontsize=11, weight="bold")
    heads = (_w("service", lang), _w("standard", lang), _w("here", lang))
    xs = (0.0, 0.42, 0.62)
    rows = sheet.services[:10]
    step = min(0.085, 0.85 / max(len(rows) + 1, 1))
    y = 0.86
    for x, head in zip(xs, heads, strict=True):
        ax.text(x, y, head, va="top", fontsize=8.5, color="#555555")
    for line in rows:
        y -= step
        ok = line.share_within >= 1.0 - 1e-9
        some = line.share_within > 0
        mark, colour = ("✓", "#1b5e20") if ok else (("◐", "#e65100") if some else ("✗", "#b71c1c"))
        where = (
            _w("nearest", lang, d=_metres(line.nearest_m))
            if math.isfinite(line.nearest_m)
            else _w("none_within", lang)
        )
        ax.text(xs[0], y, f"{mark} {label(line.key, lang)}", va="top", fontsize=9, color=colour)
        ax.text(xs[1], y, _w("within", lang, r=f"{line.radius_m:g}"), va="top", fontsize=9)
        ax.text(xs[2], y, f"{line.share_within:.0%} · {where}", va="top", fontsize=9)


def _not_sheltered(ax: Any, sheet: UnitSheet, lang: str) -> None:
    ax.text(0, 1, _w("not_sheltered", lang), va="top", fontsize=11, weight="bold")
    if not sheet.not_sheltered:
        ax.text(0, 0.7, _w("everyone", lang), va="top", fontsize=9.5)
        return
    listed = [
        f"{nfc(i)} ({_w('persons', lang, p=_persons(p))})"
        for i, p in sheet.not_sheltered[:MAX_LISTED]
    ]
    more = len(sheet.not_sheltered) - len(listed)
    if more:
        listed.append(_w("more", lang, n=more))
    text = ("、" if lang == "zh" else ", ").join(listed)
    width = 60 if lang == "zh" else 110
    ax.text(0, 0.72, "\n".join(textwrap.wrap(text, width)[:5]), va="top", fontsize=9)
