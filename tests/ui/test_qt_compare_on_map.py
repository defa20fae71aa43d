"""The Compare dock's Show on map, used as a planner would on the Chinese sample: keep the
figures, move a shelter, and see on the map where it was, where it is and who lost their place."""

from __future__ import annotations

import pytest
from shapely import affinity
from test_app import _wait_idle

from spaceplanner.model.commands import MoveFeature
from spaceplanner.ui.qt_main_window import QtMainWindow


@pytest.fixture
def opened(qtbot) -> QtMainWindow:
    window = QtMainWindow(None)
    qtbot.addWidget(window)
    window._closing_ok = True
    assert window.open_sample("synthetic_cn")
    _wait_idle(qtbot, window)
    return window


def _unsheltered(report) -> set[str]:
    """Residents with persons and no place, from the residents layer's own figures."""
    r = report.layers["residents"]
    return set(r.loc[r["unsheltered"] > 1e-6, "id"].astype(str))


def _legend(window: QtMainWindow) -> list[str]:
    window.legend_dock.widget().refresh()
    return window.legend_dock.widget().texts()


def test_a_moved_shelter_and_the_residents_it_left(qtbot, opened: QtMainWindow) -> None:
    session, panel, canvas = opened.session, opened.compare_panel, opened.canvas
    opened.show_gaps_of("shelter")
    shelters = session.plan.layers["shelters"].frame
    original = shelters.geometry[shelters["id"] == "BN02"].iloc[0]
    panel.keep_button.click()
    panel.map_box.click()
    assert canvas.changes() is not None and canvas.change_geometries() == {}  # nothing yet
    with qtbot.waitSignal(opened.live_updated, timeout=30000):
        session.push(MoveFeature("shelters", "BN02", 1500.0, 0.0))
    _wait_idle(qtbot, opened)
    drawn = canvas.change_geometries()
    # the old place ghosted, the new one outlined, an arrow from one to the other
    assert [g.equals(original) for g in drawn["sites_moved_from"]] == [True]
    moved = affinity.translate(original, 1500.0, 0.0)
    assert len(drawn["sites_moved"]) == 1 and drawn["sites_moved"][0].equals_exact(moved, 1e-6)
    assert drawn["sites_moved_arrow"][0].length == pytest.approx(1500.0)
    # the residents who lost their place: worked out from the two reports' resident figures
    before, after = panel.reference, session.report
    lost = _unsheltered(after) - _unsheltered(before)
    assert lost == {"JZ02", "JZ05", "JZ08", "JZ10"}
    points = after.layers["residents"].set_index("id").geometry
    assert sorted(g.wkt for g in drawn["residents_unserved"]) == sorted(points[i].wkt for i in lost)
    assert "residents_served" not in drawn  # nobody gained a place
    # the violations that appeared or went are drawn at their sites
    expected = panel.comparison
    assert len(drawn.get("violations_new", [])) == len(expected.violations_added)
    assert len(drawn.get("violations_gone", [])) == len(expected.violations_removed)
    assert expected.violations_removed  # BN02 left the flood zone
    texts = _legend(opened)
    assert "Newly unserved residents (4)" in texts
    assert {"Moved site: old place (1)", "Moved site: new place (1)"} <= set(texts)
    # another indicator: its residents (none flipped), the same sites
    opened.show_gaps_of("space_5min")
    drawn = canvas.change_geometries()
    assert "residents_unserved" not in drawn and "sites_moved" in drawn
    # switched off: nothing drawn, nothing in the legend
    panel.map_box.click()
    assert canvas.changes() is None and canvas.change_items() == {}
    assert not any(t.startswith("Moved site") for t in _legend(opened))


def test_keeping_after_the_move_and_undoing_shows_who_gets_a_place(qtbot, opened) -> None:
    session, panel, canvas = opened.session, opened.compare_panel, opened.canvas
    opened.show_gaps_of("shelter")
    with qtbot.waitSignal(opened.live_updated, timeout=30000):
        session.push(MoveFeature("shelters", "BN02", 1500.0, 0.0))
    _wait_idle(qtbot, opened)
    panel.keep_button.click()
    panel.map_box.click()
    with qtbot.waitSignal(opened.live_updated, timeout=30000):
        opened.undo_action.trigger()
    _wait_idle(qtbot, opened)
    drawn = canvas.change_geometries()
    gained = _unsheltered(panel.reference) - _unsheltered(session.report)
    assert gained == {"JZ02", "JZ05", "JZ08", "JZ10"}
    points = session.report.layers["residents"].set_index("id").geometry
    assert sorted(g.wkt for g in drawn["residents_served"]) == sorted(points[i].wkt for i in gained)
    assert "residents_unserved" not in drawn
    # clearing the reference clears the map
    panel.clear_button.click()
    assert canvas.changes() is None and canvas.change_items() == {}
