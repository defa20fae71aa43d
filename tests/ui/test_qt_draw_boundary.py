"""Drawing a plan's boundary on an extract's streets, as a user clicks it, and the plan it makes.

Runs on the synthetic 1 km extract of ``test_osm_plan`` (written into ``tmp_path``).
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from PyQt5.QtCore import QPoint, QPointF, Qt
from test_osm_plan import E0, METRIC, N0, WALKED, write_tiny_osm

from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.sources.osm import build_osm_plan
from spaceplanner.ui.dialogs.qt_draw_boundary import QtDrawBoundaryDialog, polygon_area_km2
from spaceplanner.ui.dialogs.qt_new_osm_dialog import QtNewOsmDialog

_TO_LONLAT = Transformer.from_crs(METRIC, "EPSG:4326", always_xy=True)
_TO_METRIC = Transformer.from_crs("EPSG:4326", METRIC, always_xy=True)


@pytest.fixture
def extract(tmp_path: Path) -> Path:
    return write_tiny_osm(tmp_path / "tiny.osm")


def _drawer(qtbot, extract: Path) -> QtDrawBoundaryDialog:
    dialog = QtDrawBoundaryDialog(extract)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=30_000)
    return dialog


def _pixel(dialog: QtDrawBoundaryDialog, x: float, y: float) -> QPoint:
    """Where the point (x, y) metres from the extract's origin is on the screen."""
    lon, lat = _TO_LONLAT.transform(E0 + x, N0 + y)
    return dialog.view.mapFromScene(dialog.to_scene(lon, lat))


def _click_polygon(qtbot, dialog: QtDrawBoundaryDialog, corners: list[tuple[float, float]]):
    viewport = dialog.view.viewport()
    pixels = [_pixel(dialog, x, y) for x, y in corners]
    for p in pixels:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=p)
    # a double-click is a press, release, then a double-click event: its press adds the corner
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pixels[-1])
    return pixels


def test_the_streets_are_drawn_and_clicked_corners_become_the_polygon(qtbot, extract: Path) -> None:
    dialog = _drawer(qtbot, extract)
    image = dialog.view.grab().toImage()
    grey = [
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    ]
    assert grey.count("#6b7280") > 20 or sum(c != "#ffffff" for c in grey) > 50  # streets shown
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing drawn yet
    corners = [(150.0, 150.0), (850.0, 150.0), (850.0, 850.0), (150.0, 850.0)]
    pixels = _click_polygon(qtbot, dialog, corners)
    assert dialog.polygon is not None and len(dialog.polygon) == 4
    assert ok.isEnabled()
    # each corner is where it was clicked: to within one screen pixel of the metric point
    metres_per_pixel = 700.0 / abs(pixels[1].x() - pixels[0].x())
    for (x, y), (lon, lat) in zip(corners, dialog.polygon, strict=True):
        mx, my = _TO_METRIC.transform(lon, lat)
        assert abs(mx - (E0 + x)) <= metres_per_pixel and abs(my - (N0 + y)) <= metres_per_pixel
    # the area shown is the ellipsoid's (pyproj.Geod), about 0.49 km²
    area, _ = Geod(ellps="WGS84").geometry_area_perimeter(shapely.Polygon(dialog.polygon))
    assert polygon_area_km2(dialog.polygon) == pytest.approx(abs(area) / 1e6)
    assert polygon_area_km2(dialog.polygon) == pytest.approx(0.49, rel=0.02)
    assert "4" in dialog.status.text() and "0.49" in dialog.status.text()


def test_backspace_escape_and_a_polygon_that_crosses_itself(qtbot, extract: Path) -> None:
    dialog = _drawer(qtbot, extract)
    viewport = dialog.view.viewport()
    for x, y in [(150, 150), (850, 150), (500, 500)]:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_pixel(dialog, x, y))
    assert len(dialog.corners) == 3
    qtbot.keyClick(dialog, Qt.Key.Key_Backspace)
    assert len(dialog.corners) == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.corners == [] and dialog.polygon is None and dialog.isVisible()
    # a bow tie crosses itself: refused with a message, the corners kept to mend
    _click_polygon(qtbot, dialog, [(150, 150), (850, 850), (850, 150), (150, 850)])
    assert dialog.polygon is None
    assert "crosses itself" in dialog.status.text()
    # two corners are not an area
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    for x, y in [(150, 150), (850, 150)]:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_pixel(dialog, x, y))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.polygon is None and "three corners" in dialog.status.text()


