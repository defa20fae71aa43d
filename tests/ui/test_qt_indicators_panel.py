"""The indicators and violations panels follow the session's report."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PyQt5.QtCore import Qt
from ui_baselines import assert_like_baseline

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import DeleteFeature
from spaceplanner.model.plan import load_plan
from spaceplanner.outputs.exports import indicator_rows
from spaceplanner.results.report import Report
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_indicators_panel import (
    FAIL_COLOUR,
    PASS_COLOUR,
    QtIndicatorsPanel,
    QtViolationsPanel,
)


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    plan = load_plan(get_path("synthetic_cn"), strict=False)
    ev = Evaluator(plan)
    return {"full": ev.evaluate(), "live": ev.evaluate(gaps="points")}


@pytest.fixture
def session() -> Session:
    return Session(load_plan(get_path("synthetic_cn"), strict=False))


def lines(panel: QtIndicatorsPanel) -> list[list[str]]:
    """The texts of the indicator rows (not the group rows), as shown."""
    table = panel.table
    groups = set(panel.group_rows())
    return [
        [table.item(r, c).text() for c in range(4)]
        for r in range(table.rowCount())
        if r not in groups
    ]


def test_before_any_report_the_panel_invites_to_evaluate(qtbot, session):
    panel = QtIndicatorsPanel(session)
    qtbot.addWidget(panel)
    assert "Not evaluated yet" in panel.empty.text()
    assert not panel.empty.isHidden() and panel.table.isHidden()
    assert panel.stale_note.isHidden()
    none = QtIndicatorsPanel(None)
    qtbot.addWidget(none)
    assert "No plan open" in none.empty.text()


def test_rows_and_marks_match_indicator_rows(qtbot, session, reports):
    panel = QtIndicatorsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(reports["full"])
    assert panel.empty.isHidden() and not panel.table.isHidden()
    expected = indicator_rows(reports["full"], "en")
    shown = panel.rows
    assert len(shown) == len(expected) == len(lines(panel))
    table = panel.table
    for row, want in zip(shown, expected, strict=True):
        cells = [table.item(row["table_row"], c) for c in range(4)]
        assert cells[0].text() == want["indicator"]
        verdict = "pass" if want["pass"] else "fail"
        assert cells[3].text() == ("✓" if want["pass"] else "✗")  # a shape, not colour alone
        assert cells[3].data(Qt.ItemDataRole.AccessibleTextRole) == verdict
        assert f"{want['indicator']}: {verdict}" in cells[3].toolTip()
        assert cells[3].foreground().color() == (PASS_COLOUR if want["pass"] else FAIL_COLOUR)
        if want["unit"] == "share":
            percent = want["value"] * 100
            assert cells[1].text() in (f"{percent:.1f} %", f"{percent:.0f} %")
            assert cells[2].text() == "≥ 100 %"
        elif want["unit"] == "persons":
            assert cells[1].text() == f"{want['value']:,.0f}"
            assert f"{want['value']:,.0f} persons" in cells[1].toolTip()
            assert cells[2].text() == f"≥ {want['target']:,.0f}"
        else:
            assert cells[1].text() == f"{want['value']:,.2f} m²"
            assert f"{want['value']:,.2f} m²/person" in cells[1].toolTip()
            assert cells[2].text() == f"≥ {want['target']:,.2f} m²"
        if want["source"]:
            assert want["source"] in cells[0].toolTip() and want["source"] in cells[3].toolTip()
        else:
            assert "No standard cited" in cells[0].toolTip()
    met = sum(r["pass"] for r in expected)
    assert panel.overall.text() == f"{met} of {len(expected)} targets met"


def test_groups_carry_a_summary_and_filter_by_period(qtbot, session, reports):
    panel = QtIndicatorsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(reports["full"])
    table = panel.table
    heads = panel.group_rows()
    assert [table.item(r, 0).text() for r in heads] == [
        "Emergency shelters — 2 of 2 met",
        "Activity spaces — 3 of 6 met",
        "Community facilities — 0 of 5 met",
    ]
    assert table.item(heads[0], 0).toolTip() == "Period: emergency"
    assert all(table.columnSpan(r, 0) == 4 for r in heads)
    assert [heads[1] - heads[0] - 1, heads[2] - heads[1] - 1] == [2, 6]

    def visible() -> list[str]:
        return [r["period"] for r in panel.rows if not table.isRowHidden(r["table_row"])]

    panel.set_period_filter("emergency")
    assert set(visible()) == {"emergency"} and not table.isRowHidden(heads[0])
    assert table.isRowHidden(heads[1]) and table.isRowHidden(heads[2])
    panel.set_period_filter("normal")
    assert set(visible()) == {"normal"} and table.isRowHidden(heads[0])
    panel.set_period_filter("all")
    assert len(visible()) == len(panel.rows)
    with pytest.raises(ValueError):
        panel.set_period_filter("weekend")


def test_header_names_population_distance_scenario_and_rules(qtbot, session, reports):
    panel = QtIndicatorsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(reports["full"])
    text = panel.header.text()
    for part in ("14,400 residents", "network walking distances", "scenario: flood", "cn-gb"):
        assert part in text
    assert panel.title.text() == session.plan.name
    assert reports["full"].rules_title in panel.header.toolTip()


def test_a_live_report_marks_the_gap_areas_stale(qtbot, session, reports):
    panel = QtIndicatorsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(reports["live"])
    assert not panel.stale_note.isHidden() and "stale" in panel.stale_note.text()
    session.set_report(reports["full"])
    assert panel.stale_note.isHidden()


def test_chinese_labels(qtbot, session, reports):
    panel = QtIndicatorsPanel(session, lang="zh")
    qtbot.addWidget(panel)
    session.set_report(reports["full"])
    expected = indicator_rows(reports["full"], "zh")
    shown = lines(panel)
    assert [line[0] for line in shown] == [r["indicator"] for r in expected]
    assert any("覆盖率" in line[0] for line in shown)
    marks = {panel.table.item(r["table_row"], 3).toolTip().split("\n")[0] for r in panel.rows}
    assert {m.rsplit(": ", 1)[1] for m in marks} == {"达标", "未达标"}
    assert panel.table.item(0, 0).text().startswith("应急避难场所")
    assert "急时" in panel.table.item(0, 0).toolTip()
    assert "洪涝" in panel.header.text()
    panel.set_lang("en")
    assert lines(panel)[0][0] == "Sheltered"


def test_violations_list_and_click_to_zoom(qtbot, session, reports):
    panel = QtViolationsPanel(session)
    qtbot.addWidget(panel)
    assert "Not evaluated yet" in panel.empty.text() and panel.table.isHidden()
    session.set_report(reports["full"])
    violations = reports["full"].violations
    table = panel.table
    assert table.rowCount() == len(violations) == len(panel.violations)
    assert f"{len(violations)} siting violations" in panel.summary.text()
    principles = [table.item(r, 0).text() for r in range(table.rowCount())]
    # sorted by principle at first, in removal order 避, 防, 让
    assert principles[0] == "Avoid hazards (避)" and principles[-1] == "Give way / keep free (让)"
    # capacity removed comes from the shelter's record, per principle
    bn01 = next(r for r in range(table.rowCount()) if panel.violation_at(r).site.feature == "BN01")
    shelters = reports["full"].shelters.by_shelter
    removed = next(b.capacity_removed for b in shelters if b.site.feature == "BN01")
    principle = panel.violation_at(bn01).principle
    assert table.item(bn01, 3).text() == f"{removed[principle]:,.0f} persons"
    panel.show()
    qtbot.waitExposed(panel)
    row = 2
    wanted = panel.violation_at(row)
    rect = table.visualRect(table.model().index(row, 2))
    with qtbot.waitSignal(panel.zoom_to) as zoom:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert zoom.args == [wanted.site.layer, wanted.site.feature]
    assert session.selection == (wanted.site.layer, wanted.site.feature)


def test_violations_sort_and_keep_their_rows(qtbot, session, reports):
    panel = QtViolationsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(reports["full"])
    table = panel.table
    table.sortItems(3, Qt.SortOrder.DescendingOrder)
    first = panel.violation_at(0)
    assert first.site.feature == "BN02" and first.principle == "避"  # 10,002 persons removed
    table.sortItems(0, Qt.SortOrder.AscendingOrder)
    order = [panel.violation_at(r).principle for r in range(table.rowCount())]
    assert order == sorted(order, key="避防让".index)
    with qtbot.waitSignal(panel.zoom_to) as zoom:
        panel.activate(table.rowCount() - 1)
    last = panel.violation_at(table.rowCount() - 1)
    assert zoom.args == [last.site.layer, last.site.feature]


def test_a_dual_use_space_is_found_in_its_own_layer(qtbot):
    plan = load_plan(get_path("helsinki"), strict=False)
    session = Session(plan)
    panel = QtViolationsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(Evaluator(plan).evaluate(gaps="points"))
    row = next(
        r
        for r in range(panel.table.rowCount())
        if panel.violation_at(r).site.layer_label == "activity_spaces (dual use)"
    )
    with qtbot.waitSignal(panel.zoom_to) as zoom:
        panel.activate(row)
    assert zoom.args == ["activity_spaces", panel.violation_at(row).site.feature]


def test_a_deleted_site_zooms_to_its_bounds(qtbot, session, reports):
    panel = QtViolationsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(reports["full"])
    session.push(DeleteFeature("shelters", "BN02"))
    row = next(
        r for r in range(panel.table.rowCount()) if panel.violation_at(r).site.feature == "BN02"
    )
    shelters = reports["full"].layers["shelters"]
    expected = tuple(shelters[shelters["id"] == "BN02"].geometry.iloc[0].bounds)
    zooms: list[tuple[str, str]] = []
    panel.zoom_to.connect(lambda layer, fid: zooms.append((layer, fid)))
    with qtbot.waitSignal(panel.zoom_to_bounds) as zoom:
        panel.activate(row)
    assert zoom.args[0] == pytest.approx(expected) and zooms == []


def test_no_violations_says_so(qtbot, session, reports):
    clean = replace(reports["full"], violations=())
    panel = QtViolationsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(clean)
    assert panel.table.isHidden() and "No siting violations" in panel.empty.text()


def test_a_deleted_panel_stops_listening(qtbot, session, reports):
    panel = QtIndicatorsPanel(session)
    listeners = len(session._listeners)
    panel.deleteLater()
    qtbot.wait(10)
    session.set_report(reports["full"])  # must not touch the deleted widget
    assert len(session._listeners) == listeners - 1


def test_snapshots(qtbot, session, reports):
    """The panels look as they did (stored baselines), in both languages and empty."""
    session.set_report(reports["live"])
    for lang in ("en", "zh"):
        panel = QtIndicatorsPanel(session, lang=lang)
        qtbot.addWidget(panel)
        panel.resize(440, 640)
        panel.show()
        qtbot.waitExposed(panel)
        assert_like_baseline(panel, f"indicators_panel_{lang}")
        violations = QtViolationsPanel(session, lang=lang)
        qtbot.addWidget(violations)
        violations.resize(900, 300)
        violations.show()
        qtbot.waitExposed(violations)
        violations.table.selectRow(1)
        assert_like_baseline(violations, f"violations_panel_{lang}")
    empty = QtIndicatorsPanel(Session(load_plan(get_path("synthetic_cn"), strict=False)))
    qtbot.addWidget(empty)
    empty.resize(440, 300)
    empty.show()
    qtbot.waitExposed(empty)
    assert_like_baseline(empty, "indicators_panel_empty")
