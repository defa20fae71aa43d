"""The parts of a map sheet around the map: header, footer, legend and indicator table.

The header names the plan, scenario, period, rules and date; the footer the plan's description,
its data sources and the grid north; the legend shows the handles the map drew; the table lists
the key indicators against the rule profile with pass/fail in the result colours of
:mod:`spaceplanner.outputs.symbols`. Words come from :func:`spaceplanner.results.labels.label`.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import unicodedata

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.transforms import Bbox

from spaceplanner import __version__
from spaceplanner.i18n import say, tx
from spaceplanner.model.plan import Plan
from spaceplanner.outputs import symbols
from spaceplanner.results.indicators import indicator_rows, value_text
from spaceplanner.results.labels import label
from spaceplanner.results.report import Report

__all__ = ["CJK_TEXT", "blank", "draw_footer", "draw_header", "draw_legend", "draw_table", "nfc"]

#: Characters that need a CJK font.
CJK_TEXT = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")

# Attribution lines by a keyword found in the plan's name or description.
_ATTRIBUTION: dict[str, str] = {
    # the licence's own wording (ODbL asks for it as it is)
    "openstreetmap": "© OpenStreetMap contributors, ODbL 1.0, openstreetmap.org/copyright.",
    "hsy": tx("Population grid 2020: Helsinki Region Environmental Services (HSY), CC BY 4.0."),
    "momepy": tx("Prague-Bubeneč: momepy sample data (BSD-3-Clause), from Prague open data."),
    "synthetic": tx("Synthetic data: an invented community; no third-party data."),
}


def nfc(text: str) -> str:
    """``text`` with composed accents (matplotlib draws no combining marks: Bubeneč)."""
    return unicodedata.normalize("NFC", text)


def blank(ax: Axes) -> Axes:
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return ax


def draw_header(
    ax: Axes,
    plan: Plan,
    report: Report,
    lang: str,
    indicator: str,
    scale: float,
    title: str | None = None,
    subtitle: str | None = None,
) -> None:
    """The title (``title``, else the sheet's own), the subtitle (``subtitle``, else the plan's
    name), the scenario, period, rules and date, and the indicator drawn."""
    blank(ax)
    heading = nfc(title) if title else label("title", lang)
    ax.text(0, 1, heading, va="top", fontsize=15 * scale, weight="bold")
    ax.text(0, 0.45, nfc(subtitle if subtitle else plan.name), va="center", fontsize=12 * scale)
    details = [
        f"{label('scenario', lang)}: {label(report.scenario, lang)}",
        f"{label('period', lang)}: {label(report.period, lang)}",
        f"{label('rules', lang)}: {report.rules}",
        f"{label('date', lang)}: {dt.date.today().isoformat()}",
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
        color=symbols.SERVICE_AREAS.stroke,  # the indicator whose service area is drawn
    )
    ax.axhline(-0.08, color="#333333", lw=0.8)


def _attributions(plan: Plan, lang: str = "en") -> list[str]:
    text = f"{plan.name} {plan.description}".lower()
    return [say(line, lang) for key, line in _ATTRIBUTION.items() if key in text]


def draw_footer(ax: Axes, plan: Plan, lang: str, scale: float, width_mm: float) -> None:
    blank(ax)
    crs = plan.crs.to_string() if plan.crs is not None else "?"
    chars = int(width_mm / (1.1 * scale))  # about 6 pt text; CJK glyphs are twice as wide
    if CJK_TEXT.search(plan.description):
        chars = int(chars * 0.9)
    lines = textwrap.wrap(nfc(plan.description), chars, max_lines=3, placeholder=" …")
    lines.append(f"{label('attribution', lang)}: " + " ".join(_attributions(plan, lang)))
    lines.append(
        label("grid_north", lang).format(crs=crs)
        + " "
        + label("made_with", lang).format(version=__version__)
    )
    ax.text(0, 1, "\n".join(lines), va="top", fontsize=6 * scale, color="#333333", linespacing=1.35)


def draw_legend(ax: Axes, handles: list[Artist], lang: str, scale: float) -> None:
    """The legend of the map's ``handles``: in two columns when long, its labels then wrapped
    (so the right column stays on the page)."""
    blank(ax)
    if len(handles) > 14:
        width = 17 if lang == "zh" else 30  # a Chinese character is about two Latin letters
        for handle in handles:
            handle.set_label(textwrap.fill(str(handle.get_label()), width))
    ax.legend(
        handles=handles,
        loc="upper left",
        frameon=False,
        fontsize=6.5 * scale,
        title=label("legend", lang),
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


def draw_table(ax: Axes, report: Report, lang: str, scale: float) -> None:
    """The key indicators with pass/fail against the profile."""
    blank(ax)
    ax.text(
        0,
        1,
        f"{label('key_indicators', lang)} ({report.rules})",
        va="top",
        fontsize=8 * scale,
        weight="bold",
    )
    rows = _rows(report, lang)
    if not rows:
        return
    cells = [[name, value, target, label(status, lang)] for name, value, target, status in rows]
    head = [
        label("indicator", lang),
        label("value", lang),
        label("target", lang),
        label("result", lang),
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
            cell.get_text().set_color(symbols.STATUS_COLOURS[rows[r - 1][3]])
            cell.get_text().set_fontweight("bold")
