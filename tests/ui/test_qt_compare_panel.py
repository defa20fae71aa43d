"""The Compare panel: keep a report, see what the next one changed (the tiny community with 40
more places in the school yard, and a petrol station next to the park)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_compare import _report, _variant

from spaceplanner.ui.panels.qt_compare_panel import QtComparePanel


@pytest.fixture
def panel(qtbot) -> QtComparePanel:
    widget = QtComparePanel()
    qtbot.addWidget(widget)
    return widget


def _rows(panel: QtComparePanel) -> dict[str, list[str]]:
    t = panel.table
    return {
        t.item(r, 0).text(): [t.item(r, c).text() for c in (1, 2, 3)] for r in range(t.rowCount())
    }


def test_nothing_to_compare_until_a_reference_is_kept(panel: QtComparePanel, community: Path):
    assert not panel.keep_button.isEnabled()
    panel.set_report(_report(community))
    assert panel.keep_button.isEnabled() and not panel.clear_button.isEnabled()
    assert "No reference" in panel.reference_label.text() and panel.table.rowCount() == 0


def test_keep_then_a_better_plan(panel: QtComparePanel, community: Path) -> None:
    panel.set_report(_report(community))
    panel.keep_button.click()
    assert panel.headline.text() == "no change from the reference"
    assert "None." in panel.violations.item(0).text()
    panel.set_report(_report(_variant(community, school_capacity=100, petrol=True)))
    assert panel.headline.text().startswith("+40 persons sheltered")
    rows = _rows(panel)
    assert rows["Sheltered"][0] == "42.9 %" and rows["Sheltered"][1] == "59.2 %"  # 105, 145 / 245
    assert rows["Sheltered"][2] == "+16.3 pp"
    item = panel.table.item(0, 0)
    assert item.foreground().color().name() == "#1b5e20"  # better: green
    new = panel.violations.item(0).text()
    assert new.startswith("New · 防") and "petrol" in new
    panel.all_box.setChecked(True)
    assert panel.table.rowCount() == len(panel.comparison.indicators) > len(rows)
    panel.clear_button.click()
    assert panel.reference is None and panel.table.rowCount() == 0


def test_the_panel_in_chinese(panel: QtComparePanel, community: Path) -> None:
    panel.lang = "zh"
    panel.set_report(_report(community))
    panel.keep()
    panel.set_report(_report(_variant(community, school_capacity=100, petrol=False)))
    assert panel.headline.text().startswith("避难安置 +40 人")
    assert "地震" in panel.reference_label.text()
