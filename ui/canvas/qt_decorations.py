"""The map's decorations, drawn over it in the viewport's corners whatever the zoom: a metric
scale bar (bottom left) and a north arrow (top right).

The scale bar's length is a round distance (1, 2, 5 × 10ⁿ metres) at most :data:`BAR_MAX_PX`
pixels long at the current zoom, in the plan's projected CRS (its unit converted to metres).
Without a projected CRS (no plan, or coordinates in degrees) no scale bar is drawn: a degree
is no fixed length on the screen. The arrow points to grid north, up on the map: the north of
the plan's projected CRS, as the map sheet's arrow (true north differs from it by the meridian
convergence, under a degree or two in a community's CRS).
"""

from __future__ import annotations

from dataclasses import dataclass

from PyQt5.QtCore import QPointF, QRectF, Qt
from PyQt5.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

__all__ = [
    "BAR_MAX_PX",
    "NICE_LENGTHS",
    "ScaleBar",
    "decoration_rects",
    "draw_decorations",
    "scale_bar",
]

#: The lengths a scale bar may have, metres.
NICE_LENGTHS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000)
#: The longest a scale bar may be, pixels.
BAR_MAX_PX = 140.0
_MARGIN = 10.0
_ARROW_W, _ARROW_H = 22.0, 44.0
_BAR_H = 6.0


@dataclass(frozen=True)
class ScaleBar:
    """A scale bar: its length in metres and in pixels, and its text (``500 m``, ``1 km``)."""

    metres: float
    pixels: float
    text: str


def scale_bar(metres_per_pixel: float, max_px: float = BAR_MAX_PX) -> ScaleBar | None:
    """The longest round length at most ``max_px`` pixels long (the shortest one when none
    is); None for a zoom without a length (not positive or not finite)."""
    if not metres_per_pixel > 0 or metres_per_pixel == float("inf"):
        return None
    fitting = [m for m in NICE_LENGTHS if m / metres_per_pixel <= max_px]
    metres = fitting[-1] if fitting else NICE_LENGTHS[0]
    text = f"{metres // 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    return ScaleBar(float(metres), metres / metres_per_pixel, text)


def _font() -> QFont:
    font = QFont()
    font.setPixelSize(11)
    return font


def _bar_rect(view: QRectF, bar: ScaleBar) -> QRectF:
    metrics = QFontMetricsF(_font())
    width = bar.pixels + metrics.horizontalAdvance(bar.text) / 2 + 18
    height = _BAR_H + metrics.height() + 12
    return QRectF(view.left() + _MARGIN, view.bottom() - _MARGIN - height, width, height)


def _arrow_rect(view: QRectF) -> QRectF:
    return QRectF(
        view.right() - _MARGIN - _ARROW_W - 8, view.top() + _MARGIN, _ARROW_W + 8, _ARROW_H
    )


def _credit_rect(view: QRectF, credit: str) -> QRectF:
    metrics = QFontMetricsF(_font())
    width = metrics.horizontalAdvance(credit) + 8
    return QRectF(
        view.right() - width, view.bottom() - metrics.height() - 2, width, metrics.height() + 2
    )


def decoration_rects(view: QRectF, bar: ScaleBar | None, credit: str = "") -> list[QRectF]:
    """Where the decorations are drawn in a viewport of rectangle ``view`` (pixels)."""
    rects = [_arrow_rect(view)]
    if bar is not None:
        rects.append(_bar_rect(view, bar))
    if credit:
        rects.append(_credit_rect(view, credit))
    return [r.adjusted(-2, -2, 2, 2) for r in rects]


def draw_decorations(
    painter: QPainter, view: QRectF, bar: ScaleBar | None, north: str, credit: str = ""
) -> None:
    """Draw the north arrow (its letter ``north``), the scale bar ``bar`` (None: none) and the
    base map's ``credit`` in the corners of the viewport rectangle ``view``; ``painter`` is in
    viewport pixels."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    font = _font()
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    ink = QColor("#222222")
    panel = QColor(255, 255, 255, 210)

    box = _arrow_rect(view)
    cx = box.center().x()
    letter = QRectF(box.left(), box.top(), box.width(), metrics.height())
    tip_y = letter.bottom() + 1
    base_y = box.bottom() - 2
    half = _ARROW_W / 2 - 3
    painter.setPen(QPen(ink, 1.0))
    painter.setBrush(panel)
    painter.drawRoundedRect(box, 3, 3)
    painter.drawText(letter, Qt.AlignmentFlag.AlignCenter, north)
    notch = QPointF(cx, base_y - (base_y - tip_y) * 0.3)
    left = QPolygonF([QPointF(cx, tip_y), QPointF(cx - half, base_y), notch])
    right = QPolygonF([QPointF(cx, tip_y), QPointF(cx + half, base_y), notch])
    painter.setBrush(ink)
    painter.drawPolygon(left)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(right)

    if bar is not None:
        rect = _bar_rect(view, bar)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(panel)
        painter.drawRoundedRect(rect, 3, 3)
        x0 = rect.left() + 8
        y0 = rect.bottom() - 6 - _BAR_H
        halfway = bar.pixels / 2
        painter.setPen(QPen(ink, 1.0))
        painter.setBrush(ink)
        painter.drawRect(QRectF(x0, y0, halfway, _BAR_H))
        painter.setBrush(QColor("white"))
        painter.drawRect(QRectF(x0 + halfway, y0, bar.pixels - halfway, _BAR_H))
        text_rect = QRectF(x0, rect.top() + 3, bar.pixels + 60, metrics.height())
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), "0"
        )
        label = QRectF(
            x0 + bar.pixels - metrics.horizontalAdvance(bar.text) / 2,
            rect.top() + 3,
            metrics.horizontalAdvance(bar.text) + 4,
            metrics.height(),
        )
        painter.drawText(
            label, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), bar.text
        )
    if credit:
        rect = _credit_rect(view, credit)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(panel)
        painter.drawRect(rect)
        painter.setPen(QPen(QColor("#333333"), 1.0))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, credit)
    painter.restore()
