"""The desktop says what the report says: not-assessed indicators, notes in view, nothing to
check, an explicit dual-use value, and hazard layers the scenario does not count."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from PyQt5.QtCore import Qt
from shapely.geometry import LineString, Point, box

from spaceplanner import load_plan
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import AddFeature
from spaceplanner.model.plan import Plan
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.dialogs.qt_attributes_dialog import QtAttributesDialog
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_indicators_panel import QtIndicatorsPanel, QtViolationsPanel
from spaceplanner.ui.panels.qt_layer_list_model import QtLayerListModel

X0, Y0 = 385_000.0, 6_672_000.0
UTM = "EPSG:32635"


def _no_sites_plan() -> Plan:
    residents = gpd.GeoDataFrame(
        {"id": ["R1"], "population": [100]}, geometry=[Point(X0, Y0 + 5)], crs=UTM
    )
    walk = gpd.GeoDataFrame(
        {"id": ["W1"]}, geometry=[LineString([(X0 - 500, Y0), (X0 + 500, Y0)])], crs=UTM
    )
    return Plan.from_frames(
        "no sites", {"residents": ("residents", residents), "walk": ("network", walk)}
    )


def test_a_plan_without_sites_has_nothing_to_check_and_shows_its_notes(qtbot) -> None:
    session = Session(_no_sites_plan())
    violations = QtViolationsPanel(session)
    indicators = QtIndicatorsPanel(session)
    qtbot.addWidget(violations)
    qtbot.addWidget(indicators)
    report = Evaluator(session.plan).evaluate(gaps=False)
    session.set_report(report)
    assert "Nothing to check" in violations.empty.text()
    assert "every site passes" not in violations.empty.text()
    # the notes are on the panel, not only in a tooltip
    assert not indicators.notes.isHidden()
    assert "no shelters layer" in indicators.notes.text()
    # shelters and activity space are not assessed: no red cross, a dash
    marks = {
        indicators.table.item(r["table_row"], 3).text()
        for r in indicators.rows
        if r["group"] in ("shelters", "activity_spaces")
    }
    assert marks == {"—"}
    assert "0 of 0 targets met" in indicators.overall.text()
    assert "not assessed" in indicators.overall.text()


def test_the_form_writes_an_explicit_no_for_dual_use(qtbot) -> None:
    session = Session(load_plan(get_path("synthetic_cn")))
    layer = session.plan.layers["activity_spaces"]
    assert layer.frame is not None
    x, y = layer.frame.geometry.iloc[0].centroid.coords[0]
    session.push(AddFeature("activity_spaces", {"id": "new-park"}, box(x, y, x + 40, y + 40)))
    dialog = QtAttributesDialog(session, "activity_spaces", "new-park")
    qtbot.addWidget(dialog)
    assert not dialog.editor("dual_use").isChecked()
    dialog.accept()
    frame = session.plan.layers["activity_spaces"].frame
    value = frame.loc[frame["id"] == "new-park", "dual_use"].iloc[0]
    assert value is False or value is np.False_


def test_a_plan_opens_in_a_scenario_that_counts_its_hazards(qtbot) -> None:
    plan = load_plan(get_path("bubenec"))
    assert plan.scenario == "earthquake"  # the spec names none: the default
    session = Session(plan)
    assert session.scenario == "flood"
    assert session.uncounted_hazards() == set()
    model = QtLayerListModel(session)
    canvas = QtMapCanvas(session)
    qtbot.addWidget(canvas)
    hazard = next(lyr.name for lyr in plan.by_role("hazards"))
    row = model.row_of(hazard)
    assert model.data(model.index(row, 0)) == hazard
    item = canvas.layer_item(hazard)
    counted_opacity = item.opacity()
    session.set_scenario("earthquake")
    assert session.uncounted_hazards() == {hazard}
    assert "not in this scenario" in model.data(model.index(row, 0))
    assert model.data(model.index(row, 0), Qt.ItemDataRole.FontRole).italic()
    assert "Not counted" in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert canvas.layer_item(hazard).opacity() < counted_opacity * 0.5
    session.set_scenario("all")
    assert model.data(model.index(row, 0)) == hazard
    assert canvas.layer_item(hazard).opacity() == counted_opacity
