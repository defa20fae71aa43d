"""The results drawn over the plan on the canvas: gap areas, uncovered residents, shelters over
capacity, service areas, hazard zones and violation symbols from the session's report, and the
suggested sites of the Suggest sites dialog."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from PyQt5.QtCore import QRectF, QSize
from PyQt5.QtGui import QBrush, QColor, QImage, QPainter
from PyQt5.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget
from shapely.geometry.base import BaseGeometry

from spaceplanner.model.plan import Plan
from spaceplanner.outputs.symbols import SUGGESTED, UNCOVERED_RESIDENTS
from spaceplanner.results.report import Report, SiteRef
from spaceplanner.ui.canvas.hit_index import Same
from spaceplanner.ui.canvas.qt_items import QtVectorItem, QtViolationItem, QtWorldItem
from spaceplanner.ui.canvas.qt_paths import Drawing
from spaceplanner.ui.canvas.qt_symbols import PRINCIPLES, Symbology, overlay_symbology

__all__ = ["OVERLAYS", "QtDragGapsItem", "QtOverlays"]

#: The result overlays drawn over the plan, bottom first (:meth:`QtMapCanvas.set_overlay_visible`).
OVERLAYS = (
    "service_areas",
    "hazard_zones",
    "gap_areas",
    "shelters_over_capacity",
    "uncovered_residents",
    "violations",
)

#: Overlays are drawn above every layer, bottom first.
Z_OVERLAYS = 10_000.0


class QtOverlays:
    """The result overlays of a canvas's scene (plain Python: the canvas owns the scene).

    Attributes
    ----------
    shown
        Whether each overlay is switched on (``service_areas`` is off at first).
    indicator
        The indicator whose gaps the overlays show (None: every indicator's).
    counts
        Features drawn by each overlay.
    """

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self.items: dict[str, QGraphicsItem] = {}
        self.counts: dict[str, int] = {}
        self.shown = {name: name != "service_areas" for name in OVERLAYS}
        self.indicator: str | None = None
        # per overlay: what it was built from, so an unchanged one is not built again
        self._keys: dict[str, tuple[Any, ...]] = {}
        self._suggested: QGraphicsItem | None = None
        self._suggested_count = 0

    def clear(self) -> None:
        """Remove every overlay of the report (the suggested sites stay)."""
        for old in self.items.values():
            self._scene.removeItem(old)
        self.items.clear()
        self.counts.clear()
        self._keys.clear()

    def set_visible(self, name: str, visible: bool) -> None:
        """Show or hide an overlay."""
        if name not in self.shown:
            msg = f"no overlay {name!r}; overlays: {', '.join(OVERLAYS)}"
            raise KeyError(msg)
        self.shown[name] = bool(visible)
        if name in self.items:
            self.items[name].setVisible(bool(visible))

    def set_world(self, world: QRectF) -> None:
        """The scene's world rect changed."""
        for item in self.items.values():
            if isinstance(item, QtWorldItem):
                item.set_world(world)

    def show_suggestions(self, geometries: Any | None, world: QRectF) -> None:
        """Draw suggested sites (from the Suggest sites dialog) above everything; None clears."""
        if self._suggested is not None:
            self._scene.removeItem(self._suggested)
            self._suggested = None
        if geometries is None or not len(geometries):
            return
        item = QtVectorItem(
            world,
            Drawing.build(np.asarray(geometries, dtype=object), unique_points=True),
            Symbology(
                brushes=(QBrush(_with_alpha(SUGGESTED.fill, 110)),),
                stroke=QColor(SUGGESTED.stroke),
                width=2.5,
                point_fill=QColor(SUGGESTED.fill),
                point_stroke=QColor(SUGGESTED.stroke),
                point_size=13.0,
                point_outline=2.0,
            ),
        )
        item.setZValue(Z_OVERLAYS + len(OVERLAYS) + 1)
        self._scene.addItem(item)
        self._suggested = item
        self._suggested_count = len(geometries)

    @property
    def suggested_item(self) -> QGraphicsItem | None:
        """The item of the suggested sites (None: none shown)."""
        return self._suggested

    def suggestion_count(self) -> int:
        """Suggested sites drawn (0 when none)."""
        return self._suggested_count if self._suggested is not None else 0

    def build(self, plan: Plan | None, report: Report | None, world: QRectF) -> bool:
        """Draw ``report``'s overlays over ``plan`` (None: none); overlays whose source did not
        change since the last report keep their item. False: every overlay kept its item."""
        if plan is None or report is None:
            self.clear()
            return True
        changed = False
        item: QGraphicsItem
        for z, name in enumerate(OVERLAYS):
            if name == "violations":
                sites = _violation_sites(report)
                count = sum(len(v) for v in sites.values())
                # by the sites' exact shapes (a geometry's repr is cut short: a site reshaped
                # beyond its first vertices would keep its old outline)
                key: tuple[Any, ...] = (
                    "violations",
                    tuple((p, tuple(shapely.to_wkb(gs))) for p, gs in sites.items()),
                )
            else:
                frame = report.layers.get(name)
                # a live report carries the last full run's area layers, a drag's report every
                # layer of the report before it: the same frames (held in the key, so an
                # identity check is safe), not filtered again (millions of rows in a city)
                key = (Same(frame), self.indicator)
                if self._keys.get(name) == key:
                    continue  # unchanged since the last report: keep the item
                if (
                    frame is not None
                    and self.indicator is not None
                    and "indicator" in frame.columns
                ):
                    frame = frame[frame["indicator"] == self.indicator]
                count = 0 if frame is None else len(frame)
            if name == "violations" and self._keys.get(name) == key:
                continue  # unchanged since the last report: keep the item
            changed = True
            if name in self.items:
                self._scene.removeItem(self.items.pop(name))
            self.counts.pop(name, None)
            self._keys[name] = key
            if not count:
                continue
            if name == "violations":
                item = QtViolationItem(world, sites)
            else:
                assert frame is not None
                geoms = np.asarray(frame.geometry.values, dtype=object)
                item = QtVectorItem(
                    world,
                    Drawing.build(geoms, unique_points=True),
                    overlay_symbology(name),
                )
            item.setZValue(Z_OVERLAYS + z)
            item.setVisible(self.shown[name])
            self._scene.addItem(item)
            self.items[name] = item
            self.counts[name] = count
        return changed


def _violation_sites(report: Report) -> dict[str, list[BaseGeometry]]:
    """The geometry of each site a violation names (as the evaluation saw it), per
    principle, each site once."""
    sites: dict[str, list[BaseGeometry]] = {p: [] for p in PRINCIPLES}
    seen: set[tuple[str, SiteRef]] = set()
    for v in report.violations:
        if v.principle not in sites or (v.principle, v.site) in seen:
            continue
        seen.add((v.principle, v.site))
        if isinstance(v.geometry, BaseGeometry) and not v.geometry.is_empty:
            sites[v.principle].append(v.geometry)
    return sites


def _with_alpha(colour: str | None, alpha: int) -> QColor:
    """``colour`` (hex) with an alpha of 0-255."""
    out = QColor(colour or "#000000")
    out.setAlpha(alpha)
    return out


#: The dots of the drag's mask image: pixels either side of a resident's pixel (the overlay
#: draws 8 px symbols).
_DOT_PX = 4
#: A drag update that changes the state of at most this share of the residents draws only the
#: part of the mask image around them; more, and the whole image is drawn again.
_PATCH_MAX_SHARE = 0.05


def _dot_rows() -> dict[int, list[int]]:
    """A dot, a disc of radius ``_DOT_PX``, as horizontal runs: per half-width
    floor(sqrt(r² + 1 - dy²)), the row offsets dy that have it."""
    rows: dict[int, list[int]] = {}
    for dy in range(-_DOT_PX, _DOT_PX + 1):
        rows.setdefault(int(np.sqrt(_DOT_PX * _DOT_PX + 1 - dy * dy)), []).append(dy)
    return rows


_DOT_ROWS = _dot_rows()


def _grow_dots(hit: np.ndarray, dots: np.ndarray, spare: tuple[np.ndarray, ...]) -> None:
    """``dots``: the pixels within a disc of radius ``_DOT_PX`` of a ``hit`` pixel (``spare``:
    two buffers of the same shape for the work)."""
    h = hit.shape[0]
    dots.fill(False)
    # the runs widened one pixel at a time, each laid on the rows that have its half-width
    rows = _DOT_ROWS
    run = hit
    for half in range(_DOT_PX + 1):
        if half:
            wider = spare[0] if run is not spare[0] else spare[1]
            np.copyto(wider, run)
            wider[:, 1:] |= run[:, :-1]
            wider[:, :-1] |= run[:, 1:]
            run = wider
        for dy in rows.get(half, []):
            if abs(dy) >= h:  # an image this low has no row dy away
                continue
            dots[max(dy, 0) : h + min(dy, 0)] |= run[max(-dy, 0) : h + min(-dy, 0)]


class QtDragGapsItem(QGraphicsItem):
    """The uncovered residents while a site is dragged: one image of the view, a dot per
    resident (linear in the residents, a few milliseconds for 500,000; the overlay's vector
    points come back with the evaluation after the release).

    The residents' pixels are found once per view (the map holds still during a drag); each
    update marks the uncovered ones, grows them into dots row by row (a disc is a stack of
    horizontal runs) and hands Qt a one-byte image with a two-colour table."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self._image: QImage | None = None
        self._pixels: tuple[Any, np.ndarray] | None = None
        self._buffer: tuple[np.ndarray, ...] | None = None
        self._shown: tuple[np.ndarray, np.ndarray | None] | None = None  # pixels, mask drawn
        self._per_pixel: np.ndarray | None = None  # residents drawn per pixel (flat)
        self._argb = 0
        #: Residents drawn.
        self.count = 0
        #: The window (first row, first column, end row, end column) the last drawing made.
        self.redrawn = (0, 0, 0, 0)

    def clear(self) -> None:
        """Draw nothing."""
        self.prepareGeometryChange()
        self._image, self._rect, self.count = None, QRectF(), 0
        self._pixels = self._buffer = self._shown = self._per_pixel = None

    def _pixel_of(
        self, xy: np.ndarray, extent: tuple[float, float, float, float], w: int, h: int
    ) -> np.ndarray:
        """Each resident's pixel in the view's image (row * w + column; -1 outside it)."""
        key = (id(xy), len(xy), extent, w, h)
        if self._pixels is not None and self._pixels[0] == key:
            return self._pixels[1]
        minx, miny, maxx, maxy = extent
        px = np.floor((xy[:, 0] - minx) / max(maxx - minx, 1e-9) * w).astype(np.int64)
        py = np.floor((maxy - xy[:, 1]) / max(maxy - miny, 1e-9) * h).astype(np.int64)
        inside = (px >= 0) & (px < w) & (py >= 0) & (py < h)
        flat = np.where(inside, py * w + px, -1)
        self._pixels = (key, flat)
        return flat

    def draw(
        self,
        xy: np.ndarray,
        extent: tuple[float, float, float, float],
        size: QSize,
        mask: np.ndarray | None = None,
    ) -> None:
        """Draw the points ``xy`` (map coordinates; those of ``mask`` when given) over the map
        ``extent`` shown at ``size``."""
        w, h = max(size.width(), 1), max(size.height(), 1)
        minx, miny, maxx, maxy = extent
        flat = self._pixel_of(xy, extent, w, h)
        shown = self._shown
        if self._image is not None and shown is not None and shown[0] is flat:
            before = shown[1]
            if before is None and mask is None:
                return
            if before is not None and mask is not None:
                # the same residents over the same view: only the dots of the residents whose
                # state changed are drawn again (a dragged site changes a few thousand of
                # half a million; nothing when another indicator's gaps changed)
                changed = np.flatnonzero(before != mask)
                if changed.size == 0:
                    return
                if changed.size <= _PATCH_MAX_SHARE * len(flat):
                    self._patch(flat, mask, changed, h, w)
                    self._shown = (flat, np.array(mask, dtype=bool))
                    return
        self._shown = (flat, None if mask is None else np.array(mask, dtype=bool))
        chosen = flat[mask] if mask is not None else flat
        chosen = chosen[chosen >= 0]
        hit, dots, spare = self._buffers(h, w)
        # residents per pixel, kept so that an update can take some away and add others
        self._per_pixel = np.bincount(chosen, minlength=h * w).astype(np.int32)
        np.copyto(hit.reshape(-1), self._per_pixel > 0)
        _grow_dots(hit, dots, spare)
        colour = QColor(UNCOVERED_RESIDENTS.fill or "#000000")
        self._argb = colour.rgba() | 0xFF000000
        image = QImage(dots.view(np.uint8).tobytes(), w, h, w, QImage.Format.Format_Indexed8)
        image.setColorTable([0, self._argb])
        self._image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        self.prepareGeometryChange()
        self._rect = QRectF(minx, -maxy, maxx - minx, maxy - miny)
        self.count = int(chosen.size)
        self.redrawn = (0, 0, h, w)
        self.update()

    def _patch(
        self, flat: np.ndarray, mask: np.ndarray, changed: np.ndarray, h: int, w: int
    ) -> None:
        """Draw again the part of the image around the residents ``changed`` (their state in
        ``mask`` is the new one): their pixel counts change, and the dots are grown again in
        the window around them (a dot reaches ``_DOT_PX`` pixels, so the window is taken that
        much wider on each side, and what the dots there need that much wider again)."""
        image = self._image
        assert image is not None and self._per_pixel is not None
        px = flat[changed]
        now = mask[changed]
        inside = px >= 0
        px, now = px[inside], now[inside]
        if px.size == 0:
            return
        per_pixel = self._per_pixel
        np.add.at(per_pixel, px[now], 1)
        np.subtract.at(per_pixel, px[~now], 1)
        self.count += int(np.count_nonzero(now)) - int(np.count_nonzero(~now))
        rows, cols = px // w, px % w
        r0, r1 = max(int(rows.min()) - _DOT_PX, 0), min(int(rows.max()) + _DOT_PX + 1, h)
        c0, c1 = max(int(cols.min()) - _DOT_PX, 0), min(int(cols.max()) + _DOT_PX + 1, w)
        # the hits the window's dots need: the window and _DOT_PX more on each side
        a0, a1 = max(r0 - _DOT_PX, 0), min(r1 + _DOT_PX, h)
        b0, b1 = max(c0 - _DOT_PX, 0), min(c1 + _DOT_PX, w)
        hit = per_pixel.reshape(h, w)[a0:a1, b0:b1] > 0
        dots = np.empty_like(hit)
        _grow_dots(hit, dots, (np.empty_like(hit), np.empty_like(hit)))
        part = dots[r0 - a0 : r1 - a0, c0 - b0 : c1 - b0]
        bits = image.bits()
        assert bits is not None
        bits.setsize(image.sizeInBytes())
        argb = np.frombuffer(bits, dtype=np.uint32).reshape(  # type: ignore[call-overload]
            h, image.bytesPerLine() // 4
        )
        argb[r0:r1, c0:c1] = np.where(part, np.uint32(self._argb), np.uint32(0))
        self.redrawn = (r0, c0, r1, c1)
        rect = self._rect
        sx, sy = rect.width() / w, rect.height() / h
        left, top = rect.left() + c0 * sx, rect.top() + r0 * sy
        self.update(QRectF(left, top, (c1 - c0) * sx, (r1 - r0) * sy))

    def _buffers(self, h: int, w: int) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...]]:
        """The ``(h, w)`` boolean images of a drawing, kept from one update to the next (new
        ones each update cost a page fault per 4 kB: a millisecond a view)."""
        if self._buffer is None or self._buffer[0].shape != (h, w):
            self._buffer = tuple(np.zeros((h, w), dtype=bool) for _ in range(4))
        hit, dots, a, b = self._buffer
        return hit, dots, (a, b)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._rect

    def paint(
        self,
        painter: QPainter | None,
        option: QStyleOptionGraphicsItem | None,
        widget: QWidget | None = None,
    ) -> None:
        if painter is not None and self._image is not None:
            painter.drawImage(self._rect, self._image)
