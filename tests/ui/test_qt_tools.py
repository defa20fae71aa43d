"""The editing tools as a user drives them: line, vertices, snapping, measure, rectangle select.

Pixel positions are turned into map coordinates here from Qt's own view transform (the scene is
the map with y flipped), not with the canvas's helpers, so the tools' arithmetic is checked
independently; lengths, areas and intersections are shapely's.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PyQt5.QtCore import QEvent, QPoint, QPointF, Qt
from PyQt5.QtGui import QMouseEvent
from PyQt5.QtWidgets import QApplication
from shapely.geometry import LineString, Point, Polygon, box

from spaceplanner.model.plan import Plan
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.canvas.qt_tools import SNAP_PX, insert_vertex, remove_vertex, snap_point
from spaceplanner.ui.model.session import Session

X0, Y0 = 385_000.0, 6_672_000.0
UTM35 = "EPSG:32635"


def frame(geoms: list, **columns: list) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM35)


def small_plan() -> Plan:
    """Blocks A, B (buildings), shelter S1, clinic F1, street W1 and a hazard line HV1."""
    return Plan.from_frames(
        "tools",
        {
            "buildings": (
                "buildings",
                frame(
                    [box(X0, Y0, X0 + 100, Y0 + 100), box(X0 + 200, Y0, X0 + 300, Y0 + 100)],
                    id=["A", "B"],
                ),
            ),
            "shelters": (
                "shelters",
                frame([box(X0 + 50, Y0 + 200, X0 + 150, Y0 + 300)], id=["S1"]),
            ),
            "facilities": (
                "facilities",
                frame([Point(X0 + 250, Y0 + 250)], id=["F1"], kind=["clinic"]),
            ),
            "network": (
                "network",
                frame([LineString([(X0 - 50, Y0 + 150), (X0 + 350, Y0 + 150)])], id=["W1"]),
            ),
        },
        crs=UTM35,
    )


@pytest.fixture
def session() -> Session:
    return Session(small_plan())


@pytest.fixture
def canvas(qtbot, session: Session) -> QtMapCanvas:
    widget = QtMapCanvas(session)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def map_of(canvas: QtMapCanvas, pos: QPoint) -> tuple[float, float]:
    """Map coordinates of a viewport pixel, from Qt's transform (scene = map with y flipped)."""
    scene = canvas.viewportTransform().inverted()[0].map(QPointF(pos))
    return scene.x(), -scene.y()


def pixel_of(canvas: QtMapCanvas, x: float, y: float) -> QPoint:
    """The viewport pixel nearest map point (X0 + x, Y0 + y)."""
    return canvas.mapFromScene(QPointF(X0 + x, -(Y0 + y)))


def mouse_move(canvas: QtMapCanvas, pos: QPoint, buttons=Qt.MouseButton.NoButton) -> None:
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas.viewport(), event)


def click(qtbot, canvas: QtMapCanvas, pos: QPoint) -> None:
    mouse_move(canvas, pos)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def double_click(qtbot, canvas: QtMapCanvas, pos: QPoint) -> None:
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def drag(qtbot, canvas: QtMapCanvas, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for t in (0.25, 0.5, 0.75, 1.0):
        mouse_move(canvas, start + (end - start) * t, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)


def geometry(session: Session, layer: str, feature_id: str):
    fr = session.plan.layers[layer].frame
    rows = fr[fr["id"].astype(str) == feature_id]
    return rows.geometry.iloc[0] if len(rows) else None


def pixels_per_metre(canvas: QtMapCanvas) -> float:
    return abs(canvas.transform().m11())


# -- line tool ----------------------------------------------------------------------------------


def test_a_line_drawn_by_clicks_has_the_clicked_coordinates(qtbot, canvas, session):
    canvas.set_edit_layer("network")
    canvas.set_tool("draw_line")
    added: list[tuple[str, str]] = []
    canvas.feature_added.connect(lambda layer, fid: added.append((layer, fid)))
    pixels = [QPoint(100, 500), QPoint(300, 420), QPoint(520, 460)]
    for pos in pixels[:-1]:
        click(qtbot, canvas, pos)
    double_click(qtbot, canvas, pixels[-1])
    assert len(added) == 1 and added[0][0] == "network"
    line = geometry(session, *added[0])
    assert line.geom_type == "LineString"
    expected = np.array([map_of(canvas, p) for p in pixels])
    np.testing.assert_allclose(np.asarray(line.coords), expected, atol=1e-6)
    assert session.stack.undo_label == "Add line"
    session.undo()
    assert geometry(session, *added[0]) is None


def test_enter_finishes_a_line_and_escape_drops_it(qtbot, canvas, session):
    canvas.set_edit_layer("network")
    canvas.set_tool("draw_line")
    before = len(session.plan.layers["network"].frame)
    click(qtbot, canvas, QPoint(100, 100))
    click(qtbot, canvas, QPoint(200, 120))
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert len(session.plan.layers["network"].frame) == before and not session.stack.can_undo
    click(qtbot, canvas, QPoint(100, 100))
    click(qtbot, canvas, QPoint(200, 120))
    click(qtbot, canvas, QPoint(260, 90))
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)  # takes back the last vertex
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    frame_ = session.plan.layers["network"].frame
    assert len(frame_) == before + 1
    np.testing.assert_allclose(
        np.asarray(frame_.geometry.iloc[-1].coords),
        [map_of(canvas, QPoint(100, 100)), map_of(canvas, QPoint(200, 120))],
        atol=1e-6,
    )


