"""A printable map sheet of an evaluation: one page, PDF or PNG, at an exact paper size.

The sheet shows the plan in its metric CRS (buildings, network, boundary, activity spaces,
shelters sized by capacity, facilities by kind), one indicator's service area and gap areas, the
siting violations by principle (避/防/让), a legend, a scale bar, a grid-north arrow, the key
indicators against the rule profile, and the data sources. Drawn with matplotlib's Agg and PDF
backends, so no display is needed. Chinese text uses a Noto CJK font (Debian ``fonts-noto-cjk``).
The map is drawn by :mod:`spaceplanner.outputs.mapsheet_map`, the header, footer, legend and
table by :mod:`spaceplanner.outputs.mapsheet_parts`; this module sizes the page and writes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from spaceplanner import __version__
from spaceplanner.files import atomic_path
from spaceplanner.model.plan import Plan
from spaceplanner.outputs.mapsheet_map import draw_map, draw_north_arrow
from spaceplanner.outputs.mapsheet_parts import (
    CJK_TEXT,
    draw_footer,
    draw_header,
    draw_legend,
    draw_table,
)
from spaceplanner.results.labels import LANGS, label
from spaceplanner.results.report import Report

__all__ = [
    "ORIENTATIONS",
    "PAPERS_MM",
    "PNG_DPI",
    "sheet_fonts",
    "sheet_indicators",
    "write_map_sheet",
]

#: Paper sizes in millimetres, landscape (width, height); portrait swaps them.
PAPERS_MM: dict[str, tuple[float, float]] = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
ORIENTATIONS = ("landscape", "portrait")
PNG_DPI = 200
_MM_PER_INCH = 25.4
_MARGIN_MM = 10.0
_HEADER_MM = 20.0
_FOOTER_MM = 17.0
_GAP_MM = 5.0


@dataclass(frozen=True)
class _Layout:
    """Axes rectangles (figure fractions: left, bottom, width, height) of a sheet."""

    header: tuple[float, float, float, float]
    map: tuple[float, float, float, float]
    legend: tuple[float, float, float, float]
    table: tuple[float, float, float, float]
    footer: tuple[float, float, float, float]
    north: tuple[float, float, float, float]


def write_map_sheet(
    plan: Plan,
    report: Report,
    path: Path,
    *,
    paper: str = "A4",
    orientation: str = "landscape",
    lang: str = "en",
    indicator: str | None = None,
    title: str | None = None,
    subtitle: str | None = None,
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
    choices = sheet_indicators(report)
    if indicator is None and choices:
        indicator = choices[0]
    if indicator not in choices:
        raise ValueError(f"unknown indicator {indicator!r}; choose one of {', '.join(choices)}")
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "png"):
        raise ValueError(f"a map sheet is written as .pdf or .png, not {path.suffix!r}")
    texts = [*_free_texts(plan, report, lang), title or "", subtitle or ""]
    with sheet_fonts(lang == "zh" or any(CJK_TEXT.search(t) for t in texts)):
        fig = _sheet(plan, report, size_mm, lang, str(indicator), title, subtitle)
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


def sheet_indicators(report: Report) -> list[str]:
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
def sheet_fonts(cjk: bool) -> Iterator[None]:
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
    # the north arrow: top right of the legend's panel, beside the map (never over a symbol)
    arrow_w, arrow_h = 8.0 * text_scale, 14.0 * text_scale
    if width_mm > height_mm:
        panel_w = max(92.0, 0.3 * inner_w)
        map_w = inner_w - panel_w - g
        table_h = 0.5 * body_h
        px = m + map_w + g
        legend_h = body_h - table_h - g
        return _Layout(
            header,
            box(m, body_bottom, map_w, body_h),
            box(px, body_bottom + table_h + g, panel_w - arrow_w - 2, legend_h),
            box(px, body_bottom, panel_w, table_h),
            footer,
            box(px + panel_w - arrow_w, body_top - arrow_h, arrow_w, arrow_h),
        )
    panel_h = 0.3 * body_h
    map_h = body_h - panel_h - g
    half = (inner_w - g) / 2
    return _Layout(
        header,
        box(m, body_bottom + panel_h + g, inner_w, map_h),
        box(m, body_bottom, half - arrow_w - 2, panel_h),
        box(m + half + g, body_bottom, half, panel_h),
        footer,
        box(m + half - arrow_w, body_bottom + panel_h - arrow_h, arrow_w, arrow_h),
    )


def _sheet(
    plan: Plan,
    report: Report,
    size_mm: tuple[float, float],
    lang: str,
    indicator: str,
    title: str | None = None,
    subtitle: str | None = None,
) -> Figure:
    """Draw the whole sheet on a new figure of the paper's size."""
    width_mm, height_mm = size_mm
    fig = Figure(figsize=(width_mm / _MM_PER_INCH, height_mm / _MM_PER_INCH))
    FigureCanvasAgg(fig)
    layout = _layout(width_mm, height_mm)
    scale = _text_scale(width_mm, height_mm)
    draw_header(fig.add_axes(layout.header), plan, report, lang, indicator, scale, title, subtitle)
    handles = draw_map(fig.add_axes(layout.map), plan, report, lang, indicator, scale)
    draw_north_arrow(fig.add_axes(layout.north), scale)
    draw_legend(fig.add_axes(layout.legend), handles, lang, scale)
    draw_table(fig.add_axes(layout.table), report, lang, scale)
    draw_footer(fig.add_axes(layout.footer), plan, lang, scale, width_mm - 2 * _MARGIN_MM)
    return fig
