"""Clicking a violation frames its site and its cause and draws the band, the overlap and the
part of the site removed, as a planner uses it in the main window on the Chinese sample."""

from __future__ import annotations

from dataclasses import replace

import pytest
import shapely
from PyQt5.QtCore import QPoint, Qt
from shapely.geometry import box
from test_app import _wait_idle
from test_qt_drag import _move

from spaceplanner.model.commands import DeleteFeature, EditAttributes
from spaceplanner.results.report import SiteRef, Violation
from spaceplanner.ui.canvas.qt_highlight import violation_highlight
from spaceplanner.ui.qt_main_window import QtMainWindow


@pytest.fixture
def opened(qtbot) -> QtMainWindow:
    window = QtMainWindow(None)
    qtbot.addWidget(window)
    window._closing_ok = True
    window.resize(1366, 768)
    assert window.open_sample("synthetic_cn")
    _wait_idle(qtbot, window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _row(window: QtMainWindow, site: str, rule: str) -> int:
    panel = window.violations
    return next(
        r
        for r in range(panel.table.rowCount())
        if panel.violation_at(r).site.feature == site and panel.violation_at(r).rule == rule
    )


def _click(qtbot, window: QtMainWindow, row: int) -> None:
    table = window.violations.table
    table.scrollToItem(table.item(row, 2))
    rect = table.visualRect(table.model().index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _feature(window: QtMainWindow, layer: str, fid: str):
    frame = window.session.plan.layers[layer].frame
    return frame.geometry[frame["id"] == fid].iloc[0]


def _contains(extent, bounds) -> bool:
    minx, miny, maxx, maxy = extent
    return minx <= bounds[0] and miny <= bounds[1] and bounds[2] <= maxx and bounds[3] <= maxy


def _legend(window: QtMainWindow) -> list[str]:
    window.legend_dock.widget().refresh()
    return window.legend_dock.widget().texts()


def test_a_petrol_station_violation_frames_the_site_and_the_station(qtbot, opened) -> None:
    canvas = opened.canvas
    canvas.zoom_to_extent()
    _click(qtbot, opened, _row(opened, "BN01", "prevent.petrol_station"))
    shown = canvas.highlight()
    assert shown is not None and shown.violation.site.feature == "BN01"
    site = _feature(opened, "shelters", "BN01")
    station = _feature(opened, "petrol_station", "WX01")
    extent = canvas.visible_extent()
    assert _contains(extent, site.bounds) and _contains(extent, station.bounds)
    # framed close: the view is not the whole plan (the plan is 1.3 km across)
    assert extent[2] - extent[0] < 700
    assert opened.session.selection == ("shelters", "BN01")
    # the station outlined, the 50 m band hatched, the part of the site inside it filled
    items = canvas.highlight_items()
    assert set(items) == {"violation_cause", "violation_zone", "violation_removed"}
    assert shown.cause.equals(station)
    band = station.buffer(50.0, quad_segs=256)  # GB 50156: 50 m round a petrol station
    # (the engine's band is a polygon of its own; the part agrees to a few parts in a thousand)
    assert shown.removed.area == pytest.approx(site.intersection(band).area, rel=5e-3)
    assert shown.removed.area == pytest.approx(shapely.intersection(site, shown.zone).area)
    assert shown.removed.area > 0
    assert len(items["violation_removed"].drawing.polygons) == 1
    assert len(items["violation_cause"].drawing.points) == 1
    # the legend explains the highlight while it is shown
    texts = _legend(opened)
    assert "Highlighted" in texts
    assert {
        "Violation's cause",
        "Band or zone it meets",
        "Part of the site removed",
    } <= set(texts)
    # clearing the selection clears the highlight, and the legend forgets it
    opened.session.select(None)
    assert canvas.highlight() is None and canvas.highlight_items() == {}
    assert "Highlighted" not in _legend(opened)


def test_the_hv_line_and_the_flood_zone(qtbot, opened) -> None:
    canvas = opened.canvas
    _click(qtbot, opened, _row(opened, "BN04", "prevent.hv_line"))
    line = _feature(opened, "hv_line", "WX02")
    site = _feature(opened, "shelters", "BN04")
    assert canvas.highlight().cause.equals(line)
    extent = canvas.visible_extent()
    assert _contains(extent, line.bounds) and _contains(extent, site.bounds)
    assert len(canvas.highlight_items()["violation_cause"].drawing.lines) == 1
    # another violation replaces it: the flood zone has no feature of its own in the report,
    # the zone round the site is the cause
    _click(qtbot, opened, _row(opened, "BN02", "avoid.hazard_zone"))
    shown = canvas.highlight()
    assert shown.violation.site.feature == "BN02"
    flood = _feature(opened, "flood_zone", "ZH01")
    site = _feature(opened, "shelters", "BN02")
    assert shown.removed.area == pytest.approx(site.intersection(flood).area, rel=1e-9)
    assert shown.removed.area == pytest.approx(0.62 * site.area, abs=0.005 * site.area)  # "62%"
    extent = canvas.visible_extent()
    assert _contains(extent, site.bounds) and _contains(extent, shown.cause.bounds)
    assert shown.cause.within(flood.buffer(1e-6))


def test_keyboard_selection_and_clearing_the_list(qtbot, opened) -> None:
    canvas = opened.canvas
    table = opened.violations.table
    first = _row(opened, "BN01", "prevent.petrol_station")
    _click(qtbot, opened, first)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    below = opened.violations.violation_at(table.currentRow())
    assert table.currentRow() == first + 1
    assert canvas.highlight().violation == below
    # a violation without a cause (too few entrances) frames its site alone
    site = _feature(opened, below.site.layer, below.site.feature)
    assert _contains(canvas.visible_extent(), site.bounds)
    table.clearSelection()
    assert canvas.highlight() is None


def test_a_new_evaluation_keeps_the_violation_or_clears_it(qtbot, opened) -> None:
    canvas = opened.canvas
    session = opened.session
    _click(qtbot, opened, _row(opened, "BN01", "prevent.petrol_station"))
    assert canvas.highlight() is not None
    # an edit elsewhere: the violation is still there, and still shown (and still chosen)
    with qtbot.waitSignal(opened.live_updated, timeout=30000):
        session.push(EditAttributes("shelters", "BN03", {"name": "改名"}))
    _wait_idle(qtbot, opened)
    assert canvas.highlight() is not None
    assert canvas.highlight().violation in session.report.violations
    assert opened.violations.chosen() == canvas.highlight().violation
    # the petrol station removed: the violation is gone, and so is its highlight
    with qtbot.waitSignal(opened.live_updated, timeout=30000):
        session.push(DeleteFeature("petrol_station", "WX01"))
    _wait_idle(qtbot, opened)
    assert not any(v.rule == "prevent.petrol_station" for v in session.report.violations)
    assert canvas.highlight() is None
    assert "Highlighted" not in _legend(opened)


def test_a_city_wide_zone_is_framed_only_round_the_site() -> None:
    """A hazard zone with no feature of its own, 20 km across: the cause shown and framed is the
    zone within 250 m of a 100 m site; the part removed is still the whole overlap."""
    site = box(0, 0, 100, 100)
    zone = box(-10_000, 50, 10_000, 20_000)  # covers the site's north half
    v = Violation(
        site=SiteRef("shelters", "S1"),
        name="S1",
        rule="avoid.hazard_zone",
        principle="避",
        measured=0.5,
        required=0.0,
        message="50% of the site lies in the flood zone",
        source="",
        geometry=site,
        zone=zone,
        cause=("flood", None),
    )
    shown = violation_highlight(v, None)
    assert shown.bounds == pytest.approx((-250.0, 0.0, 350.0, 350.0))
    assert shown.removed.equals(box(0, 50, 100, 100))
    # a cause feature the plan no longer has: its zone stands in for it, near the site too
    gone = violation_highlight(replace(v, cause=("petrol", "WX09")), None)
    assert gone.cause.bounds == (-250.0, 50.0, 350.0, 350.0)
    # nothing to show but the site (too few entrances)
    bare = violation_highlight(replace(v, zone=None, cause=None), None)
    assert bare.cause is None and bare.removed is None and bare.bounds == site.bounds


def test_the_highlight_stays_live_while_its_site_is_dragged(qtbot, opened) -> None:
    """The map under a drag is one snapshot; the highlight is redrawn from each of the drag's
    reports, so it is not baked into the snapshot (it would stay behind as a ghost)."""
    canvas, session = opened.canvas, opened.session
    _click(qtbot, opened, _row(opened, "BN01", "prevent.petrol_station"))
    canvas.set_edit_layer("shelters")
    canvas.set_tool("move")
    x, y = _feature(opened, "shelters", "BN01").representative_point().coords[0]
    start = canvas.map_to_view(x, y).toPoint()
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    _move(canvas, start + QPoint(20, 0))
    qtbot.waitUntil(lambda: not opened.runner.busy and canvas.map_frozen(), timeout=30000)
    frozen = set(canvas._frozen.items)
    items = canvas.highlight_items()
    assert items and not frozen & set(items.values())
    assert all(item.isVisible() for item in items.values())
    assert session.selection == ("shelters", "BN01") and canvas.highlight() is not None
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(20, 0))
    _wait_idle(qtbot, opened)