def test_a_line_in_a_polygon_layer_or_of_one_point_is_refused(qtbot, canvas, session):
    failures: list[str] = []
    canvas.edit_failed.connect(failures.append)
    canvas.set_edit_layer("buildings")
    canvas.set_tool("draw_line")
    click(qtbot, canvas, QPoint(100, 100))
    double_click(qtbot, canvas, QPoint(200, 100))
    assert failures and "line" in failures[-1] and "buildings" in failures[-1]
    canvas.set_edit_layer("network")
    canvas.set_tool("draw_line")
    double_click(qtbot, canvas, QPoint(100, 100))
    assert "2 distinct points" in failures[-1]
    assert not session.stack.can_undo


# -- snapping -----------------------------------------------------------------------------------


def test_snapping_moves_a_click_exactly_onto_a_vertex(qtbot, canvas, session):
    canvas.snapping = True
    canvas.set_edit_layer("facilities")
    canvas.set_tool("add_point")
    corner = pixel_of(canvas, 300, 100)  # B's north-east corner
    near = corner + QPoint(4, -3)  # 5 px away
    mouse_move(canvas, near)
    assert canvas._snap_marker.isVisible() and canvas._snap_marker.kind == "vertex"
    click(qtbot, canvas, near)
    new = session.plan.layers["facilities"].frame.geometry.iloc[-1]
    assert (new.x, new.y) == (X0 + 300, Y0 + 100)


def test_snapping_moves_a_click_exactly_onto_a_segment(qtbot, canvas, session):
    canvas.snapping = True
    canvas.set_edit_layer("facilities")
    canvas.set_tool("add_point")
    on_street = pixel_of(canvas, 120, 150)
    near = on_street + QPoint(0, 6)  # 6 px below the street, far from its ends
    click(qtbot, canvas, near)
    assert canvas._snap_marker.kind == "segment"
    new = session.plan.layers["facilities"].frame.geometry.iloc[-1]
    street = geometry(session, "network", "W1")
    assert street.distance(new) < 1e-9
    x, _y = map_of(canvas, near)
    assert new.x == pytest.approx(x, abs=1e-6) and new.y == pytest.approx(Y0 + 150, abs=1e-9)


def test_a_click_beyond_the_tolerance_or_with_snapping_off_is_not_moved(qtbot, canvas, session):
    canvas.set_edit_layer("facilities")
    canvas.set_tool("add_point")
    corner = pixel_of(canvas, 300, 100)
    near = corner + QPoint(4, -3)
    click(qtbot, canvas, near)  # snapping is off at first
    new = session.plan.layers["facilities"].frame.geometry.iloc[-1]
    assert (new.x, new.y) == pytest.approx(map_of(canvas, near), abs=1e-6)
    canvas.snapping = True
    far = corner + QPoint(round(SNAP_PX) + 3, -(round(SNAP_PX) + 3))
    click(qtbot, canvas, far)
    assert not canvas._snap_marker.isVisible()
    new = session.plan.layers["facilities"].frame.geometry.iloc[-1]
    assert (new.x, new.y) == pytest.approx(map_of(canvas, far), abs=1e-6)


