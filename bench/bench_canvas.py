"""Frame times of the desktop map canvas with 10,000 polygons and 10,000 points.

A synthetic plan: a grid of 100 x 100 blocks (buildings, 6 to 9 vertices each, 22-26 m across on a
30 m grid) and a resident point beside each block. The canvas
(:class:`spaceplanner.ui.canvas.qt_map_canvas.QtMapCanvas`, 1280 x 800, offscreen) renders whole
frames (``viewport().grab()``) at full extent, zoomed in, and at each step of a pan; a pan as the
app does it (scroll, then paint the uncovered strip) is timed too, and so are building the canvas,
redrawing a layer after an edit and finding the feature under the cursor.

Baseline, in the same process: the same frame painted with plain QPainter calls into a QImage --
one ``drawPolygon`` per block (QPolygonF made beforehand) and one ``drawEllipse`` per point,
antialiased, with the same transform. Target: <= 50 ms per frame.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import geopandas as gpd
import numpy as np
import shapely
from PyQt5.QtCore import QPointF, QRectF
from PyQt5.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PyQt5.QtWidgets import QApplication

from spaceplanner.model.commands import EditAttributes, MoveFeature
from spaceplanner.model.plan import Plan
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.model.session import Session

CRS = "EPSG:32650"
X0, Y0 = 500_000.0, 3_400_000.0
WIDTH, HEIGHT = 1280, 800
TARGET_MS = 50.0


def make_session(side: int = 100, seed: int = 0) -> Session:
    """``side**2`` blocks (irregular polygons) and as many resident points, on a 30 m grid."""
    rng = np.random.default_rng(seed)
    n = side * side
    gx, gy = np.meshgrid(np.arange(side) * 30.0, np.arange(side) * 30.0)
    cx, cy = X0 + gx.ravel() + 15, Y0 + gy.ravel() + 15
    blocks = []
    for i in range(n):
        k = int(rng.integers(6, 10))
        angles = np.sort(rng.uniform(0, 2 * np.pi, k))
        radius = rng.uniform(11, 13, k)
        blocks.append(
            shapely.Polygon(
                np.column_stack([cx[i] + radius * np.cos(angles), cy[i] + radius * np.sin(angles)])
            )
        )
    points = shapely.points(cx + 14, cy + 14)
    ids = [f"b{i}" for i in range(n)]
    buildings = gpd.GeoDataFrame({"id": ids}, geometry=blocks, crs=CRS)
    residents = gpd.GeoDataFrame(
        {"id": [f"r{i}" for i in range(n)], "population": rng.integers(1, 20, n)},
        geometry=points,
        crs=CRS,
    )
    plan = Plan.from_frames(
        "bench canvas",
        {"buildings": ("buildings", buildings), "residents": ("residents", residents)},
        crs=CRS,
    )
    return Session(plan)


def timed(func: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return out


def baseline_frame(
    canvas: QtMapCanvas, polygons: list[QPolygonF], points: np.ndarray
) -> Callable[[], QImage]:
    """Paint the canvas's current view with one QPainter call per feature, into a QImage."""
    transform = canvas.viewportTransform()
    building: Any = canvas.layer_item("buildings")
    resident: Any = canvas.layer_item("residents")
    fill = building.brush.color()
    stroke = building.pen.color()
    dot_fill = resident.symbology.point_fill
    dot_stroke = resident.pen.color()
    size = resident.symbology.point_size
    device = np.column_stack(
        [
            points[:, 0] * transform.m11() + points[:, 1] * transform.m21() + transform.dx(),
            points[:, 0] * transform.m12() + points[:, 1] * transform.m22() + transform.dy(),
        ]
    )
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)

    def frame() -> QImage:
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setTransform(transform)
        pen = QPen(stroke, 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(fill)
        for polygon in polygons:
            painter.drawPolygon(polygon)
        painter.resetTransform()
        painter.setPen(QPen(dot_stroke, 1.0))
        painter.setBrush(dot_fill)
        r = size / 2
        for x, y in device.tolist():
            if -r <= x <= WIDTH + r and -r <= y <= HEIGHT + r:
                painter.drawEllipse(QRectF(x - r, y - r, size, size))
        painter.end()
        return image

    return frame


def stats(times: list[float]) -> str:
    return f"{statistics.median(times):7.1f} {max(times):7.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15, help="frames per view")
    parser.add_argument("--side", type=int, default=100, help="blocks per side (100: 10,000)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])

    start = time.perf_counter()
    session = make_session(args.side)
    made = (time.perf_counter() - start) * 1000
    plan = session.plan
    n = len(plan.layers["buildings"].frame)

    def build_canvas() -> None:
        QtMapCanvas(session).set_session(None)

    build = timed(build_canvas, 3)
    canvas = QtMapCanvas(session)
    canvas.resize(WIDTH, HEIGHT)
    canvas.show()
    app.processEvents()

    geoms = plan.layers["buildings"].frame.geometry
    polygons = [
        QPolygonF([QPointF(x, -y) for x, y in part.exterior.coords])
        for part in shapely.get_parts(geoms.values)
    ]
    points = shapely.get_coordinates(plan.layers["residents"].frame.geometry.values)
    points = np.column_stack([points[:, 0], -points[:, 1]])

    print(
        f"plan: {n:,} polygons + {len(points):,} points (made in {made:.0f} ms); "
        f"canvas {WIDTH}x{HEIGHT}, {canvas.logicalDpiX()} dpi"
    )
    print(f"build the canvas (paths, symbols): median {statistics.median(build):.0f} ms")
    print(f"{'view':<42}{'canvas ms':>16}{'baseline ms':>16}{'ratio':>8}  target")
    print(f"{'':<42}{'median    max':>16}{'median    max':>16}")
    grab = canvas.viewport().grab

    def row(label: str, ours: list[float], base: list[float] | None) -> None:
        ratio = f"{statistics.median(base) / statistics.median(ours):7.1f}x" if base else " " * 8
        verdict = "ok" if max(ours) <= TARGET_MS else "MISSED"
        base_text = stats(base) if base else " " * 15
        print(f"{label:<42} {stats(ours)} {base_text}{ratio}  <= {TARGET_MS:.0f} ms {verdict}")

    views = [
        ("full extent", 1.0),
        ("zoomed in (1/8 of the width)", 8.0),
        ("zoomed out (extent x 4)", 0.25),
    ]
    for label, zoom in views:
        canvas.zoom_to_extent()
        canvas.zoom_by(zoom)
        app.processEvents()
        grab()  # warm up
        ours = timed(grab, args.repeat)
        row(
            f"{label} (1:{canvas.map_scale():,.0f})",
            ours,
            timed(baseline_frame(canvas, polygons, points), args.repeat),
        )

    canvas.zoom_to_extent()
    canvas.zoom_by(2.0)
    app.processEvents()
    pans, bases = [], []
    for _ in range(args.repeat):
        canvas.pan_by(37, 23)
        app.processEvents()
        pans += timed(grab, 1)
        bases += timed(baseline_frame(canvas, polygons, points), 1)
    row("panning, whole frames (zoom x2)", pans, bases)

    strips = []
    for _ in range(args.repeat):
        canvas.pan_by(-29, 17)  # scrolls the viewport; the paint of the strip is pending
        strips += timed(app.processEvents, 1)
    row("panning, scroll + exposed strip", strips, None)

    canvas.zoom_to_extent()
    app.processEvents()
    edits: dict[str, Callable[[int], object]] = {
        "move a building": lambda i: MoveFeature("buildings", f"b{i * 997}", 3.0, 0.0),
        "edit a building's attributes": lambda i: EditAttributes(
            "buildings", f"b{i * 997}", {"name": f"block {i}"}
        ),
    }
    for label, make in edits.items():
        times = []
        for i in range(3):
            command: Any = make(i)
            start = time.perf_counter()
            session.push(command)
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"{label} (command, then the canvas follows): median "
            f"{statistics.median(times):.0f} ms, max {max(times):.0f} ms"
        )
    rng = np.random.default_rng(1)
    spots = [QPointF(float(x), float(y)) for x, y in rng.uniform((0, 0), (WIDTH, HEIGHT), (200, 2))]
    canvas.feature_at(spots[0])  # builds the STRtrees after the edits
    hits = timed(lambda: [canvas.feature_at(p) for p in spots], 1)[0] / len(spots)
    print(f"feature under the cursor (STRtree): {hits:.2f} ms per lookup")
    canvas.deleteLater()


if __name__ == "__main__":
    main()
