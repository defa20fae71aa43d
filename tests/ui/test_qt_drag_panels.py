"""The panels under a drag: a report whose violations did not change leaves the violations
list as it is, one whose violations changed only in their figures has just those rows made
again, and what the list shows equals a list built from scratch."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PyQt5.QtCore import Qt

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.plan import load_plan
from spaceplanner.results.report import Report
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_indicators_panel import QtViolationsPanel


@pytest.fixture(scope="module")
def report() -> Report:
    return Evaluator(load_plan(get_path("synthetic_cn"), strict=False)).evaluate(gaps="points")


def _session() -> Session:
    return Session(load_plan(get_path("synthetic_cn"), strict=False))


def _shown(panel: QtViolationsPanel) -> dict[int, tuple[str, ...]]:
    """Per violation (its number in the report): its four cells and its tip, as shown."""
    table = panel.table
    out = {}
    for row in range(table.rowCount()):
        index = int(table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        cells = [table.item(row, col) for col in range(4)]
        out[index] = (*(c.text() for c in cells), cells[0].toolTip())
    return out


def test_a_drag_report_updates_only_the_violations_that_changed(qtbot, report) -> None:
    session = _session()
    panel = QtViolationsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(report)
    table = panel.table
    assert table.rowCount() == len(report.violations) >= 3
    table.sortItems(2, Qt.SortOrder.AscendingOrder)  # a sort the user chose
    before = {(r, c): table.item(r, c) for r in range(table.rowCount()) for c in range(4)}

    # the same violations in a new report (a drag that changed no violation): nothing redone
    session.set_report(replace(report, violations=tuple(report.violations)))
    assert all(table.item(r, c) is item for (r, c), item in before.items())

    # one violation's figures change, as when its site is dragged
    violations = list(report.violations)
    v = violations[1]
    violations[1] = replace(v, measured=float(v.measured) + 12.5, message="! moved " + v.message)
    moved = replace(report, violations=tuple(violations))
    session.set_report(moved)
    row = next(r for r in range(table.rowCount()) if panel.violation_at(r) is violations[1])
    old = {id(item) for item in before.values()}
    for r in range(table.rowCount()):  # only its row was made again (rows keep their items)
        assert all((id(table.item(r, c)) in old) == (r != row) for c in range(4)), r
    assert table.item(row, 2).text().startswith("! moved")
    assert f"{float(v.measured) + 12.5:,.1f}" in table.item(row, 0).toolTip()
    # the user's sort holds: the changed message moved its row to the top
    assert row == 0
    assert panel.violations == violations

    # what the list shows equals a list built from scratch for that report
    other = _session()
    fresh = QtViolationsPanel(other)
    qtbot.addWidget(fresh)
    other.set_report(moved)
    assert _shown(panel) == _shown(fresh)
    assert panel.summary.text() == fresh.summary.text()

    # one violation fewer: the list is built again
    session.set_report(replace(report, violations=tuple(violations[1:])))
    assert table.rowCount() == len(violations) - 1
    assert [panel.violation_at(r) for r in range(table.rowCount())].count(violations[1]) == 1


def test_a_report_that_changes_no_overlay_leaves_the_legend_alone(qtbot, report) -> None:
    from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas

    session = _session()
    canvas = QtMapCanvas()
    qtbot.addWidget(canvas)
    canvas.set_session(session)
    session.set_report(report)
    qtbot.wait(50)  # the overlays came: a new legend
    told: list[bool] = []
    canvas.legend_changed.connect(lambda: told.append(True))
    # a drag's report: new figures, the same layers and violations
    session.set_report(replace(report, indicators=tuple(report.indicators)))
    qtbot.wait(50)
    assert told == []
    # one violation fewer changes the violations overlay: the legend follows
    session.set_report(replace(report, violations=tuple(report.violations[1:])))
    qtbot.waitUntil(lambda: bool(told), timeout=5000)


def _indicator_cells(panel) -> list[tuple[str, ...]]:
    table = panel.table
    return [
        tuple(
            (table.item(r, c).text(), table.item(r, c).toolTip()) if table.item(r, c) else None
            for c in range(4)
        )
        for r in range(table.rowCount())
    ]


def test_a_drag_report_remakes_only_the_indicator_rows_that_changed(qtbot, report) -> None:
    from spaceplanner.ui.panels.qt_indicators_panel import QtIndicatorsPanel

    session = _session()
    panel = QtIndicatorsPanel(session)
    qtbot.addWidget(panel)
    session.set_report(report)
    table = panel.table
    items = {(r, c): table.item(r, c) for r in range(table.rowCount()) for c in range(4)}
    # the same figures in a new report: nothing made again
    session.set_report(replace(report, indicators=tuple(report.indicators)))
    assert all(table.item(r, c) is item for (r, c), item in items.items())

    # one indicator passes now that failed (or the other way): its row and its group's heading
    indicators = list(report.indicators)
    i = next(n for n, ind in enumerate(indicators) if ind.status in ("pass", "fail"))
    ind = indicators[i]
    flipped = "fail" if ind.status == "pass" else "pass"
    indicators[i] = replace(ind, value=(ind.value or 0.0) + 0.125, status=flipped)
    moved = replace(report, indicators=tuple(indicators))
    session.set_report(moved)
    line = next(r["table_row"] for r in panel.rows if r["id"] == ind.id)
    heading = max(r for r in panel.group_rows() if r < line)
    remade = {(r, c) for (r, c), item in items.items() if table.item(r, c) is not item}
    assert remade == {(line, c) for c in range(4)} | {(heading, 0)}
    assert [r["status"] for r in panel.rows if r["id"] == ind.id] == [flipped]

    # what the panel shows equals a panel built from scratch for that report
    other = _session()
    fresh = QtIndicatorsPanel(other)
    qtbot.addWidget(fresh)
    other.set_report(moved)
    assert _indicator_cells(panel) == _indicator_cells(fresh)
    assert panel.overall.text() == fresh.overall.text()
    assert panel.rows == fresh.rows

    # other indicators (one fewer): built again
    session.set_report(replace(report, indicators=tuple(indicators[1:])))
    assert len(panel.rows) == len(indicators) - 1


def _pixels(item: Any) -> bytes:
    """The bytes of a drag gaps item's image."""
    image = item._image
    assert image is not None
    return bytes(image.constBits().asstring(image.byteCount()))