def test_snapped_polygon_corners_share_the_neighbours_vertices(qtbot, canvas, session):
    canvas.snapping = True
    canvas.set_edit_layer("buildings")
    canvas.set_tool("draw_polygon")
    corners = [(100, 0), (200, 0), (200, 100), (100, 100)]  # the gap between A and B
    for x, y in corners[:-1]:
        click(qtbot, canvas, pixel_of(canvas, x, y) + QPoint(3, 2))
    double_click(qtbot, canvas, pixel_of(canvas, *corners[-1]) + QPoint(-2, 3))
    new = session.plan.layers["buildings"].frame.geometry.iloc[-1]
    assert new.equals(box(X0 + 100, Y0, X0 + 200, Y0 + 100))
    union = shapely.union_all(session.plan.layers["buildings"].frame.geometry)
    assert union.geom_type == "Polygon"  # the three blocks touch: no slivers


def test_snap_point_prefers_vertices_then_segments():
    geoms = np.array([box(0, 0, 10, 10), LineString([(20, 0), (20, 10)])], dtype=object)
    assert snap_point(geoms, 10.5, 9.6, 1.0) == (10.0, 10.0, "vertex")
    assert snap_point(geoms, 10.4, 5.0, 1.0) == (10.0, 5.0, "segment")
    assert snap_point(geoms, 19.2, 3.0, 1.0) == (20.0, 3.0, "segment")
    assert snap_point(geoms, 15.0, 5.0, 1.0) is None


# -- vertices -----------------------------------------------------------------------------------


def test_double_click_on_a_segment_adds_a_vertex_and_on_a_vertex_removes_it(qtbot, canvas, session):
    canvas.set_edit_layer("buildings")
    canvas.set_tool("reshape")
    session.select(("buildings", "A"))
    before = geometry(session, "buildings", "A")
    on_edge = pixel_of(canvas, 40, 100) + QPoint(0, 1)  # A's north edge
    double_click(qtbot, canvas, on_edge)
    after = geometry(session, "buildings", "A")
    assert len(after.exterior.coords) == len(before.exterior.coords) + 1
    added = [c for c in after.exterior.coords if c not in before.exterior.coords]
    assert len(added) == 1 and added[0][1] == pytest.approx(Y0 + 100)
    assert added[0][0] == pytest.approx(map_of(canvas, on_edge)[0], abs=1e-6)
    assert after.area == pytest.approx(before.area)
    assert session.stack.undo_label == "Add vertex"
    corner = pixel_of(canvas, 100, 0)
    double_click(qtbot, canvas, corner)
    removed = geometry(session, "buildings", "A")
    assert (X0 + 100, Y0) not in list(removed.exterior.coords)
    assert len(removed.exterior.coords) == len(after.exterior.coords) - 1
    assert session.stack.undo_label == "Remove vertex"
    session.undo()
    session.undo()
    assert geometry(session, "buildings", "A").equals(before)


def test_a_ring_keeps_three_corners(qtbot, canvas, session):
    failures: list[str] = []
    canvas.edit_failed.connect(failures.append)
    canvas.set_edit_layer("buildings")
    canvas.set_tool("reshape")
    session.select(("buildings", "A"))
    double_click(qtbot, canvas, pixel_of(canvas, 100, 0))
    assert len(geometry(session, "buildings", "A").exterior.coords) == 4  # a triangle
    double_click(qtbot, canvas, pixel_of(canvas, 0, 0))
    assert failures and "too few vertices" in failures[-1]
    assert len(geometry(session, "buildings", "A").exterior.coords) == 4


def test_vertex_helpers_keep_rings_closed_and_holes():
    donut = Polygon(
        [(0, 0), (10, 0), (12, 5), (10, 10), (0, 10)], [[(6, 6), (7, 6), (7, 7), (6, 7)]]
    )
    more = insert_vertex(donut, 6.5, 6.1, 0.5)  # on the hole's lower edge
    assert more is not None and more.is_valid and more.area == pytest.approx(donut.area)
    assert (6.5, 6.0) in list(more.interiors[0].coords)
    less = remove_vertex(donut, 0)  # the first corner (and so the closing one)
    assert less is not None and less.is_valid and len(less.interiors) == 1
    ring = list(less.exterior.coords)
    assert ring[0] == ring[-1] == (10.0, 0.0) and len(ring) == 5
    assert insert_vertex(donut, 20.0, 20.0, 1.0) is None
    line = LineString([(0, 0), (5, 0), (10, 0)])
    assert list(remove_vertex(line, 1).coords) == [(0, 0), (10, 0)]
    assert remove_vertex(LineString([(0, 0), (1, 1)]), 0) is None


