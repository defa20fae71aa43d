"""The map reads by itself: the legend lists what the canvas draws, a scale bar and north arrow
sit on the canvas, layers are coloured by a field (facility kinds and shelter classes by
default), labels and map tips name features, population grids are a light wash."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pytest
from PyQt5.QtCore import QEvent, QPointF, Qt
from PyQt5.QtGui import QColor, QImage, QMouseEvent
from PyQt5.QtWidgets import QApplication, QToolTip
from shapely.geometry import Point, box

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.plan import Plan, load_plan
from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.outputs.symbols import FACILITY_KINDS, PRINCIPLES
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.canvas.classes import MAX_CATEGORIES, SHELTER_CLASSES, classify
from spaceplanner.ui.canvas.qt_decorations import NICE_LENGTHS, scale_bar
from spaceplanner.ui.canvas.qt_items import QtVectorItem
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.dialogs.qt_style_dialog import QtStyleDialog, layer_fields
from spaceplanner.ui.model.session import Session, default_style
from spaceplanner.ui.panels.qt_legend_panel import QtLegendPanel

X0, Y0 = 385_000.0, 6_672_000.0
UTM35 = "EPSG:32635"


def _frame(geoms: list, **columns: list) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM35)


def kinds_plan() -> Plan:
    """Three facilities of three kinds (two at one spot), a population grid of four cells."""
    cells = [box(X0 + i * 100, Y0, X0 + (i + 1) * 100, Y0 + 100) for i in range(4)]
    return Plan.from_frames(
        "kinds",
        {
            "facilities": (
                "facilities",
                _frame(
                    [
                        Point(X0 + 50, Y0 + 300),
                        Point(X0 + 250, Y0 + 300),
                        Point(X0 + 250, Y0 + 300),
                    ],
                    id=["F1", "F2", "F3"],
                    kind=["clinic", "kindergarten", "elderly_care"],
                    name=["East clinic", "Sunny kindergarten", "Old oak home"],
                ),
            ),
            "grid": ("residents", _frame(cells, id=list("abcd"), population=[5, 50, 120, 400])),
        },
        crs=UTM35,
    )


@pytest.fixture
def evaluated(qtbot) -> QtMapCanvas:
    plan = load_plan(get_path("synthetic_cn"))
    session = Session(plan)
    widget = QtMapCanvas(session)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    session.set_report(Evaluator(plan).evaluate())
    return widget


@pytest.fixture
def kinds(qtbot) -> QtMapCanvas:
    widget = QtMapCanvas(Session(kinds_plan()))
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _image(canvas: QtMapCanvas) -> QImage:
    return canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


# -- legend ----------------------------------------------------------------------------------


def test_the_legend_lists_the_visible_layers_and_follows_hiding(qtbot, evaluated) -> None:
    legend = QtLegendPanel(evaluated, lang="en")
    qtbot.addWidget(legend)
    session = evaluated.session()
    assert session is not None
    shown = [v.name for v in session.views if v.visible]
    listed = [r.key for r in legend.rows if r.section == "layer" and (r.header or r.count is None)]
    assert listed == shown  # every layer drawn, top first, nothing else
    hidden = shown[1]
    with qtbot.waitSignal(evaluated.legend_changed, timeout=2000):
        session.set_visible(hidden, False)
    assert hidden not in [r.key for r in legend.rows]
    assert hidden not in legend.texts()
    assert shown[0] in legend.texts()


def test_the_legend_lists_the_results_drawn_per_principle(qtbot, evaluated) -> None:
    legend = QtLegendPanel(evaluated, lang="en")
    qtbot.addWidget(legend)
    session = evaluated.session()
    assert session is not None and session.report is not None
    principles = {v.principle for v in session.report.violations}
    rows = [r for r in legend.rows if r.key == "violations"]
    assert {r.label for r in rows} == principles and len(principles) >= 2
    sites = {(v.principle, v.site) for v in session.report.violations}
    assert sum(r.count or 0 for r in rows) == len(sites) == evaluated.overlay_count("violations")
    # each principle's picture is drawn in its colour
    for row in rows:
        image = row.picture.toImage()
        colours = {
            image.pixel(x, y) & 0xFFFFFF
            for x in range(image.width())
            for y in range(image.height())
        }
        assert int(PRINCIPLES[row.label].colour[1:], 16) in colours
    overlays = [r.key for r in legend.rows if r.section == "overlay"]
    drawn = [n for n in evaluated.overlay_names() if evaluated.overlay_count(n)]
    assert set(overlays) == {n for n in drawn if evaluated.overlay_visible(n)}
    assert "service_areas" not in overlays  # off at first
    with qtbot.waitSignal(evaluated.legend_changed, timeout=2000):
        evaluated.set_overlay_visible("uncovered_residents", False)
    assert "uncovered_residents" not in [r.key for r in legend.rows]
    assert "Residents not covered" not in " ".join(legend.texts())


def test_the_legend_shows_each_class_of_a_classified_layer(qtbot, kinds) -> None:
    legend = QtLegendPanel(kinds, lang="zh")
    qtbot.addWidget(legend)
    rows = [r for r in legend.rows if r.key == "facilities" and not r.header]
    assert {r.label for r in rows} == {"clinic", "kindergarten", "elderly_care"}
    assert all(r.count == 1 for r in rows)
    assert "幼儿园 (1)" in legend.texts()  # the kind in the legend's language


# -- scale bar and north arrow ---------------------------------------------------------------


def test_scale_bar_length_matches_the_view_transform(kinds) -> None:
    for factor in (1.0, 3.0, 0.2):
        kinds.zoom_by(factor)
        bar = kinds.scale_bar()
        assert bar is not None and bar.metres in NICE_LENGTHS
        a = kinds.map_to_view(X0, Y0)
        b = kinds.map_to_view(X0 + bar.metres, Y0)
        assert bar.pixels == pytest.approx(math.hypot(b.x() - a.x(), b.y() - a.y()), rel=1e-9)
        assert bar.pixels <= 140
        longer = NICE_LENGTHS[NICE_LENGTHS.index(int(bar.metres)) + 1]
        assert longer * bar.pixels / bar.metres > 140  # the longest round length that fits


def test_scale_bar_is_drawn_at_its_length(kinds) -> None:
    bar = kinds.scale_bar()
    assert bar is not None
    image = _image(kinds)
    h = image.height()
    # the bar's left half is solid ink, in the bottom-left corner
    best = 0
    for y in range(h - 40, h):
        run = longest = 0
        for x in range(0, 300):
            dark = QColor(image.pixel(x, y)).lightness() < 60
            run = run + 1 if dark else 0
            longest = max(longest, run)
        best = max(best, longest)
    assert best == pytest.approx(bar.pixels / 2, abs=2)


def test_round_lengths() -> None:
    assert scale_bar(1.0).metres == 100  # 100 px
    assert scale_bar(1.0).text == "100 m"
    assert scale_bar(10.0).metres == 1000 and scale_bar(10.0).text == "1 km"
    assert scale_bar(0.0) is None


def test_north_arrow_is_drawn_in_the_top_right_corner(kinds) -> None:
    image = _image(kinds)
    w = image.width()
    dark = [
        (x, y)
        for x in range(w - 45, w)
        for y in range(0, 60)
        if QColor(image.pixel(x, y)).lightness() < 60
    ]
    assert len(dark) > 50


# -- categorised symbols ---------------------------------------------------------------------


def test_facility_kinds_are_drawn_in_their_own_colours(kinds) -> None:
    item = kinds.layer_item("facilities")
    assert isinstance(item, QtVectorItem)
    colours = {label: sym.point_fill.name() for _, sym, label in item.classes}
    assert colours == {k: FACILITY_KINDS[k][0] for k in ("clinic", "kindergarten", "elderly_care")}
    assert len(set(colours.values())) == 3
    shapes = {sym.point_shape for _, sym, _ in item.classes}
    assert len(shapes) == 3


def test_a_field_colouring_comes_back_after_save_and_reopen(qtbot, tmp_path, kinds) -> None:
    session = kinds.session()
    assert session is not None
    session.set_style("grid", classify={"field": "population", "mode": "graduated", "classes": 4})
    item = kinds.layer_item("grid")
    assert isinstance(item, QtVectorItem)
    before = [(label, sym.brushes[0].color().name()) for _, sym, label in item.classes]
    assert len({c for _, c in before}) == 4
    path = session.save(tmp_path / "kinds.gpkg")
    again = QtMapCanvas(Session(load_gpkg(path), path=path))
    qtbot.addWidget(again)
    item = again.layer_item("grid")
    assert isinstance(item, QtVectorItem)
    after = [(label, sym.brushes[0].color().name()) for _, sym, label in item.classes]
    assert after == before
    facilities = again.layer_item("facilities")
    assert isinstance(facilities, QtVectorItem) and len(facilities.classes) == 3


def test_one_colour_is_kept_when_chosen(kinds) -> None:
    session = kinds.session()
    assert session is not None
    session.set_style("facilities", classify=None)
    item = kinds.layer_item("facilities")
    assert isinstance(item, QtVectorItem) and item.classes == []


def test_shelter_classes_differ() -> None:
    frame = _frame(
        [Point(X0, Y0)] * 3, id=["a", "b", "c"], **{"class": ["emergency", "fixed", "central"]}
    )
    classes = classify(frame, "shelters", {})
    assert classes is not None
    assert [c.fill for c in classes] == [
        SHELTER_CLASSES[k][0] for k in ("emergency", "fixed", "central")
    ]
    assert len({c.marker for c in classes}) == 3


def test_many_categories_share_other_and_graduated_covers_every_feature() -> None:
    n = MAX_CATEGORIES + 5
    frame = _frame(
        [Point(X0 + i, Y0) for i in range(n)],
        id=[str(i) for i in range(n)],
        use=[f"u{i}" for i in range(n)],
    )
    classes = classify(frame, "buildings", {"classify": {"field": "use"}})
    assert classes is not None and len(classes) == MAX_CATEGORIES and classes[-1].label == "other"
    assert sorted(np.concatenate([c.rows for c in classes]).tolist()) == list(range(n))
    values = [1.0, 2.0, np.nan, 10.0, 50.0, 51.0]
    frame = _frame([Point(X0 + i, Y0) for i in range(6)], id=list("abcdef"), pop=values)
    classes = classify(
        frame,
        "residents",
        {"classify": {"field": "pop", "mode": "graduated", "classes": 3}, "fill": "#2171b5"},
    )
    assert classes is not None
    assert sorted(np.concatenate([c.rows for c in classes]).tolist()) == list(range(6))
    assert classes[-1].label == "" and classes[-1].rows.tolist() == [2]  # no value
    # each number is in the class whose range holds it
    for c in classes[:-1]:
        lo, hi = (float(t.replace(",", "")) for t in c.label.split(" – "))
        assert all(lo <= values[r] <= hi for r in c.rows)


def test_the_style_dialog_colours_by_a_field(qtbot) -> None:
    plan = kinds_plan()
    layer = plan.layers["grid"]
    style = default_style("residents", "polygon")
    dialog = QtStyleDialog(style, "polygon", role="residents", fields=layer_fields(layer))
    qtbot.addWidget(dialog)
    assert "classify" not in dialog.style() and "labels" not in dialog.style()  # unchanged
    dialog.field_combo.setCurrentIndex(dialog.field_combo.findData("population"))
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("graduated"))
    dialog.classes_spin.setValue(3)
    dialog.labels_check.setChecked(True)
    chosen = dialog.style()
    assert chosen["classify"] == {"field": "population", "mode": "graduated", "classes": 3}
    assert chosen["labels"] is True
    # a facility layer starts coloured by kind; "One colour" turns it off
    facilities = QtStyleDialog(
        default_style("facilities"),
        "point",
        role="facilities",
        fields=layer_fields(plan.layers["facilities"]),
    )
    qtbot.addWidget(facilities)
    assert facilities.field_combo.currentData() == "kind"
    # a field shows the source column it came from
    aliased = QtStyleDialog(
        default_style("facilities"), "point", role="facilities",
        fields={"kind": False}, aliases={"kind": "设施类型"},
    )  # fmt: skip
    qtbot.addWidget(aliased)
    assert aliased.field_combo.currentText() == "kind (设施类型)"
    facilities.field_combo.setCurrentIndex(0)
    assert facilities.style()["classify"] is None


# -- labels and map tips ---------------------------------------------------------------------


def test_labels_are_drawn_without_collisions(qtbot, kinds) -> None:
    session = kinds.session()
    assert session is not None
    before = _image(kinds)
    assert kinds.labels_drawn() == []
    session.set_style("facilities", labels=True)
    after = _image(kinds)
    drawn = kinds.labels_drawn()
    # F2 and F3 are at one spot: their names on either side of it, neither on the symbol
    assert set(drawn) == {"East clinic", "Sunny kindergarten", "Old oak home"}
    rects = dict(kinds._labels.placed)
    spot = kinds.map_to_view(X0 + 250, Y0 + 300)
    sides = sorted(rects[t].center().x() - spot.x() for t in ("Sunny kindergarten", "Old oak home"))
    assert sides[0] < 0 < sides[1]
    # ink right of F1 (its label) that was not there before
    p = kinds.map_to_view(X0 + 50, Y0 + 300)

    def ink(image: QImage) -> int:
        return sum(
            QColor(image.pixel(int(p.x()) + dx, int(p.y()) + dy)).lightness() < 80
            for dx in range(8, 60)
            for dy in range(-6, 7)
        )

    assert ink(after) > ink(before) + 20
    session.set_style("facilities", labels=False)
    _image(kinds)
    assert kinds.labels_drawn() == []


def test_hovering_a_feature_shows_its_map_tip(qtbot, kinds) -> None:
    p = kinds.map_to_view(X0 + 50, Y0 + 300)
    tip = kinds.map_tip(p)
    assert tip is not None and "East clinic" in tip and "facilities" in tip
    assert kinds.map_tip(kinds.map_to_view(X0 + 50, Y0 + 600)) is None  # nothing there
    cell = kinds.map_tip(kinds.map_to_view(X0 + 350, Y0 + 50))
    assert cell is not None and "400" in cell  # a grid cell's population
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(p),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(kinds.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "East clinic" in QToolTip.text(), timeout=3000)
    QToolTip.hideText()


# -- population grids ------------------------------------------------------------------------


def test_a_population_grid_is_a_light_wash(kinds) -> None:
    session = kinds.session()
    assert session is not None
    style = session.view("grid").style
    assert style["stroke"] == "none" and style["opacity"] < 0.5
    points = default_style("residents")  # point residents keep the role's outlined dots
    assert points["stroke"] != "none"
    item = kinds.layer_item("grid")
    assert isinstance(item, QtVectorItem) and item.symbology.stroke is None
    # the grid over white is light
    image = _image(kinds)
    c = QColor(image.pixel(kinds.map_to_view(X0 + 150, Y0 + 50).toPoint()))
    assert c.lightness() > 200


def test_the_legend_follows_the_indicator_shown(qtbot, evaluated) -> None:
    legend = QtLegendPanel(evaluated, lang="en")
    qtbot.addWidget(legend)
    session = evaluated.session()
    assert session is not None and session.report is not None
    frame = session.report.layers["uncovered_residents"]
    counts = frame["indicator"].value_counts()
    assert len(counts) >= 2
    for key, count in counts.items():
        evaluated.set_indicator(str(key))
        qtbot.waitUntil(
            lambda c=int(count): (
                [r.count for r in legend.rows if r.key == "uncovered_residents"] == [c]
            ),
            timeout=2000,
        )
