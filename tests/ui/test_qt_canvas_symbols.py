"""The desktop canvas draws with the symbols of spaceplanner.outputs.symbols, as the web map and
the map sheet do (tests/test_symbols.py): role colours, result overlays and the 避/防/让 markers."""

from __future__ import annotations

import numpy as np
import pytest
from PyQt5.QtGui import QColor, QImage
from PyQt5.QtWidgets import QApplication

from spaceplanner import evaluate
from spaceplanner.model.plan import load_plan
from spaceplanner.outputs import symbols
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.canvas.qt_items import QtVectorItem
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.canvas.qt_symbols import PRINCIPLES, marker, overlay_symbology
from spaceplanner.ui.model.session import Session


@pytest.fixture
def canvas(qtbot) -> QtMapCanvas:
    plan = load_plan(get_path("synthetic_cn"))
    widget = QtMapCanvas(Session(plan))
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pixels(image: QImage) -> np.ndarray:
    """The image as an (h, w) array of 0xRRGGBB."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = image.constBits()
    data.setsize(image.sizeInBytes())
    rows = np.frombuffer(data, np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return rows[:, : image.width()] & 0xFFFFFF


def test_each_role_is_drawn_in_its_symbol_colours(canvas: QtMapCanvas) -> None:
    session = canvas.session()
    assert session is not None
    roles = set()
    for layer in session.plan:
        item = canvas.layer_item(layer.name)
        if not isinstance(item, QtVectorItem):
            continue
        symbol = symbols.role_symbol(layer.role)
        roles.add(layer.role)
        drawn = item.symbology
        if layer.role == "residents" and "Polygon" in layer.geometry_types():
            # a population grid is a light wash without outlines (spaceplanner.model.styles)
            assert drawn.stroke is None and drawn.brushes[0].color().alphaF() < 0.4
            continue
        assert drawn.stroke is not None and drawn.stroke.name() == symbol.stroke, layer.name
        if symbol.fill is not None:  # lines and the boundary have none
            brush = drawn.brushes[0].color()
            assert brush.name() == symbol.fill, layer.name
            assert brush.alphaF() == pytest.approx(symbol.opacity, abs=0.01), layer.name
    assert roles >= {"shelters", "activity_spaces", "facilities", "hazards", "hazard_sources"}


def test_result_overlays_take_their_symbol_colours() -> None:
    gap = overlay_symbology("gap_areas")
    assert gap.stroke is not None and gap.stroke.name() == symbols.GAP_AREAS.stroke
    fill = gap.brushes[0].color()
    assert fill.name() == symbols.GAP_AREAS.fill
    assert fill.alphaF() == pytest.approx(symbols.GAP_AREAS.opacity, abs=0.01)
    assert len(gap.brushes) == 2  # hatched, as on the web map and the sheet
    dots = overlay_symbology("uncovered_residents")
    assert dots.point_fill is not None
    assert dots.point_fill.name() == symbols.UNCOVERED_RESIDENTS.fill
    ring = overlay_symbology("shelters_over_capacity").stroke
    assert ring is not None and ring.name() == symbols.OVER_CAPACITY.stroke
    service = overlay_symbology("service_areas").stroke
    assert service is not None and service.name() == symbols.SERVICE_AREAS.stroke
    zones = overlay_symbology("hazard_zones").stroke
    assert zones is not None and zones.name() == symbols.role_symbol("hazards").stroke


def test_the_three_principle_markers_differ_in_shape() -> None:
    masks = {}
    for p, (colour, shape, dx) in PRINCIPLES.items():
        mark = symbols.PRINCIPLES[p]
        assert (colour, shape) == (mark.colour, mark.marker)
        assert dx == pytest.approx(mark.offset(19.0)[0])
        image = marker(QColor(colour).rgba(), 0, 19.0, 0.0, shape, "", 1.0).toImage()
        alpha = np.array(
            [[image.pixelColor(x, y).alpha() > 128 for x in range(image.width())]
             for y in range(image.height())]
        )  # fmt: skip
        centre = image.pixelColor(image.width() // 2, image.height() // 2)
        assert centre.name() == colour
        masks[p] = alpha
    # the same 21-pixel square round each marker's centre (a diamond's pixmap is larger)
    for p, alpha in masks.items():
        top = (alpha.shape[0] - 21) // 2
        masks[p] = alpha[top : top + 21, top : top + 21]
    avoid, prevent, give_way = masks["避"], masks["防"], masks["让"]
    assert (avoid != prevent).sum() > 10
    assert (prevent != give_way).sum() > 10
    assert (avoid != give_way).sum() > 10


def test_violations_are_drawn_in_the_principle_colours(qtbot, canvas: QtMapCanvas) -> None:
    session = canvas.session()
    assert session is not None
    report = evaluate(session.plan, scenario="all")
    assert {v.principle for v in report.violations} == {"避", "防", "让"}
    session.set_report(report)
    QApplication.processEvents()
    pixels = _pixels(canvas.viewport().grab().toImage())
    for p in ("避", "防", "让"):
        rgb = int(symbols.PRINCIPLES[p].colour[1:], 16)
        assert (pixels == rgb).sum() > 30, p  # the inside of its markers
