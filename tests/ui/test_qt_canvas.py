"""The map canvas: widget actions change the session, session changes show on the canvas."""

from __future__ import annotations

from dataclasses import replace

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PyQt5.QtCore import QEvent, QPoint, QPointF, Qt
from PyQt5.QtGui import QColor, QImage, QMouseEvent, QWheelEvent
from PyQt5.QtWidgets import QApplication, QGraphicsPixmapItem
from shapely.geometry import LineString, Point, Polygon, box

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.layers.errors import LayerError
from spaceplanner.model.commands import EditAttributes, MoveFeature
from spaceplanner.model.plan import Plan, load_plan
from spaceplanner.results.report import Report, SiteRef, Violation
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.canvas.qt_overlays import OVERLAYS
from spaceplanner.ui.model.session import Session

#: EPSG:32635 (UTM 35N) coordinates of a point in central Helsinki.
X0, Y0 = 385_000.0, 6_672_000.0
UTM35 = "EPSG:32635"


def frame(geoms: list, **columns: list) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM35)


def rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def small_plan() -> Plan:
    """Two blocks A and B, a shelter S1, a clinic F1, a street and two residents."""
    return Plan.from_frames(
        "canvas",
        {
            "buildings": (
                "buildings",
                frame([rect(0, 0, 100, 100), rect(200, 0, 300, 100)], id=["A", "B"]),
            ),
            "shelters": ("shelters", frame([rect(50, 200, 150, 300)], id=["S1"])),
            "facilities": (
                "facilities",
                frame([Point(X0 + 250, Y0 + 250)], id=["F1"], kind=["clinic"]),
            ),
            "network": (
                "network",
                frame([LineString([(X0 - 50, Y0 + 150), (X0 + 350, Y0 + 150)])], id=["W1"]),
            ),
            "residents": (
                "residents",
                frame(
                    [Point(X0 + 20, Y0 + 160), Point(X0 + 280, Y0 + 160)],
                    id=["R1", "R2"],
                    population=[10, 20],
                ),
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


def at(canvas: QtMapCanvas, x: float, y: float) -> QPoint:
    """The viewport pixel of map point (X0 + x, Y0 + y)."""
    return canvas.mapFromScene(canvas.map_to_scene(X0 + x, Y0 + y))


def map_of(canvas: QtMapCanvas, pos: QPoint) -> tuple[float, float]:
    return canvas.view_to_map(QPointF(pos))


def mouse_move(canvas: QtMapCanvas, pos: QPoint, buttons=Qt.MouseButton.NoButton) -> None:
    """A mouse move event (QTest.mouseMove does not send one on the offscreen platform)."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas.viewport(), event)


def drag(qtbot, canvas: QtMapCanvas, start: QPoint, end: QPoint, button=Qt.MouseButton.LeftButton):
    qtbot.mousePress(canvas.viewport(), button, pos=start)
    for t in (0.25, 0.5, 0.75, 1.0):
        mouse_move(canvas, start + (end - start) * t, button)
    qtbot.mouseRelease(canvas.viewport(), button, pos=end)


def geometry(session: Session, layer: str, feature_id: str):
    fr = session.plan.layers[layer].frame
    rows = fr[fr["id"] == feature_id]
    return rows.geometry.iloc[0] if len(rows) else None


def metres_per_pixel(canvas: QtMapCanvas) -> float:
    return canvas.map_scale() * 0.0254 / canvas.logicalDpiX()


def mean_colour(image: QImage, centre: QPoint, r: int = 8) -> tuple[float, float, float]:
    """The mean (red, green, blue) of the pixels around ``centre`` (hatches are stripes)."""
    rgb = [
        QColor(image.pixel(centre.x() + dx, centre.y() + dy)).getRgb()[:3]
        for dx in range(-r, r + 1)
        for dy in range(-r, r + 1)
    ]
    red, green, blue = np.mean(rgb, axis=0)
    return float(red), float(green), float(blue)


def failures(canvas: QtMapCanvas) -> list[str]:
    messages: list[str] = []
    canvas.edit_failed.connect(messages.append)
    return messages


# -- drawing follows the model ---------------------------------------------------------------


def test_layers_follow_view_order_visibility_and_style(canvas: QtMapCanvas, session: Session):
    names = session.layer_names()
    zs = [canvas.layer_item(n).zValue() for n in names]
    assert zs == sorted(zs, reverse=True)  # the first view is drawn on top
    assert all(canvas.layer_item(n).isVisible() for n in names)

    session.set_visible("buildings", False)
    assert not canvas.layer_item("buildings").isVisible()
    session.set_visible("buildings", True)
    assert canvas.layer_item("buildings").isVisible()

    session.move_layer("buildings", 0)
    top = max(canvas.layer_item(n).zValue() for n in names)
    assert canvas.layer_item("buildings").zValue() == top

    item = canvas.layer_item("buildings")
    session.set_style("buildings", fill="#ff0000", opacity=0.5)
    assert canvas.layer_item("buildings") is item  # restyled, not rebuilt
    assert item.brush.color().name() == "#ff0000"
    assert item.brush.color().alphaF() == pytest.approx(0.5, abs=0.01)
    session.set_style("buildings", fill="none")
    assert item.brush.style() == Qt.BrushStyle.NoBrush


def test_an_edit_redraws_only_its_layer(canvas: QtMapCanvas, session: Session):
    buildings, shelters = canvas.layer_item("buildings"), canvas.layer_item("shelters")
    drawn = buildings.drawing, shelters.drawing
    session.push(MoveFeature("buildings", "A", 10.0, 0.0))
    assert canvas.layer_item("buildings").drawing is not drawn[0]
    assert canvas.layer_item("shelters").drawing is drawn[1]
    moved = buildings.drawing
    session.push(EditAttributes("buildings", "A", {"name": "Block A"}))  # same geometries
    assert canvas.layer_item("buildings").drawing is moved
    session.undo()
    session.undo()
    assert canvas.layer_item("buildings").drawing is not moved


def test_rendered_map_shows_styles_and_selection(canvas: QtMapCanvas, session: Session):
    session.set_style("buildings", fill="#0000ff", opacity=1.0)
    image = canvas.viewport().grab().toImage()
    inside = at(canvas, 50, 50)
    assert QColor(image.pixel(inside)).name() == "#0000ff"
    edge = at(canvas, 100, 50)  # the right edge of block A
    before = QColor(image.pixel(edge))
    session.select(("buildings", "A"))
    QApplication.processEvents()
    after = QColor(canvas.viewport().grab().toImage().pixel(edge))
    assert after != before
    assert after.red() > 150 and after.green() > 150  # yellow (over cyan): highlighted


# -- selecting -------------------------------------------------------------------------------


def test_select_tool_click_selects_and_identifies(qtbot, canvas: QtMapCanvas, session: Session):
    canvas.set_tool("select")
    with qtbot.waitSignal(canvas.identified) as signal:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 50, 50))
    assert session.selection == ("buildings", "A")
    assert signal.args == ["buildings", "A"]
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 170, 60))
    assert session.selection is None


def test_points_and_lines_are_hit_within_a_few_pixels(qtbot, canvas: QtMapCanvas, session):
    canvas.set_tool("select")
    near_clinic = at(canvas, 250, 250) + QPoint(3, 2)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=near_clinic)
    assert session.selection == ("facilities", "F1")
    near_street = at(canvas, 120, 150) + QPoint(0, 3)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=near_street)
    assert session.selection == ("network", "W1")
    far = at(canvas, 120, 150) + QPoint(0, 12)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert session.selection is None


def test_hidden_layer_is_not_hit(qtbot, canvas: QtMapCanvas, session: Session):
    canvas.set_tool("select")
    session.set_visible("buildings", False)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 50, 50))
    assert session.selection is None
    assert canvas.feature_at(QPointF(at(canvas, 250, 50))) is None


def test_hit_testing_finds_each_of_ten_thousand_features(qtbot):
    xs, ys = np.meshgrid(np.arange(100) * 30.0, np.arange(100) * 30.0)
    blocks = shapely.box(
        X0 + xs.ravel(), Y0 + ys.ravel(), X0 + xs.ravel() + 20, Y0 + ys.ravel() + 20
    )
    ids = [f"b{i}" for i in range(len(blocks))]
    plan = Plan.from_frames("many", {"buildings": ("buildings", frame(list(blocks), id=ids))})
    canvas = QtMapCanvas(Session(plan))
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    canvas.zoom_to_bounds(X0, Y0, X0 + 600, Y0 + 400)
    for i in (0, 5, 21, 110, 313):
        x, y = xs.ravel()[i] + 10, ys.ravel()[i] + 10
        assert canvas.feature_at(QPointF(at(canvas, x, y))) == ("buildings", ids[i])
        # the 10 m street between blocks belongs to none
        assert canvas.feature_at(QPointF(at(canvas, x + 15, y))) is None


# -- editing ---------------------------------------------------------------------------------


def test_move_tool_moves_by_the_drag_in_one_undoable_command(qtbot, canvas: QtMapCanvas, session):
    canvas.set_edit_layer("buildings")
    canvas.set_tool("move")
    messages = failures(canvas)
    before = geometry(session, "buildings", "A")
    start, end = at(canvas, 40, 40), at(canvas, 40, 40) + QPoint(37, -21)
    drag(qtbot, canvas, start, end)
    (x0, y0), (x1, y1) = map_of(canvas, start), map_of(canvas, end)
    moved = geometry(session, "buildings", "A")
    assert moved.equals_exact(shapely.affinity.translate(before, x1 - x0, y1 - y0), 1e-6)
    assert session.selection == ("buildings", "A")
    assert session.stack.undo_label == "Move feature"
    session.undo()
    assert geometry(session, "buildings", "A").equals_exact(before, 1e-9)
    assert not session.stack.can_undo  # the drag made ONE command
    assert messages == []


def test_edit_tools_need_an_edit_layer(qtbot, canvas: QtMapCanvas, session: Session):
    messages = failures(canvas)
    before = geometry(session, "buildings", "A")
    canvas.set_tool("move")
    drag(qtbot, canvas, at(canvas, 40, 40), at(canvas, 80, 40))
    assert geometry(session, "buildings", "A").equals(before)
    canvas.set_tool("add_point")
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 170, 60))
    assert len(messages) == 2 and all("choose a layer to edit" in m for m in messages)
    assert not session.stack.can_undo


def test_add_point_adds_a_feature_where_clicked(qtbot, canvas: QtMapCanvas, session: Session):
    canvas.set_edit_layer("facilities")
    canvas.set_tool("add_point")
    pos = at(canvas, 170, 60)
    with qtbot.waitSignal(canvas.feature_added) as signal:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    layer, new_id = signal.args
    assert layer == "facilities" and new_id == "facilities-2"
    point = geometry(session, "facilities", new_id)
    assert point.distance(Point(X0 + 170, Y0 + 60)) <= metres_per_pixel(canvas)
    assert (point.x, point.y) == pytest.approx(map_of(canvas, pos))
    session.undo()
    assert geometry(session, "facilities", new_id) is None


def test_add_point_to_a_polygon_layer_is_refused(qtbot, canvas: QtMapCanvas, session: Session):
    messages = failures(canvas)
    canvas.set_edit_layer("buildings")
    canvas.set_tool("add_point")
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 170, 60))
    assert len(messages) == 1 and "polygon" in messages[0]
    assert len(session.plan.layers["buildings"].frame) == 2


def test_draw_polygon_adds_the_clicked_vertices(qtbot, canvas: QtMapCanvas, session: Session):
    canvas.set_edit_layer("buildings")
    canvas.set_tool("draw_polygon")
    corners = [
        at(canvas, 120, 200),
        at(canvas, 180, 200),
        at(canvas, 180, 260),
        at(canvas, 150, 280),
        at(canvas, 120, 260),
    ]
    for pos in corners:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        mouse_move(canvas, pos + QPoint(5, 5))
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)  # takes back the fifth corner
    with qtbot.waitSignal(canvas.feature_added) as signal:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    polygon = geometry(session, *signal.args)
    expected = [map_of(canvas, p) for p in corners[:4]]
    assert np.allclose(np.asarray(polygon.exterior.coords)[:-1], expected)
    assert signal.args == ["buildings", "buildings-3"]


def test_draw_polygon_double_click_finishes_and_escape_cancels(qtbot, canvas, session):
    canvas.set_edit_layer("shelters")
    canvas.set_tool("draw_polygon")
    messages = failures(canvas)
    for x, y in ((200, 200), (260, 200)):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, x, y))
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 200, 200))
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 260, 200))
    assert messages == ["a polygon needs at least 3 corners"]  # the Escape dropped two
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 230, 260))
    assert len(session.plan.layers["shelters"].frame) == 2
    added = geometry(session, "shelters", "shelters-2")
    assert added.area == pytest.approx(60 * 60 / 2, rel=0.05)


def test_reshape_drags_a_vertex(qtbot, canvas: QtMapCanvas, session: Session):
    canvas.set_edit_layer("buildings")
    canvas.set_tool("reshape")
    messages = failures(canvas)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at(canvas, 50, 50))
    assert session.selection == ("buildings", "A")
    end = at(canvas, 130, 120)
    drag(qtbot, canvas, at(canvas, 100, 100), end)
    reshaped = geometry(session, "buildings", "A")
    corners = {tuple(np.round(c, 6)) for c in reshaped.exterior.coords}
    assert tuple(np.round(map_of(canvas, end), 6)) in corners
    assert (X0, Y0) in corners and (X0 + 100, Y0) in corners and (X0, Y0 + 100) in corners
    assert (X0 + 100, Y0 + 100) not in corners
    assert reshaped.is_valid and messages == []
    assert session.stack.undo_label == "Reshape feature"
    session.undo()
    assert geometry(session, "buildings", "A").equals(rect(0, 0, 100, 100))


def test_reshape_into_a_bow_tie_is_refused(qtbot, canvas: QtMapCanvas, session: Session):
    canvas.set_edit_layer("buildings")
    canvas.set_tool("reshape")
    session.select(("buildings", "A"))
    messages = failures(canvas)
    drag(qtbot, canvas, at(canvas, 100, 100), at(canvas, 100, -100))
    assert len(messages) == 1 and "not valid" in messages[0] and "A" in messages[0]
    assert geometry(session, "buildings", "A").equals(rect(0, 0, 100, 100))
    assert not session.stack.can_undo


def test_delete_key_deletes_the_selection(qtbot, canvas: QtMapCanvas, session: Session):
    canvas.set_tool("pan")
    session.select(("buildings", "B"))
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert geometry(session, "buildings", "B") is None
    assert session.selection is None
    session.undo()
    assert geometry(session, "buildings", "B").equals(rect(200, 0, 300, 100))


def test_a_refused_command_becomes_edit_failed(qtbot, canvas: QtMapCanvas, session, monkeypatch):
    def refuse(command):
        msg = "the layer is locked"
        raise LayerError(msg, layer="buildings")

    monkeypatch.setattr(session, "push", refuse)
    messages = failures(canvas)
    session.select(("buildings", "A"))
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert len(messages) == 1 and "the layer is locked" in messages[0]


# -- results ---------------------------------------------------------------------------------


def small_report(session: Session) -> Report:
    plan = session.plan
    layers = {
        "gap_areas": gpd.GeoDataFrame(
            {"indicator": ["clinic", "shelter"]},
            geometry=[rect(0, 120, 120, 200), rect(60, 120, 180, 200)],
            crs=plan.crs,
        ),
        "uncovered_residents": gpd.GeoDataFrame(
            {"indicator": ["clinic", "shelter"], "id": ["R1", "R1"], "population": [10, 10]},
            geometry=[Point(X0 + 20, Y0 + 160)] * 2,
            crs=plan.crs,
        ),
        "service_areas": gpd.GeoDataFrame(
            {"indicator": ["clinic"]}, geometry=[rect(150, 150, 350, 350)], crs=plan.crs
        ),
        "shelters_over_capacity": gpd.GeoDataFrame(
            {"id": ["S1"]}, geometry=[rect(50, 200, 150, 300)], crs=plan.crs
        ),
    }

    def site(layer: str, fid: str) -> object:
        frame = plan.layers[layer].frame
        assert frame is not None
        hit = frame[frame["id"].astype(str) == fid]
        return hit.geometry.iloc[0] if len(hit) else None

    def violation(principle: str, layer: str, fid: str, rule: str) -> Violation:
        ref = SiteRef.parse(layer, fid)
        return Violation(
            ref, None, rule, principle, 0.0, 0.0, "", "", geometry=site(ref.layer, fid)
        )

    violations = (
        violation("避", "shelters", "S1", "avoid.hazard"),
        violation("让", "shelters (dual use)", "S1", "give_way.x"),
        violation("防", "facilities", "F1", "prevent.x"),
        violation("防", "facilities", "gone", "prevent.x"),
    )
    figures = Evaluator(plan).evaluate(gaps=False)
    return replace(figures, violations=violations, layers=layers)


def test_a_report_brings_its_overlays(qtbot, canvas: QtMapCanvas, session: Session):
    assert canvas.overlay_names() == list(OVERLAYS)
    assert all(canvas.overlay_count(n) == 0 for n in OVERLAYS)
    session.set_report(small_report(session))
    assert canvas.overlay_count("gap_areas") == 2
    assert canvas.overlay_count("uncovered_residents") == 2
    assert canvas.overlay_count("shelters_over_capacity") == 1
    assert canvas.overlay_count("violations") == 3  # the site that is gone is left out
    assert canvas.overlay_count("hazard_zones") == 0
    assert not canvas.overlay_visible("service_areas")

    red, green, _ = mean_colour(canvas.viewport().grab().toImage(), at(canvas, 90, 185))
    assert red > green + 25  # red hatch over white
    canvas.set_overlay_visible("gap_areas", False)
    QApplication.processEvents()
    red, green, _ = mean_colour(canvas.viewport().grab().toImage(), at(canvas, 90, 185))
    assert red <= green + 5
    canvas.set_overlay_visible("service_areas", True)
    assert canvas.overlay_visible("service_areas")

    shown = session.report
    assert shown is not None
    session.set_report(replace(shown, violations=(), layers={}))
    assert all(canvas.overlay_count(n) == 0 for n in OVERLAYS)


def test_helsinki_with_its_report_renders_as_a_map(qtbot, tmp_path):
    plan = load_plan(get_path("helsinki"), strict=False)
    session = Session(plan)
    canvas = QtMapCanvas(session)
    qtbot.addWidget(canvas)
    canvas.resize(1280, 800)
    canvas.show()
    qtbot.waitExposed(canvas)
    report = Evaluator(plan).evaluate(gaps=True)
    session.set_report(report)
    for name in ("gap_areas", "uncovered_residents"):
        assert canvas.overlay_count(name) == len(report.layers[name]) > 0
    assert canvas.overlay_count("violations") > 0
    image = canvas.grab().toImage()
    assert image.save(str(tmp_path / "canvas.png"))  # for a look when the test fails
    gap = report.layers["gap_areas"].geometry.union_all().representative_point()
    red, _, blue = mean_colour(image, canvas.mapFromScene(canvas.map_to_scene(gap.x, gap.y)))
    assert red > blue + 40
    colours = {image.pixel(x, y) for x in range(0, 1280, 8) for y in range(0, 800, 8)}
    assert len(colours) > 100  # styled layers, not a blank or one-colour image


def test_raster_layers_are_placed_in_the_plan_crs(qtbot):
    plan = load_plan(get_path("bubenec"), strict=False)
    canvas = QtMapCanvas(Session(plan))
    qtbot.addWidget(canvas)
    for name in ("dtm", "flood"):
        item = canvas.layer_item(name)
        assert isinstance(item, QGraphicsPixmapItem) and not item.pixmap().isNull()
        r = item.sceneBoundingRect()
        minx, miny, maxx, maxy = plan.layers[name].bounds(plan.crs)
        # the raster is in S-JTSK (EPSG:5514), rotated against UTM: placed by its corners
        assert r.left() == pytest.approx(minx, abs=15) and r.right() == pytest.approx(maxx, abs=15)
        assert -r.bottom() == pytest.approx(miny, abs=15) and -r.top() == pytest.approx(
            maxy, abs=15
        )
    terrain = canvas.layer_item("dtm").pixmap().toImage()
    assert (
        QColor.fromRgba(terrain.pixel(terrain.width() // 2, terrain.height() // 2)).alpha() == 255
    )
    flood = canvas.layer_item("flood").pixmap().toImage()  # the zone only: the rest clear
    alpha = {
        QColor.fromRgba(flood.pixel(x, y)).alpha()
        for x in range(0, flood.width(), 9)
        for y in range(0, flood.height(), 9)
    }
    assert alpha == {0, 255}


# -- navigation ------------------------------------------------------------------------------


def test_zoom_to_feature_centres_it(canvas: QtMapCanvas):
    canvas.zoom_to_feature("shelters", "S1")
    centre = QPointF(canvas.viewport().width() / 2, canvas.viewport().height() / 2)
    shown = canvas.map_to_view(X0 + 100, Y0 + 250)
    assert abs(shown.x() - centre.x()) <= 1.5 and abs(shown.y() - centre.y()) <= 1.5
    minx, miny, maxx, maxy = canvas.visible_extent()
    assert minx < X0 + 50 and maxx > X0 + 150 and miny < Y0 + 200 and maxy > Y0 + 300
    assert maxy - miny < 400  # zoomed in on it
    with pytest.raises(KeyError):
        canvas.zoom_to_feature("shelters", "nope")


def test_zoom_to_extent_layer_and_bounds(canvas: QtMapCanvas, session: Session):
    canvas.zoom_to_bounds(X0, Y0, X0 + 100, Y0 + 100)
    minx, miny, maxx, maxy = canvas.visible_extent()
    assert minx <= X0 and maxx >= X0 + 100 and miny <= Y0 and maxy >= Y0 + 100
    assert min(maxx - minx, maxy - miny) < 110
    canvas.zoom_to_extent()
    minx, miny, maxx, maxy = canvas.visible_extent()
    ex = session.plan.extent()
    assert minx <= ex[0] and miny <= ex[1] and maxx >= ex[2] and maxy >= ex[3]
    canvas.zoom_to_layer("facilities")  # one point: about 100 m around it
    minx, _, maxx, _ = canvas.visible_extent()
    assert minx < X0 + 250 < maxx


def test_wheel_zooms_at_the_cursor(qtbot, canvas: QtMapCanvas):
    pos = at(canvas, 250, 50)
    under = map_of(canvas, pos)
    scale = canvas.map_scale()
    with qtbot.waitSignal(canvas.scale_changed) as signal:
        event = QWheelEvent(
            QPointF(pos),
            QPointF(canvas.viewport().mapToGlobal(pos)),
            QPoint(0, 0),
            QPoint(0, 240),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.map_scale() == pytest.approx(scale / 1.25**2, rel=1e-6)
    assert signal.args[0] == pytest.approx(canvas.map_scale())
    after = map_of(canvas, pos)
    assert np.hypot(after[0] - under[0], after[1] - under[1]) <= metres_per_pixel(canvas)


def test_keys_zoom_and_pan(qtbot, canvas: QtMapCanvas):
    scale = canvas.map_scale()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.map_scale() < scale
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.map_scale() == pytest.approx(scale, rel=1e-6)
    before = canvas.visible_extent()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    after = canvas.visible_extent()
    step = canvas.viewport().width() / 4 * metres_per_pixel(canvas)
    assert after[0] - before[0] == pytest.approx(step, abs=metres_per_pixel(canvas))
    assert after[1] == pytest.approx(before[1])


def test_drags_pan_the_map(qtbot, canvas: QtMapCanvas):
    canvas.set_tool("select")
    mpp = metres_per_pixel(canvas)
    before = canvas.visible_extent()
    drag(qtbot, canvas, QPoint(400, 300), QPoint(340, 330), Qt.MouseButton.MiddleButton)
    after = canvas.visible_extent()
    assert after[0] - before[0] == pytest.approx(60 * mpp, abs=mpp)
    assert after[1] - before[1] == pytest.approx(30 * mpp, abs=mpp)
    canvas.set_tool("pan")
    drag(qtbot, canvas, QPoint(340, 330), QPoint(400, 300))
    assert canvas.visible_extent()[0] == pytest.approx(before[0], abs=mpp)


def test_mouse_moved_gives_map_coordinates(qtbot, canvas: QtMapCanvas):
    pos = QPoint(123, 217)
    with qtbot.waitSignal(canvas.mouse_moved) as signal:
        mouse_move(canvas, pos)
    x, y = canvas.scene_to_map(canvas.mapToScene(pos))
    assert signal.args == [pytest.approx(x), pytest.approx(y)]


def test_map_scale_is_the_screen_scale(canvas: QtMapCanvas):
    metres = canvas.viewport().width() * metres_per_pixel(canvas)
    minx, _, maxx, _ = canvas.visible_extent()
    assert maxx - minx == pytest.approx(metres, rel=1e-3)
    inches = canvas.viewport().width() / canvas.logicalDpiX()
    assert canvas.map_scale() == pytest.approx(metres / (inches * 0.0254), rel=1e-3)


def test_tools_and_sessions_can_change(qtbot, canvas: QtMapCanvas, session: Session):
    with qtbot.waitSignal(canvas.tool_changed) as signal:
        canvas.set_tool("reshape")
    assert signal.args == ["reshape"] and canvas.tool() == "reshape"
    with pytest.raises(ValueError, match="no tool"):
        canvas.set_tool("lasso")
    canvas.set_session(None)
    assert canvas.layer_item("buildings") is None
    session.set_visible("buildings", False)  # no longer followed
    other = Session(small_plan())
    canvas.set_session(other)
    assert canvas.layer_item("buildings").isVisible()


def test_an_empty_canvas_does_nothing(qtbot):
    canvas = QtMapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 300)
    canvas.show()
    messages = failures(canvas)
    canvas.set_tool("add_point")
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert canvas.feature_at(QPointF(100, 100)) is None
    assert messages == []  # no plan: nothing to say
    assert isinstance(canvas.viewport().grab().toImage(), QImage)


def test_a_destroyed_canvas_stops_following_its_session(qtbot, session: Session):
    canvas = QtMapCanvas(session)
    assert len(session._listeners) == 1
    canvas.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert session._listeners == []
    session.set_visible("buildings", False)  # no call into the deleted widget


def test_a_violation_site_reshaped_beyond_its_first_vertices_is_drawn_again(
    qtbot, canvas: QtMapCanvas, session: Session
) -> None:
    """The violations overlay is rebuilt when a site's shape changed anywhere (a geometry's
    repr, once its key, is cut short after the first vertices)."""
    from shapely import Polygon, segmentize

    report = small_report(session)
    v = report.violations[0]
    dense = segmentize(v.geometry, 5.0)  # a site outline of many vertices
    ring = list(dense.exterior.coords)
    far = Polygon([*ring[:-2], (ring[-2][0] + 3.0, ring[-2][1])])  # a late vertex moved
    assert repr(far) == repr(dense)  # the repr cannot tell them apart
    first = replace(report, violations=(replace(v, geometry=dense), *report.violations[1:]))
    second = replace(report, violations=(replace(v, geometry=far), *report.violations[1:]))
    overlays = canvas._overlays
    world = canvas.sceneRect()
    assert overlays.build(session.plan, first, world)
    assert not overlays.build(session.plan, first, world)  # unchanged: kept
    assert overlays.build(session.plan, second, world)  # reshaped: drawn again