def test_the_wheel_zooms_and_the_right_button_pans_without_adding_corners(
    qtbot, extract: Path
) -> None:
    dialog = _drawer(qtbot, extract)
    viewport = dialog.view.viewport()
    before = dialog.view.transform().m11()
    dialog.view.scale(1.25, 1.25)  # what a wheel step does
    assert dialog.view.transform().m11() == pytest.approx(before * 1.25)
    qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=QPoint(100, 100))
    qtbot.mouseMove(viewport, QPoint(60, 60))
    qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=QPoint(60, 60))
    assert dialog.corners == []


def test_a_drawn_boundary_builds_the_same_plan_as_that_polygon_in_a_file(
    qtbot, extract: Path, tmp_path: Path
) -> None:
    osm = QtNewOsmDialog()
    qtbot.addWidget(osm)
    osm.extract_edit.setText(str(extract))
    osm.bbox_edit.clear()
    osm.target_edit.setText(str(tmp_path / "drawn.gpkg"))
    # choosing "drawn" without drawing is one message, no build
    osm.drawn_radio.setChecked(True)
    assert not osm.preview()
    assert "Draw" in osm.message.text()
    osm.draw_boundary()
    drawer = osm.draw_dialog
    qtbot.addWidget(drawer)
    qtbot.waitUntil(lambda: drawer.ready, timeout=30_000)
    corners = [(150.0, 150.0), (850.0, 150.0), (850.0, 850.0), (150.0, 850.0)]
    _click_polygon(qtbot, drawer, corners)
    drawer.accept()
    assert osm.drawn == drawer.polygon and osm.drawn_radio.isChecked()
    assert "4" in osm.drawn_label.text()
    with qtbot.waitSignal(osm.created, timeout=60_000):
        assert osm.create_plan()
    plan = load_gpkg(tmp_path / "drawn.gpkg")
    # the same polygon given as a file, built by the engine directly
    file = tmp_path / "same.geojson"
    gpd.GeoDataFrame(geometry=[shapely.Polygon(drawer.polygon)], crs="EPSG:4326").to_file(file)
    direct = build_osm_plan(extract, boundary=file, crs=plan.crs)
    for name, layer in direct.plan.layers.items():
        if not layer.is_raster:
            assert len(plan.layers[name].frame) == len(layer.frame), name
    assert set(plan.layers["network"].frame["id"]) == WALKED
    drawn = plan.layers["boundary"].frame.geometry.iloc[0]
    expected = direct.plan.layers["boundary"].frame.geometry.iloc[0]
    assert drawn.symmetric_difference(expected).area < 1.0  # m²
    assert np.isclose(drawn.area, expected.area)


def test_drawing_needs_the_extract_first(qtbot) -> None:
    osm = QtNewOsmDialog()
    qtbot.addWidget(osm)
    osm.draw_boundary()
    assert "extract" in osm.message.text()
    assert not hasattr(osm, "draw_dialog")


def test_the_drawing_frames_a_typed_box(qtbot, extract: Path) -> None:
    lon0, lat0 = _TO_LONLAT.transform(E0 + 400, N0 + 400)
    lon1, lat1 = _TO_LONLAT.transform(E0 + 600, N0 + 600)
    dialog = QtDrawBoundaryDialog(extract, box=(lon0, lat0, lon1, lat1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=30_000)
    seen = dialog.view.mapToScene(dialog.view.viewport().rect()).boundingRect()
    box = [dialog.to_scene(lon0, lat1), dialog.to_scene(lon1, lat0)]
    assert all(seen.contains(QPointF(p)) for p in box)
    # framed: the box fills the view along one axis at least (not the whole 1.1 km extract)
    assert seen.width() < 2 * abs(box[1].x() - box[0].x()) or seen.height() < 2 * abs(
        box[1].y() - box[0].y()
    )