def test_the_drag_gaps_image_of_an_update_equals_one_drawn_afresh(qtbot) -> None:
    """The mask image keeps its buffers from one update to the next: what an update draws is
    what a new item draws for the same residents (nothing left from the update before)."""
    import numpy as np
    from PyQt5.QtCore import QSize

    from spaceplanner.ui.canvas.qt_overlays import QtDragGapsItem

    rng = np.random.default_rng(2)
    xy = rng.uniform(0, 1000, (5000, 2))
    extent, size = (0.0, 0.0, 1000.0, 1000.0), QSize(320, 200)

    kept = QtDragGapsItem()
    for _ in range(3):
        mask = rng.random(len(xy)) < 0.3
        kept.draw(xy, extent, size, mask)
        fresh = QtDragGapsItem()
        fresh.draw(xy, extent, size, mask)
        assert kept.count == fresh.count == int(mask.sum())
        assert _pixels(kept) == _pixels(fresh)
    # the same residents again over the same view (another indicator changed): not redrawn
    image = kept._image
    kept.draw(xy, extent, size, mask.copy())
    assert kept._image is image and kept.count == int(mask.sum())
    kept.draw(xy, extent, QSize(100, 90), mask)  # another view size: other buffers
    fresh = QtDragGapsItem()
    fresh.draw(xy, extent, QSize(100, 90), mask)
    assert _pixels(kept) == _pixels(fresh)


def test_a_drag_update_redraws_only_around_the_residents_that_changed(qtbot) -> None:
    """A dragged site changes the state of a few residents: only the image around them is
    drawn again, and the image is the one a new item draws for the same residents, at the
    image's edges too; a change of many residents draws the whole image again."""
    import numpy as np
    from PyQt5.QtCore import QSize

    from spaceplanner.ui.canvas.qt_overlays import QtDragGapsItem

    rng = np.random.default_rng(7)
    xy = rng.uniform(0, 1000, (20_000, 2))
    extent, size = (0.0, 0.0, 1000.0, 1000.0), QSize(400, 300)

    kept = QtDragGapsItem()
    mask = rng.random(len(xy)) < 0.4
    kept.draw(xy, extent, size, mask)
    assert kept.redrawn == (0, 0, 300, 400)
    # a site moving across the view, then into a corner: a disc of residents changes state
    for cx, cy in [(200, 500), (300, 520), (400, 540), (990, 10), (5, 995)]:
        mask = mask.copy()
        near = np.hypot(xy[:, 0] - cx, xy[:, 1] - cy) < 60
        mask[near] = ~mask[near]
        kept.draw(xy, extent, size, mask)
        r0, c0, r1, c1 = kept.redrawn
        assert (r1 - r0) * (c1 - c0) < 300 * 400 / 10  # a window, not the image
        fresh = QtDragGapsItem()
        fresh.draw(xy, extent, size, mask)
        assert kept.count == fresh.count == int(mask.sum())
        assert _pixels(kept) == _pixels(fresh)
    many = rng.random(len(xy)) < 0.5
    kept.draw(xy, extent, size, many)
    assert kept.redrawn == (0, 0, 300, 400)
    fresh = QtDragGapsItem()
    fresh.draw(xy, extent, size, many)
    assert _pixels(kept) == _pixels(fresh)


def test_the_drag_gaps_image_of_a_view_a_few_pixels_high(qtbot) -> None:
    """A view squeezed to a few pixels (a window made very small): the image is drawn, each
    resident's dot clipped to it, as in a taller view cut to those rows."""
    import numpy as np
    from PyQt5.QtCore import QSize

    from spaceplanner.ui.canvas.qt_overlays import QtDragGapsItem

    xy = np.array([[10.0, 0.5], [50.0, 1.5], [90.0, 2.5]])
    for h in (1, 2, 3):
        item = QtDragGapsItem()
        item.draw(xy, (0.0, 0.0, 100.0, float(h)), QSize(100, h), np.ones(3, dtype=bool))
        assert item._image is not None and item._image.height() == h
        assert item.count == sum(1 for y in xy[:, 1] if y < h)