# -- measure ------------------------------------------------------------------------------------


def test_measure_gives_shapelys_length_and_area_and_never_edits(qtbot, canvas, session):
    canvas.set_tool("measure")
    seen: list[tuple[float, float]] = []
    canvas.measured.connect(lambda length, area: seen.append((length, area)))
    pixels = [QPoint(100, 100), QPoint(400, 120), QPoint(380, 400), QPoint(150, 350)]
    click(qtbot, canvas, pixels[0])
    mouse_move(canvas, pixels[1])  # live: the cursor is the next point
    assert seen[-1][0] == pytest.approx(
        LineString([map_of(canvas, p) for p in pixels[:2]]).length, rel=1e-9
    )
    for pos in pixels[1:-1]:
        click(qtbot, canvas, pos)
    double_click(qtbot, canvas, pixels[-1])
    points = [map_of(canvas, p) for p in pixels]
    length, area = seen[-1]
    assert length == pytest.approx(LineString(points).length, rel=1e-9)
    assert area == pytest.approx(Polygon(points).area, rel=1e-9)
    assert not session.stack.can_undo  # measuring never edits
    click(qtbot, canvas, pixels[0])  # a new measure starts
    assert seen[-1][0] == 0.0 and math.isnan(seen[-1][1])
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert math.isnan(seen[-1][0])


# -- rectangle select ---------------------------------------------------------------------------


@pytest.mark.parametrize("edit_layer", [None, "buildings"])
def test_a_rectangle_selects_what_shapely_says_it_intersects(qtbot, canvas, session, edit_layer):
    canvas.set_edit_layer(edit_layer)
    canvas.set_tool("select")
    start, end = pixel_of(canvas, 80, -30), pixel_of(canvas, 230, 60)  # empty map at start
    assert canvas.feature_at(QPointF(start)) is None
    drag(qtbot, canvas, start, end)
    (x0, y0), (x1, y1) = map_of(canvas, start), map_of(canvas, end)
    rectangle = box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    buildings = session.plan.layers["buildings"].frame
    expected = list(buildings[buildings.intersects(rectangle)]["id"])
    assert expected == ["A", "B"]
    assert session.selection == ("buildings", "A") and list(session.selected_ids) == expected
    assert not canvas._preview.isVisible()


def test_a_rectangle_picks_the_edit_layers_features_only(qtbot, canvas, session):
    canvas.set_edit_layer("network")
    canvas.set_tool("select")
    start, end = pixel_of(canvas, -40, 120), pixel_of(canvas, 120, 280)
    drag(qtbot, canvas, start, end)
    assert session.selection == ("network", "W1") and session.selected_ids == ("W1",)
    start, end = pixel_of(canvas, 160, 120), pixel_of(canvas, 190, 140)  # touches nothing
    drag(qtbot, canvas, start, end)
    assert session.selection is None and session.selected_ids == ()


def test_a_drag_that_starts_on_a_feature_does_not_select_a_rectangle(qtbot, canvas, session):
    canvas.set_tool("select")
    drag(qtbot, canvas, pixel_of(canvas, 50, 50), pixel_of(canvas, 250, 60))
    assert session.selected_ids == ()  # neither a click nor a rectangle


def test_delete_removes_every_selected_feature_as_one_edit(qtbot, canvas, session):
    canvas.set_tool("select")
    drag(qtbot, canvas, pixel_of(canvas, 80, -30), pixel_of(canvas, 230, 60))
    assert session.selected_ids == ("A", "B")
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert len(session.plan.layers["buildings"].frame) == 0
    assert session.selection is None and session.selected_ids == ()
    session.undo()
    assert list(session.plan.layers["buildings"].frame["id"]) == ["A", "B"]
